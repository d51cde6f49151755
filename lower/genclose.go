package lower

import (
	"fmt"
	"reflect"
	"strings"

	"github.com/async2go/async2go/frontend/ast"
	"github.com/async2go/async2go/lower/ir"
)

// Closing generators where CPython's reference counting would.
//
// CPython closes a suspended generator when its last reference goes away:
// its finally blocks, with exits and except GeneratorExit handlers run at
// that moment. The translated program has no reference counts, so the
// lowering closes a generator explicitly where CPython's count would reach
// zero, for the generators whose every reference it can follow, and reports
// the others as unsupported when their close could be seen (docs/ir.md,
// "Closing generators"). A generator function's close can be seen when its
// body (not counting nested functions) has a try/finally, a with, an except
// clause that can catch GeneratorExit (bare, BaseException, GeneratorExit),
// or makes a generator of such a function itself (closing it closes that
// one). The generators followed are those made by a direct call of a
// module-level generator function bound only by its undecorated def:
//
//   - the iterable of a for loop, or the first iterable of an inlined
//     list/set/dict comprehension: closed when the loop is left by break,
//     return, a break/continue of an outer loop, or an exception (not when
//     it is exhausted: the generator has finished);
//   - the argument of list, tuple, set, frozenset, sorted, sum, min, max,
//     any, all or next: closed when that call returns or raises;
//   - the operand of yield from (the delegating generator closes it);
//   - a call whose value is dropped at once (never started: nothing runs);
//   - the value of `V = gen(…)`, where V is a plain local (not a parameter,
//     not a cell) of a def or async def that is not a generator, or a
//     module global no function declares global, whose every read is
//     next(V), `for … in V`, V.send(…), V.throw(…) or V.close() and every
//     store a generator call or a constant: the old value is closed when V
//     is rebound or deleted, the locals when the function returns, and the
//     module's at the end of the program (in the order of the module's
//     dict, as CPython's shutdown frees it). A function left by an
//     exception keeps its frame in the traceback: its generators are
//     closed when the exception is done with (the end of the except clause
//     that handled it, a with that suppressed it) or after the traceback of
//     an uncaught exception is printed;
//   - for an async generator function, the iterable of an async for: left
//     early, the generator goes to the event loop's finalizer hook.
type genClose struct {
	l *lowerer
	// gens: module-level generator functions bound only by their def.
	gens map[string]*ast.FunctionDef
	// observable: those of gens whose close can be seen.
	observable map[string]bool
	// forIters: calls that are the iterable of a for loop, closed on an
	// early exit.
	forIters map[*ast.Call]bool
	// consumers: builtin calls whose first argument is such a call.
	consumers map[*ast.Call]bool
	// tracked: per scope, the variables holding generators to close.
	tracked map[*scope]map[string]bool
	// held: some def's local is tracked: except clauses release the
	// generators an exception's traceback holds.
	held bool
	// agens: module-level async generator functions bound only by their
	// def; observableAsync: those with cleanup.
	agens           map[string]*ast.AsyncFunctionDef
	observableAsync map[string]bool
	// classes: module-level class definitions (for except clauses).
	classes map[string]*ast.ClassDef
}

// consumerBuiltins take an iterable, run it to its end (or until they
// stop early) and keep no reference to it.
var consumerBuiltins = map[string]bool{"list": true, "tuple": true, "set": true, "frozenset": true,
	"sorted": true, "sum": true, "min": true, "max": true, "any": true, "all": true, "next": true}

// resolvesGlobal reports whether name read in scope s is a module global
// (or builtin).
func resolvesGlobal(s *scope, name string) bool {
	if s == nil || s.isModule || s.globals[name] {
		return true
	}
	if s.bound[name] || s.frees[name] || s.nonlocals[name] {
		return false
	}
	return true
}

// bodyNodes visits the nodes of a function body, not entering nested
// functions, lambdas, classes or scoped comprehensions.
func (gc *genClose) bodyNodes(body []ast.Stmt, visit func(n ast.Node)) {
	for _, st := range body {
		inspect(st, func(n ast.Node) bool {
			switch n.(type) {
			case *ast.FunctionDef, *ast.AsyncFunctionDef, *ast.Lambda, *ast.ClassDef:
				return false
			}
			visit(n)
			return true
		})
	}
}

// catchesGeneratorExit reports whether an except clause of type typ can
// catch GeneratorExit.
func (gc *genClose) catchesGeneratorExit(typ ast.Expr, depth int) bool {
	switch t := typ.(type) {
	case nil:
		return true
	case *ast.Tuple:
		for _, e := range t.Elts {
			if gc.catchesGeneratorExit(e, depth) {
				return true
			}
		}
		return false
	case *ast.Attribute:
		return false // module attributes: asyncio's and the like's exceptions, none a GeneratorExit
	case *ast.Name:
		if t.Id == "BaseException" || t.Id == "GeneratorExit" {
			return true
		}
		if cd := gc.classes[t.Id]; cd != nil && depth < 20 {
			for _, b := range cd.Bases {
				if gc.catchesGeneratorExit(b, depth+1) {
					return true
				}
			}
			return false
		}
		if gc.l.rootScope().bound[t.Id] {
			return true // some other binding: cannot tell
		}
		return !(strings.HasSuffix(t.Id, "Error") || strings.HasSuffix(t.Id, "Exception") ||
			strings.HasSuffix(t.Id, "Warning") || t.Id == "StopIteration" || t.Id == "StopAsyncIteration" ||
			t.Id == "KeyboardInterrupt" || t.Id == "SystemExit" || strings.HasSuffix(t.Id, "ExceptionGroup"))
	}
	return true
}

// hasCleanup reports whether closing a generator with this body runs code.
func (gc *genClose) hasCleanup(body []ast.Stmt) bool {
	found := false
	gc.bodyNodes(body, func(n ast.Node) {
		switch n := n.(type) {
		case *ast.Try:
			if len(n.Finalbody) > 0 {
				found = true
			}
			for _, h := range n.Handlers {
				if gc.catchesGeneratorExit(h.(*ast.ExceptHandler).Type, 0) {
					found = true
				}
			}
		case *ast.TryStar:
			if len(n.Finalbody) > 0 {
				found = true
			}
			for _, h := range n.Handlers {
				if gc.catchesGeneratorExit(h.(*ast.ExceptHandler).Type, 0) {
					found = true
				}
			}
		case *ast.With, *ast.AsyncWith:
			found = true
		case *ast.Call:
			if nm, ok := n.Func.(*ast.Name); ok && (gc.observable[nm.Id] || gc.observableAsync[nm.Id]) {
				found = true
			}
		}
	})
	return found
}

func isContextManagerDeco(d ast.Expr) bool {
	switch d := d.(type) {
	case *ast.Name:
		return d.Id == "contextmanager" || d.Id == "asynccontextmanager"
	case *ast.Attribute:
		return d.Attr == "contextmanager" || d.Attr == "asynccontextmanager"
	}
	return false
}

// analyzeGenClose runs before the lowering.
func analyzeGenClose(l *lowerer, mod *ast.Module, root *scope) *genClose {
	gc := &genClose{l: l, gens: map[string]*ast.FunctionDef{}, observable: map[string]bool{},
		forIters: map[*ast.Call]bool{}, consumers: map[*ast.Call]bool{}, tracked: map[*scope]map[string]bool{},
		classes: map[string]*ast.ClassDef{}, agens: map[string]*ast.AsyncFunctionDef{}, observableAsync: map[string]bool{}}
	// Module-level bindings of each name (outside nested scopes).
	bindings := map[string]int{}
	var count func(n ast.Node) bool
	count = func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FunctionDef:
			bindings[n.Name]++
			return false
		case *ast.AsyncFunctionDef:
			bindings[n.Name]++
			return false
		case *ast.ClassDef:
			bindings[n.Name]++
			return false
		case *ast.Lambda:
			return false
		case *ast.Name:
			if n.Ctx != ast.Load {
				bindings[n.Id]++
			}
		case *ast.Alias:
			name := n.Asname
			if name == "" {
				name, _, _ = strings.Cut(n.Name, ".")
			}
			bindings[name]++
		case *ast.ExceptHandler:
			if n.Name != "" {
				bindings[n.Name]++
			}
		case *ast.MatchAs:
			if n.Name != "" {
				bindings[n.Name]++
			}
		case *ast.MatchStar:
			if n.Name != "" {
				bindings[n.Name]++
			}
		}
		return true
	}
	for _, st := range mod.Body {
		inspect(st, count)
	}
	for _, st := range mod.Body {
		switch d := st.(type) {
		case *ast.FunctionDef:
			if len(d.DecoratorList) == 0 && hasYield(d.Body, nil) && bindings[d.Name] == 1 && !l.declaredGlobalAnywhere(d.Name) {
				gc.gens[d.Name] = d
			}
		case *ast.ClassDef:
			if bindings[d.Name] == 1 {
				gc.classes[d.Name] = d
			}
		case *ast.AsyncFunctionDef:
			if len(d.DecoratorList) == 0 && hasYield(d.Body, nil) && bindings[d.Name] == 1 && !l.declaredGlobalAnywhere(d.Name) {
				gc.agens[d.Name] = d
			}
		}
	}
	for changed := true; changed; {
		changed = false
		for name, d := range gc.gens {
			if !gc.observable[name] && gc.hasCleanup(d.Body) {
				gc.observable[name] = true
				changed = true
			}
		}
	}
	for name, d := range gc.agens {
		if gc.hasCleanup(d.Body) {
			gc.observableAsync[name] = true
		}
	}
	gc.checkUses(mod)
	return gc
}

// declaredGlobalAnywhere reports whether some function declares name global.
func (l *lowerer) declaredGlobalAnywhere(name string) bool {
	for _, s := range l.scopes {
		if !s.isModule && s.globals[name] {
			return true
		}
	}
	return false
}

func (gc *genClose) fail(n ast.Located, format string, args ...any) {
	gc.l.unsupported(n, fmt.Sprintf(format, args...))
}

// scopeKind names what kind of body a scope node is.
func scopeKind(n ast.Node) string {
	switch d := n.(type) {
	case *ast.Module:
		return "module"
	case *ast.FunctionDef:
		if hasYield(d.Body, nil) {
			return "gen"
		}
		return "def"
	case *ast.AsyncFunctionDef:
		if hasYield(d.Body, nil) {
			return "asyncgen"
		}
		return "async"
	case *ast.ClassDef:
		return "class"
	}
	return "other" // lambda, comprehension, generator expression
}

// walkScoped visits every node with its parent, the scope its names are
// read in and that scope's kind.
func (gc *genClose) walkScoped(n, parent ast.Node, s *scope, kind string, visit func(n, parent ast.Node, s *scope, kind string)) {
	if n == nil || reflect.ValueOf(n).IsNil() {
		return
	}
	visit(n, parent, s, kind)
	if ns := gc.l.scopes[n]; ns != nil && ns != s {
		s, kind = ns, scopeKind(n)
	}
	v := reflect.ValueOf(n).Elem()
	var field func(f reflect.Value)
	field = func(f reflect.Value) {
		switch f.Kind() {
		case reflect.Interface, reflect.Ptr:
			if f.IsNil() {
				return
			}
			if c, ok := f.Interface().(ast.Node); ok {
				gc.walkScoped(c, n, s, kind, visit)
			}
		case reflect.Slice:
			for j := 0; j < f.Len(); j++ {
				field(f.Index(j))
			}
		}
	}
	for i := 0; i < v.NumField(); i++ {
		field(v.Field(i))
	}
}

// checkUses finds the calls of the observable generator functions and
// reports those the lowering cannot follow; then checks the variables that
// hold them.
func (gc *genClose) checkUses(mod *ast.Module) {
	type candidate struct {
		s    *scope
		name string
		at   *ast.Name
	}
	var cands []candidate
	root := gc.l.scopes[mod]
	compParent := map[*ast.Comprehension]ast.Node{}
	gc.walkScoped(mod, nil, root, "module", func(n, parent ast.Node, s *scope, kind string) {
		if c, ok := n.(*ast.Comprehension); ok {
			compParent[c] = parent
		}
		switch d := n.(type) {
		case *ast.FunctionDef:
			if hasYield(d.Body, nil) && gc.gens[d.Name] != d && gc.hasCleanup(d.Body) && !anyContextManagerDeco(d.DecoratorList) {
				gc.fail(d, "generator function '%s' with cleanup (finally, with, except GeneratorExit) that is not a module-level function bound only by its undecorated def: when CPython would close its generators cannot be followed", d.Name)
			}
			return
		case *ast.AsyncFunctionDef:
			if hasYield(d.Body, nil) && gc.agens[d.Name] != d && gc.hasCleanup(d.Body) && !anyContextManagerDeco(d.DecoratorList) {
				gc.fail(d, "async generator function '%s' with cleanup (finally, with, except GeneratorExit) that is not a module-level function bound only by its undecorated def: when CPython would close its generators cannot be followed", d.Name)
			}
			return
		}
		nm, ok := n.(*ast.Name)
		if !ok || nm.Ctx != ast.Load || !(gc.observable[nm.Id] || gc.observableAsync[nm.Id]) || !resolvesGlobal(s, nm.Id) {
			return
		}
		call, ok := parent.(*ast.Call)
		if !ok || call.Func != ast.Expr(nm) {
			gc.fail(nm, "generator function '%s' used as a value: when CPython would close its generators (running their finally, with or except GeneratorExit code) cannot be followed", nm.Id)
			return
		}
	})
	// Calls need their parent: a second walk with each call's parent.
	gc.walkScoped(mod, nil, root, "module", func(n, parent ast.Node, s *scope, kind string) {
		call, ok := n.(*ast.Call)
		if !ok {
			return
		}
		nm, ok := call.Func.(*ast.Name)
		if !ok || !(gc.observable[nm.Id] || gc.observableAsync[nm.Id]) || !resolvesGlobal(s, nm.Id) {
			return
		}
		if gc.observableAsync[nm.Id] {
			switch p := parent.(type) {
			case *ast.AsyncFor:
				if p.Iter == ast.Expr(call) {
					gc.forIters[call] = true
					return
				}
			case *ast.ExprStmt:
				return
			}
			gc.fail(call, "an async generator of '%s' whose close would run its cleanup (finally, with, except GeneratorExit) when CPython's reference count drops, at a point the translation cannot follow", nm.Id)
			return
		}
		switch p := parent.(type) {
		case *ast.For:
			if p.Iter == ast.Expr(call) {
				gc.forIters[call] = true
				return
			}
		case *ast.YieldFrom, *ast.ExprStmt:
			return
		case *ast.Comprehension:
			// The first iterable of an inlined list, set or dict
			// comprehension: on the stack, like a for loop's iterator.
			switch cp := compParent[p].(type) {
			case *ast.ListComp:
				if cp.Generators[0] == p && p.IsAsync == 0 && gc.l.scopes[cp] == nil {
					gc.forIters[call] = true
					return
				}
			case *ast.SetComp:
				if cp.Generators[0] == p && p.IsAsync == 0 && gc.l.scopes[cp] == nil {
					gc.forIters[call] = true
					return
				}
			case *ast.DictComp:
				if cp.Generators[0] == p && p.IsAsync == 0 && gc.l.scopes[cp] == nil {
					gc.forIters[call] = true
					return
				}
			}
		case *ast.Call:
			if fn, ok := p.Func.(*ast.Name); ok && consumerBuiltins[fn.Id] && len(p.Args) >= 1 && p.Args[0] == ast.Expr(call) &&
				resolvesGlobal(s, fn.Id) && !gc.l.rootScope().bound[fn.Id] && !gc.l.declaredGlobalAnywhere(fn.Id) {
				gc.consumers[p] = true
				return
			}
		case *ast.Assign:
			if t, ok := p.Targets[0].(*ast.Name); ok && len(p.Targets) == 1 && p.Value == ast.Expr(call) && (kind == "module" || kind == "def" || kind == "async") {
				cands = append(cands, candidate{s, t.Id, t})
				return
			}
		}
		gc.fail(call, "a generator of '%s' whose close would run its cleanup (finally, with, except GeneratorExit) when CPython's reference count drops, at a point the translation cannot follow", nm.Id)
	})
	for _, c := range cands {
		if !c.s.isModule && (c.s.cells[c.name] || c.s.globals[c.name] || c.s.nonlocals[c.name]) {
			gc.fail(c.at, "a generator held in '%s', which an inner function reaches: when CPython would close it cannot be followed", c.name)
		}
		if !c.s.isModule && slicesContains(c.s.params, c.name) {
			gc.fail(c.at, "a generator held in the parameter '%s': when CPython would close what it held before cannot be followed", c.name)
		}
		if c.s.isModule && gc.l.declaredGlobalAnywhere(c.name) {
			gc.fail(c.at, "a generator held in the global '%s', which a function rebinds: when CPython would close it cannot be followed", c.name)
		}
		if gc.tracked[c.s] == nil {
			gc.tracked[c.s] = map[string]bool{}
		}
		gc.tracked[c.s][c.name] = true
		if !c.s.isModule {
			gc.held = true
		}
	}
	if len(gc.tracked) == 0 {
		return
	}
	if gc.held {
		gc.checkHandlers(mod, root)
	}
	// Every read of a tracked variable must be one that keeps no reference,
	// and every store a generator of its own or a constant (a rebinding
	// closes the value held before: it must be referenced nowhere else).
	gc.walkScoped(mod, nil, root, "module", func(n, parent ast.Node, s *scope, kind string) {
		if at, ok := n.(*ast.Attribute); ok {
			// g.send(…), not h = g.send (the bound method keeps g).
			if v, ok := at.Value.(*ast.Name); ok && v.Ctx == ast.Load {
				home := s
				if resolvesGlobal(s, v.Id) {
					home = root
				}
				if call, ok := parent.(*ast.Call); gc.tracked[home][v.Id] && (!ok || call.Func != ast.Expr(at)) {
					gc.fail(v, "the generator held in '%s' may be referenced elsewhere: when CPython would close it (running its finally, with or except GeneratorExit code) cannot be followed", v.Id)
				}
			}
			return
		}
		nm, ok := n.(*ast.Name)
		if !ok {
			return
		}
		if nm.Ctx == ast.Store {
			home := s
			if resolvesGlobal(s, nm.Id) {
				home = root
			}
			if !gc.tracked[home][nm.Id] {
				return
			}
			if a, ok := parent.(*ast.Assign); ok && len(a.Targets) == 1 && a.Targets[0] == ast.Expr(nm) {
				switch v := a.Value.(type) {
				case *ast.Constant:
					return
				case *ast.Call:
					if fn, ok := v.Func.(*ast.Name); ok && (gc.gens[fn.Id] != nil) && resolvesGlobal(s, fn.Id) {
						return
					}
				}
			}
			gc.fail(nm, "a value stored in '%s', which holds generators with cleanup: only a call of a generator function or a constant may be (closing what it held before must close nothing referenced elsewhere)", nm.Id)
			return
		}
		if nm.Ctx != ast.Load {
			return
		}
		home := s
		if resolvesGlobal(s, nm.Id) {
			home = root
		}
		if !gc.tracked[home][nm.Id] {
			return
		}
		switch p := parent.(type) {
		case *ast.For:
			if p.Iter == ast.Expr(nm) {
				return
			}
		case *ast.Call:
			if fn, ok := p.Func.(*ast.Name); ok && fn.Id == "next" && len(p.Args) >= 1 && p.Args[0] == ast.Expr(nm) && resolvesGlobal(s, "next") && !gc.l.rootScope().bound["next"] {
				return
			}
		case *ast.Attribute:
			if p.Attr == "send" || p.Attr == "throw" || p.Attr == "close" {
				return
			}
		}
		gc.fail(nm, "the generator held in '%s' may be referenced elsewhere: when CPython would close it (running its finally, with or except GeneratorExit code) cannot be followed", nm.Id)
	})
}

func anyContextManagerDeco(ds []ast.Expr) bool {
	for _, d := range ds {
		if isContextManagerDeco(d) {
			return true
		}
	}
	return false
}

// isTracked reports whether name, stored or deleted in scope s, is a
// variable whose generator must be closed when it is rebound or deleted.
func (gc *genClose) isTracked(s *scope, name string) bool {
	if gc == nil {
		return false
	}
	if resolvesGlobal(s, name) {
		return gc.tracked[gc.l.rootScope()][name]
	}
	return gc.tracked[s][name]
}

// holdLocals routes every exception that leaves a def with tracked locals
// through a block that hands their generators to the exception: its
// traceback keeps the frame, and so them, alive (rt.HoldGenerators).
func (fl *funcLowerer) holdLocals() {
	gc := fl.l.gc
	if fl.f.Kind != ir.PlainFunc && fl.f.Kind != ir.CoroutineFunc || len(gc.tracked[fl.s]) == 0 {
		return
	}
	hold := fl.f.NewBlock()
	for _, b := range fl.f.Blocks {
		if b.Handler == nil && b != hold {
			b.Handler = hold
		}
	}
	fl.cur = hold
	fl.handler = nil
	e := fl.op(ir.OpCatch, "")
	args := []ir.Operand{e}
	for _, v := range fl.f.Locals {
		if gc.tracked[fl.s][v.Name] && v.Kind == ir.Local {
			args = append(args, fl.peek(v))
		}
	}
	fl.stmtOp(ir.OpRuntime, "HoldGenerators", args...)
	fl.terminate(&ir.Terminator{Kind: ir.Raise, Value: e, Reraise: true, Line: -1})
}

// shutdownOrder lists the tracked module globals in the order CPython's
// shutdown drops them: the order of the module's dict (first binding).
// (CPython 3.12 frees __main__'s dict whole as the module goes; the
// names starting with an underscore are not cleared first, as
// _PyModule_ClearDict would.)
func (gc *genClose) shutdownOrder(root *scope) []string {
	var names []string
	for _, name := range root.order {
		if gc.tracked[root][name] {
			names = append(names, name)
		}
	}
	return names
}

// checkHandlers: where a def's generators can be held by an exception's
// traceback, the end of the except clause that handles the exception
// closes them (rt.ReleaseHeld). That is CPython's moment only if the clause
// keeps no reference to the exception: its name may only be printed,
// formatted, converted, inspected or raised again.
func (gc *genClose) checkHandlers(mod *ast.Module, root *scope) {
	var names []string
	gc.walkScoped(mod, nil, root, "module", func(n, parent ast.Node, s *scope, kind string) {
		if h, ok := n.(*ast.ExceptHandler); ok && h.Name != "" {
			names = append(names, h.Name)
			gc.walkScoped(h, nil, s, kind, func(n, parent ast.Node, s2 *scope, _ string) {
				nm, ok := n.(*ast.Name)
				if !ok || nm.Id != h.Name || nm.Ctx != ast.Load || s2 != s {
					return
				}
				switch p := parent.(type) {
				case *ast.Attribute, *ast.FormattedValue, *ast.Raise:
					return
				case *ast.Call:
					if fn, ok := p.Func.(*ast.Name); ok && p.Func != ast.Expr(nm) {
						switch fn.Id {
						case "print", "str", "repr", "format", "isinstance", "type", "len", "bool":
							return
						}
					}
				}
				gc.fail(nm, "the exception '%s' kept past its except clause, in a program where an exception's traceback can hold generators with cleanup: when CPython would close them cannot be followed", h.Name)
			})
		}
	})
}

func slicesContains(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}
