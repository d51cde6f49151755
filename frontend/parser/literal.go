package parser

import (
	"math/big"
	"strconv"
	"strings"

	"github.com/async2go/async2go/frontend/ast"
)

func (p *parser) number(t token) ast.Value {
	s := p.text(t)
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
		if len(low) <= 2+15 { // fits an int64: no big.Int parse
			if n, err := strconv.ParseInt(low[2:], base, 64); err == nil {
				return p.arena.bigInt(n)
			}
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
	if len(s) <= 18 { // fits an int64: no big.Int parse
		if n, err := strconv.ParseInt(s, 10, 64); err == nil {
			return p.arena.bigInt(n)
		}
	}
	v, _ := new(big.Int).SetString(s, 10)
	return v
}

// strings parses adjacent string literals into a Constant or JoinedStr.
func (p *parser) strings() ast.Expr {
	first := p.peek()
	pos := startPos(first)
	// The common case, plain (not f, not bytes) literals: their values
	// joined, with no parts to merge.
	end := p.i
	plain := true
	for ; end < len(p.toks) && p.toks[end].kind == tString; end++ {
		if prefix, _, _ := splitString(p.text(p.toks[end])); strings.IndexAny(prefix, "bB") >= 0 {
			plain = false
			break
		}
	}
	if end < len(p.toks) && p.toks[end].kind == tFStart {
		plain = false
	}
	if plain {
		prefix, body, raw := splitString(p.text(first))
		kind := ""
		if strings.IndexAny(prefix, "uU") >= 0 {
			kind = "u"
		}
		v := unescape(body, raw, false)
		if end-p.i > 1 {
			var b strings.Builder
			b.WriteString(v)
			for _, t := range p.toks[p.i+1 : end] {
				_, body, raw := splitString(p.text(t))
				b.WriteString(unescape(body, raw, false))
			}
			v = b.String()
		}
		p.i = end
		p.finish(&pos)
		return p.arena.constant(ast.Constant{Pos: pos, Value: p.arena.str(v), Kind: kind})
	}
	var parts []ast.Expr // Constant(str) and FormattedValue, merged
	var bytesVal []byte
	isBytes, anyF := false, false
	kind := ""
	n := 0
	nonBytes := false
	for p.peek().kind == tString || p.peek().kind == tFStart {
		if p.peek().kind == tFStart {
			anyF, nonBytes = true, true
			parts = append(parts, p.fstring()...)
			n++
			continue
		}
		t := p.next()
		prefix, body, raw := splitString(p.text(t))
		lp := strings.ToLower(prefix)
		if n == 0 && strings.Contains(lp, "u") {
			kind = "u"
		}
		if strings.Contains(lp, "b") {
			isBytes = true
			bytesVal = append(bytesVal, unescape(body, raw, true)...)
		} else {
			nonBytes = true
			cp := startPos(t)
			cp.EndLine, cp.EndCol = t.endLine, t.endCol
			c := &ast.Constant{Pos: cp, Value: p.arena.str(unescape(body, raw, false))}
			if strings.Contains(lp, "u") {
				c.Kind = "u" // a merged run keeps its first part's kind
			}
			parts = append(parts, c)
		}
		n++
	}
	p.finish(&pos)
	if isBytes && nonBytes {
		p.fail("cannot mix bytes and nonbytes literals")
	}
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
			cc.Value = p.arena.str(b.String())
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
		return &ast.Constant{Pos: pos, Value: p.arena.str(s), Kind: kind}
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
	b.Grow(len(s)) // an escape is never shorter than what it stands for
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

// keywordConstant is the value of None, True or False.
func keywordConstant(name string) ast.Value {
	switch name {
	case "True":
		return true
	case "False":
		return false
	}
	return ast.NoneValue{}
}
