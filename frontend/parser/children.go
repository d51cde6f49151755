package parser

import (
	"reflect"

	"github.com/async2go/async2go/frontend/ast"
)

// forEachChild calls fn for each direct child node of n.
func forEachChild(n ast.Node, fn func(ast.Node)) {
	v := reflect.ValueOf(n)
	if v.Kind() != reflect.Ptr || v.IsNil() {
		return
	}
	v = v.Elem()
	for i := 0; i < v.NumField(); i++ {
		visitField(v.Field(i), fn)
	}
}

func visitField(f reflect.Value, fn func(ast.Node)) {
	switch f.Kind() {
	case reflect.Interface, reflect.Ptr:
		if f.IsNil() {
			return
		}
		if node, ok := f.Interface().(ast.Node); ok {
			fn(node)
		}
	case reflect.Slice:
		for j := 0; j < f.Len(); j++ {
			visitField(f.Index(j), fn)
		}
	}
}
