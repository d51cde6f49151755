package parser

import (
	"math/big"
	"strconv"
	"strings"

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
	return t.kind == tOp && (t.text == ")" || t.text == "]" || t.text == "}" || t.text == ";" || t.text == "=" || t.text == ":")
}

// starExpressions parses a comma list that becomes a tuple (return a, b).
func (p *parser) starExpressions() ast.Expr {
	start := p.peek()
	first := p.starExpression()
	if !p.isOp(",") {
		return first
	}
	elts := []ast.Expr{first}
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
	elts := []ast.Expr{first}
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
		return &ast.NamedExpr{Pos: pos, Target: &ast.Name{Pos: np, Id: t.text, Ctx: ast.Store}, Value: v}
	}
	return p.expression()
}

func (p *parser) expression() ast.Expr {
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

func (p *parser) disjunction() ast.Expr {
	start := p.peek()
	e := p.conjunction()
	if !p.isKw("or") {
		return e
	}
	vals := []ast.Expr{e}
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
	vals := []ast.Expr{e}
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
		switch t.text {
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
		switch t.text {
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
			if n := p.peekAt(1); n.kind == tName && n.text == "in" {
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
		ops = append(ops, op)
		comps = append(comps, p.bitOr())
	}
	if len(ops) == 0 {
		return left
	}
	pos := startPos(start)
	p.finish(&pos)
	return &ast.Compare{Pos: pos, Left: left, Ops: ops, Comparators: comps}
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
func binOp(t *token) (ast.Operator, int) {
	if t.kind != tOp {
		return 0, 0
	}
	switch t.text {
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
		op, prec := binOp(&p.toks[p.i])
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
func (p *parser) sum() ast.Expr   { return p.binary(precSum) }

func (p *parser) factor() ast.Expr {
	t := p.peek()
	if t.kind == tOp && (t.text == "+" || t.text == "-" || t.text == "~") {
		p.next()
		pos := startPos(t)
		v := p.factor()
		p.finish(&pos)
		op := ast.Invert
		switch t.text {
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
		if t.kind != tOp || len(t.text) != 1 {
			return e
		}
		switch {
		case p.acceptOp("."):
			attr := p.name()
			p.finish(&pos)
			e = p.arena.attribute(ast.Attribute{Pos: pos, Value: e, Attr: attr.text, Ctx: ast.Load})
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
	elts := []ast.Expr{first}
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
	var args []ast.Expr
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
			kws = append(kws, p.arena.keyword(ast.Keyword{Pos: pos, Arg: t.text, Value: v}))
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
			if n := p.peek(); !p.isOp(",") && !p.isOp(")") && (n.kind == tName && !keywords[n.text] || n.kind == tNumber || n.kind == tString) {
				if _, isName := e.(*ast.Name); !(isName && n.kind == tString) {
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
	a := &ast.Arguments{}
	var params []*ast.Arg
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
	arg := p.arena.arg(ast.Arg{Arg: t.text})
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
	arg := p.arena.arg(ast.Arg{Arg: t.text})
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
	return p.arena.name(ast.Name{Pos: pos, Id: t.text, Ctx: ast.Load})
}

func (p *parser) atom() ast.Expr {
	t := p.peek()
	pos := startPos(t)
	switch t.kind {
	case tName:
		switch t.text {
		case "None", "True", "False":
			p.next()
			p.finish(&pos)
			v := map[string]ast.Value{"None": ast.NoneValue{}, "True": true, "False": false}[t.text]
			return p.arena.constant(ast.Constant{Pos: pos, Value: v})
		}
		if keywords[t.text] {
			p.fail("invalid syntax")
		}
		return p.nameExpr()
	case tNumber:
		p.next()
		p.finish(&pos)
		return p.arena.constant(ast.Constant{Pos: pos, Value: p.number(t)})
	case tString:
		return p.strings()
	case tOp:
		switch t.text {
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
			elts := []ast.Expr{first}
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
			elts := []ast.Expr{first}
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
			elts := []ast.Expr{first}
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
	for p.isKw("for") || (p.isKw("async") && p.peekAt(1).text == "for") {
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

func (p *parser) number(t token) ast.Value {
	s := t.text
	if strings.IndexByte(s, '_') >= 0 {
		s = strings.ReplaceAll(s, "_", "")
	}
	low := strings.ToLower(s) // s itself when it has no upper case
	if strings.HasSuffix(low, "j") {
		f, _ := strconv.ParseFloat(s[:len(s)-1], 64)
		return complex(0, f)
	}
	if len(low) > 1 && low[0] == '0' && (low[1] == 'x' || low[1] == 'o' || low[1] == 'b') {
		base := 16
		switch low[1] {
		case 'o':
			base = 8
		case 'b':
			base = 2
		}
		v, ok := new(big.Int).SetString(low[2:], base)
		if !ok {
			p.failAt(t, "SyntaxError", "invalid syntax")
		}
		return v
	}
	if strings.ContainsAny(low, ".e") {
		f, err := strconv.ParseFloat(s, 64)
		if err != nil && !strings.Contains(err.Error(), "range") {
			p.failAt(t, "SyntaxError", "invalid syntax")
		}
		return f
	}
	if len(low) > 1 && low[0] == '0' && strings.Trim(low, "0") != "" {
		p.failAt(t, "SyntaxError", "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers")
	}
	if len(s) <= 18 { // fits an int64: no big.Int parse
		if n, err := strconv.ParseInt(s, 10, 64); err == nil {
			return big.NewInt(n)
		}
	}
	v, _ := new(big.Int).SetString(s, 10)
	return v
}

// strings parses adjacent string literals into a Constant or JoinedStr.
func (p *parser) strings() ast.Expr {
	first := p.peek()
	pos := startPos(first)
	if p.peekAt(1).kind != tString {
		// The common case, one plain string literal: no parts to merge.
		prefix, body, raw := splitString(first.text)
		if strings.IndexAny(prefix, "fFbB") < 0 {
			p.next()
			kind := ""
			if strings.IndexAny(prefix, "uU") >= 0 {
				kind = "u"
			}
			pos.EndLine, pos.EndCol = first.endLine, first.endCol
			return p.arena.constant(ast.Constant{Pos: pos, Value: unescape(body, raw, false), Kind: kind})
		}
	}
	var parts []ast.Expr // Constant(str) and FormattedValue, merged
	var bytesVal []byte
	isBytes, anyF := false, false
	kind := ""
	n := 0
	for p.peek().kind == tString {
		t := p.next()
		prefix, body, raw := splitString(t.text)
		lp := strings.ToLower(prefix)
		if n == 0 && strings.Contains(lp, "u") {
			kind = "u"
		}
		if strings.Contains(lp, "b") {
			isBytes = true
			bytesVal = append(bytesVal, unescape(body, raw, true)...)
		} else if strings.Contains(lp, "f") {
			anyF = true
			parts = append(parts, p.fstring(t, body, raw, len(t.text)-len(body)-quoteLen(t.text))...)
		} else {
			cp := startPos(t)
			cp.EndLine, cp.EndCol = t.endLine, t.endCol
			parts = append(parts, &ast.Constant{Pos: cp, Value: unescape(body, raw, false)})
		}
		n++
	}
	p.finish(&pos)
	if isBytes {
		return &ast.Constant{Pos: pos, Value: ast.Bytes(bytesVal)}
	}
	// Merge each run of adjacent constants into one, joining the run's
	// values once (concatenating pairwise is quadratic in the run's length:
	// the encodings' decoding tables are runs of 256 literals).
	var merged []ast.Expr
	for i := 0; i < len(parts); {
		c, ok := parts[i].(*ast.Constant)
		if !ok {
			merged = append(merged, parts[i])
			i++
			continue
		}
		j, size := i, 0
		for ; j < len(parts); j++ {
			cj, ok := parts[j].(*ast.Constant)
			if !ok {
				break
			}
			size += len(cj.Value.(string))
		}
		cc := *c
		if j-i > 1 {
			var b strings.Builder
			b.Grow(size)
			for _, part := range parts[i:j] {
				b.WriteString(part.(*ast.Constant).Value.(string))
			}
			last := parts[j-1].(*ast.Constant)
			cc.Value = b.String()
			cc.EndLine, cc.EndCol = last.EndLine, last.EndCol
		}
		merged = append(merged, &cc)
		i = j
	}
	if !anyF {
		s := ""
		if len(merged) > 0 {
			s = merged[0].(*ast.Constant).Value.(string)
		}
		return &ast.Constant{Pos: pos, Value: s, Kind: kind}
	}
	var vals []ast.Expr
	for _, m := range merged {
		if c, ok := m.(*ast.Constant); ok && c.Value.(string) == "" {
			continue
		}
		vals = append(vals, m)
	}
	return &ast.JoinedStr{Pos: pos, Values: vals}
}

// quoteLen is the length of a string token's closing quote (1 or 3).
func quoteLen(text string) int {
	if strings.HasSuffix(text, `"""`) || strings.HasSuffix(text, "'''") {
		if len(text) >= 6 {
			return 3
		}
	}
	return 1
}

// posIn is the file position of byte off of token t's text.
func posIn(t token, off int) (line, col int) {
	line, col = t.line, t.col
	last := -1
	for i := 0; i < off && i < len(t.text); i++ {
		if t.text[i] == '\n' {
			line++
			last = i
		}
	}
	if last < 0 {
		return line, t.col + off
	}
	return line, off - last - 1
}

func spanIn(t token, from, to int) ast.Pos {
	l1, c1 := posIn(t, from)
	l2, c2 := posIn(t, to)
	return ast.Pos{Line: l1, Col: c1, EndLine: l2, EndCol: c2}
}

func splitString(text string) (prefix, body string, raw bool) {
	i := strings.IndexAny(text, "'\"")
	prefix = text[:i]
	q := text[i:]
	if len(q) >= 6 && (strings.HasPrefix(q, `"""`) || strings.HasPrefix(q, `'''`)) {
		body = q[3 : len(q)-3]
	} else {
		body = q[1 : len(q)-1]
	}
	return prefix, body, strings.ContainsAny(prefix, "rR")
}

func unescape(s string, raw, isBytes bool) string {
	if raw || !strings.Contains(s, "\\") {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c != '\\' || i+1 >= len(s) {
			b.WriteByte(c)
			continue
		}
		i++
		switch s[i] {
		case '\n':
		case '\\':
			b.WriteByte('\\')
		case '\'':
			b.WriteByte('\'')
		case '"':
			b.WriteByte('"')
		case 'a':
			b.WriteByte('\a')
		case 'b':
			b.WriteByte('\b')
		case 'f':
			b.WriteByte('\f')
		case 'n':
			b.WriteByte('\n')
		case 'r':
			b.WriteByte('\r')
		case 't':
			b.WriteByte('\t')
		case 'v':
			b.WriteByte('\v')
		case 'x':
			if i+2 < len(s)+0 && i+2 <= len(s)-1 || i+2 == len(s)-0 {
			}
			if i+2 < len(s)+1 {
				v, err := strconv.ParseUint(s[i+1:min(i+3, len(s))], 16, 8)
				if err == nil {
					if isBytes {
						b.WriteByte(byte(v))
					} else {
						b.WriteRune(rune(v))
					}
					i += 2
					continue
				}
			}
			b.WriteString("\\x")
		case 'u', 'U':
			n := 4
			if s[i] == 'U' {
				n = 8
			}
			if !isBytes && i+n < len(s)+0 || !isBytes && i+n == len(s)-1+1 {
				v, err := strconv.ParseUint(s[i+1:min(i+1+n, len(s))], 16, 32)
				if err == nil {
					if v >= 0xD800 && v <= 0xDFFF {
						writeSurrogate(&b, rune(v))
					} else {
						b.WriteRune(rune(v))
					}
					i += n
					continue
				}
			}
			b.WriteByte('\\')
			b.WriteByte(s[i])
		case 'N':
			if end := strings.IndexByte(s[i:], '}'); !isBytes && i+1 < len(s) && s[i+1] == '{' && end > 0 {
				if r, ok := lookupName(s[i+2 : i+end]); ok {
					b.WriteRune(r)
					i += end
					continue
				}
			}
			b.WriteByte('\\')
			b.WriteByte(s[i])
		case '0', '1', '2', '3', '4', '5', '6', '7':
			j := i
			for j < len(s) && j < i+3 && s[j] >= '0' && s[j] <= '7' {
				j++
			}
			v, _ := strconv.ParseUint(s[i:j], 8, 16)
			if isBytes {
				b.WriteByte(byte(v))
			} else {
				b.WriteRune(rune(v))
			}
			i = j - 1
		default:
			b.WriteByte('\\')
			b.WriteByte(s[i])
		}
	}
	return b.String()
}

// fstring parses the body of an f-string literal into constants and
// FormattedValue nodes.
// fstring parses the body of an f-string token t (body starts at byte base
// of t.text) into Constant and FormattedValue nodes with PEP 701 positions.
func (p *parser) fstring(t token, body string, raw bool, base int) []ast.Expr {
	var out []ast.Expr
	var lit strings.Builder
	litStart := -1
	flush := func(end int) {
		if lit.Len() > 0 {
			out = append(out, &ast.Constant{Pos: spanIn(t, base+litStart, base+end), Value: unescape(lit.String(), raw, false)})
			lit.Reset()
		}
		litStart = -1
	}
	mark := func(i int) {
		if litStart < 0 {
			litStart = i
		}
	}
	i := 0
	for i < len(body) {
		c := body[i]
		if c == '\\' && !raw && i+1 < len(body) && body[i+1] == '\\' {
			mark(i)
			lit.WriteString(`\\`)
			i += 2
			continue
		}
		if c == '\\' && !raw && i+2 < len(body) && body[i+1] == 'N' && body[i+2] == '{' {
			// \N{NAME}: the braces belong to the escape.
			if k := strings.IndexByte(body[i:], '}'); k > 0 {
				mark(i)
				lit.WriteString(body[i : i+k+1])
				i += k + 1
				continue
			}
		}
		if c == '{' && i+1 < len(body) && body[i+1] == '{' {
			mark(i)
			lit.WriteByte('{')
			i += 2
			continue
		}
		if c == '}' && i+1 < len(body) && body[i+1] == '}' {
			mark(i)
			lit.WriteByte('}')
			i += 2
			continue
		}
		if c == '}' {
			p.failAt(t, "SyntaxError", "f-string: single '}' is not allowed")
		}
		if c != '{' {
			mark(i)
			lit.WriteByte(c)
			i++
			continue
		}
		// A replacement field: find its end, respecting nesting and strings.
		j := i + 1
		depth := 0
		exprEnd := -1
		for j < len(body) {
			d := body[j]
			if d == '#' {
				// A comment in a multi-line replacement field runs to the
				// end of its line.
				for j < len(body) && body[j] != '\n' {
					j++
				}
				continue
			}
			if d == '\'' || d == '"' {
				if j+2 < len(body) && body[j+1] == d && body[j+2] == d {
					end := strings.Index(body[j+3:], body[j:j+3])
					if end < 0 {
						j = len(body)
					} else {
						j += 3 + end + 3
					}
					continue
				}
				k := j + 1
				for k < len(body) && body[k] != d {
					k++
				}
				j = k + 1
				continue
			}
			if d == '[' || d == '(' || d == '{' {
				depth++
			} else if d == ']' || d == ')' || (d == '}' && depth > 0) {
				depth--
			} else if depth == 0 && (d == '}' || d == '!' && j+1 < len(body) && body[j+1] != '=' || d == ':') {
				exprEnd = j
				break
			}
			j++
		}
		if exprEnd < 0 {
			p.failAt(t, "SyntaxError", "f-string: expecting '}'")
		}
		exprText := body[i+1 : exprEnd]
		debug := ""
		stripped := stripComments(exprText)
		trimmed := strings.TrimRight(stripped, " \t\n\r\f")
		if strings.HasSuffix(trimmed, "=") && !strings.HasSuffix(trimmed, "==") && !strings.HasSuffix(trimmed, "!=") && !strings.HasSuffix(trimmed, "<=") && !strings.HasSuffix(trimmed, ">=") {
			debug = stripped
			exprText = trimmed[:len(trimmed)-1]
		}
		el, ec := posIn(t, base+i+1)
		expr := p.subExpr(t, exprText, el, ec)
		conv := -1
		k := exprEnd
		if body[k] == '!' {
			conv = int(body[k+1])
			k += 2
			for k < len(body) && (body[k] == ' ' || body[k] == '\t' || body[k] == '\n') {
				k++
			}
		} else if debug != "" {
			conv = 'r'
		}
		var spec ast.Expr
		if k < len(body) && body[k] == ':' {
			// The spec runs to the matching '}', and may hold nested fields.
			m := k + 1
			d := 0
			for m < len(body) {
				if d > 0 && (body[m] == '"' || body[m] == '\'') {
					// A string inside a nested field may hold braces.
					if e := strings.IndexByte(body[m+1:], body[m]); e >= 0 {
						m += e + 2
						continue
					}
				}
				if body[m] == '{' {
					d++
				} else if body[m] == '}' {
					if d == 0 {
						break
					}
					d--
				}
				m++
			}
			specParts := p.fstring(t, body[k+1:m], raw, base+k+1)
			if n := len(specParts); n > 0 {
				// CPython 3.12 ends a spec whose last part is a
				// replacement field with an empty string.
				if _, ok := specParts[n-1].(*ast.FormattedValue); ok {
					specParts = append(specParts, &ast.Constant{Pos: spanIn(t, base+m, base+m), Value: ""})
				}
			}
			spec = &ast.JoinedStr{Pos: spanIn(t, base+k, base+m), Values: specParts}
			if debug != "" && conv == 'r' && body[exprEnd] != '!' {
				conv = -1
			}
			k = m
		}
		if k >= len(body) || body[k] != '}' {
			p.failAt(t, "SyntaxError", "f-string: expecting '}'")
		}
		if debug != "" {
			if lit.Len() > 0 {
				flush(i)
			}
			mark(i + 1)
			lit.WriteString(debug)
			flush(exprEnd)
		}
		flush(i)
		out = append(out, &ast.FormattedValue{Pos: spanIn(t, base+i, base+k+1), Value: expr, Conversion: conv, FormatSpec: spec})
		i = k + 1
	}
	flush(len(body))
	return out
}

// subExpr parses the expression of an f-string replacement field, which
// starts at line, col of the file.
func (p *parser) subExpr(t token, text string, line, col int) ast.Expr {
	if strings.TrimSpace(text) == "" {
		p.failAt(t, "SyntaxError", "f-string: valid expression required before '}'")
	}
	snippet := "(" + text + ")"
	toks, err := scanText(p.filename, snippet, newLines(snippet), nil)
	if err != nil {
		panic(bail{err})
	}
	// Move the positions from the "(" + text + ")" snippet into the file.
	shift := func(l, c int) (int, int) {
		if l == 1 {
			return line, col + c - 1
		}
		return line + l - 1, c
	}
	for i := range toks {
		toks[i].line, toks[i].col = shift(toks[i].line, toks[i].col)
		toks[i].endLine, toks[i].endCol = shift(toks[i].endLine, toks[i].endCol)
	}
	// Drop the added parentheses: a bare tuple spans its elements only.
	if len(toks) > 0 && toks[0].kind == tOp && toks[0].text == "(" {
		for j := len(toks) - 1; j > 0; j-- {
			if toks[j].kind == tOp && toks[j].text == ")" {
				toks = append(toks[1:j:j], toks[j+1:]...)
				break
			}
		}
	}
	sub := &parser{toks: toks, lines: p.lines, filename: p.filename, arena: p.arena}
	e := sub.starExpressionsOrYield()
	return e
}

// stripComments removes the comments of a replacement field's text, as the
// '=' debug text shows it.
func stripComments(s string) string {
	if strings.IndexByte(s, '#') < 0 {
		return s
	}
	var b strings.Builder
	var q byte
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case q != 0:
			if c == q {
				q = 0
			}
		case c == '\'' || c == '"':
			q = c
		case c == '#':
			for i < len(s) && s[i] != '\n' {
				i++
			}
			if i < len(s) {
				b.WriteByte('\n')
			}
			continue
		}
		b.WriteByte(c)
	}
	return b.String()
}
