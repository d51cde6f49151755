package lower

import (
	"reflect"

	"github.com/async2go/async2go/frontend/ast"
)

var nodeType = reflect.TypeOf((*ast.Node)(nil)).Elem()

// inspect calls visit for n and, while visit returns true, its children
// (found by reflection over the generated node structs).
func inspect(n ast.Node, visit func(ast.Node) bool) {
	if n == nil || reflect.ValueOf(n).IsNil() || !visit(n) {
		return
	}
	v := reflect.ValueOf(n).Elem()
	for i := 0; i < v.NumField(); i++ {
		inspectValue(v.Field(i), visit)
	}
}

func inspectValue(f reflect.Value, visit func(ast.Node) bool) {
	switch f.Kind() {
	case reflect.Interface, reflect.Ptr:
		if f.IsNil() {
			return
		}
		if node, ok := f.Interface().(ast.Node); ok {
			inspect(node, visit)
		}
	case reflect.Slice:
		for j := 0; j < f.Len(); j++ {
			inspectValue(f.Index(j), visit)
		}
	}
}
