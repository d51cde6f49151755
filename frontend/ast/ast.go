package ast

import "math/big"

// Pos is the source span of a node, as CPython records it: 1-based lines and
// 0-based columns counted in UTF-8 bytes (lineno, col_offset, end_lineno,
// end_col_offset).
type Pos struct {
	Line, Col, EndLine, EndCol int
}

// Span returns the node's position; every located node embeds Pos.
func (p *Pos) Span() *Pos { return p }

// Node is any AST node.
type Node interface{ astNode() }

// Located is a node that carries a source span.
type Located interface {
	Node
	Span() *Pos
}

// ModNode is a module-level root: Module, Interactive, Expression, FunctionType.
type ModNode interface {
	Node
	modNode()
}

// Stmt is a statement node.
type Stmt interface {
	Located
	stmtNode()
}

// Expr is an expression node.
type Expr interface {
	Located
	exprNode()
}

// ExceptHandlerNode is CPython's abstract excepthandler; its only
// constructor is *ExceptHandler.
type ExceptHandlerNode interface {
	Located
	excepthandlerNode()
}

// Pattern is a match-statement pattern.
type Pattern interface {
	Located
	patternNode()
}

// TypeIgnoreNode is CPython's abstract type_ignore (*TypeIgnore).
type TypeIgnoreNode interface {
	Node
	typeIgnoreNode()
}

// TypeParam is a PEP 695 type parameter: TypeVar, ParamSpec, TypeVarTuple.
type TypeParam interface {
	Located
	typeParamNode()
}

// Value is the value of a Constant or MatchSingleton node. Its dynamic type
// is one of: NoneValue, EllipsisValue, bool, *big.Int (every int literal),
// float64, complex128 (imaginary literals), string (str), Bytes.
type Value interface{}

// NoneValue is the constant None.
type NoneValue struct{}

// EllipsisValue is the constant `...`.
type EllipsisValue struct{}

// Bytes is the value of a bytes literal.
type Bytes []byte

var _ = big.NewInt // *big.Int is part of the Value contract
