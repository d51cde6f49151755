package ast

import "testing"

func TestInspect(t *testing.T) {
	x := &Name{Id: "x", Ctx: Load}
	call := &Call{Func: &Name{Id: "f", Ctx: Load}, Args: []Expr{x}}
	mod := &Module{Body: []Stmt{&ExprStmt{Value: call}}}
	var names []string
	Inspect(mod, func(n Node) bool {
		if nm, ok := n.(*Name); ok {
			names = append(names, nm.Id)
		}
		return true
	})
	if len(names) != 2 || names[0] != "f" || names[1] != "x" {
		t.Fatalf("got %v, want [f x]", names)
	}
}
