package codegen

import (
	"fmt"

	"github.com/async2go/async2go/lower/ir"
	"github.com/dave/jennifer/jen"
)

// Awaiting a coroutine without a coroutine object. `await g(x)`, where g is
// an async def only ever called directly (ir.Func.Direct) and the coroutine
// is awaited at once and seen by nothing else, needs no coroutine object
// and no allocation: the awaiting frame holds g's frame as a field
// (sub_<g>), sets it up in place and awaits it. One field serves every such
// await of g in the function, since a frame awaits one thing at a time.
// A function cannot hold its own frame: where g can reach the awaiting
// function again through such awaits (recursion), the call stays a call.
//
// What the coroutine object did for the awaiter, the frame does itself: a
// StopIteration leaving a coroutine's frame becomes RuntimeError (see wrap).

// directAwait reports whether in, followed by an OpGetAwaitable of its
// result that nothing else reads, awaits a Direct async def.
func directAwait(in *ir.Instr) bool {
	return in.Op == ir.OpCall && in.Callee != nil && in.Callee.Direct && in.Callee.Kind == ir.CoroutineFunc
}

// embeddable finds the direct awaits of the program whose callee's frame
// can be embedded in the awaiting frame (no cycle back to the awaiter).
func embeddable(p *ir.Program) map[*ir.Instr]bool {
	edges := map[*ir.Func][]*ir.Func{}
	var sites []*ir.Instr
	owner := map[*ir.Instr]*ir.Func{}
	for _, f := range p.Funcs {
		if !f.Kind.IsStateMachine() {
			continue
		}
		for in := range fusedAwaits(f) {
			if directAwait(in) {
				edges[f] = append(edges[f], in.Callee)
				sites = append(sites, in)
				owner[in] = f
			}
		}
	}
	ok := map[*ir.Instr]bool{}
	for _, in := range sites {
		if !reaches([]*ir.Func{in.Callee}, owner[in], func(f *ir.Func) []*ir.Func { return edges[f] }) {
			ok[in] = true
		}
	}
	return ok
}

// subField is the awaiting frame's field holding callee's frame.
func subField(callee *ir.Func) string { return "sub_" + callee.GoName }

// frameInits is the field values of a fresh frame of Direct function c
// whose parameters are args (Go expressions of their types).
func frameInits(c *ir.Func, args []jen.Code) jen.Dict {
	inits := jen.Dict{}
	for _, v := range c.Locals {
		i := -1
		for j, n := range c.Params.Names {
			if n == v.Name {
				i = j
			}
		}
		switch {
		case i >= 0:
			inits[jen.Id(localName(v))] = args[i]
		case v.Kind == ir.Cell:
			inits[jen.Id(localName(v))] = jen.Op("&").Qual(rtPath, "Cell").Values()
		}
	}
	return inits
}

// embeddedAwait emits `await c(args)` into the awaiting frame's field.
func (fg *funcGen) embeddedAwait(b *ir.Block, in *ir.Instr, aw ir.Temp) []jen.Code {
	c := in.Callee
	args := fg.directArgs(in)
	fg.subs[c] = true
	field := jen.Id("f").Dot(subField(c))
	return []jen.Code{
		// The callee's global is read as a call would (NameError if unbound).
		jen.Id("_").Op("=").Add(fg.ref(in.Args[0])),
		field.Clone().Op("=").Id(fmt.Sprintf("frame_%s", c.GoName)).Values(frameInits(c, args)),
		fg.rawTemp(aw).Op("=").Op("&").Add(field.Clone()),
	}
}

// directArgs is a direct call's arguments, each as its parameter's Go type.
func (fg *funcGen) directArgs(in *ir.Instr) []jen.Code {
	var args []jen.Code
	for i, a := range in.Args[1:] {
		args = append(args, fg.refAs(a, paramType(in.Callee, i)))
	}
	return args
}

// paramType is the proved type of function c's parameter i.
func paramType(c *ir.Func, i int) ir.Type {
	for _, v := range c.Locals {
		if v.Name == c.Params.Names[i] {
			return v.Type
		}
	}
	return ir.Boxed
}

// reaches says whether a walk from the nodes of start along next meets
// target (start's nodes themselves count).
func reaches[T comparable](start []T, target T, next func(T) []T) bool {
	seen := map[T]bool{}
	stack := start
	for len(stack) > 0 {
		x := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if x == target {
			return true
		}
		if seen[x] {
			continue
		}
		seen[x] = true
		stack = append(stack, next(x)...)
	}
	return false
}
