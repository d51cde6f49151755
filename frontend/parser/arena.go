package parser

import (
	"math/big"
	"unsafe"

	"github.com/async2go/async2go/frontend/ast"
)

// arena hands out the most frequent syntax-tree nodes from chunks instead
// of one allocation each: a tree is built once and kept or dropped whole,
// so a chunk lives exactly as long as the tree that holds its nodes. A
// file's parser and the parsers of its f-string fields share one arena.
type arena struct {
	names     []ast.Name
	consts    []ast.Constant
	attrs     []ast.Attribute
	calls     []ast.Call
	subs      []ast.Subscript
	binops    []ast.BinOp
	kws       []ast.Keyword
	args      []ast.Arg
	exprStmts []ast.ExprStmt
	assigns   []ast.Assign
	ifs       []ast.If
	returns   []ast.Return
	cmps      []ast.Compare
	ints      []big.Int
	words     []big.Word // the digits of the ints
	strs      []string   // the string headers of str values
	argLists  []ast.Arguments
	funcDefs  []ast.FunctionDef

	exprList []ast.Expr // storage for lists of expressions
	opList   []ast.CmpOp
	argList  []*ast.Arg
	kwList   []*ast.Keyword
	stmtList []ast.Stmt // storage for statement lists

	chunk, listChunk int // the sizes of new chunks
}

// newArena returns an arena for a file of ntoks tokens: the chunks grow
// with the file, so that a small file does not leave big chunks mostly
// unused.
func newArena(ntoks int) *arena {
	return &arena{chunk: min(max(ntoks/256, 4), 64), listChunk: min(max(ntoks/16, 16), 256)}
}

// alloc returns the next free node of *buf, starting a new chunk of n when
// the current one is used up.
func alloc[T any](buf *[]T, n int) *T {
	if len(*buf) == 0 {
		*buf = make([]T, n)
	}
	x := &(*buf)[0]
	*buf = (*buf)[1:]
	return x
}

func (a *arena) name(n ast.Name) *ast.Name {
	p := alloc(&a.names, a.chunk)
	*p = n
	return p
}

func (a *arena) constant(n ast.Constant) *ast.Constant {
	p := alloc(&a.consts, a.chunk)
	*p = n
	return p
}

func (a *arena) attribute(n ast.Attribute) *ast.Attribute {
	p := alloc(&a.attrs, a.chunk)
	*p = n
	return p
}

func (a *arena) call(n ast.Call) *ast.Call {
	p := alloc(&a.calls, a.chunk)
	*p = n
	return p
}

func (a *arena) subscript(n ast.Subscript) *ast.Subscript {
	p := alloc(&a.subs, a.chunk)
	*p = n
	return p
}

func (a *arena) binOp(n ast.BinOp) *ast.BinOp {
	p := alloc(&a.binops, a.chunk)
	*p = n
	return p
}

func (a *arena) keyword(n ast.Keyword) *ast.Keyword {
	p := alloc(&a.kws, a.chunk)
	*p = n
	return p
}

func (a *arena) arg(n ast.Arg) *ast.Arg {
	p := alloc(&a.args, a.chunk)
	*p = n
	return p
}

func (a *arena) exprStmt(n ast.ExprStmt) *ast.ExprStmt {
	p := alloc(&a.exprStmts, a.chunk)
	*p = n
	return p
}

func (a *arena) assign(n ast.Assign) *ast.Assign {
	p := alloc(&a.assigns, a.chunk)
	*p = n
	return p
}

func (a *arena) ifStmt(n ast.If) *ast.If {
	p := alloc(&a.ifs, a.chunk)
	*p = n
	return p
}

func (a *arena) returnStmt(n ast.Return) *ast.Return {
	p := alloc(&a.returns, a.chunk)
	*p = n
	return p
}

func (a *arena) compare(n ast.Compare) *ast.Compare {
	p := alloc(&a.cmps, a.chunk)
	*p = n
	return p
}

// bigInt is the value of a non-negative int literal that fits an int64:
// its one digit is cut from a chunk too (SetInt64 would allocate it). The
// digit's slice has no spare capacity, so arithmetic on the value
// reallocates instead of writing into the chunk.
func (a *arena) bigInt(n int64) *big.Int {
	z := alloc(&a.ints, a.chunk)
	if n == 0 {
		return z
	}
	if uint64(n) > uint64(^big.Word(0)) { // more than a digit where words are 32 bits
		return z.SetInt64(n)
	}
	w := alloc(&a.words, a.listChunk)
	*w = big.Word(n)
	return z.SetBits(unsafe.Slice(w, 1)[:1:1])
}

// eface is the layout of an empty interface (ast.Value).
type eface struct {
	typ  unsafe.Pointer
	data unsafe.Pointer
}

// stringType is the type word of an interface holding a string.
var stringType = func() unsafe.Pointer {
	var v ast.Value = "x"
	return (*eface)(unsafe.Pointer(&v)).typ
}()

// str returns s as an ast.Value. Converting a string to an interface
// allocates a copy of its header; str cuts the header from a chunk
// instead. The interface is the one Go builds (a type word and a pointer
// to a string header that is never written again), so type switches,
// assertions and comparisons see a plain string.
func (a *arena) str(s string) ast.Value {
	if s == "" {
		return s // no allocation
	}
	p := alloc(&a.strs, a.listChunk)
	*p = s
	return *(*ast.Value)(unsafe.Pointer(&eface{stringType, unsafe.Pointer(p)}))
}

// exprs returns an empty list of capacity n cut from a chunk; appending
// past n moves the list out of the chunk, as append does.
func (a *arena) exprs(n int) []ast.Expr {
	if len(a.exprList) < n {
		a.exprList = make([]ast.Expr, max(n, a.listChunk))
	}
	l := a.exprList[:0:n]
	a.exprList = a.exprList[n:]
	return l
}

// list returns an empty list of capacity n cut from *buf, starting a new
// chunk of size (or n) when the current one is too short.
func list[T any](buf *[]T, n, size int) []T {
	if len(*buf) < n {
		*buf = make([]T, max(n, size))
	}
	l := (*buf)[:0:n]
	*buf = (*buf)[n:]
	return l
}

func (a *arena) cmpOps(n int) []ast.CmpOp      { return list(&a.opList, n, a.listChunk) }
func (a *arena) argPtrs(n int) []*ast.Arg      { return list(&a.argList, n, a.listChunk) }
func (a *arena) keywords(n int) []*ast.Keyword { return list(&a.kwList, n, a.listChunk) }

// stmts returns a copy of l cut from a chunk.
func (a *arena) stmts(l []ast.Stmt) []ast.Stmt {
	n := len(l)
	if len(a.stmtList) < n {
		a.stmtList = make([]ast.Stmt, max(n, a.listChunk))
	}
	out := a.stmtList[:n:n]
	a.stmtList = a.stmtList[n:]
	copy(out, l)
	return out
}

func (a *arena) arguments() *ast.Arguments { return alloc(&a.argLists, a.chunk) }

func (a *arena) functionDef(n ast.FunctionDef) *ast.FunctionDef {
	p := alloc(&a.funcDefs, a.chunk)
	*p = n
	return p
}
