package parser

import "github.com/async2go/async2go/frontend/ast"

// arena hands out the most frequent syntax-tree nodes from chunks instead
// of one allocation each: a tree is built once and kept or dropped whole,
// so a chunk lives exactly as long as the tree that holds its nodes. A
// file's parser and the parsers of its f-string fields share one arena.
type arena struct {
	names   []ast.Name
	consts  []ast.Constant
	attrs   []ast.Attribute
	calls   []ast.Call
	subs    []ast.Subscript
	binops  []ast.BinOp
	kws     []ast.Keyword
	args    []ast.Arg
	exprs   []ast.ExprStmt
	assigns []ast.Assign
}

const chunk = 32

// alloc returns the next free node of buf, starting a new chunk when the
// current one is used up.
func alloc[T any](buf *[]T) *T {
	if len(*buf) == 0 {
		*buf = make([]T, chunk)
	}
	n := &(*buf)[0]
	*buf = (*buf)[1:]
	return n
}

func (a *arena) name(n ast.Name) *ast.Name {
	p := alloc(&a.names)
	*p = n
	return p
}

func (a *arena) constant(n ast.Constant) *ast.Constant {
	p := alloc(&a.consts)
	*p = n
	return p
}

func (a *arena) attribute(n ast.Attribute) *ast.Attribute {
	p := alloc(&a.attrs)
	*p = n
	return p
}

func (a *arena) call(n ast.Call) *ast.Call {
	p := alloc(&a.calls)
	*p = n
	return p
}

func (a *arena) subscript(n ast.Subscript) *ast.Subscript {
	p := alloc(&a.subs)
	*p = n
	return p
}

func (a *arena) binOp(n ast.BinOp) *ast.BinOp {
	p := alloc(&a.binops)
	*p = n
	return p
}

func (a *arena) keyword(n ast.Keyword) *ast.Keyword {
	p := alloc(&a.kws)
	*p = n
	return p
}

func (a *arena) arg(n ast.Arg) *ast.Arg {
	p := alloc(&a.args)
	*p = n
	return p
}

func (a *arena) exprStmt(n ast.ExprStmt) *ast.ExprStmt {
	p := alloc(&a.exprs)
	*p = n
	return p
}

func (a *arena) assign(n ast.Assign) *ast.Assign {
	p := alloc(&a.assigns)
	*p = n
	return p
}
