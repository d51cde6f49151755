package parser

import (
	"fmt"
	"strings"

	"github.com/async2go/async2go/frontend/ast"
)

// ParseFile parses a Python module. A syntax error is returned as *Error.
func ParseFile(filename string, src []byte) (*ast.Module, error) {
	toks, names, lines, serr := scan(filename, src)
	p := &parser{toks: toks, src: lines.text, names: names, lines: lines, filename: filename, arena: newArena(len(toks))}
	mod, perr := p.module()
	putTokens(toks)
	if serr == nil {
		if perr != nil {
			return nil, perr
		}
		return mod, nil
	}
	// Both the tokenizer and the parser may have failed before the end:
	// report what CPython reports. Having failed, pegen tokenizes the rest
	// of the file (_PyPegen_set_syntax_error,
	// _PyPegen_tokenize_full_source_to_check_for_errors): an unclosed
	// bracket wins over a parser error on a later line, and an error the
	// tokenizer raises itself wins unless it is met inside an f-string.
	if perr != nil && !p.atEnd {
		if strings.HasSuffix(serr.Msg, "was never closed") {
			if perr.Line <= serr.Line {
				return nil, perr
			}
		} else if serr.inFString || !raisedByTokenizer(serr) {
			return nil, perr
		}
	}
	return nil, serr
}

// raisedByTokenizer reports whether CPython's tokenizer raises e itself
// (with syntaxerror()), rather than returning an error token the parser
// reports: an unexpected indent is the parser's, and a bad dedent or
// line continuation only an error code.
func raisedByTokenizer(e *Error) bool {
	switch e.Msg {
	case "unexpected indent", "unindent does not match any outer indentation level", "unexpected character after line continuation character":
		return false
	}
	if r := strings.TrimPrefix(e.Msg, "invalid character '"); r != e.Msg && r[0] < 0x80 {
		// An ASCII character no token begins with: the parser's error.
		return false
	}
	return e.Kind == "SyntaxError"
}

func (p *parser) module() (mod *ast.Module, err *Error) {
	defer func() {
		if r := recover(); r != nil {
			b, ok := r.(bail)
			if !ok {
				panic(r)
			}
			mod, err = nil, b.err
			p.atEnd = p.peek().kind == tEOF
		}
	}()
	m := &ast.Module{}
	for p.peek().kind != tEOF {
		if p.peek().kind == tNewline {
			p.next()
			continue
		}
		m.Body = p.statement(m.Body)
	}
	return m, nil
}

type parser struct {
	atEnd    bool // the parser failed at the end of the tokens
	toks     []token
	src      string   // the text the tokens were scanned from
	names    []string // normalized identifiers (see token)
	i        int
	lines    *lines
	filename string
	arena    *arena
	stmts    []ast.Stmt // the statements of the blocks being parsed
}

// text is t's text.
func (p *parser) text(t token) string {
	if t.off < 0 {
		return p.names[^t.off]
	}
	return p.src[t.off:t.end]
}

func (p *parser) peek() token { return p.toks[p.i] }

func (p *parser) peekAt(n int) token {
	if p.i+n < len(p.toks) {
		return p.toks[p.i+n]
	}
	return p.toks[len(p.toks)-1]
}

func (p *parser) next() token {
	t := p.toks[p.i]
	if p.i < len(p.toks)-1 {
		p.i++
	}
	return t
}

func (p *parser) prev() token { return p.toks[p.i-1] }

// isOp reports whether the next token is the operator s. It is called for
// nearly every token, often several times: it reads the token in place and
// compares lengths and first bytes before whole strings.
func (p *parser) isOp(s string) bool {
	t := &p.toks[p.i]
	return t.kind == tOp && sameText(p.src[t.off:t.end], s)
}

// isKw reports whether the next token is the name s.
func (p *parser) isKw(s string) bool {
	t := &p.toks[p.i]
	return t.kind == tName && sameText(p.text(*t), s)
}

// sameText is text == s for a non-empty s.
func sameText(text, s string) bool {
	return len(text) == len(s) && text[0] == s[0] && (len(s) == 1 || text[1:] == s[1:])
}

func (p *parser) acceptOp(s string) bool {
	if p.isOp(s) {
		p.i++ // not past the end: the last token is EOF
		return true
	}
	return false
}

func (p *parser) acceptKw(s string) bool {
	if p.isKw(s) {
		p.i++ // not past the end: the last token is EOF
		return true
	}
	return false
}

func (p *parser) expectOp(s string) token {
	if !p.isOp(s) {
		if s == ":" && p.peek().kind == tNewline {
			p.failAt(p.prev(), "SyntaxError", "expected ':'")
		}
		p.fail("invalid syntax")
	}
	return p.next()
}

// isKeyword reports whether name is one of Python's hard keywords (a
// switch: cheaper than hashing name for a map).
func isKeyword(name string) bool {
	switch name {
	case "False", "None", "True", "and", "as", "assert", "async", "await", "break",
		"class", "continue", "def", "del", "elif", "else", "except", "finally", "for",
		"from", "global", "if", "import", "in", "is", "lambda", "nonlocal", "not",
		"or", "pass", "raise", "return", "try", "while", "with", "yield":
		return true
	}
	return false
}

func (p *parser) name() token {
	t := p.peek()
	if t.kind != tName || isKeyword(p.text(t)) {
		p.fail("invalid syntax")
	}
	return p.next()
}

func startPos(t token) ast.Pos { return ast.Pos{Line: t.line, Col: t.col} }

func (p *parser) finish(pos *ast.Pos) {
	t := p.prev()
	pos.EndLine, pos.EndCol = t.endLine, t.endCol
}

func spanOf(n ast.Located) ast.Pos { return *n.Span() }

func span(from, to ast.Located) ast.Pos {
	a, b := from.Span(), to.Span()
	return ast.Pos{Line: a.Line, Col: a.Col, EndLine: b.EndLine, EndCol: b.EndCol}
}

// ---- statements ----

// block parses `: suite`; what and line name the statement for CPython's
// "expected an indented block after … on line N".
func (p *parser) block(what string, line int) []ast.Stmt {
	p.expectOp(":")
	if p.peek().kind != tNewline {
		return p.simpleStatements(nil)
	}
	p.next()
	if p.peek().kind != tIndent {
		p.failAt(p.peek(), "IndentationError", fmt.Sprintf("expected an indented block after %s on line %d", what, line))
	}
	p.next()
	// The statements collect on p.stmts, a stack shared with the nested
	// blocks, and are copied out once at the block's end.
	mark := len(p.stmts)
	for p.peek().kind != tDedent && p.peek().kind != tEOF {
		p.stmts = p.statement(p.stmts)
	}
	body := p.arena.stmts(p.stmts[mark:])
	clear(p.stmts[mark:])
	p.stmts = p.stmts[:mark]
	if len(body) == 0 {
		// Only reachable when the tokens stop early (after a tokenizer
		// error): the block has no statement to end a span with.
		p.fail("invalid syntax")
	}
	p.next()
	return body
}

// statement parses a statement (several for simple statements joined by
// ';'), appending to out.
func (p *parser) statement(out []ast.Stmt) []ast.Stmt {
	t := p.peek()
	if t.kind == tName {
		switch p.text(t) {
		case "def", "class", "if", "while", "for", "try", "with":
			return append(out, p.compound(nil))
		case "async":
			if n := p.peekAt(1); n.kind == tName && (p.text(n) == "def" || p.text(n) == "for" || p.text(n) == "with") {
				return append(out, p.compound(nil))
			}
		case "match":
			if s := p.tryMatch(); s != nil {
				return append(out, s)
			}
		}
	}
	if p.isOp("@") {
		var decos []ast.Expr
		for p.acceptOp("@") {
			decos = append(decos, p.namedExpr())
			if p.peek().kind != tNewline {
				p.fail("invalid syntax")
			}
			p.next()
		}
		return append(out, p.compound(decos))
	}
	return p.simpleStatements(out)
}

func (p *parser) simpleStatements(out []ast.Stmt) []ast.Stmt {
	for {
		out = append(out, p.simpleStatement())
		if !p.acceptOp(";") {
			break
		}
		if p.peek().kind == tNewline {
			break
		}
	}
	if p.peek().kind != tNewline {
		p.fail("invalid syntax")
	}
	p.next()
	return out
}

func (p *parser) compound(decos []ast.Expr) ast.Stmt {
	start := p.peek()
	if len(decos) > 0 {
		start = p.toks[p.i]
	}
	isAsync := p.acceptKw("async")
	kw := p.next()
	pos := startPos(start)
	switch p.text(kw) {
	case "def":
		name := p.text(p.name())
		tparams := p.typeParams()
		p.expectOp("(")
		args := p.arguments(")", true)
		p.expectOp(")")
		var returns ast.Expr
		if p.acceptOp("->") {
			returns = p.expression()
		}
		body := p.block("function definition", kw.line)
		p.endAt(&pos, body, nil)
		if isAsync {
			return &ast.AsyncFunctionDef{Pos: pos, Name: name, Args: args, Body: body, DecoratorList: decos, Returns: returns, TypeParams: tparams}
		}
		return p.arena.functionDef(ast.FunctionDef{Pos: pos, Name: name, Args: args, Body: body, DecoratorList: decos, Returns: returns, TypeParams: tparams})
	case "class":
		name := p.text(p.name())
		tparams := p.typeParams()
		var bases []ast.Expr
		var kws []*ast.Keyword
		if p.acceptOp("(") {
			bases, kws = p.callArgs()
			p.expectOp(")")
		}
		body := p.block("class definition", kw.line)
		p.endAt(&pos, body, nil)
		return &ast.ClassDef{Pos: pos, Name: name, Bases: bases, Keywords: kws, Body: body, DecoratorList: decos, TypeParams: tparams}
	case "if":
		return p.ifStmt(pos)
	case "while":
		test := p.namedExpr()
		body := p.block("'while' statement", kw.line)
		var orelse []ast.Stmt
		if p.isKw("else") {
			e := p.next()
			orelse = p.block("'else' statement", e.line)
		}
		p.endAt(&pos, body, orelse)
		return &ast.While{Pos: pos, Test: test, Body: body, Orelse: orelse}
	case "for":
		target := p.targetList()
		if !p.acceptKw("in") {
			p.fail("invalid syntax")
		}
		iter := p.starExpressions()
		body := p.block("'for' statement", kw.line)
		var orelse []ast.Stmt
		if p.isKw("else") {
			e := p.next()
			orelse = p.block("'else' statement", e.line)
		}
		p.endAt(&pos, body, orelse)
		if isAsync {
			return &ast.AsyncFor{Pos: pos, Target: target, Iter: iter, Body: body, Orelse: orelse}
		}
		return &ast.For{Pos: pos, Target: target, Iter: iter, Body: body, Orelse: orelse}
	case "with":
		var items []*ast.WithItem
		paren := false
		if p.isOp("(") && p.withParenthesized() {
			p.next()
			paren = true
		}
		for {
			if paren && p.isOp(")") {
				break
			}
			ctx := p.expression()
			var vars ast.Expr
			if p.acceptKw("as") {
				vars = p.target()
			}
			items = append(items, &ast.WithItem{ContextExpr: ctx, OptionalVars: vars})
			if !p.acceptOp(",") {
				break
			}
		}
		if paren {
			p.expectOp(")")
		}
		body := p.block("'with' statement", kw.line)
		p.endAt(&pos, body, nil)
		if isAsync {
			return &ast.AsyncWith{Pos: pos, Items: items, Body: body}
		}
		return &ast.With{Pos: pos, Items: items, Body: body}
	case "try":
		body := p.block("'try' statement", kw.line)
		var handlers []ast.ExceptHandlerNode
		star := false
		for p.isKw("except") {
			ht := p.next()
			hpos := startPos(ht)
			thisStar := p.acceptOp("*")
			if len(handlers) > 0 && thisStar != star {
				p.failAt(ht, "SyntaxError", "cannot have both 'except' and 'except*' on the same 'try'")
			}
			star = thisStar
			var typ ast.Expr
			name := ""
			if !p.isOp(":") {
				typ = p.expression()
				if p.isOp(",") {
					elts := []ast.Expr{typ}
					for p.acceptOp(",") {
						elts = append(elts, p.expression())
					}
					p.failAt(p.toks[p.i-1], "SyntaxError", "multiple exception types must be parenthesized")
				}
				if p.acceptKw("as") {
					name = p.text(p.name())
				}
			}
			hbody := p.block("'except' statement", ht.line)
			p.endAt(&hpos, hbody, nil)
			handlers = append(handlers, &ast.ExceptHandler{Pos: hpos, Type: typ, Name: name, Body: hbody})
		}
		var orelse, final []ast.Stmt
		if p.isKw("else") {
			e := p.next()
			orelse = p.block("'else' statement", e.line)
		}
		if p.isKw("finally") {
			f := p.next()
			final = p.block("'finally' statement", f.line)
		}
		if len(handlers) == 0 && final == nil {
			j := p.i - 1
			for j > 0 && (p.toks[j].kind == tDedent || p.toks[j].kind == tNewline) {
				j--
			}
			p.failAt(p.toks[j], "SyntaxError", "expected 'except' or 'finally' block")
		}
		last := final
		if last == nil {
			last = orelse
		}
		if last == nil {
			last = handlers[len(handlers)-1].(*ast.ExceptHandler).Body
		}
		p.endAt(&pos, last, nil)
		if star {
			return &ast.TryStar{Pos: pos, Body: body, Handlers: handlers, Orelse: orelse, Finalbody: final}
		}
		return &ast.Try{Pos: pos, Body: body, Handlers: handlers, Orelse: orelse, Finalbody: final}
	}
	p.failAt(kw, "SyntaxError", "invalid syntax")
	return nil
}

// typeParams parses an optional PEP 695 type parameter list.
func (p *parser) typeParams() []ast.TypeParam {
	if !p.acceptOp("[") {
		return nil
	}
	var out []ast.TypeParam
	for !p.isOp("]") {
		t := p.peek()
		pos := startPos(t)
		switch {
		case p.acceptOp("**"):
			n := p.text(p.name())
			p.finish(&pos)
			out = append(out, &ast.ParamSpec{Pos: pos, Name: n})
		case p.acceptOp("*"):
			n := p.text(p.name())
			p.finish(&pos)
			out = append(out, &ast.TypeVarTuple{Pos: pos, Name: n})
		default:
			n := p.text(p.name())
			var bound ast.Expr
			if p.acceptOp(":") {
				bound = p.expression()
			}
			p.finish(&pos)
			out = append(out, &ast.TypeVar{Pos: pos, Name: n, Bound: bound})
		}
		if !p.acceptOp(",") {
			break
		}
	}
	p.expectOp("]")
	return out
}

// withParenthesized reports whether `with (` opens a parenthesized list of
// with-items rather than an expression.
func (p *parser) withParenthesized() bool {
	depth := 0
	for j := p.i; j < len(p.toks); j++ {
		t := p.toks[j]
		if t.kind == tOp {
			switch p.text(t) {
			case "(", "[", "{":
				depth++
			case ")", "]", "}":
				depth--
				if depth == 0 {
					n := p.toks[j+1]
					return n.kind == tOp && p.text(n) == ":"
				}
			}
		}
		if depth == 1 && t.kind == tName && p.text(t) == "as" {
			return true
		}
	}
	return false
}

func (p *parser) endAt(pos *ast.Pos, body, orelse []ast.Stmt) {
	last := body
	if len(orelse) > 0 {
		last = orelse
	}
	end := last[len(last)-1].Span()
	pos.EndLine, pos.EndCol = end.EndLine, end.EndCol
	// Like pegen, end at the last token consumed that is not whitespace:
	// a trailing ';' counts.
	for i := p.i - 1; i >= 0 && i < len(p.toks); i-- {
		t := p.toks[i]
		if t.kind == tNewline || t.kind == tIndent || t.kind == tDedent || t.kind == tEOF {
			continue
		}
		if t.kind == tOp && p.text(t) == ";" && (t.line > end.EndLine || t.line == end.EndLine && t.col >= end.EndCol) {
			pos.EndLine, pos.EndCol = t.endLine, t.endCol
		}
		break
	}
}

func (p *parser) ifStmt(pos ast.Pos) ast.Stmt {
	kw := p.prev()
	test := p.namedExpr()
	what := "'if' statement"
	if p.text(kw) == "elif" {
		what = "'elif' statement"
	}
	body := p.block(what, kw.line)
	var orelse []ast.Stmt
	if p.isKw("elif") {
		t := p.next()
		orelse = []ast.Stmt{p.ifStmt(startPos(t))}
	} else if p.isKw("else") {
		e := p.next()
		orelse = p.block("'else' statement", e.line)
	}
	p.endAt(&pos, body, orelse)
	return p.arena.ifStmt(ast.If{Pos: pos, Test: test, Body: body, Orelse: orelse})
}

func (p *parser) peekIsOp(n int, s string) bool {
	t := p.peekAt(n)
	return t.kind == tOp && p.text(t) == s
}

func (p *parser) simpleStatement() ast.Stmt {
	t := p.peek()
	pos := startPos(t)
	if t.kind == tName {
		switch p.text(t) {
		case "pass":
			p.next()
			p.finish(&pos)
			return &ast.Pass{Pos: pos}
		case "break":
			p.next()
			p.finish(&pos)
			return &ast.Break{Pos: pos}
		case "continue":
			p.next()
			p.finish(&pos)
			return &ast.Continue{Pos: pos}
		case "return":
			p.next()
			var v ast.Expr
			if p.peek().kind != tNewline && !p.isOp(";") {
				v = p.starExpressions()
			}
			p.finish(&pos)
			return p.arena.returnStmt(ast.Return{Pos: pos, Value: v})
		case "raise":
			p.next()
			var exc, cause ast.Expr
			if p.peek().kind != tNewline && !p.isOp(";") {
				exc = p.expression()
				if p.acceptKw("from") {
					cause = p.expression()
				}
			}
			p.finish(&pos)
			return &ast.Raise{Pos: pos, Exc: exc, Cause: cause}
		case "global", "nonlocal":
			p.next()
			var names []string
			for {
				names = append(names, p.text(p.name()))
				if !p.acceptOp(",") {
					break
				}
			}
			p.finish(&pos)
			if p.text(t) == "global" {
				return &ast.Global{Pos: pos, Names: names}
			}
			return &ast.Nonlocal{Pos: pos, Names: names}
		case "del":
			p.next()
			var targets []ast.Expr
			for {
				e := p.primaryExpr()
				if _, ok := e.(*ast.Call); ok {
					p.failAt(tokenAt(e), "SyntaxError", "cannot delete function call")
				}
				targets = append(targets, setCtx(e, ast.Del))
				if !p.acceptOp(",") || p.peek().kind == tNewline {
					break
				}
			}
			p.finish(&pos)
			return &ast.Delete{Pos: pos, Targets: targets}
		case "assert":
			p.next()
			test := p.expression()
			var msg ast.Expr
			if p.acceptOp(",") {
				msg = p.expression()
			}
			p.finish(&pos)
			return &ast.Assert{Pos: pos, Test: test, Msg: msg}
		case "import":
			p.next()
			var names []*ast.Alias
			for {
				a := p.dottedAlias()
				names = append(names, a)
				if !p.acceptOp(",") {
					break
				}
			}
			if p.isKw("from") {
				// invalid_import: import a from b
				p.failAt(t, "SyntaxError", "Did you mean to use 'from ... import ...' instead?")
			}
			p.finish(&pos)
			return &ast.Import{Pos: pos, Names: names}
		case "from":
			p.next()
			level := 0
			for p.isOp(".") || p.isOp("...") {
				level += len(p.text(p.next()))
			}
			mod := ""
			if !p.isKw("import") {
				mod = p.dottedName()
			}
			if !p.acceptKw("import") {
				p.fail("invalid syntax")
			}
			var names []*ast.Alias
			if p.isOp("*") {
				st := p.next()
				ap := startPos(st)
				p.finish(&ap)
				names = append(names, &ast.Alias{Pos: ap, Name: "*"})
			} else {
				paren := p.acceptOp("(")
				for {
					if paren && p.isOp(")") {
						break
					}
					nt := p.name()
					ap := startPos(nt)
					a := &ast.Alias{Name: p.text(nt)}
					if p.acceptKw("as") {
						a.Asname = p.text(p.name())
					}
					p.finish(&ap)
					a.Pos = ap
					names = append(names, a)
					if !p.acceptOp(",") {
						break
					}
				}
				if paren {
					p.expectOp(")")
				}
			}
			p.finish(&pos)
			return &ast.ImportFrom{Pos: pos, Module: mod, Names: names, Level: level}
		case "type":
			if n := p.peekAt(1); n.kind == tName && p.peekIsOp(2, "=") {
				p.next()
				nt := p.next()
				np := startPos(nt)
				p.finish(&np)
				p.next()
				v := p.expression()
				p.finish(&pos)
				return &ast.TypeAlias{Pos: pos, Name: &ast.Name{Pos: np, Id: p.text(nt), Ctx: ast.Store}, Value: v}
			}
			if n := p.peekAt(1); n.kind == tName && p.peekIsOp(2, "[") {
				p.next()
				nt := p.next()
				np := startPos(nt)
				np.EndLine, np.EndCol = nt.endLine, nt.endCol
				tps := p.typeParams()
				p.expectOp("=")
				v := p.expression()
				p.finish(&pos)
				return &ast.TypeAlias{Pos: pos, Name: &ast.Name{Pos: np, Id: p.text(nt), Ctx: ast.Store}, TypeParams: tps, Value: v}
			}
		}
	}
	// Expression, assignment, augmented or annotated assignment.
	first := p.starExpressionsOrYield()
	if p.isOp(":") && !p.isOp("=") {
		p.next()
		ann := p.expression()
		var v ast.Expr
		if p.acceptOp("=") {
			v = p.starExpressionsOrYield()
		}
		p.finish(&pos)
		_, simple := first.(*ast.Name)
		s := 0
		if simple && !p.wasParenthesized(first) {
			s = 1
		}
		p.checkTarget(first)
		return &ast.AnnAssign{Pos: pos, Target: setCtx(first, ast.Store), Annotation: ann, Value: v, Simple: s}
	}
	if op, ok := augOps[p.text(p.peek())]; ok && p.peek().kind == tOp {
		p.next()
		switch first.(type) {
		case *ast.Name, *ast.Attribute, *ast.Subscript:
		default:
			p.failAt(tokenAt(first), "SyntaxError", fmt.Sprintf("'%s' is an illegal expression for augmented assignment", describe(first)))
		}
		v := p.starExpressionsOrYield()
		p.finish(&pos)
		return &ast.AugAssign{Pos: pos, Target: setCtx(first, ast.Store), Op: op, Value: v}
	}
	if p.isOp("=") {
		targets := append(p.arena.exprs(2), first) // the value too, until cut off
		var value ast.Expr
		for p.acceptOp("=") {
			value = p.starExpressionsOrYield()
			targets = append(targets, value)
		}
		targets = targets[:len(targets)-1]
		for i, tg := range targets {
			p.checkTarget(tg)
			targets[i] = setCtx(tg, ast.Store)
		}
		p.finish(&pos)
		return p.arena.assign(ast.Assign{Pos: pos, Targets: targets, Value: value})
	}
	if nm, ok := first.(*ast.Name); ok && (nm.Id == "print" || nm.Id == "exec") && p.peek().kind != tNewline && !p.isOp(";") {
		p.failAt(tokenAt(first), "SyntaxError", fmt.Sprintf("Missing parentheses in call to '%s'. Did you mean %s(...)?", nm.Id, nm.Id))
	}
	p.finish(&pos)
	return p.arena.exprStmt(ast.ExprStmt{Pos: pos, Value: first})
}

func tokenAt(e ast.Expr) token {
	s := e.Span()
	return token{line: s.Line, col: s.Col, endLine: s.EndLine, endCol: s.EndCol}
}

func describe(e ast.Expr) string {
	switch e.(type) {
	case *ast.Call:
		return "function call"
	case *ast.Constant:
		return "literal"
	case *ast.BinOp, *ast.UnaryOp, *ast.BoolOp:
		return "expression"
	case *ast.Compare:
		return "comparison"
	case *ast.Tuple:
		return "tuple"
	case *ast.List:
		return "list"
	case *ast.Await:
		return "await expression"
	case *ast.Lambda:
		return "lambda"
	case *ast.JoinedStr, *ast.FormattedValue:
		return "f-string expression"
	}
	return "expression"
}

func (p *parser) checkTarget(e ast.Expr) {
	switch t := e.(type) {
	case *ast.Name, *ast.Attribute, *ast.Subscript:
		return
	case *ast.Tuple:
		for _, x := range t.Elts {
			p.checkTarget(x)
		}
		return
	case *ast.List:
		for _, x := range t.Elts {
			p.checkTarget(x)
		}
		return
	case *ast.Starred:
		p.checkTarget(t.Value)
		return
	case *ast.Call:
		p.failAt(tokenAt(e), "SyntaxError", "cannot assign to function call here. Maybe you meant '==' instead of '='?")
	case *ast.Constant:
		p.failAt(tokenAt(e), "SyntaxError", "cannot assign to literal here. Maybe you meant '==' instead of '='?")
	}
	p.failAt(tokenAt(e), "SyntaxError", fmt.Sprintf("cannot assign to %s here. Maybe you meant '==' instead of '='?", describe(e)))
}

func (p *parser) wasParenthesized(e ast.Expr) bool {
	s := e.Span()
	line := p.lines.line(s.Line)
	return s.Col > 0 && strings.TrimSpace(line[:s.Col]) != "" && strings.HasSuffix(strings.TrimSpace(line[:s.Col]), "(")
}

var augOps = map[string]ast.Operator{
	"+=": ast.Add, "-=": ast.Sub, "*=": ast.Mult, "/=": ast.Div, "//=": ast.FloorDiv, "%=": ast.Mod,
	"**=": ast.Pow, "<<=": ast.LShift, ">>=": ast.RShift, "&=": ast.BitAnd, "|=": ast.BitOr, "^=": ast.BitXor, "@=": ast.MatMult,
}

func (p *parser) dottedName() string {
	n := p.text(p.name())
	for p.acceptOp(".") {
		n += "." + p.text(p.name())
	}
	return n
}

func (p *parser) dottedAlias() *ast.Alias {
	t := p.peek()
	pos := startPos(t)
	a := &ast.Alias{Name: p.dottedName()}
	if p.acceptKw("as") {
		a.Asname = p.text(p.name())
	}
	p.finish(&pos)
	a.Pos = pos
	return a
}

// setCtx sets the expression context of an assignment or del target.
func setCtx(e ast.Expr, ctx ast.ExprContext) ast.Expr {
	switch t := e.(type) {
	case *ast.Name:
		t.Ctx = ctx
	case *ast.Attribute:
		t.Ctx = ctx
	case *ast.Subscript:
		t.Ctx = ctx
	case *ast.Starred:
		t.Ctx = ctx
		setCtx(t.Value, ctx)
	case *ast.Tuple:
		t.Ctx = ctx
		for _, x := range t.Elts {
			setCtx(x, ctx)
		}
	case *ast.List:
		t.Ctx = ctx
		for _, x := range t.Elts {
			setCtx(x, ctx)
		}
	}
	return e
}

func (p *parser) targetList() ast.Expr {
	start := p.peek()
	first := p.target()
	if !p.isOp(",") {
		return first
	}
	elts := append(p.arena.exprs(4), first)
	for p.acceptOp(",") {
		if p.isKw("in") || p.isOp("=") {
			break
		}
		elts = append(elts, p.target())
	}
	pos := startPos(start)
	p.finish(&pos)
	return &ast.Tuple{Pos: pos, Elts: elts, Ctx: ast.Store}
}

func (p *parser) target() ast.Expr {
	if p.isOp("*") {
		t := p.next()
		pos := startPos(t)
		v := p.target()
		p.finish(&pos)
		return &ast.Starred{Pos: pos, Value: v, Ctx: ast.Store}
	}
	e := p.primaryExpr()
	p.checkTarget(e)
	return setCtx(e, ast.Store)
}
