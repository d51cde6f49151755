package ast

import "reflect"

// A Visitor's Visit method is invoked for each node encountered by Walk.
// If the result visitor w is not nil, Walk visits each of the children of
// node with w, followed by a call of w.Visit(nil).
type Visitor interface {
	Visit(node Node) (w Visitor)
}

// Walk traverses an AST in depth-first order, in field order (the order of
// CPython's _fields): it starts by calling v.Visit(node); node must not be
// nil. If the visitor w returned by v.Visit(node) is not nil, Walk is
// invoked recursively with visitor w for each of the non-nil children of
// node, followed by a call of w.Visit(nil).
func Walk(v Visitor, node Node) {
	if v = v.Visit(node); v == nil {
		return
	}
	Children(node, func(c Node) { Walk(v, c) })
	v.Visit(nil)
}

type inspector func(Node) bool

func (f inspector) Visit(node Node) Visitor {
	if f(node) {
		return f
	}
	return nil
}

// Inspect traverses an AST in depth-first order: it starts by calling
// f(node); node must not be nil. If f returns true, Inspect invokes f
// recursively for each of the non-nil children of node, followed by a call
// of f(nil).
func Inspect(node Node, f func(Node) bool) {
	Walk(inspector(f), node)
}

// Children calls fn for each direct, non-nil child node of n, in field
// order; list fields are visited element by element.
func Children(n Node, fn func(Node)) {
	v := reflect.ValueOf(n)
	if v.Kind() != reflect.Ptr || v.IsNil() {
		return
	}
	v = v.Elem()
	if v.Kind() != reflect.Struct {
		return
	}
	for i := 0; i < v.NumField(); i++ {
		visitField(v.Field(i), fn)
	}
}

var nodeType = reflect.TypeOf((*Node)(nil)).Elem()

func visitField(f reflect.Value, fn func(Node)) {
	switch f.Kind() {
	case reflect.Interface, reflect.Ptr:
		if f.IsNil() || !f.Type().Implements(nodeType) && f.Kind() == reflect.Ptr {
			return
		}
		if node, ok := f.Interface().(Node); ok {
			fn(node)
		}
	case reflect.Slice:
		if f.Type().Elem().Kind() == reflect.Uint8 { // Bytes and similar
			return
		}
		for j := 0; j < f.Len(); j++ {
			visitField(f.Index(j), fn)
		}
	}
}
