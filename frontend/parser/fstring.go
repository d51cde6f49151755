package parser

import (
	"strings"
	"unicode/utf8"

	"github.com/async2go/async2go/frontend/ast"
)

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
func (p *parser) posIn(t token, off int) (line, col int) {
	line, col = t.line, t.col
	last := -1
	text := p.text(t)
	for i := 0; i < off && i < len(text); i++ {
		if text[i] == '\n' {
			line++
			last = i
		}
	}
	if last < 0 {
		return line, t.col + off
	}
	return line, off - last - 1
}

func (p *parser) spanIn(t token, from, to int) ast.Pos {
	l1, c1 := p.posIn(t, from)
	l2, c2 := p.posIn(t, to)
	return ast.Pos{Line: l1, Col: c1, EndLine: l2, EndCol: c2}
}

// fstring parses the body of an f-string literal into constants and
// FormattedValue nodes.
// fstring parses the body of an f-string token t (body starts at byte base
// of t's text) into Constant and FormattedValue nodes with PEP 701 positions.
func (p *parser) fstring(t token, body string, raw bool, base int) []ast.Expr {
	var out []ast.Expr
	var lit strings.Builder
	litStart := -1
	flush := func(end int) {
		if lit.Len() > 0 {
			out = append(out, &ast.Constant{Pos: p.spanIn(t, base+litStart, base+end), Value: p.arena.str(unescape(lit.String(), raw, false))})
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
		el, ec := p.posIn(t, base+i+1)
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
					specParts = append(specParts, &ast.Constant{Pos: p.spanIn(t, base+m, base+m), Value: ""})
				}
			}
			spec = &ast.JoinedStr{Pos: p.spanIn(t, base+k, base+m), Values: specParts}
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
		out = append(out, &ast.FormattedValue{Pos: p.spanIn(t, base+i, base+k+1), Value: expr, Conversion: conv, FormatSpec: spec})
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
	toks, names, err := scanText(p.filename, snippet, newLines(snippet), nil)
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
	sub := &parser{toks: toks, src: snippet, names: names, lines: p.lines, filename: p.filename, arena: p.arena}
	if len(toks) > 0 && toks[0].kind == tOp && sub.text(toks[0]) == "(" {
		for j := len(toks) - 1; j > 0; j-- {
			if toks[j].kind == tOp && sub.text(toks[j]) == ")" {
				toks = append(toks[1:j:j], toks[j+1:]...)
				break
			}
		}
	}
	sub.toks = toks
	if len(toks) > 0 && toks[0].kind == tName && sub.text(toks[0]) == "lambda" {
		// The lambda's ':' began the format spec: CPython's report spans
		// from the lambda to that ':'.
		lam := toks[0]
		rest := text[strings.Index(text, "lambda"):]
		if !strings.Contains(rest, "\n") {
			lam.endLine, lam.endCol = lam.line, lam.col+utf8.RuneCountInString(rest)+1
		}
		p.failAt(lam, "SyntaxError", "f-string: lambda expressions are not allowed without parentheses")
	}
	e := sub.starExpressionsOrYield()
	if n := sub.peek(); n.kind != tNewline && n.kind != tEOF {
		// Tokens after the expression: CPython's invalid_expression (the
		// field's braces make its bracket level nonzero) for two
		// expressions side by side, as in f"{a b}" or the nested
		// f"{f"{u}|{{"k": 1}}"}" (whose inner f-string ends at the quote
		// after its escaped brace), else the f-string's own complaint.
		if n.kind == tName && !isKeyword(sub.text(n)) || n.kind == tNumber || n.kind == tString {
			if _, isName := e.(*ast.Name); !(isName && n.kind == tString) {
				b := sub.expression()
				a, z := e.Span(), b.Span()
				sub.failAt(token{line: a.Line, col: a.Col, endLine: z.EndLine, endCol: z.EndCol}, "SyntaxError", "invalid syntax. Perhaps you forgot a comma?")
			}
		}
		sub.failAt(n, "SyntaxError", "f-string: expecting '=', or '!', or ':', or '}'")
	}
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
