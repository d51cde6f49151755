// Package ast declares the syntax tree of Python 3.12 programs.
//
// The node set is CPython's own (Lib/ast.py, Parser/Python.asdl): one Go
// struct per concrete ASDL constructor, with CPython's field order, so that a
// tree prints exactly as CPython's ast.dump prints it. nodes.go is generated
// from CPython 3.12's ast module by internal/gen_nodes.py; Go names differ
// from CPython's only where they would collide (the statement Expr is ExprStmt;
// the abstract mod is ModNode) and lower-case ASDL products are capitalized
// (arguments → Arguments, arg → Arg, keyword → Keyword, …). Optional
// identifiers and strings (identifier?, string?) are "" when absent; optional
// nodes are nil.
package ast
