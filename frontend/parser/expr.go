package parser

import (
	"github.com/async2go/async2go/frontend/ast"
)

func (p *parser) starExpressionsOrYield() ast.Expr {
	if p.isKw("yield") {
		return p.yieldExpr()
	}
	return p.starExpressions()
}

func (p *parser) yieldExpr() ast.Expr {
	t := p.next()
	pos := startPos(t)
	if p.acceptKw("from") {
		v := p.expression()
		p.finish(&pos)
		return &ast.YieldFrom{Pos: pos, Value: v}
	}
	var v ast.Expr
	if !p.endOfExpr() {
		v = p.starExpressions()
	}
	p.finish(&pos)
	return &ast.Yield{Pos: pos, Value: v}
}

func (p *parser) endOfExpr() bool {
	t := p.peek()
	if t.kind == tNewline || t.kind == tEOF {
		return true
	}
	if t.kind != tOp {
		return false
	}
	switch p.text(t) {
	case ")", "]", "}", ";", "=", ":", "!":
		return true
	}
	return false
}

// starExpressions parses a comma list that becomes a tuple (return a, b).
func (p *parser) starExpressions() ast.Expr {
	start := p.peek()
	first := p.starExpression()
	if !p.isOp(",") {
		return first
	}
	elts := append(p.arena.exprs(4), first)
	for p.acceptOp(",") {
		if p.endOfExpr() || p.isKw("in") {
			break
		}
		elts = append(elts, p.starExpression())
	}
	pos := startPos(start)
	p.finish(&pos)
	return &ast.Tuple{Pos: pos, Elts: elts, Ctx: ast.Load}
}

func (p *parser) starNamedExpressions() ast.Expr {
	start := p.peek()
	first := p.starNamedExpression()
	if !p.isOp(",") {
		return first
	}
	elts := append(p.arena.exprs(4), first)
	for p.acceptOp(",") {
		if p.endOfExpr() {
			break
		}
		elts = append(elts, p.starNamedExpression())
	}
	pos := startPos(start)
	p.finish(&pos)
	return &ast.Tuple{Pos: pos, Elts: elts, Ctx: ast.Load}
}

func (p *parser) starExpression() ast.Expr {
	if p.isOp("*") {
		t := p.next()
		pos := startPos(t)
		v := p.bitOr()
		p.finish(&pos)
		return &ast.Starred{Pos: pos, Value: v, Ctx: ast.Load}
	}
	return p.expression()
}

// starredArg parses a call's '*' expression argument.
func (p *parser) starredArg() ast.Expr {
	t := p.next()
	pos := startPos(t)
	v := p.expression()
	p.finish(&pos)
	return &ast.Starred{Pos: pos, Value: v, Ctx: ast.Load}
}

func (p *parser) starNamedExpression() ast.Expr {
	if p.isOp("*") {
		return p.starExpression()
	}
	return p.namedExpr()
}

func (p *parser) namedExpr() ast.Expr {
	if p.peek().kind == tName && p.peekIsOp(1, ":=") {
		t := p.next()
		p.next()
		np := startPos(t)
		np.EndLine, np.EndCol = t.endLine, t.endCol
		v := p.expression()
		pos := startPos(t)
		p.finish(&pos)
		return &ast.NamedExpr{Pos: pos, Target: &ast.Name{Pos: np, Id: p.text(t), Ctx: ast.Store}, Value: v}
	}
	return p.expression()
}

func (p *parser) expression() ast.Expr {
	if p.loneAtom() {
		return p.atom()
	}
	if p.isKw("lambda") {
		t := p.next()
		pos := startPos(t)
		args := p.arguments(":", false)
		p.expectOp(":")
		body := p.expression()
		p.finish(&pos)
		return &ast.Lambda{Pos: pos, Args: args, Body: body}
	}
	start := p.peek()
	e := p.disjunction()
	if p.isKw("if") {
		p.next()
		test := p.disjunction()
		if !p.acceptKw("else") {
			p.fail("expected 'else' after 'if' expression")
		}
		orelse := p.expression()
		pos := startPos(start)
		p.finish(&pos)
		return &ast.IfExp{Pos: pos, Test: test, Body: e, Orelse: orelse}
	}
	return e
}

// loneAtom reports whether the next expression is a name, a number or one
// string literal followed by a token that ends an expression (a comma, a
// closing bracket, ':', '=', ';', or the end of the line): the commonest
// expressions, which then skip the dozen levels of precedence that would
// each find nothing to do.
func (p *parser) loneAtom() bool {
	t := &p.toks[p.i]
	switch t.kind {
	case tName:
		if text := p.text(*t); isKeyword(text) && text != "None" && text != "True" && text != "False" {
			return false
		}
	case tNumber, tString:
	default:
		return false
	}
	if p.i+1 >= len(p.toks) {
		return false
	}
	n := &p.toks[p.i+1]
	switch n.kind {
	case tNewline:
		return true
	case tOp:
		if n.end-n.off == 1 {
			switch p.src[n.off] {
			case ',', ')', ']', '}', ':', '=', ';':
				return true
			}
		}
	}
	return false
}

func (p *parser) disjunction() ast.Expr {
	start := p.peek()
	e := p.conjunction()
	if !p.isKw("or") {
		return e
	}
	vals := append(p.arena.exprs(2), e)
	for p.acceptKw("or") {
		vals = append(vals, p.conjunction())
	}
	pos := startPos(start)
	p.finish(&pos)
	return &ast.BoolOp{Pos: pos, Op: ast.Or, Values: vals}
}

func (p *parser) conjunction() ast.Expr {
	start := p.peek()
	e := p.inversion()
	if !p.isKw("and") {
		return e
	}
	vals := append(p.arena.exprs(2), e)
	for p.acceptKw("and") {
		vals = append(vals, p.inversion())
	}
	pos := startPos(start)
	p.finish(&pos)
	return &ast.BoolOp{Pos: pos, Op: ast.And, Values: vals}
}

func (p *parser) inversion() ast.Expr {
	if p.isKw("not") {
		t := p.next()
		pos := startPos(t)
		v := p.inversion()
		p.finish(&pos)
		return &ast.UnaryOp{Pos: pos, Op: ast.Not, Operand: v}
	}
	return p.comparison()
}

func (p *parser) compOp() (ast.CmpOp, bool) {
	t := p.peek()
	if t.kind == tOp {
		switch p.text(t) {
		case "==":
			p.next()
			return ast.Eq, true
		case "!=":
			p.next()
			return ast.NotEq, true
		case "<":
			p.next()
			return ast.Lt, true
		case "<=":
			p.next()
			return ast.LtE, true
		case ">":
			p.next()
			return ast.Gt, true
		case ">=":
			p.next()
			return ast.GtE, true
		}
	}
	if t.kind == tName {
		switch p.text(t) {
		case "in":
			p.next()
			return ast.In, true
		case "is":
			p.next()
			if p.acceptKw("not") {
				return ast.IsNot, true
			}
			return ast.Is, true
		case "not":
			if n := p.peekAt(1); n.kind == tName && p.text(n) == "in" {
				p.next()
				p.next()
				return ast.NotIn, true
			}
		}
	}
	return 0, false
}

func (p *parser) comparison() ast.Expr {
	start := p.peek()
	left := p.bitOr()
	var ops []ast.CmpOp
	var comps []ast.Expr
	for {
		op, ok := p.compOp()
		if !ok {
			break
		}
		if ops == nil {
			ops, comps = p.arena.cmpOps(1), p.arena.exprs(1)
		}
		ops = append(ops, op)
		comps = append(comps, p.bitOr())
	}
	if len(ops) == 0 {
		return left
	}
	pos := startPos(start)
	p.finish(&pos)
	return p.arena.compare(ast.Compare{Pos: pos, Left: left, Ops: ops, Comparators: comps})
}

// The binary operators' precedence levels, loosest first.
const (
	precBitOr = 1 + iota
	precBitXor
	precBitAnd
	precShift
	precSum
	precTerm
)

// binOp is the AST operator of a binary operator token and its precedence,
// or precedence 0 for any other token.
func (p *parser) binOp(t *token) (ast.Operator, int) {
	if t.kind != tOp {
		return 0, 0
	}
	switch p.src[t.off:t.end] {
	case "|":
		return ast.BitOr, precBitOr
	case "^":
		return ast.BitXor, precBitXor
	case "&":
		return ast.BitAnd, precBitAnd
	case "<<":
		return ast.LShift, precShift
	case ">>":
		return ast.RShift, precShift
	case "+":
		return ast.Add, precSum
	case "-":
		return ast.Sub, precSum
	case "*":
		return ast.Mult, precTerm
	case "/":
		return ast.Div, precTerm
	case "//":
		return ast.FloorDiv, precTerm
	case "%":
		return ast.Mod, precTerm
	case "@":
		return ast.MatMult, precTerm
	}
	return 0, 0
}

// binary parses the binary operators of precedence minPrec and tighter by
// precedence climbing (all left-associative), over factors: one call per
// operand instead of one per grammar level.
func (p *parser) binary(minPrec int) ast.Expr {
	start := p.peek()
	e := p.factor()
	for {
		op, prec := p.binOp(&p.toks[p.i])
		if prec < minPrec || prec == 0 {
			return e
		}
		p.next()
		r := p.binary(prec + 1)
		pos := startPos(start)
		p.finish(&pos)
		e = p.arena.binOp(ast.BinOp{Pos: pos, Left: e, Op: op, Right: r})
	}
}

func (p *parser) bitOr() ast.Expr { return p.binary(precBitOr) }

func (p *parser) sum() ast.Expr { return p.binary(precSum) }

func (p *parser) factor() ast.Expr {
	t := p.peek()
	if t.kind == tOp && (p.text(t) == "+" || p.text(t) == "-" || p.text(t) == "~") {
		p.next()
		pos := startPos(t)
		v := p.factor()
		p.finish(&pos)
		op := ast.Invert
		switch p.text(t) {
		case "+":
			op = ast.UAdd
		case "-":
			op = ast.USub
		}
		return &ast.UnaryOp{Pos: pos, Op: op, Operand: v}
	}
	return p.power()
}

func (p *parser) power() ast.Expr {
	start := p.peek()
	e := p.awaitPrimary()
	if p.acceptOp("**") {
		r := p.factor()
		pos := startPos(start)
		p.finish(&pos)
		return &ast.BinOp{Pos: pos, Left: e, Op: ast.Pow, Right: r}
	}
	return e
}

func (p *parser) awaitPrimary() ast.Expr {
	if p.isKw("await") {
		t := p.next()
		pos := startPos(t)
		v := p.primaryExpr()
		p.finish(&pos)
		return &ast.Await{Pos: pos, Value: v}
	}
	return p.primaryExpr()
}

func (p *parser) primaryExpr() ast.Expr {
	start := p.peek()
	e := p.atom()
	for {
		pos := startPos(start)
		t := &p.toks[p.i]
		if t.kind != tOp || t.end-t.off != 1 {
			return e
		}
		switch {
		case p.acceptOp("."):
			attr := p.name()
			p.finish(&pos)
			e = p.arena.attribute(ast.Attribute{Pos: pos, Value: e, Attr: p.text(attr), Ctx: ast.Load})
		case p.acceptOp("("):
			open := p.prev()
			args, kws := p.callArgs()
			var gen *ast.GeneratorExp
			if len(args) == 1 && len(kws) == 0 && p.isKw("for") {
				// f(x for x in y): the genexp spans the parentheses.
				gen = &ast.GeneratorExp{Elt: args[0], Generators: p.comprehensionClauses()}
				args[0] = gen
			}
			p.expectOp(")")
			if gen != nil {
				gen.Pos = startPos(open)
				p.finish(&gen.Pos)
			}
			p.finish(&pos)
			e = p.arena.call(ast.Call{Pos: pos, Func: e, Args: args, Keywords: kws})
		case p.acceptOp("["):
			idx := p.slices()
			p.expectOp("]")
			p.finish(&pos)
			e = p.arena.subscript(ast.Subscript{Pos: pos, Value: e, Slice: idx, Ctx: ast.Load})
		default:
			return e
		}
	}
}

func (p *parser) slices() ast.Expr {
	start := p.peek()
	first := p.slice()
	if _, star := first.(*ast.Starred); !p.isOp(",") && !star {
		return first
	}
	elts := append(p.arena.exprs(4), first)
	for p.acceptOp(",") {
		if p.isOp("]") {
			break
		}
		elts = append(elts, p.slice())
	}
	pos := startPos(start)
	p.finish(&pos)
	return &ast.Tuple{Pos: pos, Elts: elts, Ctx: ast.Load}
}

func (p *parser) slice() ast.Expr {
	start := p.peek()
	var lower, upper, step ast.Expr
	if !p.isOp(":") {
		lower = p.starNamedExpression()
		if !p.isOp(":") {
			return lower
		}
	}
	p.expectOp(":")
	if !p.isOp(":") && !p.isOp("]") && !p.isOp(",") {
		upper = p.expression()
	}
	if p.acceptOp(":") {
		if !p.isOp("]") && !p.isOp(",") {
			step = p.expression()
		}
	}
	pos := startPos(start)
	p.finish(&pos)
	return &ast.Slice{Pos: pos, Lower: lower, Upper: upper, Step: step}
}

func (p *parser) callArgs() ([]ast.Expr, []*ast.Keyword) {
	if p.isOp(")") {
		return nil, nil
	}
	args := p.arena.exprs(4) // room for most calls' arguments
	var kws []*ast.Keyword
	for !p.isOp(")") {
		t := p.peek()
		switch {
		case p.acceptOp("**"):
			v := p.expression()
			pos := startPos(t)
			p.finish(&pos)
			kws = append(kws, p.arena.keyword(ast.Keyword{Pos: pos, Value: v}))
		case p.isOp("*"):
			if len(kws) > 0 && kws[len(kws)-1].Arg == "" {
				p.fail("iterable argument unpacking follows keyword argument unpacking")
			}
			args = append(args, p.starredArg())
		case t.kind == tName && p.peekIsOp(1, "="):
			p.next()
			p.next()
			v := p.expression()
			pos := startPos(t)
			p.finish(&pos)
			if kws == nil {
				kws = p.arena.keywords(2)
			}
			kws = append(kws, p.arena.keyword(ast.Keyword{Pos: pos, Arg: p.text(t), Value: v}))
		default:
			e := p.namedExpr()
			if p.isKw("for") {
				if len(args) == 0 && len(kws) == 0 {
					save := p.i
					p.comprehensionClauses()
					sole := p.isOp(")")
					p.i = save
					if sole {
						return []ast.Expr{e}, nil
					}
				}
				p.failAt(tokenAt(e), "SyntaxError", "Generator expression must be parenthesized")
			}
			if len(kws) > 0 {
				p.failAt(tokenAt(e), "SyntaxError", "positional argument follows keyword argument")
			}
			args = append(args, e)
			if n := p.peek(); !p.isOp(",") && !p.isOp(")") && (n.kind == tName && !isKeyword(p.text(n)) || n.kind == tNumber || n.kind == tString || n.kind == tFStart) {
				if _, isName := e.(*ast.Name); !(isName && (n.kind == tString || n.kind == tFStart)) {
					// invalid_expression: two expressions side by side.
					p.failAt(tokenAt(e), "SyntaxError", "invalid syntax. Perhaps you forgot a comma?")
				}
			}
		}
		if !p.acceptOp(",") {
			break
		}
	}
	return args, kws
}

// arguments parses a parameter list up to closer (")" for def, ":" for lambda).
func (p *parser) arguments(closer string, annotations bool) *ast.Arguments {
	a := p.arena.arguments()
	var params []*ast.Arg
	if !p.isOp(closer) {
		params = p.arena.argPtrs(4) // room for most parameter lists
	}
	var defaults []ast.Expr
	kwOnly := false
	for !p.isOp(closer) {
		switch {
		case p.acceptOp("/"):
			a.Posonlyargs = params
			params = nil
		case p.acceptOp("**"):
			a.Kwarg = p.param(annotations)
		case p.acceptOp("*"):
			kwOnly = true
			if !p.isOp(",") && !p.isOp(closer) {
				a.Vararg = p.paramStar(annotations)
			}
		default:
			arg := p.param(annotations)
			var def ast.Expr
			if p.acceptOp("=") {
				def = p.expression()
			}
			if kwOnly {
				a.Kwonlyargs = append(a.Kwonlyargs, arg)
				a.KwDefaults = append(a.KwDefaults, def)
			} else {
				if def != nil {
					defaults = append(defaults, def)
				} else if len(defaults) > 0 {
					p.fail("non-default argument follows default argument")
				}
				params = append(params, arg)
			}
		}
		if !p.acceptOp(",") {
			break
		}
	}
	a.Args = params
	a.Defaults = defaults
	return a
}

// paramStar parses the *args parameter, whose annotation may be starred
// (param_star_annotation: '*' Ts).
func (p *parser) paramStar(annotations bool) *ast.Arg {
	if !annotations {
		return p.param(false)
	}
	t := p.name()
	pos := startPos(t)
	arg := p.arena.arg(ast.Arg{Arg: p.text(t)})
	if p.acceptOp(":") {
		if p.isOp("*") {
			arg.Annotation = p.starExpression()
		} else {
			arg.Annotation = p.expression()
		}
	}
	p.finish(&pos)
	arg.Pos = pos
	return arg
}

func (p *parser) param(annotations bool) *ast.Arg {
	t := p.name()
	pos := startPos(t)
	arg := p.arena.arg(ast.Arg{Arg: p.text(t)})
	if annotations && p.acceptOp(":") {
		arg.Annotation = p.expression()
	}
	p.finish(&pos)
	arg.Pos = pos
	return arg
}

func (p *parser) nameExpr() ast.Expr {
	t := p.name()
	pos := startPos(t)
	p.finish(&pos)
	return p.arena.name(ast.Name{Pos: pos, Id: p.text(t), Ctx: ast.Load})
}

func (p *parser) atom() ast.Expr {
	t := p.peek()
	pos := startPos(t)
	switch t.kind {
	case tName:
		switch p.text(t) {
		case "None", "True", "False":
			p.next()
			p.finish(&pos)
			v := keywordConstant(p.text(t))
			return p.arena.constant(ast.Constant{Pos: pos, Value: v})
		}
		if isKeyword(p.text(t)) {
			p.fail("invalid syntax")
		}
		return p.nameExpr()
	case tNumber:
		p.next()
		p.finish(&pos)
		return p.arena.constant(ast.Constant{Pos: pos, Value: p.number(t)})
	case tString, tFStart:
		return p.strings()
	case tOp:
		switch p.text(t) {
		case "(":
			p.next()
			if p.acceptOp(")") {
				p.finish(&pos)
				return &ast.Tuple{Pos: pos, Ctx: ast.Load}
			}
			if p.isKw("yield") {
				e := p.yieldExpr()
				p.expectOp(")")
				return e
			}
			first := p.starNamedExpression()
			if p.isKw("for") || p.isKw("async") {
				gens := p.comprehensionClauses()
				p.expectOp(")")
				p.finish(&pos)
				return &ast.GeneratorExp{Pos: pos, Elt: first, Generators: gens}
			}
			if !p.isOp(",") {
				p.expectOp(")")
				return first
			}
			elts := append(p.arena.exprs(4), first)
			for p.acceptOp(",") {
				if p.isOp(")") {
					break
				}
				elts = append(elts, p.starNamedExpression())
			}
			p.expectOp(")")
			p.finish(&pos)
			return &ast.Tuple{Pos: pos, Elts: elts, Ctx: ast.Load}
		case "[":
			p.next()
			if p.acceptOp("]") {
				p.finish(&pos)
				return &ast.List{Pos: pos, Ctx: ast.Load}
			}
			first := p.starNamedExpression()
			if p.isKw("for") || p.isKw("async") {
				gens := p.comprehensionClauses()
				p.expectOp("]")
				p.finish(&pos)
				return &ast.ListComp{Pos: pos, Elt: first, Generators: gens}
			}
			elts := append(p.arena.exprs(4), first)
			for p.acceptOp(",") {
				if p.isOp("]") {
					break
				}
				elts = append(elts, p.starNamedExpression())
			}
			p.expectOp("]")
			p.finish(&pos)
			return &ast.List{Pos: pos, Elts: elts, Ctx: ast.Load}
		case "{":
			return p.dictOrSet()
		case "...":
			p.next()
			p.finish(&pos)
			return &ast.Constant{Pos: pos, Value: ast.EllipsisValue{}}
		}
	}
	if t.kind == tNewline || t.kind == tEOF {
		p.failAt(t, "SyntaxError", "invalid syntax")
	}
	p.fail("invalid syntax")
	return nil
}

func (p *parser) dictOrSet() ast.Expr {
	t := p.next()
	pos := startPos(t)
	if p.acceptOp("}") {
		p.finish(&pos)
		return &ast.Dict{Pos: pos}
	}
	var keys, vals []ast.Expr
	if p.acceptOp("**") {
		keys = append(keys, nil)
		vals = append(vals, p.bitOr())
	} else {
		first := p.starNamedExpression()
		if !p.acceptOp(":") {
			// A set.
			if p.isKw("for") || p.isKw("async") {
				gens := p.comprehensionClauses()
				p.expectOp("}")
				p.finish(&pos)
				return &ast.SetComp{Pos: pos, Elt: first, Generators: gens}
			}
			elts := append(p.arena.exprs(4), first)
			for p.acceptOp(",") {
				if p.isOp("}") {
					break
				}
				elts = append(elts, p.starNamedExpression())
			}
			p.expectOp("}")
			p.finish(&pos)
			return &ast.Set{Pos: pos, Elts: elts}
		}
		v := p.expression()
		if p.isKw("for") || p.isKw("async") {
			gens := p.comprehensionClauses()
			p.expectOp("}")
			p.finish(&pos)
			return &ast.DictComp{Pos: pos, Key: first, Value: v, Generators: gens}
		}
		keys = append(keys, first)
		vals = append(vals, v)
	}
	for p.acceptOp(",") {
		if p.isOp("}") {
			break
		}
		if p.acceptOp("**") {
			keys = append(keys, nil)
			vals = append(vals, p.bitOr())
			continue
		}
		k := p.expression()
		if !p.isOp(":") {
			p.failAt(tokenAt(k), "SyntaxError", "':' expected after dictionary key")
		}
		p.next()
		keys = append(keys, k)
		vals = append(vals, p.expression())
	}
	p.expectOp("}")
	p.finish(&pos)
	return &ast.Dict{Pos: pos, Keys: keys, Values: vals}
}

func (p *parser) comprehensionClauses() []*ast.Comprehension {
	var gens []*ast.Comprehension
	for p.isKw("for") || (p.isKw("async") && p.text(p.peekAt(1)) == "for") {
		isAsync := 0
		if p.acceptKw("async") {
			isAsync = 1
		}
		p.next()
		target := p.targetList()
		if !p.acceptKw("in") {
			p.fail("invalid syntax")
		}
		iter := p.disjunction()
		var ifs []ast.Expr
		for p.acceptKw("if") {
			ifs = append(ifs, p.disjunction())
		}
		gens = append(gens, &ast.Comprehension{Target: target, Iter: iter, Ifs: ifs, IsAsync: isAsync})
	}
	return gens
}
