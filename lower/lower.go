package lower

import (
	"fmt"
	"maps"
	"math/big"
	"slices"
	"strings"

	"github.com/async2go/async2go/frontend/ast"
	"github.com/async2go/async2go/frontend/symtable"
	"github.com/async2go/async2go/lower/ir"
)

// UnsupportedError reports a construct the translator does not handle yet.
type UnsupportedError struct {
	File      string
	Line, Col int // Col is 1-based
	What      string
}

func (e *UnsupportedError) Error() string {
	return fmt.Sprintf("%s:%d:%d: unsupported: %s", e.File, e.Line, e.Col, e.What)
}

type bailout struct{ err error }

// Lower translates a parsed module into the IR.
func Lower(mod *ast.Module, filename string, src []byte) (prog *ir.Program, err error) {
	defer func() {
		if r := recover(); r != nil {
			if b, ok := r.(bailout); ok {
				prog, err = nil, b.err
				return
			}
			panic(r)
		}
	}()
	root, scopes := analyze(mod)
	p := &ir.Program{File: filename, Source: string(src)}
	l := &lowerer{prog: p, root: root, scopes: scopes, file: filename, futureAnnotations: symtable.FutureAnnotations(mod)}
	l.gc = analyzeGenClose(l, mod, root)
	f := l.newFunc(nil, "<module>", "<module>", ir.ModuleBody, root, 1)
	p.Module = f
	for _, name := range root.order {
		p.Globals = append(p.Globals, name)
	}
	fl := &funcLowerer{l: l, f: f, s: root}
	fl.cur = f.NewBlock()
	if root.implicitName {
		fl.store(moduleName, ir.Const{Value: "__main__"})
	}
	fl.stmts(mod.Body)
	fl.terminate(&ir.Terminator{Kind: ir.Return, Value: ir.Const{}})
	p.ShutdownClose = l.gc.shutdownOrder(root)
	l.finish()
	infer(p)
	importBound(p)
	if err := ir.Validate(p); err != nil {
		return nil, fmt.Errorf("internal error: invalid IR: %v", err)
	}
	return p, nil
}

type lowerer struct {
	prog   *ir.Program
	root   *scope // the module's
	scopes map[ast.Node]*scope
	file   string
	nfunc  int
	gc     *genClose
	// futureAnnotations: `from __future__ import annotations` (PEP 563).
	futureAnnotations bool
}

func (l *lowerer) unsupported(n ast.Located, what string) {
	pos := n.Span()
	panic(bailout{&UnsupportedError{File: l.file, Line: pos.Line, Col: pos.Col + 1, What: what}})
}

func (l *lowerer) newFunc(parent *ir.Func, name, qualname string, kind ir.FuncKind, s *scope, line int) *ir.Func {
	f := &ir.Func{Name: name, Qualname: qualname, Kind: kind, Parent: parent, Line: line}
	if kind == ir.ModuleBody {
		f.GoName = "module"
	} else {
		l.nfunc++
		f.GoName = fmt.Sprintf("fn%d_%s", l.nfunc, goIdent(name))
		if kind == ir.ClassBody {
			f.GoName = fmt.Sprintf("class%d_%s", l.nfunc, goIdent(name))
		}
	}
	if parent != nil {
		parent.Children = append(parent.Children, f)
	}
	l.prog.Funcs = append(l.prog.Funcs, f)
	if s != nil && !s.isModule {
		seen := map[string]bool{}
		for _, p := range s.params {
			kind := ir.Local
			if s.cells[p] {
				kind = ir.Cell
			}
			f.Locals = append(f.Locals, &ir.Var{Name: p, Kind: kind})
			seen[p] = true
		}
		if !s.isClass {
			for _, n := range s.order {
				if seen[n] || s.globals[n] || s.nonlocals[n] {
					continue
				}
				kind := ir.Local
				if s.cells[n] {
					kind = ir.Cell
				}
				f.Locals = append(f.Locals, &ir.Var{Name: n, Kind: kind})
				seen[n] = true
			}
		}
		if s.needsClassCell {
			f.Locals = append(f.Locals, &ir.Var{Name: "__class__", Kind: ir.Cell})
		}
		for _, n := range slices.Sorted(maps.Keys(s.frees)) {
			f.Frees = append(f.Frees, &ir.Var{Name: n, Kind: ir.Free})
		}
	}
	return f
}

func goIdent(s string) string {
	var b strings.Builder
	for _, r := range s {
		if r == '_' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' {
			b.WriteRune(r)
		} else {
			b.WriteByte('_')
		}
	}
	return b.String()
}

// finish closes the blocks left open after a terminator (unreachable code
// that follows a return, raise, break or continue) and numbers the resume
// states of every function.
func (l *lowerer) finish() {
	for _, f := range l.prog.Funcs {
		for _, b := range f.Blocks {
			if b.Term == nil {
				b.Term = &ir.Terminator{Kind: ir.Return, Value: ir.Const{}}
			}
		}
		pruneUnreachable(f)
		n := 0
		for _, b := range f.Blocks {
			if b.Term != nil && (b.Term.Kind == ir.Await || b.Term.Kind == ir.Yield) {
				n++
				b.Term.Target.State = n
			}
		}
		f.NStates = n
	}
}

// pruneUnreachable drops the blocks no path from the entry reaches (code
// after a return, raise, break or continue) and renumbers the rest.
func pruneUnreachable(f *ir.Func) {
	seen := map[*ir.Block]bool{}
	var visit func(b *ir.Block)
	visit = func(b *ir.Block) {
		if b == nil || seen[b] {
			return
		}
		seen[b] = true
		visit(b.Handler)
		visit(b.Term.Target)
		visit(b.Term.Else)
	}
	visit(f.Blocks[0])
	kept := f.Blocks[:0]
	for _, b := range f.Blocks {
		if seen[b] {
			b.ID = len(kept)
			kept = append(kept, b)
		}
	}
	f.Blocks = kept
}

// unwind is an entry of the stack of constructs that a return, break or
// continue must leave: loops, and finally-like cleanups.
type unwind struct {
	loop         bool
	breakTo      *ir.Block
	continueTo   *ir.Block
	cleanup      func() // emits the cleanup code (finally body, __exit__ call)
	leave        func() // a loop's: emits what leaving it by break (or past it) does
	handler      *ir.Block
	handledDepth int
}

type funcLowerer struct {
	l       *lowerer
	f       *ir.Func
	s       *scope
	cur     *ir.Block
	handler *ir.Block // exception handler of new blocks
	stack   []*unwind
	handled []ir.Temp            // exceptions being handled (innermost last)
	renames []map[string]ir.Temp // comprehension variables
	line    int
	// guarded counts the constructs around the code being lowered that
	// expect an attribute or an import to be missing: a try with except
	// clauses, a test that calls hasattr (checkModuleAttr).
	guarded int
}

func (fl *funcLowerer) newBlock() *ir.Block {
	b := fl.f.NewBlock()
	b.Handler = fl.handler
	return b
}

func (fl *funcLowerer) emit(in *ir.Instr) *ir.Instr {
	if in.Line == 0 {
		in.Line = fl.line
	}
	fl.cur.Instrs = append(fl.cur.Instrs, in)
	return in
}

func (fl *funcLowerer) op(op ir.Op, name string, args ...ir.Operand) ir.Temp {
	t := fl.f.NewTemp()
	fl.emit(&ir.Instr{Op: op, Dst: t, Name: name, Args: args})
	return t
}

func (fl *funcLowerer) stmtOp(op ir.Op, name string, args ...ir.Operand) {
	fl.emit(&ir.Instr{Op: op, Dst: -1, Name: name, Args: args})
}

func (fl *funcLowerer) terminate(t *ir.Terminator) {
	if t.Line == 0 {
		t.Line = fl.line
	}
	fl.cur.Term = t
	// Code after a terminator (dead code) goes to a fresh unreachable block.
	fl.cur = fl.newBlock()
}

func (fl *funcLowerer) jump(to *ir.Block) {
	fl.terminate(&ir.Terminator{Kind: ir.Jump, Target: to})
}

func (fl *funcLowerer) startBlock(b *ir.Block) {
	if fl.cur.Term == nil {
		fl.cur.Term = &ir.Terminator{Kind: ir.Jump, Target: b, Line: fl.line}
	}
	fl.cur = b
}

// --- variables ---

func (fl *funcLowerer) varFor(name string) *ir.Var {
	for i := len(fl.renames) - 1; i >= 0; i-- {
		if _, ok := fl.renames[i][name]; ok {
			return nil
		}
	}
	s := fl.s
	if s.isModule || s.globals[name] {
		return fl.globalVar(name)
	}
	if s.isClass {
		if s.bound[name] {
			return &ir.Var{Name: name, Kind: ir.ClassName}
		}
		if s.frees[name] {
			return fl.findVar(name)
		}
		return fl.globalVar(name)
	}
	if v := fl.findVar(name); v != nil {
		return v
	}
	return fl.globalVar(name)
}

func (fl *funcLowerer) findVar(name string) *ir.Var {
	for _, v := range fl.f.Locals {
		if v.Name == name {
			return v
		}
	}
	for _, v := range fl.f.Frees {
		if v.Name == name {
			return v
		}
	}
	return nil
}

func (fl *funcLowerer) globalVar(name string) *ir.Var {
	root := fl.l.rootScope()
	if root.bound[name] || fl.l.declaredGlobal(name) {
		return &ir.Var{Name: name, Kind: ir.Global}
	}
	return &ir.Var{Name: name, Kind: ir.Builtin}
}

func (l *lowerer) rootScope() *scope {
	for n, s := range l.scopes {
		if _, ok := n.(*ast.Module); ok {
			return s
		}
	}
	return nil
}

// declaredGlobal reports whether some function declares name global and
// binds it (so it is a module variable even if the module never assigns it).
func (l *lowerer) declaredGlobal(name string) bool {
	for _, s := range l.scopes {
		if s.globals[name] && s.bound[name] {
			return true
		}
	}
	return false
}

func (fl *funcLowerer) load(name string, n ast.Located) ir.Operand {
	for i := len(fl.renames) - 1; i >= 0; i-- {
		if t, ok := fl.renames[i][name]; ok {
			return t
		}
	}
	v := fl.varFor(name)
	t := fl.f.NewTemp()
	in := &ir.Instr{Op: ir.OpLoad, Dst: t, Var: v}
	if n != nil {
		if pos := n.Span(); pos.Line == fl.line {
			in.Col = pos.Col + 1
		}
	}
	fl.emit(in)
	return t
}

func (fl *funcLowerer) store(name string, val ir.Operand) {
	for i := len(fl.renames) - 1; i >= 0; i-- {
		if t, ok := fl.renames[i][name]; ok {
			fl.emit(&ir.Instr{Op: ir.OpCopy, Dst: t, Args: []ir.Operand{val}})
			return
		}
	}
	v := fl.varFor(name)
	if fl.l.gc.isTracked(fl.s, name) {
		// Rebinding drops the generator held before: CPython closes it
		// after the store.
		old := fl.peek(v)
		fl.emit(&ir.Instr{Op: ir.OpStore, Dst: -1, Var: v, Args: []ir.Operand{val}})
		fl.drop(old)
		return
	}
	fl.emit(&ir.Instr{Op: ir.OpStore, Dst: -1, Var: v, Args: []ir.Operand{val}})
}

// peek loads variable v without the unbound check: nil if unbound.
func (fl *funcLowerer) peek(v *ir.Var) ir.Temp {
	t := fl.f.NewTemp()
	fl.emit(&ir.Instr{Op: ir.OpLoad, Dst: t, Var: v, Name: "peek"})
	return t
}

// drop closes x if it is a generator that CPython's reference count would
// finalize here (rt.DropGenerator never raises: an exception of the close is
// reported as CPython reports an exception in a finalizer).
func (fl *funcLowerer) drop(x ir.Operand) {
	fl.stmtOp(ir.OpRuntime, "DropGenerator", x)
}

// dropLocals closes the generators the tracked locals of a def hold, as
// the def returns (in the order CPython clears the frame's locals).
func (fl *funcLowerer) dropLocals() {
	if fl.f.Kind != ir.PlainFunc && fl.f.Kind != ir.CoroutineFunc || fl.l.gc == nil || len(fl.l.gc.tracked[fl.s]) == 0 {
		return
	}
	for _, v := range fl.f.Locals {
		if fl.l.gc.tracked[fl.s][v.Name] && v.Kind == ir.Local {
			fl.drop(fl.peek(v))
		}
	}
}

// --- statements ---

func (fl *funcLowerer) stmts(body []ast.Stmt) {
	for _, s := range body {
		fl.stmt(s)
	}
}

func (fl *funcLowerer) setLine(n ast.Located) { fl.line = n.Span().Line }

func (fl *funcLowerer) stmt(st ast.Stmt) {
	fl.setLine(st)
	switch n := st.(type) {
	case *ast.ExprStmt:
		fl.expr(n.Value)
	case *ast.Pass, *ast.Global, *ast.Nonlocal:
	case *ast.Assign:
		v := fl.expr(n.Value)
		for _, t := range n.Targets {
			fl.assign(t, v)
		}
	case *ast.AnnAssign:
		if n.Value != nil {
			fl.assign(n.Target, fl.expr(n.Value))
		}
		// A class body records its annotations (dataclasses read them),
		// as strings under `from __future__ import annotations`.
		if nm, ok := n.Target.(*ast.Name); ok && fl.f.Kind == ir.ClassBody && n.Simple == 1 {
			var ann ir.Operand
			if fl.l.futureAnnotations {
				text, ok := unparseAnnotation(n.Annotation)
				if !ok {
					fl.l.unsupported(n.Annotation, "this annotation under from __future__ import annotations")
				}
				ann = ir.Const{Value: text}
			} else {
				ann = fl.expr(n.Annotation)
			}
			d := fl.op(ir.OpRuntime, "ClassAnnotations") // the namespace's __annotations__
			fl.stmtOp(ir.OpSetItem, "", d, ir.Const{Value: nm.Id}, ann)
		}
	case *ast.AugAssign:
		fl.augAssign(n)
	case *ast.Return:
		var v ir.Operand = ir.Const{}
		if n.Value != nil {
			v = fl.expr(n.Value)
			if _, isTemp := v.(ir.Temp); !isTemp {
				v = fl.op(ir.OpCopy, "", v)
			}
		}
		fl.unwindTo(-1)
		fl.dropLocals()
		fl.terminate(&ir.Terminator{Kind: ir.Return, Value: v})
	case *ast.If:
		fl.ifStmt(n)
	case *ast.While:
		fl.whileStmt(n)
	case *ast.For:
		fl.forStmt(n)
	case *ast.AsyncFor:
		fl.asyncFor(n)
	case *ast.Break, *ast.Continue:
		for i := len(fl.stack) - 1; i >= 0; i-- {
			if fl.stack[i].loop {
				fl.unwindTo(i)
				_, isBreak := st.(*ast.Break)
				if isBreak && fl.stack[i].leave != nil {
					fl.runLeave(fl.stack[i])
				}
				if isBreak {
					fl.jump(fl.stack[i].breakTo)
				} else {
					fl.jump(fl.stack[i].continueTo)
				}
				return
			}
		}
		fl.l.unsupported(n, "break or continue outside a loop")
	case *ast.Raise:
		fl.raise(n)
	case *ast.Try:
		fl.try(n.Body, n.Handlers, n.Orelse, n.Finalbody, false)
	case *ast.TryStar:
		fl.try(n.Body, n.Handlers, n.Orelse, n.Finalbody, true)
	case *ast.Match:
		fl.match(n)
	case *ast.FunctionDef:
		fl.funcDef(n, n.Name, n.Args, n.Body, n.DecoratorList, ir.PlainFunc)
	case *ast.AsyncFunctionDef:
		fl.funcDef(n, n.Name, n.Args, n.Body, n.DecoratorList, ir.CoroutineFunc)
	case *ast.ClassDef:
		fl.classDef(n)
	case *ast.Import:
		for _, al := range n.Names {
			if ir.ModulePackages[al.Name] == "" {
				fl.l.unsupported(al, fmt.Sprintf("import of '%s'", al.Name))
			}
			fl.l.prog.Imports = appendUnique(fl.l.prog.Imports, al.Name)
			m := fl.op(ir.OpImport, al.Name)
			name := al.Asname
			if top, _, dotted := strings.Cut(al.Name, "."); dotted && name == "" {
				// `import a.b` binds a, which has b as an attribute once
				// a.b is imported (rt.Import).
				if ir.ModulePackages[top] == "" {
					fl.l.unsupported(al, fmt.Sprintf("import of '%s'", top))
				}
				fl.l.prog.Imports = appendUnique(fl.l.prog.Imports, top)
				name, m = top, fl.op(ir.OpImport, top)
			} else if name == "" {
				name = al.Name
			}
			fl.store(name, m)
		}
	case *ast.ImportFrom:
		if n.Module == "__future__" {
			for _, al := range n.Names {
				if al.Name == "barry_as_FLUFL" {
					fl.l.unsupported(al, "from __future__ import barry_as_FLUFL")
				}
			}
		}
		if n.Level != 0 || ir.ModulePackages[n.Module] == "" {
			fl.l.unsupported(n, fmt.Sprintf("import of '%s'", strings.Repeat(".", n.Level)+n.Module))
		}
		fl.l.prog.Imports = appendUnique(fl.l.prog.Imports, n.Module)
		m := fl.op(ir.OpImport, n.Module)
		for _, al := range n.Names {
			if al.Name == "*" {
				fl.l.unsupported(al, "from … import *")
			}
			if fl.guarded == 0 && ir.CPythonOnly(n.Module, al.Name) {
				fl.l.unsupported(al, fmt.Sprintf("from %s import %s", n.Module, al.Name))
			}
			v := fl.op(ir.OpImportFrom, al.Name, m)
			name := al.Asname
			if name == "" {
				name = al.Name
			}
			fl.store(name, v)
		}
	case *ast.Assert:
		t := fl.expr(n.Test)
		ok := fl.newBlock()
		fail := fl.newBlock()
		fl.terminate(&ir.Terminator{Kind: ir.Branch, Value: t, Target: ok, Else: fail})
		fl.cur = fail
		var args []ir.Operand
		if n.Msg != nil {
			args = append(args, fl.expr(n.Msg))
		}
		fl.stmtOp(ir.OpAssertFail, "", args...)
		fl.terminate(&ir.Terminator{Kind: ir.Return, Value: ir.Const{}}) // unreachable: assertfail always raises
		fl.cur = ok
	case *ast.Delete:
		for _, t := range n.Targets {
			fl.del(t)
		}
	case *ast.With:
		fl.with(n.Items, n.Body, false)
	case *ast.AsyncWith:
		fl.with(n.Items, n.Body, true)
	default:
		fl.l.unsupported(st, "statement "+nodeName(st))
	}
}

func nodeName(n ast.Node) string {
	s := fmt.Sprintf("%T", n)
	s = strings.TrimPrefix(s, "*ast.")
	if s == "ExprStmt" {
		return "Expr"
	}
	return s
}

func appendUnique(list []string, s string) []string {
	for _, x := range list {
		if x == s {
			return list
		}
	}
	return append(list, s)
}

// unwindTo emits the cleanups of the unwind stack above index i (all of
// them for i = -1), innermost first, as a return, break or continue leaves
// them.
func (fl *funcLowerer) unwindTo(i int) {
	saved := fl.stack
	savedHandler := fl.handler
	savedHandled := fl.handled
	for j := len(saved) - 1; j > i; j-- {
		u := saved[j]
		if u.cleanup == nil && u.leave == nil {
			continue
		}
		fl.stack = saved[:j]
		fl.handler = u.handler
		fl.handled = savedHandled[:u.handledDepth]
		if fl.cur.Handler != fl.handler {
			b := fl.newBlock()
			fl.startBlock(b)
		}
		if u.cleanup != nil {
			u.cleanup()
		} else {
			u.leave()
		}
	}
	fl.stack = saved
	fl.handled = savedHandled
	fl.handler = savedHandler
	if fl.cur.Handler != fl.handler {
		b := fl.newBlock()
		fl.startBlock(b)
	}
}

// runLeave emits the leave code of loop u (a break out of it).
func (fl *funcLowerer) runLeave(u *unwind) {
	saved := fl.handler
	fl.handler = u.handler
	if fl.cur.Handler != fl.handler {
		fl.startBlock(fl.newBlock())
	}
	u.leave()
	fl.handler = saved
	if fl.cur.Handler != fl.handler {
		fl.startBlock(fl.newBlock())
	}
}

func (fl *funcLowerer) ifStmt(n *ast.If) {
	g := fl.guardIf(n.Test)
	defer fl.unguard(g)
	t := fl.expr(n.Test)
	then, els, done := fl.newBlock(), fl.newBlock(), fl.newBlock()
	fl.terminate(&ir.Terminator{Kind: ir.Branch, Value: t, Target: then, Else: els})
	fl.cur = then
	fl.stmts(n.Body)
	fl.startBlock(done)
	fl.cur = els
	fl.stmts(n.Orelse)
	fl.startBlock(done)
}

// guardIf counts the code under a test that calls hasattr as guarded
// (checkModuleAttr), and says whether it did, for unguard.
func (fl *funcLowerer) guardIf(test ...ast.Expr) bool {
	for _, t := range test {
		found := false
		ast.Inspect(t, func(n ast.Node) bool {
			if c, ok := n.(*ast.Call); ok {
				if f, ok := c.Func.(*ast.Name); ok && f.Id == "hasattr" {
					found = true
				}
			}
			return !found
		})
		if found {
			fl.guarded++
			return true
		}
	}
	return false
}

func (fl *funcLowerer) unguard(g bool) {
	if g {
		fl.guarded--
	}
}

// checkModuleAttr reports as unsupported the read of m.name (or
// m.sub.name, sub a module) where the global m is always the module m
// imported and CPython's module has name but the runtime's lacks it: the
// program would raise where CPython goes on. Code that expects a name to
// be missing (inside a try with except clauses, or under a hasattr test)
// is left alone: it runs its fallback, as it would under an older Python.
func (fl *funcLowerer) checkModuleAttr(n *ast.Attribute) {
	if fl.guarded > 0 {
		return
	}
	mod := ""
	switch x := n.Value.(type) {
	case *ast.Name:
		mod = fl.moduleGlobal(x.Id)
	case *ast.Attribute:
		if nm, ok := x.Value.(*ast.Name); ok {
			if m := fl.moduleGlobal(nm.Id); m != "" && ir.ModulePackages[m+"."+x.Attr] != "" {
				mod = m + "." + x.Attr
			}
		}
	}
	if mod != "" && ir.CPythonOnly(mod, n.Attr) {
		fl.l.unsupported(n, mod+"."+n.Attr)
	}
}

// moduleGlobal is the module that name, read here, always holds: a global
// that only imports of one module bind (scope.moduleOnly), or "".
func (fl *funcLowerer) moduleGlobal(name string) string {
	if v := fl.varFor(name); v == nil || v.Kind != ir.Global {
		return ""
	}
	return fl.l.root.moduleOnly(name)
}

func (fl *funcLowerer) whileStmt(n *ast.While) {
	defer fl.unguard(fl.guardIf(n.Test))
	head, body, els, done := fl.newBlock(), fl.newBlock(), fl.newBlock(), fl.newBlock()
	fl.startBlock(head)
	t := fl.expr(n.Test)
	fl.terminate(&ir.Terminator{Kind: ir.Branch, Value: t, Target: body, Else: els})
	fl.cur = body
	fl.loopRest(n.Body, n.Orelse, head, els, done)
}

func (fl *funcLowerer) forStmt(n *ast.For) {
	if call, ok := n.Iter.(*ast.Call); ok && fl.l.gc.forIters[call] {
		fl.forClosing(n)
		return
	}
	it := fl.op(ir.OpIter, "", fl.expr(n.Iter))
	head, body, els, done := fl.newBlock(), fl.newBlock(), fl.newBlock(), fl.newBlock()
	fl.startBlock(head)
	fl.forNext(it, n.Target, body, els)
	fl.loopRest(n.Body, n.Orelse, head, els, done)
}

// forClosing lowers a for loop over a generator that nothing else
// references: leaving the loop other than by exhausting it (break, return,
// a break or continue of an outer loop, an exception) drops the iterator,
// and CPython's reference count closes the generator at once. The else
// clause runs after the iterator is gone.
func (fl *funcLowerer) forClosing(n *ast.For) {
	it := fl.op(ir.OpIter, "", fl.expr(n.Iter))
	fl.closingLoop(n.Body, n.Orelse, func() { fl.drop(it) }, func(body, els *ir.Block) {
		fl.forNext(it, n.Target, body, els)
	})
}

// closingLoop lowers a loop whose iterator is dropped (drop) when the loop
// is left other than by its end: next emits the step that goes on at body
// with the target assigned, or at els when the iterator is exhausted.
func (fl *funcLowerer) closingLoop(body, orelse []ast.Stmt, drop func(), next func(body, els *ir.Block)) {
	outer := fl.handler
	excB := fl.f.NewBlock()
	excB.Handler = outer
	fl.handler = excB
	head, bodyB := fl.newBlock(), fl.newBlock()
	fl.handler = outer
	els, done := fl.newBlock(), fl.newBlock()
	fl.handler = excB
	fl.startBlock(head)
	next(bodyB, els)
	fl.stack = append(fl.stack, &unwind{loop: true, breakTo: done, continueTo: head,
		leave: drop, handler: outer, handledDepth: len(fl.handled)})
	fl.stmts(body)
	fl.stack = fl.stack[:len(fl.stack)-1]
	fl.startBlock(head)
	fl.handler = outer
	fl.cur = els
	fl.stmts(orelse)
	fl.startBlock(done)
	fl.dropAndReraise(excB, drop)
}

// guardDrop lowers body (which must leave fl.cur open) so that an exception
// raised in it drops x first; the normal path drops x after body.
func (fl *funcLowerer) guardDrop(x ir.Operand, body func()) {
	outer := fl.handler
	excB := fl.f.NewBlock()
	excB.Handler = outer
	fl.handler = excB
	fl.startBlock(fl.newBlock())
	body()
	fl.handler = outer
	fl.startBlock(fl.newBlock())
	fl.drop(x)
	fl.dropAndReraise(excB, func() { fl.drop(x) })
}

// dropAndReraise fills the handler block exc: it catches the exception,
// runs drop (closing what the guarded code held) and raises the exception
// again at the line it was raised at. The current block stays current.
func (fl *funcLowerer) dropAndReraise(exc *ir.Block, drop func()) {
	cont := fl.cur
	fl.cur = exc
	e := fl.op(ir.OpCatch, "")
	drop()
	fl.terminate(&ir.Terminator{Kind: ir.Raise, Value: e, Reraise: true, Line: -1})
	fl.cur = cont
}

// loopRest lowers a loop's body (break goes to done, continue and the end of
// the body to head) and its else clause (entered at els).
func (fl *funcLowerer) loopRest(body, orelse []ast.Stmt, head, els, done *ir.Block) {
	fl.stack = append(fl.stack, &unwind{loop: true, breakTo: done, continueTo: head})
	fl.stmts(body)
	fl.stack = fl.stack[:len(fl.stack)-1]
	fl.startBlock(head)
	fl.cur = els
	fl.stmts(orelse)
	fl.startBlock(done)
}

func (fl *funcLowerer) requireCoroutine(n ast.Located, what string) {
	if fl.f.Kind != ir.CoroutineFunc && fl.f.Kind != ir.AsyncGenFunc {
		fl.l.unsupported(n, what+" outside an async function")
	}
}

// await lowers `await x` where x is already evaluated into aw (a value).
func (fl *funcLowerer) await(val ir.Operand) ir.Temp {
	aw := fl.op(ir.OpGetAwaitable, "", val)
	res := fl.f.NewTemp()
	next := fl.newBlock()
	fl.terminate(&ir.Terminator{Kind: ir.Await, Value: aw, Dst: res, Target: next})
	fl.cur = next
	return res
}

func (fl *funcLowerer) asyncFor(n *ast.AsyncFor) {
	fl.requireCoroutine(n, "'async for'")
	ait := fl.op(ir.OpAIter, "", fl.expr(n.Iter))
	if call, ok := n.Iter.(*ast.Call); ok && fl.l.gc.forIters[call] {
		fl.asyncForClosing(n, ait)
		return
	}
	head, body, els, done := fl.newBlock(), fl.newBlock(), fl.newBlock(), fl.newBlock()
	fl.startBlock(head)
	v := fl.anext(ait, body, els)
	fl.cur = body
	fl.assign(n.Target, v)
	fl.loopRest(n.Body, n.Orelse, head, els, done)
}

// asyncForClosing is forClosing for async for over an async generator:
// leaving the loop early hands the generator to the event loop's finalizer
// hook (an aclose() task), as CPython does when its reference count drops.
func (fl *funcLowerer) asyncForClosing(n *ast.AsyncFor, ait ir.Temp) {
	drop := func() { fl.stmtOp(ir.OpRuntime, "DropAsyncGenerator", ait) }
	fl.closingLoop(n.Body, n.Orelse, drop, func(body, els *ir.Block) {
		v := fl.anext(ait, body, els)
		fl.cur = body
		fl.assign(n.Target, v)
	})
}

// anext awaits anext(ait) and continues at body with the value, or at exit
// when the iterator raises StopAsyncIteration; other exceptions propagate.
func (fl *funcLowerer) anext(ait ir.Operand, body, exit *ir.Block) ir.Temp {
	stop := fl.f.NewBlock()
	stop.Handler = fl.handler
	saved := fl.handler
	fl.handler = stop
	nb := fl.newBlock()
	fl.startBlock(nb)
	v := fl.await(fl.op(ir.OpANext, "", ait))
	fl.handler = saved
	fl.jump(body)
	fl.cur = stop
	e := fl.op(ir.OpCatch, "")
	st := fl.f.NewTemp()
	fl.emit(&ir.Instr{Op: ir.OpLoad, Dst: st, Var: &ir.Var{Name: "StopAsyncIteration", Kind: ir.Builtin}})
	m := fl.op(ir.OpMatchExc, "", e, st)
	reraise := fl.newBlock()
	fl.terminate(&ir.Terminator{Kind: ir.Branch, Value: m, Target: exit, Else: reraise})
	fl.cur = reraise
	fl.terminate(&ir.Terminator{Kind: ir.Raise, Value: e, Reraise: true})
	return v
}

func (fl *funcLowerer) raise(n *ast.Raise) {
	var ctx ir.Operand
	if len(fl.handled) > 0 {
		ctx = fl.handled[len(fl.handled)-1]
	}
	if n.Exc == nil {
		if ctx == nil {
			t := fl.op(ir.OpCopy, "", ir.Const{Value: "No active exception to reraise"})
			fl.terminate(&ir.Terminator{Kind: ir.Raise, Value: t, Cause: ir.Const{Value: noActive{}}})
			return
		}
		fl.terminate(&ir.Terminator{Kind: ir.Raise, Value: ctx, Reraise: true})
		return
	}
	exc := fl.expr(n.Exc)
	var cause ir.Operand
	if n.Cause != nil {
		cause = fl.expr(n.Cause)
	}
	fl.terminate(&ir.Terminator{Kind: ir.Raise, Value: exc, Cause: cause, Context: ctx})
}

// noActive marks the RuntimeError of a bare raise with nothing to reraise.
type noActive struct{}

// try lowers try/except/else/finally. The finally body is emitted on each
// way out (normal, exceptional, return/break/continue), as CPython does.
func (fl *funcLowerer) try(body []ast.Stmt, handlers []ast.ExceptHandlerNode, orelse, final []ast.Stmt, star bool) {
	outer := fl.handler
	done := fl.newBlock()
	var finExc *ir.Block
	if final != nil {
		finExc = fl.f.NewBlock()
		finExc.Handler = outer
		depth := len(fl.handled)
		fl.stack = append(fl.stack, &unwind{cleanup: func() { fl.stmts(final) }, handler: outer, handledDepth: depth})
	}
	var dispatch *ir.Block
	afterExcept := outer
	if finExc != nil {
		afterExcept = finExc
	}
	if len(handlers) > 0 {
		dispatch = fl.f.NewBlock()
		dispatch.Handler = afterExcept
		fl.handler = dispatch
	} else {
		fl.handler = finExc
	}
	b := fl.newBlock()
	fl.startBlock(b)
	if len(handlers) > 0 {
		fl.guarded++
	}
	fl.stmts(body)
	if len(handlers) > 0 {
		fl.guarded--
	}
	// else runs outside the handlers but inside the finally.
	fl.handler = afterExcept
	eb := fl.newBlock()
	fl.startBlock(eb)
	fl.stmts(orelse)
	normal := fl.newBlock()
	fl.startBlock(normal)
	if dispatch != nil && star {
		fl.cur = dispatch
		fl.handler = afterExcept
		fl.exceptStar(handlers, normal, afterExcept)
	} else if dispatch != nil {
		fl.cur = dispatch
		fl.handler = afterExcept
		e := fl.op(ir.OpCatch, "")
		for _, h := range handlers {
			eh := h.(*ast.ExceptHandler)
			fl.setLine(eh)
			hbody := fl.newBlock()
			if eh.Type != nil {
				typ := fl.expr(eh.Type)
				m := fl.op(ir.OpMatchExc, "", e, typ)
				next := fl.newBlock()
				fl.terminate(&ir.Terminator{Kind: ir.Branch, Value: m, Target: hbody, Else: next})
				fl.cur = next
			} else {
				fl.jump(hbody)
			}
			saved := fl.cur
			fl.handlerBody(eh, hbody, e, e, afterExcept)
			fl.jump(normal)
			fl.cur = saved
		}
		// No handler matched: re-raise.
		fl.terminate(&ir.Terminator{Kind: ir.Raise, Value: e, Reraise: true})
	}
	fl.cur = normal
	fl.handler = outer
	if final != nil {
		fl.stack = fl.stack[:len(fl.stack)-1]
		nb := fl.newBlock()
		fl.startBlock(nb)
		fl.stmts(final)
		fl.startBlock(done)
		// Exceptional path.
		fl.cur = finExc
		e := fl.op(ir.OpCatch, "")
		fl.handled = append(fl.handled, e)
		fl.stmts(final)
		fl.handled = fl.handled[:len(fl.handled)-1]
		fl.terminate(&ir.Terminator{Kind: ir.Raise, Value: e, Reraise: true})
		fl.cur = done
		return
	}
	fl.startBlock(done)
}

// handlerBody lowers the body of an except or except* clause into hbody:
// the name is bound to bound (the exception, or the matched group) and
// deleted at the end; an exception raised in the body gets caught (the
// exception being handled) as __context__. It leaves fl.cur at the end of
// the body, with the handler restored to afterExcept.
func (fl *funcLowerer) handlerBody(eh *ast.ExceptHandler, hbody *ir.Block, caught, bound ir.Temp, afterExcept *ir.Block) {
	chain := fl.f.NewBlock()
	chain.Handler = afterExcept
	fl.cur = chain
	e2 := fl.op(ir.OpCatch, "")
	fl.terminate(&ir.Terminator{Kind: ir.Raise, Value: e2, Reraise: true, Context: caught})
	hbody.Handler = chain
	fl.cur = hbody
	fl.handler = chain
	fl.handled = append(fl.handled, bound)
	if eh.Name != "" {
		fl.store(eh.Name, bound)
	}
	fl.stmts(eh.Body)
	fl.handled = fl.handled[:len(fl.handled)-1]
	fl.handler = afterExcept
	cleanup := fl.newBlock()
	fl.startBlock(cleanup)
	if eh.Name != "" {
		fl.store(eh.Name, ir.Const{})
		fl.emit(&ir.Instr{Op: ir.OpDelete, Dst: -1, Var: fl.varFor(eh.Name)})
	}
	if fl.l.gc.held {
		// The exception is done with: the frames its traceback kept (and
		// the generators their locals hold) go now.
		fl.stmtOp(ir.OpRuntime, "ReleaseHeld", caught)
	}
}

// exceptStar lowers the handlers of try/except*: each clause takes the part
// of the exception (group) it matches, and what no clause matched is
// re-raised. An exception raised inside a handler propagates at once (CPython
// would group it with the unhandled rest).
func (fl *funcLowerer) exceptStar(handlers []ast.ExceptHandlerNode, normal, afterExcept *ir.Block) {
	e := fl.op(ir.OpCatch, "")
	cur := fl.op(ir.OpCopy, "", e)
	for _, h := range handlers {
		eh := h.(*ast.ExceptHandler)
		fl.setLine(eh)
		typ := fl.expr(eh.Type)
		parts := fl.op(ir.OpRuntime, "ExceptStar", cur, typ)
		m, rest := fl.f.NewTemp(), fl.f.NewTemp()
		fl.emit(&ir.Instr{Op: ir.OpUnpack, Dst: -1, Dsts: []ir.Temp{m, rest}, Args: []ir.Operand{parts}, N: 2, StarAt: -1})
		fl.emit(&ir.Instr{Op: ir.OpCopy, Dst: cur, Args: []ir.Operand{rest}})
		matched := fl.op(ir.OpCompare, "IsNot", m, ir.Const{})
		hbody, next := fl.newBlock(), fl.newBlock()
		fl.terminate(&ir.Terminator{Kind: ir.Branch, Value: matched, Target: hbody, Else: next})
		fl.handlerBody(eh, hbody, e, m, afterExcept)
		fl.startBlock(next)
	}
	unhandled := fl.op(ir.OpCompare, "IsNot", cur, ir.Const{})
	reraise := fl.newBlock()
	fl.terminate(&ir.Terminator{Kind: ir.Branch, Value: unhandled, Target: reraise, Else: normal})
	fl.cur = reraise
	fl.terminate(&ir.Terminator{Kind: ir.Raise, Value: cur, Reraise: true})
}

// match lowers a match statement: each case's pattern becomes tests that
// jump to the next case on failure; captures are stored as they match.
func (fl *funcLowerer) match(n *ast.Match) {
	subj := fl.op(ir.OpCopy, "", fl.expr(n.Subject))
	done := fl.newBlock()
	for _, c := range n.Cases {
		fail := fl.newBlock()
		fl.pattern(c.Pattern, subj, fail)
		if c.Guard != nil {
			g := fl.expr(c.Guard)
			ok := fl.newBlock()
			fl.terminate(&ir.Terminator{Kind: ir.Branch, Value: g, Target: ok, Else: fail})
			fl.cur = ok
		}
		fl.stmts(c.Body)
		fl.startBlock(done)
		fl.cur = fail
	}
	fl.startBlock(done)
}

func (fl *funcLowerer) test(ok ir.Operand, fail *ir.Block) {
	next := fl.newBlock()
	fl.terminate(&ir.Terminator{Kind: ir.Branch, Value: ok, Target: next, Else: fail})
	fl.cur = next
}

func (fl *funcLowerer) pattern(p ast.Pattern, v ir.Operand, fail *ir.Block) {
	fl.setLine(p)
	switch n := p.(type) {
	case *ast.MatchAs:
		if n.Pattern != nil {
			fl.pattern(n.Pattern, v, fail)
		}
		if n.Name != "" {
			fl.store(n.Name, v)
		}
	case *ast.MatchValue:
		fl.test(fl.op(ir.OpCompare, "Eq", v, fl.expr(n.Value)), fail)
	case *ast.MatchSingleton:
		var c ir.Operand = ir.Const{}
		if b, ok := n.Value.(bool); ok {
			c = ir.Const{Value: b}
		}
		fl.test(fl.op(ir.OpCompare, "Is", v, c), fail)
	case *ast.MatchSequence:
		starAt := -1
		for i, q := range n.Patterns {
			if _, ok := q.(*ast.MatchStar); ok {
				starAt = i
			}
		}
		fl.test(fl.op(ir.OpRuntime, "MatchSequence", v, ir.Const{Value: big.NewInt(int64(len(n.Patterns)))}, ir.Const{Value: starAt >= 0}), fail)
		dsts := make([]ir.Temp, len(n.Patterns))
		for i := range dsts {
			dsts[i] = fl.f.NewTemp()
		}
		fl.emit(&ir.Instr{Op: ir.OpUnpack, Dst: -1, Dsts: dsts, Args: []ir.Operand{v}, N: len(n.Patterns), StarAt: starAt})
		for i, q := range n.Patterns {
			if st, ok := q.(*ast.MatchStar); ok {
				if st.Name != "" {
					fl.store(st.Name, dsts[i])
				}
				continue
			}
			fl.pattern(q, dsts[i], fail)
		}
	case *ast.MatchMapping:
		var keys []ir.Operand
		for _, k := range n.Keys {
			keys = append(keys, fl.expr(k))
		}
		kt := fl.op(ir.OpTuple, "", keys...)
		vals := fl.op(ir.OpRuntime, "MatchMapping", v, kt)
		fl.test(fl.op(ir.OpCompare, "IsNot", vals, ir.Const{}), fail)
		dsts := make([]ir.Temp, len(n.Keys))
		for i := range dsts {
			dsts[i] = fl.f.NewTemp()
		}
		if len(dsts) > 0 {
			fl.emit(&ir.Instr{Op: ir.OpUnpack, Dst: -1, Dsts: dsts, Args: []ir.Operand{vals}, N: len(dsts), StarAt: -1})
		}
		for i, q := range n.Patterns {
			fl.pattern(q, dsts[i], fail)
		}
		if n.Rest != "" {
			fl.store(n.Rest, fl.op(ir.OpRuntime, "MatchMappingRest", v, kt))
		}
	case *ast.MatchClass:
		cls := fl.expr(n.Cls)
		var names []ir.Operand
		for _, a := range n.KwdAttrs {
			names = append(names, ir.Const{Value: a})
		}
		nt := fl.op(ir.OpTuple, "", names...)
		vals := fl.op(ir.OpRuntime, "MatchClass", v, cls, ir.Const{Value: big.NewInt(int64(len(n.Patterns)))}, nt)
		fl.test(fl.op(ir.OpCompare, "IsNot", vals, ir.Const{}), fail)
		total := len(n.Patterns) + len(n.KwdPatterns)
		dsts := make([]ir.Temp, total)
		for i := range dsts {
			dsts[i] = fl.f.NewTemp()
		}
		if total > 0 {
			fl.emit(&ir.Instr{Op: ir.OpUnpack, Dst: -1, Dsts: dsts, Args: []ir.Operand{vals}, N: total, StarAt: -1})
		}
		for i, q := range append(append([]ast.Pattern(nil), n.Patterns...), n.KwdPatterns...) {
			fl.pattern(q, dsts[i], fail)
		}
	case *ast.MatchOr:
		ok := fl.newBlock()
		for i, q := range n.Patterns {
			next := fail
			if i < len(n.Patterns)-1 {
				next = fl.newBlock()
			}
			fl.pattern(q, v, next)
			fl.jump(ok)
			fl.cur = next
		}
		fl.cur = ok
	default:
		fl.l.unsupported(p, "pattern "+nodeName(p))
	}
}

// with lowers `with`/`async with` as try/finally around __exit__.
func (fl *funcLowerer) with(items []*ast.WithItem, body []ast.Stmt, async bool) {
	if async {
		fl.requireCoroutine(items[0].ContextExpr, "'async with'")
	}
	if len(items) > 1 {
		// The remaining items nest inside the first, each as async as the statement.
		var inner ast.Stmt = &ast.With{Pos: *items[1].ContextExpr.Span(), Items: items[1:], Body: body}
		if async {
			inner = &ast.AsyncWith{Pos: *items[1].ContextExpr.Span(), Items: items[1:], Body: body}
		}
		fl.with(items[:1], []ast.Stmt{inner}, async)
		return
	}
	item := items[0]
	mgr := fl.expr(item.ContextExpr)
	enterName, exitName := "__enter__", "__exit__"
	if async {
		enterName, exitName = "__aenter__", "__aexit__"
	}
	exit := fl.f.NewTemp()
	val := fl.f.NewTemp()
	fl.emit(&ir.Instr{Op: ir.OpWithEnter, Dst: val, Dsts: []ir.Temp{exit}, Args: []ir.Operand{mgr}, Name: enterName + " " + exitName})
	var v ir.Operand = val
	if async {
		v = fl.await(val)
	}
	outer := fl.handler
	excBlock := fl.f.NewBlock()
	excBlock.Handler = outer
	callExit := func(e ir.Operand) ir.Operand {
		r := fl.op(ir.OpCallExit, "", exit, e)
		if async {
			return fl.await(r)
		}
		return r
	}
	fl.stack = append(fl.stack, &unwind{cleanup: func() { callExit(ir.Const{}) }, handler: outer, handledDepth: len(fl.handled)})
	fl.handler = excBlock
	b := fl.newBlock()
	fl.startBlock(b)
	if item.OptionalVars != nil {
		fl.assign(item.OptionalVars, v)
	}
	fl.stmts(body)
	fl.stack = fl.stack[:len(fl.stack)-1]
	fl.handler = outer
	nb := fl.newBlock()
	fl.startBlock(nb)
	callExit(ir.Const{})
	done := fl.newBlock()
	fl.startBlock(done)
	// Exceptional exit: __exit__ may suppress.
	fl.cur = excBlock
	e := fl.op(ir.OpCatch, "")
	fl.handled = append(fl.handled, e)
	r := callExit(e)
	fl.handled = fl.handled[:len(fl.handled)-1]
	reraise := fl.newBlock()
	suppressed := done
	if fl.l.gc.held {
		// A suppressed exception is done with (see handlerBody).
		suppressed = fl.newBlock()
	}
	fl.terminate(&ir.Terminator{Kind: ir.Branch, Value: r, Target: suppressed, Else: reraise})
	if suppressed != done {
		fl.cur = suppressed
		fl.stmtOp(ir.OpRuntime, "ReleaseHeld", e)
		fl.jump(done)
	}
	fl.cur = reraise
	fl.terminate(&ir.Terminator{Kind: ir.Raise, Value: e, Reraise: true})
	fl.cur = done
}

func (fl *funcLowerer) del(t ast.Expr) {
	switch n := t.(type) {
	case *ast.Name:
		v := fl.varFor(n.Id)
		if fl.l.gc.isTracked(fl.s, n.Id) {
			old := fl.peek(v)
			fl.emit(&ir.Instr{Op: ir.OpDelete, Dst: -1, Var: v})
			fl.drop(old)
			return
		}
		fl.emit(&ir.Instr{Op: ir.OpDelete, Dst: -1, Var: v})
	case *ast.Attribute:
		fl.stmtOp(ir.OpDelAttr, n.Attr, fl.expr(n.Value))
	case *ast.Subscript:
		o := fl.expr(n.Value)
		fl.stmtOp(ir.OpDelItem, "", o, fl.expr(n.Slice))
	case *ast.Tuple:
		for _, e := range n.Elts {
			fl.del(e)
		}
	case *ast.List:
		for _, e := range n.Elts {
			fl.del(e)
		}
	default:
		fl.l.unsupported(t, "del of "+nodeName(t))
	}
}

func (fl *funcLowerer) assign(t ast.Expr, v ir.Operand) {
	switch n := t.(type) {
	case *ast.Name:
		fl.store(n.Id, v)
	case *ast.Attribute:
		o := fl.expr(n.Value)
		fl.stmtOp(ir.OpSetAttr, n.Attr, o, v)
	case *ast.Subscript:
		o := fl.expr(n.Value)
		k := fl.expr(n.Slice)
		fl.stmtOp(ir.OpSetItem, "", o, k, v)
	case *ast.Tuple, *ast.List:
		var elts []ast.Expr
		if tu, ok := n.(*ast.Tuple); ok {
			elts = tu.Elts
		} else {
			elts = n.(*ast.List).Elts
		}
		starAt := -1
		for i, e := range elts {
			if _, ok := e.(*ast.Starred); ok {
				starAt = i
			}
		}
		dsts := make([]ir.Temp, len(elts))
		for i := range dsts {
			dsts[i] = fl.f.NewTemp()
		}
		fl.emit(&ir.Instr{Op: ir.OpUnpack, Dst: -1, Dsts: dsts, Args: []ir.Operand{v}, N: len(elts), StarAt: starAt})
		for i, e := range elts {
			if s, ok := e.(*ast.Starred); ok {
				e = s.Value
			}
			fl.assign(e, dsts[i])
		}
	default:
		fl.l.unsupported(t, "assignment to "+nodeName(t))
	}
}

var binNames = map[ast.Operator]string{
	ast.Add: "Add", ast.Sub: "Sub", ast.Mult: "Mul", ast.MatMult: "MatMul", ast.Div: "TrueDiv", ast.Mod: "Mod",
	ast.Pow: "Pow", ast.LShift: "LShift", ast.RShift: "RShift", ast.BitOr: "BitOr", ast.BitXor: "BitXor",
	ast.BitAnd: "BitAnd", ast.FloorDiv: "FloorDiv",
}

func (fl *funcLowerer) augAssign(n *ast.AugAssign) {
	name := "Inplace" + binNames[n.Op]
	switch t := n.Target.(type) {
	case *ast.Name:
		cur := fl.load(t.Id, t)
		v := fl.expr(n.Value)
		fl.store(t.Id, fl.op(ir.OpBinary, name, cur, v))
	case *ast.Attribute:
		o := fl.expr(t.Value)
		cur := fl.op(ir.OpGetAttr, t.Attr, o)
		v := fl.expr(n.Value)
		fl.stmtOp(ir.OpSetAttr, t.Attr, o, fl.op(ir.OpBinary, name, cur, v))
	case *ast.Subscript:
		o := fl.expr(t.Value)
		k := fl.expr(t.Slice)
		cur := fl.op(ir.OpGetItem, "", o, k)
		v := fl.expr(n.Value)
		fl.stmtOp(ir.OpSetItem, "", o, k, fl.op(ir.OpBinary, name, cur, v))
	default:
		fl.l.unsupported(n, "augmented assignment to "+nodeName(n.Target))
	}
}

// makeFunc lowers the body of a def, async def or lambda into a new Func
// and emits the instruction that creates the function object.
func (fl *funcLowerer) makeFunc(node ast.Node, name string, args *ast.Arguments, body []ast.Stmt, expr ast.Expr, kind ir.FuncKind, line int) ir.Temp {
	s := fl.l.scopes[node]
	qual := name
	if fl.f.Kind != ir.ModuleBody {
		if fl.f.Kind == ir.ClassBody {
			qual = fl.f.Qualname + "." + name
		} else {
			qual = fl.f.Qualname + ".<locals>." + name
		}
	}
	// Defaults are evaluated now, in the enclosing function.
	var defs []ir.Operand
	for _, d := range args.Defaults {
		defs = append(defs, fl.expr(d))
	}
	var kwNames []string
	for i, d := range args.KwDefaults {
		if d != nil {
			defs = append(defs, fl.expr(d))
			kwNames = append(kwNames, args.Kwonlyargs[i].Arg)
		}
	}
	// A function made inside a comprehension that reads the comprehension's
	// variable would need it as a cell; the inlined comprehension keeps it in
	// a temporary, so say so rather than resolve the name wrongly.
	for _, r := range fl.renames {
		for name := range r {
			if usesName(s, name) {
				fl.l.unsupported(node.(ast.Located), fmt.Sprintf("a function inside a comprehension that uses its variable '%s'", name))
			}
		}
	}
	if hasYield(body, expr) {
		if kind == ir.CoroutineFunc {
			kind = ir.AsyncGenFunc
		} else {
			kind = ir.GeneratorFunc
		}
	}
	f := fl.l.newFunc(fl.f, name, qual, kind, s, line)
	f.Params = ir.Param{
		Names: allParams(args), PosOnly: len(args.Posonlyargs), Pos: len(args.Posonlyargs) + len(args.Args),
		KwOnly: len(args.Kwonlyargs), VarArgs: args.Vararg != nil, VarKw: args.Kwarg != nil,
		NDefaults: len(args.Defaults), KwDefaults: kwNames,
	}
	sub := &funcLowerer{l: fl.l, f: f, s: s}
	sub.cur = f.NewBlock()
	sub.line = line
	if expr != nil {
		sub.line = expr.Span().Line
		v := sub.expr(expr)
		sub.terminate(&ir.Terminator{Kind: ir.Return, Value: v})
	} else {
		sub.stmts(body)
		sub.dropLocals()
		sub.terminate(&ir.Terminator{Kind: ir.Return, Value: ir.Const{}})
		sub.holdLocals()
	}
	t := fl.f.NewTemp()
	fl.emit(&ir.Instr{Op: ir.OpMakeFunc, Dst: t, Func: f, Args: defs, KwNames: kwNames})
	// A def whose body starts with a string has it as __doc__.
	if len(body) > 0 {
		if es, ok := body[0].(*ast.ExprStmt); ok {
			if c, ok := es.Value.(*ast.Constant); ok {
				if doc, ok := c.Value.(string); ok {
					fl.stmtOp(ir.OpSetAttr, "__doc__", t, ir.Const{Value: doc})
				}
			}
		}
	}
	return t
}

// usesName reports whether scope s or a scope nested in it reads name
// without binding it.
func usesName(s *scope, name string) bool {
	if s.used[name] && !s.bound[name] {
		return true
	}
	for _, c := range s.children {
		if usesName(c, name) {
			return true
		}
	}
	return false
}

func hasYield(body []ast.Stmt, expr ast.Expr) bool {
	found := false
	var visit func(n ast.Node) bool
	visit = func(n ast.Node) bool {
		switch n.(type) {
		case *ast.Yield, *ast.YieldFrom:
			found = true
			return false
		case *ast.FunctionDef, *ast.AsyncFunctionDef, *ast.Lambda, *ast.ClassDef:
			return false
		}
		return true
	}
	for _, s := range body {
		inspect(s, visit)
	}
	if expr != nil {
		inspect(expr, visit)
	}
	return found
}

func (fl *funcLowerer) funcDef(n ast.Stmt, name string, args *ast.Arguments, body []ast.Stmt, decos []ast.Expr, kind ir.FuncKind) {
	var ds []ir.Operand
	for _, d := range decos {
		ds = append(ds, fl.expr(d))
	}
	fn := fl.makeFunc(n, name, args, body, nil, kind, n.Span().Line)
	fl.setLine(n)
	var v ir.Operand = fn
	for i := len(ds) - 1; i >= 0; i-- {
		v = fl.call(ds[i], []ir.Operand{v}, nil, nil)
	}
	fl.store(name, v)
}

// builtinContainers are the builtin types a class statement cannot derive
// from yet (see classDef).
var builtinContainers = map[string]bool{"list": true, "dict": true, "set": true, "frozenset": true, "bytearray": true}

// builtinValueTypes are the builtin types a plain class cannot derive from
// yet; an Enum may take one as its mixin (its Go metaclass makes the
// members), so classDef reports them only where every base is a builtin.
var builtinValueTypes = map[string]bool{"str": true, "int": true, "float": true, "tuple": true}

func (fl *funcLowerer) classDef(n *ast.ClassDef) {
	var ds []ir.Operand
	for _, d := range n.DecoratorList {
		ds = append(ds, fl.expr(d))
	}
	var bases []ir.Operand
	allBuiltin := true
	for _, b := range n.Bases {
		if nm, ok := b.(*ast.Name); !ok || fl.varFor(nm.Id).Kind != ir.Builtin {
			allBuiltin = false
		}
	}
	for _, b := range n.Bases {
		if nm, ok := b.(*ast.Name); ok && fl.varFor(nm.Id).Kind == ir.Builtin &&
			(builtinContainers[nm.Id] || allBuiltin && builtinValueTypes[nm.Id]) {
			// The runtime's containers, strs, ints, floats and tuples are
			// Go values; an instance of a Python subclass carries none, so
			// its inherited methods would have nothing to work on.
			fl.l.unsupported(b, "subclassing the builtin '"+nm.Id+"'")
		}
		bases = append(bases, fl.expr(b))
	}
	if len(n.Keywords) > 0 {
		fl.l.unsupported(n, "class keywords (metaclass=…)")
	}
	s := fl.l.scopes[n]
	qual := n.Name
	if fl.f.Kind == ir.ClassBody {
		qual = fl.f.Qualname + "." + n.Name
	} else if fl.f.Kind != ir.ModuleBody {
		qual = fl.f.Qualname + ".<locals>." + n.Name
	}
	f := fl.l.newFunc(fl.f, n.Name, qual, ir.ClassBody, s, n.Pos.Line)
	sub := &funcLowerer{l: fl.l, f: f, s: s}
	sub.cur = f.NewBlock()
	sub.line = n.Pos.Line
	modName := fl.op(ir.OpCopy, "", ir.Const{Value: "__main__"})
	_ = modName
	// A class body that starts with a string sets __doc__.
	if len(n.Body) > 0 {
		if es, ok := n.Body[0].(*ast.ExprStmt); ok {
			if c, ok := es.Value.(*ast.Constant); ok {
				if doc, ok := c.Value.(string); ok {
					sub.emit(&ir.Instr{Op: ir.OpStore, Dst: -1, Var: &ir.Var{Name: "__doc__", Kind: ir.ClassName}, Args: []ir.Operand{ir.Const{Value: doc}}})
				}
			}
		}
	}
	sub.stmts(n.Body)
	sub.terminate(&ir.Terminator{Kind: ir.Return, Value: ir.Const{}})
	fl.setLine(n)
	t := fl.f.NewTemp()
	fl.emit(&ir.Instr{Op: ir.OpMakeClass, Dst: t, Func: f, Args: bases, Name: n.Name})
	var v ir.Operand = t
	for i := len(ds) - 1; i >= 0; i-- {
		v = fl.call(ds[i], []ir.Operand{v}, nil, nil)
	}
	fl.store(n.Name, v)
}

// --- expressions ---

func (fl *funcLowerer) call(fn ir.Operand, args []ir.Operand, kwNames []string, kwVals []ir.Operand) ir.Temp {
	t := fl.f.NewTemp()
	all := append([]ir.Operand{fn}, args...)
	all = append(all, kwVals...)
	fl.emit(&ir.Instr{Op: ir.OpCall, Dst: t, Args: all, N: len(args), KwNames: kwNames})
	return t
}

func (fl *funcLowerer) expr(e ast.Expr) ir.Operand {
	// An expression's instructions carry the line it starts on, as
	// CPython's do: in a statement over several lines, a traceback names
	// the line of the call that raised, and a suspended coroutine's
	// f_lineno that of its await. The statement's own instructions (a
	// store, a jump) keep the statement's line.
	if l := e.Span().Line; l > 0 && l != fl.line {
		defer func(saved int) { fl.line = saved }(fl.line)
		fl.line = l
	}
	switch n := e.(type) {
	case *ast.Constant:
		return fl.constant(n)
	case *ast.Name:
		return fl.load(n.Id, n)
	case *ast.BinOp:
		a := fl.expr(n.Left)
		b := fl.expr(n.Right)
		return fl.op(ir.OpBinary, binNames[n.Op], a, b)
	case *ast.UnaryOp:
		v := fl.expr(n.Operand)
		switch n.Op {
		case ast.Not:
			return fl.op(ir.OpNot, "", v)
		case ast.USub:
			return fl.op(ir.OpUnary, "Neg", v)
		case ast.UAdd:
			return fl.op(ir.OpUnary, "Pos", v)
		default:
			return fl.op(ir.OpUnary, "Invert", v)
		}
	case *ast.BoolOp:
		defer fl.unguard(fl.guardIf(n.Values...))
		res := fl.f.NewTemp()
		done := fl.newBlock()
		for i, ve := range n.Values {
			v := fl.expr(ve)
			fl.emit(&ir.Instr{Op: ir.OpCopy, Dst: res, Args: []ir.Operand{v}})
			if i == len(n.Values)-1 {
				break
			}
			next := fl.newBlock()
			if n.Op == ast.And {
				fl.terminate(&ir.Terminator{Kind: ir.Branch, Value: res, Target: next, Else: done})
			} else {
				fl.terminate(&ir.Terminator{Kind: ir.Branch, Value: res, Target: done, Else: next})
			}
			fl.cur = next
		}
		fl.startBlock(done)
		return res
	case *ast.Compare:
		return fl.compare(n)
	case *ast.IfExp:
		defer fl.unguard(fl.guardIf(n.Test))
		res := fl.f.NewTemp()
		t := fl.expr(n.Test)
		a, b, done := fl.newBlock(), fl.newBlock(), fl.newBlock()
		fl.terminate(&ir.Terminator{Kind: ir.Branch, Value: t, Target: a, Else: b})
		fl.cur = a
		fl.emit(&ir.Instr{Op: ir.OpCopy, Dst: res, Args: []ir.Operand{fl.expr(n.Body)}})
		fl.startBlock(done)
		fl.cur = b
		fl.emit(&ir.Instr{Op: ir.OpCopy, Dst: res, Args: []ir.Operand{fl.expr(n.Orelse)}})
		fl.startBlock(done)
		return res
	case *ast.NamedExpr:
		v := fl.expr(n.Value)
		fl.storeWalrus(n.Target.(*ast.Name).Id, v)
		return v
	case *ast.Call:
		return fl.callExpr(n)
	case *ast.Attribute:
		fl.checkModuleAttr(n)
		return fl.op(ir.OpGetAttr, n.Attr, fl.expr(n.Value))
	case *ast.Subscript:
		o := fl.expr(n.Value)
		return fl.op(ir.OpGetItem, "", o, fl.expr(n.Slice))
	case *ast.Slice:
		var parts [3]ir.Operand
		for i, x := range []ast.Expr{n.Lower, n.Upper, n.Step} {
			if x == nil {
				parts[i] = ir.Const{}
			} else {
				parts[i] = fl.expr(x)
			}
		}
		return fl.op(ir.OpSlice, "", parts[:]...)
	case *ast.Tuple:
		return fl.seq(ir.OpTuple, n.Elts)
	case *ast.List:
		return fl.seq(ir.OpList, n.Elts)
	case *ast.Set:
		t := fl.seq(ir.OpSet, n.Elts)
		// CPython compiles a display of more than two constants into a
		// frozenset constant that a new set is updated from, which orders
		// the set differently from adding the items one by one.
		if len(n.Elts) > 2 && allConst(n.Elts) {
			fl.cur.Instrs[len(fl.cur.Instrs)-1].Name = "const"
		}
		return t
	case *ast.Dict:
		var args []ir.Operand
		for i, k := range n.Keys {
			if k == nil {
				args = append(args, nil)
			} else {
				args = append(args, fl.expr(k))
			}
			args = append(args, fl.expr(n.Values[i]))
		}
		return fl.op(ir.OpDict, "", args...)
	case *ast.JoinedStr:
		var parts []ir.Operand
		for _, v := range n.Values {
			parts = append(parts, fl.expr(v))
		}
		if len(parts) == 1 {
			if fv, ok := n.Values[0].(*ast.FormattedValue); ok && fv != nil {
				return parts[0]
			}
		}
		return fl.op(ir.OpJoin, "", parts...)
	case *ast.FormattedValue:
		v := fl.expr(n.Value)
		var spec ir.Operand = ir.Const{Value: ""}
		if n.FormatSpec != nil {
			spec = fl.expr(n.FormatSpec)
		}
		conv := byte(0)
		if n.Conversion > 0 {
			conv = byte(n.Conversion)
		}
		t := fl.f.NewTemp()
		fl.emit(&ir.Instr{Op: ir.OpFormat, Dst: t, Args: []ir.Operand{v, spec}, Conv: conv})
		return t
	case *ast.Await:
		fl.requireCoroutine(n, "'await'")
		return fl.await(fl.expr(n.Value))
	case *ast.Yield:
		var v ir.Operand = ir.Const{}
		if n.Value != nil {
			v = fl.expr(n.Value)
		}
		return fl.yield(v)
	case *ast.YieldFrom:
		if fl.f.Kind != ir.GeneratorFunc {
			fl.l.unsupported(n, "'yield from' outside a generator")
		}
		it := fl.op(ir.OpGetAwaitable, "yieldfrom", fl.expr(n.Value))
		res := fl.f.NewTemp()
		next := fl.newBlock()
		fl.terminate(&ir.Terminator{Kind: ir.Await, Value: it, Dst: res, Target: next})
		fl.cur = next
		return res
	case *ast.GeneratorExp:
		return fl.genexp(n)
	case *ast.Lambda:
		return fl.makeFunc(n, "<lambda>", n.Args, nil, n.Body, ir.PlainFunc, n.Pos.Line)
	case *ast.ListComp:
		return fl.comprehension(n, n.Generators, ir.OpList, n.Elt, nil)
	case *ast.SetComp:
		return fl.comprehension(n, n.Generators, ir.OpSet, n.Elt, nil)
	case *ast.DictComp:
		return fl.comprehension(n, n.Generators, ir.OpDict, n.Key, n.Value)
	case *ast.Starred:
		fl.l.unsupported(n, "starred expression here")
	}
	fl.l.unsupported(e, "expression "+nodeName(e))
	return nil
}

func (fl *funcLowerer) yield(v ir.Operand) ir.Temp {
	res := fl.f.NewTemp()
	next := fl.newBlock()
	fl.terminate(&ir.Terminator{Kind: ir.Yield, Value: v, Dst: res, Target: next})
	fl.cur = next
	return res
}

// forNext ends the current block with the next item of iterator it: bound
// to target at the start of body, or exit when the iterator is exhausted.
func (fl *funcLowerer) forNext(it ir.Operand, target ast.Expr, body, exit *ir.Block) {
	v := fl.f.NewTemp()
	fl.terminate(&ir.Terminator{Kind: ir.ForNext, Value: it, Dst: v, Target: body, Else: exit})
	fl.cur = body
	fl.assign(target, v)
}

// filters lowers a comprehension's if clauses: a false one continues with
// the next item at head.
func (fl *funcLowerer) filters(ifs []ast.Expr, head *ir.Block) {
	for _, cond := range ifs {
		c := fl.expr(cond)
		pass := fl.newBlock()
		fl.terminate(&ir.Terminator{Kind: ir.Branch, Value: c, Target: pass, Else: head})
		fl.cur = pass
	}
}

// genexp lowers a generator expression into a generator function called
// with iter() of its first iterable, as CPython does.
func (fl *funcLowerer) genexp(n *ast.GeneratorExp) ir.Operand {
	kind := ir.GeneratorFunc
	for _, g := range n.Generators {
		if g.IsAsync != 0 {
			kind = ir.AsyncGenFunc
		}
	}
	if n.Generators[0].IsAsync != 0 {
		fl.l.unsupported(n, "asynchronous generator expressions")
	}
	return fl.comprehensionFunc(n, fl.l.scopes[n], n.Generators, "<genexpr>", kind,
		func(*funcLowerer) ir.Operand { return ir.Const{} },
		func(sub *funcLowerer, _ ir.Operand) { sub.yield(sub.expr(n.Elt)) })
}

// comprehensionFunc lowers a comprehension with a scope of its own (a
// generator expression, or see compNeedsScope) into a function named name
// of the iterator of its first iterable, and calls it: start emits the
// function's result holder, each innermost iteration runs each.
func (fl *funcLowerer) comprehensionFunc(n ast.Expr, s *scope, gens []*ast.Comprehension, name string, kind ir.FuncKind,
	start func(sub *funcLowerer) ir.Operand, each func(sub *funcLowerer, res ir.Operand)) ir.Operand {
	first := fl.op(ir.OpIter, "", fl.expr(gens[0].Iter))
	qual := name
	if fl.f.Kind != ir.ModuleBody {
		qual = fl.f.Qualname + ".<locals>." + name
	}
	line := n.Span().Line
	f := fl.l.newFunc(fl.f, name, qual, kind, s, line)
	f.Params = ir.Param{Names: []string{".0"}, Pos: 1}
	sub := &funcLowerer{l: fl.l, f: f, s: s, line: line}
	sub.cur = f.NewBlock()
	res := start(sub)
	var loop func(i int)
	loop = func(i int) {
		g := gens[i]
		var iter ir.Operand
		if i == 0 {
			iter = sub.load(".0", n)
		} else {
			iter = sub.op(ir.OpIter, "", sub.expr(g.Iter))
		}
		head, body, exit := sub.newBlock(), sub.newBlock(), sub.newBlock()
		sub.startBlock(head)
		sub.forNext(iter, g.Target, body, exit)
		sub.filters(g.Ifs, head)
		if i+1 < len(gens) {
			loop(i + 1)
		} else {
			each(sub, res)
		}
		sub.startBlock(head)
		sub.cur = exit
	}
	loop(0)
	sub.terminate(&ir.Terminator{Kind: ir.Return, Value: res})
	fn := fl.f.NewTemp()
	fl.emit(&ir.Instr{Op: ir.OpMakeFunc, Dst: fn, Func: f})
	return fl.call(fn, []ir.Operand{first}, nil, nil)
}

func (fl *funcLowerer) storeWalrus(name string, v ir.Operand) {
	fl.store(name, v)
}

func (fl *funcLowerer) constant(n *ast.Constant) ir.Operand {
	switch v := n.Value.(type) {
	case ast.NoneValue:
		return ir.Const{}
	case bool:
		return ir.Const{Value: v}
	case *big.Int:
		return ir.Const{Value: v}
	case float64:
		return ir.Const{Value: v}
	case string:
		return ir.Const{Value: v}
	case ast.EllipsisValue:
		return ir.Const{Value: ir.Ellipsis{}}
	}
	fl.l.unsupported(n, fmt.Sprintf("constant of type %T", n.Value))
	return nil
}

var cmpNames = map[ast.CmpOp]string{
	ast.Eq: "Eq", ast.NotEq: "Ne", ast.Lt: "Lt", ast.LtE: "Le", ast.Gt: "Gt", ast.GtE: "Ge",
	ast.Is: "Is", ast.IsNot: "IsNot", ast.In: "In", ast.NotIn: "NotIn",
}

func (fl *funcLowerer) compare(n *ast.Compare) ir.Operand {
	left := fl.expr(n.Left)
	if len(n.Ops) == 1 {
		return fl.op(ir.OpCompare, cmpNames[n.Ops[0]], left, fl.expr(n.Comparators[0]))
	}
	res := fl.f.NewTemp()
	done := fl.newBlock()
	for i, op := range n.Ops {
		right := fl.expr(n.Comparators[i])
		fl.emit(&ir.Instr{Op: ir.OpCompare, Dst: res, Name: cmpNames[op], Args: []ir.Operand{left, right}})
		if i == len(n.Ops)-1 {
			break
		}
		next := fl.newBlock()
		fl.terminate(&ir.Terminator{Kind: ir.Branch, Value: res, Target: next, Else: done})
		fl.cur = next
		left = right
	}
	fl.startBlock(done)
	return res
}

func (fl *funcLowerer) seq(op ir.Op, elts []ast.Expr) ir.Operand {
	var args []ir.Operand
	var star []bool
	anyStar := false
	for _, e := range elts {
		if s, ok := e.(*ast.Starred); ok {
			args = append(args, fl.expr(s.Value))
			star = append(star, true)
			anyStar = true
			continue
		}
		args = append(args, fl.expr(e))
		star = append(star, false)
	}
	t := fl.f.NewTemp()
	in := &ir.Instr{Op: op, Dst: t, Args: args}
	if anyStar {
		in.Star = star
	}
	fl.emit(in)
	return t
}

func (fl *funcLowerer) callExpr(n *ast.Call) ir.Operand {
	// super() with no arguments inside a method.
	if nm, ok := n.Func.(*ast.Name); ok && nm.Id == "super" && len(n.Args) == 0 && len(n.Keywords) == 0 && fl.varFor("super").Kind == ir.Builtin {
		if cls := fl.findVar("__class__"); cls != nil && len(fl.f.Params.Names) > 0 {
			c := fl.op(ir.OpLoad, "")
			fl.cur.Instrs[len(fl.cur.Instrs)-1].Var = cls
			self := fl.load(fl.f.Params.Names[0], n)
			sup := fl.load("super", n)
			return fl.call(sup, []ir.Operand{c, self}, nil, nil)
		}
	}
	if at, ok := n.Func.(*ast.Attribute); ok {
		fl.checkModuleAttr(at)
		obj := fl.expr(at.Value)
		args, star, kwNames, kwVals := fl.callArgs(n)
		t := fl.f.NewTemp()
		all := append([]ir.Operand{obj}, args...)
		all = append(all, kwVals...)
		in := &ir.Instr{Op: ir.OpCallMethod, Dst: t, Name: at.Attr, Args: all, N: len(args), KwNames: kwNames}
		if star != nil {
			in.Star = append([]bool{false}, star...)
		}
		fl.emit(in)
		return t
	}
	fn := fl.expr(n.Func)
	args, star, kwNames, kwVals := fl.callArgs(n)
	if fl.l.gc.consumers[n] {
		// list(gen()) and the like: the generator is dropped (closed, if
		// the builtin stopped early or raised) when the call is over.
		var res ir.Operand
		fl.guardDrop(args[0], func() { res = fl.finishCall(fn, args, star, kwNames, kwVals) })
		return res
	}
	return fl.finishCall(fn, args, star, kwNames, kwVals)
}

func (fl *funcLowerer) finishCall(fn ir.Operand, args []ir.Operand, star []bool, kwNames []string, kwVals []ir.Operand) ir.Operand {
	t := fl.f.NewTemp()
	all := append([]ir.Operand{fn}, args...)
	all = append(all, kwVals...)
	in := &ir.Instr{Op: ir.OpCall, Dst: t, Args: all, N: len(args), KwNames: kwNames}
	if star != nil {
		in.Star = append([]bool{false}, star...)
	}
	fl.emit(in)
	return t
}

func (fl *funcLowerer) callArgs(n *ast.Call) (args []ir.Operand, star []bool, kwNames []string, kwVals []ir.Operand) {
	anyStar := false
	for _, a := range n.Args {
		if s, ok := a.(*ast.Starred); ok {
			args = append(args, fl.expr(s.Value))
			star = append(star, true)
			anyStar = true
			continue
		}
		args = append(args, fl.expr(a))
		star = append(star, false)
	}
	if !anyStar {
		star = nil
	}
	for _, k := range n.Keywords {
		kwNames = append(kwNames, k.Arg)
		kwVals = append(kwVals, fl.expr(k.Value))
	}
	return
}

// comprehension lowers a list/set/dict comprehension inline (PEP 709): its
// loop variables become hidden temporaries.
func (fl *funcLowerer) comprehension(n ast.Expr, gens []*ast.Comprehension, op ir.Op, elt, val ast.Expr) ir.Operand {
	if s := fl.l.scopes[n]; s != nil {
		return fl.compFunc(n, s, gens, op, elt, val)
	}
	// [elt for x in xs] makes as many items as xs has: its list is made
	// with room for len(xs) when xs is a list, tuple or range (after xs is
	// evaluated; making a list has no effect that could be seen before).
	sized := op == ir.OpList && len(gens) == 1 && len(gens[0].Ifs) == 0 && gens[0].IsAsync == 0
	res := fl.f.NewTemp()
	if !sized {
		fl.emit(&ir.Instr{Op: op, Dst: res})
	}
	renames := map[string]ir.Temp{}
	for _, g := range gens {
		targetNames(g.Target, func(name string) { renames[name] = fl.f.NewTemp() })
	}
	var loops []struct{ head, exit *ir.Block }
	// A generator made by the first iterable (a direct call the analysis
	// follows) is dropped, so closed, when an exception leaves the
	// comprehension (genclose.go).
	var guardIt ir.Operand
	var guardOuter, guardExc *ir.Block
	for i, g := range gens {
		var iter ir.Operand
		if i == 0 {
			iter = fl.expr(g.Iter) // the first iterable is evaluated outside
			fl.renames = append(fl.renames, renames)
			if sized {
				fl.emit(&ir.Instr{Op: ir.OpRuntime, Name: "NewListFor", Dst: res, Args: []ir.Operand{iter}})
			}
		} else {
			iter = fl.expr(g.Iter)
		}
		head, body, exit := fl.newBlock(), fl.newBlock(), fl.newBlock()
		if g.IsAsync != 0 {
			fl.requireCoroutine(n, "asynchronous comprehension")
			ait := fl.op(ir.OpAIter, "", iter)
			fl.startBlock(head)
			v := fl.anext(ait, body, exit)
			fl.cur = body
			fl.assign(g.Target, v)
		} else {
			it := fl.op(ir.OpIter, "", iter)
			if call, ok := g.Iter.(*ast.Call); ok && i == 0 && fl.l.gc.forIters[call] {
				guardIt, guardOuter = it, fl.handler
				guardExc = fl.f.NewBlock()
				guardExc.Handler = guardOuter
				fl.handler = guardExc
				head, body, exit = fl.newBlock(), fl.newBlock(), fl.newBlock()
			}
			fl.startBlock(head)
			fl.forNext(it, g.Target, body, exit)
		}
		fl.filters(g.Ifs, head)
		loops = append(loops, struct{ head, exit *ir.Block }{head, exit})
	}
	fl.compAdd(op, res, elt, val)
	last := len(loops) - 1
	fl.startBlock(loops[last].head)
	for i := last; i > 0; i-- {
		fl.cur = loops[i].exit
		fl.startBlock(loops[i-1].head)
	}
	fl.cur = loops[0].exit
	fl.renames = fl.renames[:len(fl.renames)-1]
	if guardExc != nil {
		fl.handler = guardOuter
		fl.startBlock(fl.newBlock())
		fl.dropAndReraise(guardExc, func() { fl.drop(guardIt) })
	}
	return res
}

// compFunc lowers a comprehension that has its own scope (see
// compNeedsScope) as CPython 3.11 did: a function <listcomp>, <setcomp> or
// <dictcomp> building and returning the result; its variables are its own
// locals (cells where captured).
func (fl *funcLowerer) compFunc(n ast.Expr, s *scope, gens []*ast.Comprehension, op ir.Op, elt, val ast.Expr) ir.Operand {
	name := map[ir.Op]string{ir.OpList: "<listcomp>", ir.OpSet: "<setcomp>", ir.OpDict: "<dictcomp>"}[op]
	return fl.comprehensionFunc(n, s, gens, name, ir.PlainFunc,
		func(sub *funcLowerer) ir.Operand {
			res := sub.f.NewTemp()
			sub.emit(&ir.Instr{Op: op, Dst: res})
			return res
		},
		func(sub *funcLowerer, res ir.Operand) { sub.compAdd(op, res, elt, val) })
}

// compAdd adds a comprehension's element (elt, or elt: val) to res.
func (fl *funcLowerer) compAdd(op ir.Op, res ir.Operand, elt, val ast.Expr) {
	if op == ir.OpDict {
		k := fl.expr(elt)
		v := fl.expr(val)
		fl.stmtOp(ir.OpSetItem, "", res, k, v)
		return
	}
	v := fl.expr(elt)
	name := "append"
	if op == ir.OpSet {
		name = "add"
	}
	t := fl.f.NewTemp()
	fl.emit(&ir.Instr{Op: ir.OpCallMethod, Dst: t, Name: name, Args: []ir.Operand{res, v}, N: 1})
}

// allConst reports whether every expression is one CPython's AST optimizer
// folds into a constant (literals, and signs, operators and tuples of them).
func allConst(elts []ast.Expr) bool {
	for _, e := range elts {
		if !isConstExpr(e) {
			return false
		}
	}
	return true
}

func isConstExpr(e ast.Expr) bool {
	switch n := e.(type) {
	case *ast.Constant:
		return true
	case *ast.UnaryOp:
		return isConstExpr(n.Operand)
	case *ast.BinOp:
		return isConstExpr(n.Left) && isConstExpr(n.Right)
	case *ast.Tuple:
		return allConst(n.Elts)
	}
	return false
}
