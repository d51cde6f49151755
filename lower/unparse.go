package lower

import (
	"strings"

	"github.com/async2go/async2go/frontend/ast"
)

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
		if _, ok := n.Value.(ast.EllipsisValue); ok {
			b.WriteString("...") // ast.unparse's spelling; its repr is Ellipsis
		} else {
			b.WriteString(ast.ReprValue(n.Value))
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
