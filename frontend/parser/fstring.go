package parser

import (
	"fmt"
	"strings"

	"github.com/async2go/async2go/frontend/ast"
)

// fstring parses an f-string from its tokens (PEP 701: FSTRING_START, then
// FSTRING_MIDDLE pieces and replacement fields, then FSTRING_END; see
// scan.go) into the Constant and FormattedValue parts of a JoinedStr,
// unmerged: strings merges adjacent constants.
func (p *parser) fstring() []ast.Expr {
	start := p.next()
	raw := strings.IndexAny(p.text(start), "rR") >= 0
	var out []ast.Expr
	for {
		t := p.peek()
		switch {
		case t.kind == tFMiddle:
			out = append(out, p.fstringConstant(raw))
		case t.kind == tFEnd:
			p.next()
			return out
		case t.kind == tOp && p.src[t.off] == '{' && t.end-t.off == 1:
			out = p.replacementField(out, raw)
		default:
			// Only after a tokenizer error, which is reported instead.
			p.fail("invalid syntax")
		}
	}
}

// fstringConstant is the Constant of an FSTRING_MIDDLE token.
func (p *parser) fstringConstant(raw bool) *ast.Constant {
	t := p.next()
	return &ast.Constant{Pos: ast.Pos{Line: t.line, Col: t.col, EndLine: t.endLine, EndCol: t.endCol}, Value: p.arena.str(unescape(p.text(t), raw, false))}
}

// replacementField parses a replacement field (CPython's
// fstring_replacement_field and invalid_replacement_field), appending its
// FormattedValue to out, after the Constant of its debug text when it has
// an '='.
func (p *parser) replacementField(out []ast.Expr, raw bool) []ast.Expr {
	lb := p.next()
	if t := p.peek(); t.kind == tOp {
		switch text := p.text(t); text {
		case "=", "!", ":", "}":
			p.failAt(t, "SyntaxError", fmt.Sprintf("f-string: valid expression required before '%s'", text))
		}
	}
	if p.isKw("lambda") {
		// The lambda's ':' began a format spec.
		for i, depth := p.i+1, 0; i+1 < len(p.toks); i++ {
			t := p.toks[i]
			if t.kind == tNewline || t.kind == tEOF || t.kind == tFEnd {
				break
			}
			if t.kind != tOp {
				continue
			}
			switch p.text(t) {
			case "(", "[", "{":
				depth++
			case ")", "]", "}":
				depth--
			}
			if depth < 0 {
				break
			}
			if depth == 0 && p.text(t) == ":" {
				// (Before a '{', the lambda's body is a set display.)
				if p.toks[i+1].kind == tFMiddle {
					lam := p.peek()
					p.failAt(token{line: lam.line, col: lam.col, endLine: t.endLine, endCol: t.endCol}, "SyntaxError", "f-string: lambda expressions are not allowed without parentheses")
				}
				break
			}
		}
	}
	if !p.startsExpr(p.peek()) {
		p.fail("f-string: expecting a valid expression after '{'")
	}
	e := p.fieldExpression()
	if n := p.peek(); !p.isOp("=") && !p.isOp("!") && !p.isOp(":") && !p.isOp("}") {
		// Tokens after the expression: CPython's invalid_expression (the
		// field's braces make the bracket level nonzero) for two
		// expressions side by side, as in f"{a b}", else the f-string's
		// own complaint.
		if n.kind == tName && !isKeyword(p.text(n)) || n.kind == tNumber || n.kind == tString || n.kind == tFStart {
			if _, isName := e.(*ast.Name); !(isName && (n.kind == tString || n.kind == tFStart)) {
				b := p.expression()
				a, z := e.Span(), b.Span()
				p.failAt(token{line: a.Line, col: a.Col, endLine: z.EndLine, endCol: z.EndCol}, "SyntaxError", "invalid syntax. Perhaps you forgot a comma?")
			}
		}
		p.fail("f-string: expecting '=', or '!', or ':', or '}'")
	}
	var debug *ast.Constant
	if p.acceptOp("=") {
		if !p.isOp("!") && !p.isOp(":") && !p.isOp("}") {
			p.fail("f-string: expecting '!', or ':', or '}'")
		}
		// The debug text runs from after the '{' to the '!', ':' or '}',
		// with its comments dropped.
		end := p.peek()
		debug = &ast.Constant{Pos: ast.Pos{Line: lb.line, Col: lb.col + 1, EndLine: end.line, EndCol: end.col}, Value: p.arena.str(stripComments(p.src[lb.end:end.off]))}
	}
	conv := -1
	var convName token
	if p.isOp("!") {
		bang := p.next()
		n := p.peek()
		if p.isOp(":") || p.isOp("}") {
			p.fail("f-string: missing conversion character")
		}
		if n.kind != tName || isKeyword(p.text(n)) {
			p.fail("f-string: invalid conversion character")
		}
		if n.line != bang.endLine || n.col != bang.endCol {
			p.failAt(token{line: bang.line, col: bang.col, endLine: n.endLine, endCol: n.endCol}, "SyntaxError", "f-string: conversion type must come right after the exclamanation mark")
		}
		convName = p.next()
		conv = int(p.text(convName)[0])
		if !p.isOp(":") && !p.isOp("}") {
			p.fail("f-string: expecting ':' or '}'")
		}
	}
	var spec ast.Expr
	if p.isOp(":") {
		colon := p.next()
		var parts []ast.Expr
		for {
			if t := p.peek(); t.kind == tFMiddle {
				parts = append(parts, p.fstringConstant(raw))
			} else if t.kind == tOp && p.src[t.off] == '{' && t.end-t.off == 1 {
				parts = p.replacementField(parts, raw)
			} else {
				break
			}
		}
		if len(parts) == 1 {
			// CPython 3.12 keeps the empty constant before the '}' of a
			// spec ending in a field, but not that of an empty spec.
			if c, ok := parts[0].(*ast.Constant); ok && c.Value.(string) == "" {
				parts = nil
			}
		}
		pos := startPos(colon)
		p.finish(&pos)
		spec = &ast.JoinedStr{Pos: pos, Values: parts}
		if !p.isOp("}") {
			p.fail("f-string: expecting '}', or format specs")
		}
	}
	if !p.isOp("}") {
		p.fail("f-string: expecting '}'")
	}
	rb := p.next()
	if conv >= 0 {
		if name := p.text(convName); name != "s" && name != "r" && name != "a" {
			p.failAt(convName, "SyntaxError", fmt.Sprintf("f-string: invalid conversion character '%s': expected 's', 'r', or 'a'", name))
		}
	}
	if debug != nil {
		out = append(out, debug)
		if conv < 0 && spec == nil {
			conv = 'r'
		}
	}
	return append(out, &ast.FormattedValue{Pos: ast.Pos{Line: lb.line, Col: lb.col, EndLine: rb.endLine, EndCol: rb.endCol}, Value: e, Conversion: conv, FormatSpec: spec})
}

// fieldExpression parses a replacement field's expression. Where the
// parser finds nothing but "invalid syntax", CPython's PEG parser has
// backtracked to the longest expression the tokens begin with and
// complains about the token after it.
func (p *parser) fieldExpression() (e ast.Expr) {
	start := p.i
	defer func() {
		r := recover()
		if r == nil {
			return
		}
		if b, ok := r.(bail); !ok || b.err.Msg != "invalid syntax" {
			panic(r)
		}
		for k := min(p.i, len(p.toks)-1); k > start; k-- {
			toks := append(append([]token(nil), p.toks[start:k]...), token{kind: tNewline}, token{kind: tEOF})
			sub := &parser{toks: toks, src: p.src, names: p.names, lines: p.lines, filename: p.filename, arena: p.arena}
			if sub.parses() {
				p.failAt(p.toks[k], "SyntaxError", "f-string: expecting '=', or '!', or ':', or '}'")
			}
		}
		p.failAt(p.toks[start], "SyntaxError", "f-string: expecting a valid expression after '{'")
	}()
	return p.starExpressionsOrYield()
}

// parses reports whether the tokens are one expression.
func (p *parser) parses() (ok bool) {
	defer func() {
		if r := recover(); r != nil {
			if _, isBail := r.(bail); !isBail {
				panic(r)
			}
			ok = false
		}
	}()
	p.starExpressionsOrYield()
	return p.peek().kind == tNewline
}

// startsExpr reports whether t can begin an expression (or a yield).
func (p *parser) startsExpr(t token) bool {
	switch t.kind {
	case tName:
		if text := p.text(t); isKeyword(text) {
			switch text {
			case "None", "True", "False", "not", "lambda", "await", "yield":
				return true
			}
			return false
		}
		return true
	case tNumber, tString, tFStart:
		return true
	case tOp:
		switch p.text(t) {
		case "(", "[", "{", "-", "+", "~", "*", "...":
			return true
		}
	}
	return false
}

// stripComments removes the comments of a replacement field's text, as the
// '=' debug text shows it: as CPython 3.12 does, each '#' to the end of its
// line, even in a string ('#' is rare in a debug field).
func stripComments(s string) string {
	if strings.IndexByte(s, '#') < 0 {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] != '#' {
			b.WriteByte(s[i])
			continue
		}
		for i < len(s) && s[i] != '\n' {
			i++
		}
		if i < len(s) {
			b.WriteByte('\n')
		}
	}
	return b.String()
}
