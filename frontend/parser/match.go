package parser

import (
	"github.com/async2go/async2go/frontend/ast"
)

func (p *parser) tryMatch() ast.Stmt {
	// match is a soft keyword: only a statement when followed by a subject and ':'.
	save := p.i
	t := p.next()
	if p.peek().kind == tNewline || p.isOp("=") || p.isOp(".") || p.isOp("(") && false {
		p.i = save
		return nil
	}
	ok := func() (ok bool) {
		defer func() {
			if r := recover(); r != nil {
				if _, isBail := r.(bail); !isBail {
					panic(r)
				}
				ok = false
			}
		}()
		p.starNamedExpressions()
		return p.isOp(":") && p.peekAt(1).kind == tNewline
	}()
	p.i = save
	if !ok {
		return nil
	}
	p.next()
	subject := p.starNamedExpressions()
	p.expectOp(":")
	if p.next().kind != tNewline || p.next().kind != tIndent {
		p.fail("expected an indented block")
	}
	pos := startPos(t)
	var cases []*ast.MatchCase
	for p.isKw("case") {
		p.next()
		pat := p.patterns()
		var guard ast.Expr
		if p.acceptKw("if") {
			guard = p.namedExpr()
		}
		body := p.block("'case' statement", p.prev().line)
		cases = append(cases, &ast.MatchCase{Pattern: pat, Guard: guard, Body: body})
	}
	if p.peek().kind != tDedent {
		p.fail("invalid syntax")
	}
	p.next()
	last := cases[len(cases)-1].Body
	p.endAt(&pos, last, nil)
	return &ast.Match{Pos: pos, Subject: subject, Cases: cases}
}

// maybeStarPattern parses a sequence pattern's element: '*' NAME or an
// or-pattern.
func (p *parser) maybeStarPattern() ast.Pattern {
	if !p.acceptOp("*") {
		return p.orPattern()
	}
	st := p.prev()
	n := p.text(p.name())
	if n == "_" {
		n = ""
	}
	sp := startPos(st)
	p.finish(&sp)
	return &ast.MatchStar{Pos: sp, Name: n}
}

func (p *parser) patterns() ast.Pattern {
	start := p.peek()
	pat := p.maybeStarPattern()
	_, star := pat.(*ast.MatchStar)
	if p.isOp(",") || star {
		pats := []ast.Pattern{pat}
		for p.acceptOp(",") {
			if p.isOp(":") || p.isKw("if") {
				break
			}
			pats = append(pats, p.maybeStarPattern())
		}
		pos := startPos(start)
		p.finish(&pos)
		return &ast.MatchSequence{Pos: pos, Patterns: pats}
	}
	return pat
}

// orPattern parses the grammar's pattern: an or-pattern of closed
// patterns, optionally followed by 'as' NAME.
func (p *parser) orPattern() ast.Pattern {
	start := p.peek()
	pat := p.closedPattern()
	if p.isOp("|") {
		pats := []ast.Pattern{pat}
		for p.acceptOp("|") {
			pats = append(pats, p.closedPattern())
		}
		pos := startPos(start)
		p.finish(&pos)
		pat = &ast.MatchOr{Pos: pos, Patterns: pats}
	}
	if p.acceptKw("as") {
		name := p.text(p.name())
		pos := startPos(start)
		p.finish(&pos)
		return &ast.MatchAs{Pos: pos, Pattern: pat, Name: name}
	}
	return pat
}

func (p *parser) closedPattern() ast.Pattern {
	t := p.peek()
	pos := startPos(t)
	switch {
	case t.kind == tName && p.text(t) == "_" && !p.peekIsOp(1, ".") && !p.peekIsOp(1, "("):
		p.next()
		p.finish(&pos)
		return &ast.MatchAs{Pos: pos}
	case t.kind == tName && (p.text(t) == "None" || p.text(t) == "True" || p.text(t) == "False"):
		p.next()
		p.finish(&pos)
		v := keywordConstant(p.text(t))
		return &ast.MatchSingleton{Pos: pos, Value: v}
	case t.kind == tName && !isKeyword(p.text(t)):
		if !p.peekIsOp(1, ".") && !p.peekIsOp(1, "(") {
			p.next()
			p.finish(&pos)
			return &ast.MatchAs{Pos: pos, Name: p.text(t)}
		}
		var cls ast.Expr = p.nameExpr()
		for p.acceptOp(".") {
			attr := p.name()
			apos := span(cls, cls)
			apos.EndLine, apos.EndCol = attr.endLine, attr.endCol
			cls = &ast.Attribute{Pos: apos, Value: cls, Attr: p.text(attr), Ctx: ast.Load}
		}
		if p.acceptOp("(") {
			var pats []ast.Pattern
			var kwNames []string
			var kwPats []ast.Pattern
			for !p.isOp(")") {
				if p.peek().kind == tName && p.peekIsOp(1, "=") {
					kwNames = append(kwNames, p.text(p.next()))
					p.next()
					kwPats = append(kwPats, p.orPattern())
				} else {
					pats = append(pats, p.orPattern())
				}
				if !p.acceptOp(",") {
					break
				}
			}
			p.expectOp(")")
			p.finish(&pos)
			return &ast.MatchClass{Pos: pos, Cls: cls, Patterns: pats, KwdAttrs: kwNames, KwdPatterns: kwPats}
		}
		p.finish(&pos)
		return &ast.MatchValue{Pos: pos, Value: cls}
	case t.kind == tOp && (p.text(t) == "(" || p.text(t) == "["):
		p.next()
		closer := closerOf(p.text(t))
		var pats []ast.Pattern
		trailing := false
		for !p.isOp(closer) {
			pats = append(pats, p.maybeStarPattern())
			trailing = false
			if !p.acceptOp(",") {
				break
			}
			trailing = true
		}
		p.expectOp(closer)
		p.finish(&pos)
		if p.text(t) == "(" && len(pats) == 1 && !trailing {
			return pats[0]
		}
		return &ast.MatchSequence{Pos: pos, Patterns: pats}
	case t.kind == tOp && p.text(t) == "{":
		p.next()
		var keys []ast.Expr
		var pats []ast.Pattern
		rest := ""
		for !p.isOp("}") {
			if p.acceptOp("**") {
				rest = p.text(p.name())
			} else {
				keys = append(keys, p.sum())
				p.expectOp(":")
				pats = append(pats, p.orPattern())
			}
			if !p.acceptOp(",") {
				break
			}
		}
		p.expectOp("}")
		p.finish(&pos)
		return &ast.MatchMapping{Pos: pos, Keys: keys, Patterns: pats, Rest: rest}
	}
	v := p.sum()
	p.finish(&pos)
	return &ast.MatchValue{Pos: pos, Value: v}
}

func closerOf(open string) string {
	if open == "(" {
		return ")"
	}
	return "]"
}
