package lower

import (
	"fmt"
	"math/big"
	"strings"
	"unicode"

	"github.com/async2go/async2go/frontend/ast"
	"github.com/async2go/async2go/frontend/symtable"
)

// futureAnnotations says whether the module opens with `from __future__
// import annotations` (PEP 563): its annotations are then kept as strings,
// not evaluated. The statements that may open a module are the ones
// frontend/symtable's checkFuture accepts.
func futureAnnotations(mod *ast.Module) bool {
	for i, st := range mod.Body {
		if i == 0 && symtable.IsDocstring(st) {
			continue
		}
		imp, ok := st.(*ast.ImportFrom)
		if !ok || imp.Module != "__future__" {
			return false
		}
		for _, al := range imp.Names {
			if al.Name == "annotations" {
				return true
			}
		}
	}
	return false
}

// unparseAnnotation is the string CPython keeps for an annotation under
// `from __future__ import annotations`: the expression unparsed as
// ast.unparse writes it (names, attributes, subscripts, tuples, lists, `|`
// and constants, which annotations are made of). ok is false for any
// other expression.
func unparseAnnotation(e ast.Expr) (string, bool) {
	var b strings.Builder
	ok := unparse(&b, e, precTest)
	return b.String(), ok
}

// The precedences unparse needs, lowest first (Lib/ast.py's _Precedence).
const (
	precTuple = iota
	precTest
	precBor
	precAtom
)

func unparse(b *strings.Builder, e ast.Expr, outer int) bool {
	switch n := e.(type) {
	case *ast.Name:
		b.WriteString(n.Id)
	case *ast.Attribute:
		if !unparse(b, n.Value, precAtom) {
			return false
		}
		b.WriteByte('.')
		b.WriteString(n.Attr)
	case *ast.Subscript:
		if !unparse(b, n.Value, precAtom) {
			return false
		}
		b.WriteByte('[')
		if t, ok := n.Slice.(*ast.Tuple); ok && len(t.Elts) > 0 {
			if !unparseItems(b, t.Elts) {
				return false
			}
			if len(t.Elts) == 1 {
				b.WriteByte(',')
			}
		} else if !unparse(b, n.Slice, precTuple) {
			return false
		}
		b.WriteByte(']')
	case *ast.Tuple:
		b.WriteByte('(')
		if !unparseItems(b, n.Elts) {
			return false
		}
		if len(n.Elts) == 1 {
			b.WriteByte(',')
		}
		b.WriteByte(')')
	case *ast.List:
		b.WriteByte('[')
		if !unparseItems(b, n.Elts) {
			return false
		}
		b.WriteByte(']')
	case *ast.BinOp:
		if n.Op != ast.BitOr {
			return false
		}
		if outer > precBor {
			b.WriteByte('(')
		}
		// Left-associative: the right operand is parenthesized if it is
		// a `|` too.
		if !unparse(b, n.Left, precBor) {
			return false
		}
		b.WriteString(" | ")
		if !unparse(b, n.Right, precBor+1) {
			return false
		}
		if outer > precBor {
			b.WriteByte(')')
		}
	case *ast.Constant:
		switch v := n.Value.(type) {
		case ast.NoneValue:
			b.WriteString("None")
		case ast.EllipsisValue:
			b.WriteString("...")
		case bool:
			if v {
				b.WriteString("True")
			} else {
				b.WriteString("False")
			}
		case *big.Int:
			b.WriteString(v.String())
		case string:
			b.WriteString(pyStrRepr(v))
		default:
			return false
		}
	default:
		return false
	}
	return true
}

func unparseItems(b *strings.Builder, items []ast.Expr) bool {
	for i, it := range items {
		if i > 0 {
			b.WriteString(", ")
		}
		if !unparse(b, it, precTest) {
			return false
		}
	}
	return true
}

// pyStrRepr is Python's repr of a str: single quotes unless the text has
// one and no double quote, with the escapes repr uses.
func pyStrRepr(s string) string {
	q := byte('\'')
	if strings.IndexByte(s, '\'') >= 0 && strings.IndexByte(s, '"') < 0 {
		q = '"'
	}
	var b strings.Builder
	b.WriteByte(q)
	for _, r := range s {
		switch {
		case r == rune(q) || r == '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\r':
			b.WriteString(`\r`)
		case r == '\t':
			b.WriteString(`\t`)
		case r < 0x20 || r == 0x7f:
			fmt.Fprintf(&b, `\x%02x`, r)
		case r > 0x7f && !unicode.IsPrint(r):
			if r <= 0xff {
				fmt.Fprintf(&b, `\x%02x`, r)
			} else if r <= 0xffff {
				fmt.Fprintf(&b, `\u%04x`, r)
			} else {
				fmt.Fprintf(&b, `\U%08x`, r)
			}
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte(q)
	return b.String()
}
