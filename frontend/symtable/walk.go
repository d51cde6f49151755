package symtable

import (
	"reflect"

	"github.com/async2go/async2go/frontend/ast"
)

// walker calls fe for each expression and fs for each statement directly
// below a node (not recursing into them).
type walker struct {
	fe func(ast.Expr)
	fs func(ast.Stmt)
}

func (w *walker) children(n any) {
	v := reflect.ValueOf(n)
	if v.Kind() != reflect.Pointer || v.IsNil() {
		return
	}
	v = v.Elem()
	if v.Kind() != reflect.Struct {
		return
	}
	for i := 0; i < v.NumField(); i++ {
		w.field(v.Field(i))
	}
}

func (w *walker) field(f reflect.Value) {
	switch f.Kind() {
	case reflect.Interface:
		if f.IsNil() {
			return
		}
		switch x := f.Interface().(type) {
		case ast.Expr:
			w.fe(x)
		case ast.Stmt:
			if w.fs != nil {
				w.fs(x)
			}
		default:
			w.children(x)
		}
	case reflect.Slice:
		for i := 0; i < f.Len(); i++ {
			w.field(f.Index(i))
		}
	case reflect.Pointer:
		if !f.IsNil() {
			w.children(f.Interface())
		}
	}
}
