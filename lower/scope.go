package lower

import (
	"slices"

	"github.com/async2go/async2go/frontend/ast"
)

// scope is the name analysis of one function or class body, as CPython's
// symtable does it: which names it binds, which it declares global or
// nonlocal, and which of its locals inner functions capture (cells).
type scope struct {
	node           ast.Node // *ast.Module, *ast.FunctionDef, *ast.AsyncFunctionDef, *ast.Lambda, *ast.ClassDef
	parent         *scope
	isClass        bool
	isModule       bool
	bound          map[string]bool
	order          []string // bound names in first-binding order
	globals        map[string]bool
	nonlocals      map[string]bool
	used           map[string]bool
	cells          map[string]bool // locals captured by inner scopes
	frees          map[string]bool // names resolved in an enclosing function
	children       []*scope
	usesSuper      bool // a method that calls super() or reads __class__
	needsClassCell bool
	params         []string
	// implicitName says that the module binds __name__ before its first
	// statement (analyze).
	implicitName bool
	// importOf maps a name that `import m` (or `import m as name`) binds
	// to m; otherBind marks the names bound by anything else (an
	// assignment, a def, another import of a different module), which
	// may then hold any object (moduleOnly).
	importOf  map[string]string
	otherBind map[string]bool
}

func newScope(node ast.Node, parent *scope) *scope {
	s := &scope{node: node, parent: parent, bound: map[string]bool{}, globals: map[string]bool{},
		nonlocals: map[string]bool{}, used: map[string]bool{}, cells: map[string]bool{}, frees: map[string]bool{},
		importOf: map[string]string{}, otherBind: map[string]bool{}}
	if parent != nil {
		parent.children = append(parent.children, s)
	}
	return s
}

func (s *scope) bind(name string) {
	s.otherBind[name] = true
	s.bindName(name)
}

func (s *scope) bindName(name string) {
	if !s.bound[name] {
		s.bound[name] = true
		s.order = append(s.order, name)
	}
}

// bindModule binds name to module m (`import m`, `import m as name`).
func (s *scope) bindModule(name, m string) {
	if old, ok := s.importOf[name]; ok && old != m {
		s.otherBind[name] = true
	}
	s.importOf[name] = m
	s.bindName(name)
}

// moduleOnly is the module that the module-level name always holds when
// bound: every binding of it, in the module and in the functions that
// declare it global, is an import of that one module ("" otherwise).
func (s *scope) moduleOnly(name string) string {
	m := s.importOf[name]
	if m == "" || s.otherBind[name] {
		return ""
	}
	var rebound func(c *scope) bool
	rebound = func(c *scope) bool {
		for _, k := range c.children {
			if k.globals[name] && k.bound[name] || rebound(k) {
				return true
			}
		}
		return false
	}
	if rebound(s) {
		return ""
	}
	return m
}

// analyze builds the scope tree of a module.
func analyze(mod *ast.Module) (*scope, map[ast.Node]*scope) {
	root := newScope(mod, nil)
	root.isModule = true
	scopes := map[ast.Node]*scope{mod: root}
	a := &analyzer{scopes: scopes}
	a.stmts(root, mod.Body)
	if mentions(root, moduleName) {
		// A module's __name__ is one of its globals ("__main__" for the
		// program), bound before its first statement: first in order, as in
		// CPython's module dict. Only a program that names it gets it.
		root.bound[moduleName] = true
		root.order = append([]string{moduleName}, slices.DeleteFunc(root.order, func(n string) bool { return n == moduleName })...)
		root.implicitName = true
	}
	resolve(root)
	return root, scopes
}

// moduleName is the module global that holds the module's name.
const moduleName = "__name__"

// mentions reports whether s or a scope inside it reads, binds or declares
// name.
func mentions(s *scope, name string) bool {
	if s.used[name] || s.bound[name] || s.globals[name] || s.nonlocals[name] {
		return true
	}
	for _, c := range s.children {
		if mentions(c, name) {
			return true
		}
	}
	return false
}

type analyzer struct {
	scopes map[ast.Node]*scope
}

func (a *analyzer) stmts(s *scope, body []ast.Stmt) {
	for _, st := range body {
		a.stmt(s, st)
	}
}

func (a *analyzer) funcScope(s *scope, node ast.Node, args *ast.Arguments, body []ast.Stmt, expr ast.Expr) {
	// Defaults and annotations are evaluated in the enclosing scope.
	for _, d := range args.Defaults {
		a.expr(s, d)
	}
	for _, d := range args.KwDefaults {
		if d != nil {
			a.expr(s, d)
		}
	}
	fs := newScope(node, s)
	a.scopes[node] = fs
	for _, p := range allParams(args) {
		fs.bind(p)
		fs.params = append(fs.params, p)
	}
	if body != nil {
		a.stmts(fs, body)
	} else {
		a.expr(fs, expr)
	}
}

func allParams(args *ast.Arguments) []string {
	var out []string
	for _, p := range args.Posonlyargs {
		out = append(out, p.Arg)
	}
	for _, p := range args.Args {
		out = append(out, p.Arg)
	}
	for _, p := range args.Kwonlyargs {
		out = append(out, p.Arg)
	}
	if args.Vararg != nil {
		out = append(out, args.Vararg.Arg)
	}
	if args.Kwarg != nil {
		out = append(out, args.Kwarg.Arg)
	}
	return out
}

func (a *analyzer) stmt(s *scope, st ast.Stmt) {
	switch n := st.(type) {
	case *ast.FunctionDef:
		for _, d := range n.DecoratorList {
			a.expr(s, d)
		}
		s.bind(n.Name)
		a.funcScope(s, n, n.Args, n.Body, nil)
	case *ast.AsyncFunctionDef:
		for _, d := range n.DecoratorList {
			a.expr(s, d)
		}
		s.bind(n.Name)
		a.funcScope(s, n, n.Args, n.Body, nil)
	case *ast.ClassDef:
		for _, d := range n.DecoratorList {
			a.expr(s, d)
		}
		for _, b := range n.Bases {
			a.expr(s, b)
		}
		for _, k := range n.Keywords {
			a.expr(s, k.Value)
		}
		s.bind(n.Name)
		cs := newScope(n, s)
		cs.isClass = true
		a.scopes[n] = cs
		a.stmts(cs, n.Body)
	case *ast.Return:
		a.optExpr(s, n.Value)
	case *ast.Delete:
		for _, t := range n.Targets {
			a.target(s, t)
		}
	case *ast.Assign:
		a.expr(s, n.Value)
		for _, t := range n.Targets {
			a.target(s, t)
		}
	case *ast.AugAssign:
		a.expr(s, n.Value)
		a.target(s, n.Target)
		if nm, ok := n.Target.(*ast.Name); ok {
			s.used[nm.Id] = true
		}
	case *ast.AnnAssign:
		a.optExpr(s, n.Value)
		if n.Value != nil || true {
			a.target(s, n.Target)
		}
	case *ast.For:
		a.expr(s, n.Iter)
		a.target(s, n.Target)
		a.stmts(s, n.Body)
		a.stmts(s, n.Orelse)
	case *ast.AsyncFor:
		a.expr(s, n.Iter)
		a.target(s, n.Target)
		a.stmts(s, n.Body)
		a.stmts(s, n.Orelse)
	case *ast.While:
		a.expr(s, n.Test)
		a.stmts(s, n.Body)
		a.stmts(s, n.Orelse)
	case *ast.If:
		a.expr(s, n.Test)
		a.stmts(s, n.Body)
		a.stmts(s, n.Orelse)
	case *ast.With:
		for _, it := range n.Items {
			a.expr(s, it.ContextExpr)
			if it.OptionalVars != nil {
				a.target(s, it.OptionalVars)
			}
		}
		a.stmts(s, n.Body)
	case *ast.AsyncWith:
		for _, it := range n.Items {
			a.expr(s, it.ContextExpr)
			if it.OptionalVars != nil {
				a.target(s, it.OptionalVars)
			}
		}
		a.stmts(s, n.Body)
	case *ast.Match:
		a.expr(s, n.Subject)
		for _, c := range n.Cases {
			a.pattern(s, c.Pattern)
			a.optExpr(s, c.Guard)
			a.stmts(s, c.Body)
		}
	case *ast.Raise:
		a.optExpr(s, n.Exc)
		a.optExpr(s, n.Cause)
	case *ast.Try:
		a.tryParts(s, n.Body, n.Handlers, n.Orelse, n.Finalbody)
	case *ast.TryStar:
		a.tryParts(s, n.Body, n.Handlers, n.Orelse, n.Finalbody)
	case *ast.Assert:
		a.expr(s, n.Test)
		a.optExpr(s, n.Msg)
	case *ast.Import:
		for _, al := range n.Names {
			name, m := al.Asname, al.Name
			if name == "" {
				name = al.Name
				if i := indexByte(name, '.'); i >= 0 {
					name, m = name[:i], name[:i]
				}
			}
			s.bindModule(name, m)
		}
	case *ast.ImportFrom:
		for _, al := range n.Names {
			name := al.Asname
			if name == "" {
				name = al.Name
			}
			s.bind(name)
		}
	case *ast.Global:
		for _, nm := range n.Names {
			s.globals[nm] = true
		}
	case *ast.Nonlocal:
		for _, nm := range n.Names {
			s.nonlocals[nm] = true
		}
	case *ast.ExprStmt:
		a.expr(s, n.Value)
	case *ast.TypeAlias:
		a.target(s, n.Name)
		a.expr(s, n.Value)
	}
}

func indexByte(s string, c byte) int {
	for i := 0; i < len(s); i++ {
		if s[i] == c {
			return i
		}
	}
	return -1
}

func (a *analyzer) tryParts(s *scope, body []ast.Stmt, handlers []ast.ExceptHandlerNode, orelse, final []ast.Stmt) {
	a.stmts(s, body)
	for _, h := range handlers {
		eh := h.(*ast.ExceptHandler)
		a.optExpr(s, eh.Type)
		if eh.Name != "" {
			s.bind(eh.Name)
		}
		a.stmts(s, eh.Body)
	}
	a.stmts(s, orelse)
	a.stmts(s, final)
}

func (a *analyzer) pattern(s *scope, p ast.Pattern) {
	switch n := p.(type) {
	case *ast.MatchAs:
		if n.Pattern != nil {
			a.pattern(s, n.Pattern)
		}
		if n.Name != "" {
			s.bind(n.Name)
		}
	case *ast.MatchOr:
		for _, q := range n.Patterns {
			a.pattern(s, q)
		}
	case *ast.MatchSequence:
		for _, q := range n.Patterns {
			a.pattern(s, q)
		}
	case *ast.MatchStar:
		if n.Name != "" {
			s.bind(n.Name)
		}
	case *ast.MatchMapping:
		for _, k := range n.Keys {
			a.expr(s, k)
		}
		for _, q := range n.Patterns {
			a.pattern(s, q)
		}
		if n.Rest != "" {
			s.bind(n.Rest)
		}
	case *ast.MatchClass:
		a.expr(s, n.Cls)
		for _, q := range n.Patterns {
			a.pattern(s, q)
		}
		for _, q := range n.KwdPatterns {
			a.pattern(s, q)
		}
	case *ast.MatchValue:
		a.expr(s, n.Value)
	}
}

func (a *analyzer) target(s *scope, t ast.Expr) {
	switch n := t.(type) {
	case *ast.Name:
		s.bind(n.Id)
	case *ast.Tuple:
		for _, e := range n.Elts {
			a.target(s, e)
		}
	case *ast.List:
		for _, e := range n.Elts {
			a.target(s, e)
		}
	case *ast.Starred:
		a.target(s, n.Value)
	default:
		a.expr(s, t)
	}
}

func (a *analyzer) optExpr(s *scope, e ast.Expr) {
	if e != nil {
		a.expr(s, e)
	}
}

// comprehension targets are renamed to hidden temporaries by the lowering;
// here they only shadow outer names inside the comprehension.
func (a *analyzer) comp(s *scope, gens []*ast.Comprehension, elts ...ast.Expr) {
	for _, g := range gens {
		a.expr(s, g.Iter)
		for _, i := range g.Ifs {
			a.expr(s, i)
		}
	}
	for _, e := range elts {
		a.expr(s, e)
	}
	// Names bound by the targets are not bindings of s; undo use marks of them.
	_ = gens
}

// compScope analyzes a comprehension that is its own function scope (a
// generator expression; a list, set or dict comprehension whose variable a
// function made inside it captures): the first iterable is evaluated
// outside, and passed in as the parameter .0.
func (a *analyzer) compScope(s *scope, n ast.Expr, gens []*ast.Comprehension, elts ...ast.Expr) {
	a.expr(s, gens[0].Iter)
	gs := newScope(n, s)
	a.scopes[n] = gs
	gs.bind(".0")
	gs.params = []string{".0"}
	for i, g := range gens {
		a.target(gs, g.Target)
		if i > 0 {
			a.expr(gs, g.Iter)
		}
		for _, c := range g.Ifs {
			a.expr(gs, c)
		}
	}
	for _, e := range elts {
		a.expr(gs, e)
	}
}

// compNeedsScope reports whether a list, set or dict comprehension must
// be lowered as a function, as CPython 3.11 did (3.12 inlines it, with its
// variable in a hidden cell): when a lambda inside it reads one of its
// variables. Comprehensions with a walrus or an await stay inlined (a
// function scope would change where the walrus binds; a plain function
// cannot await); those are reported unsupported by the lowering.
func compNeedsScope(gens []*ast.Comprehension, elts ...ast.Expr) bool {
	targets := map[string]bool{}
	var roots []ast.Node
	for i, g := range gens {
		targetNames(g.Target, func(name string) { targets[name] = true })
		if g.IsAsync != 0 {
			return false
		}
		if i > 0 {
			roots = append(roots, g.Iter)
		}
		for _, c := range g.Ifs {
			roots = append(roots, c)
		}
	}
	for _, e := range elts {
		roots = append(roots, e)
	}
	captures, blocked := false, false
	for _, r := range roots {
		inspect(r, func(n ast.Node) bool {
			switch x := n.(type) {
			case *ast.NamedExpr, *ast.Await:
				blocked = true
			case *ast.Lambda:
				inspect(x.Body, func(m ast.Node) bool {
					if nm, ok := m.(*ast.Name); ok && targets[nm.Id] {
						captures = true
					}
					return true
				})
				return false
			}
			return true
		})
	}
	return captures && !blocked
}

func (a *analyzer) expr(s *scope, e ast.Expr) {
	switch n := e.(type) {
	case *ast.Name:
		s.used[n.Id] = true
		if n.Id == "super" || n.Id == "__class__" {
			s.usesSuper = true
		}
	case *ast.BoolOp:
		for _, v := range n.Values {
			a.expr(s, v)
		}
	case *ast.NamedExpr:
		a.expr(s, n.Value)
		s.bind(n.Target.(*ast.Name).Id)
	case *ast.BinOp:
		a.expr(s, n.Left)
		a.expr(s, n.Right)
	case *ast.UnaryOp:
		a.expr(s, n.Operand)
	case *ast.Lambda:
		a.funcScope(s, n, n.Args, nil, n.Body)
	case *ast.IfExp:
		a.expr(s, n.Test)
		a.expr(s, n.Body)
		a.expr(s, n.Orelse)
	case *ast.Dict:
		for _, k := range n.Keys {
			a.optExpr(s, k)
		}
		for _, v := range n.Values {
			a.expr(s, v)
		}
	case *ast.Set:
		for _, v := range n.Elts {
			a.expr(s, v)
		}
	case *ast.ListComp:
		if compNeedsScope(n.Generators, n.Elt) {
			a.compScope(s, n, n.Generators, n.Elt)
		} else {
			a.comp(s, n.Generators, n.Elt)
		}
	case *ast.SetComp:
		if compNeedsScope(n.Generators, n.Elt) {
			a.compScope(s, n, n.Generators, n.Elt)
		} else {
			a.comp(s, n.Generators, n.Elt)
		}
	case *ast.DictComp:
		if compNeedsScope(n.Generators, n.Key, n.Value) {
			a.compScope(s, n, n.Generators, n.Key, n.Value)
		} else {
			a.comp(s, n.Generators, n.Key, n.Value)
		}
	case *ast.GeneratorExp:
		a.compScope(s, n, n.Generators, n.Elt)
	case *ast.Await:
		a.expr(s, n.Value)
	case *ast.Yield:
		a.optExpr(s, n.Value)
	case *ast.YieldFrom:
		a.expr(s, n.Value)
	case *ast.Compare:
		a.expr(s, n.Left)
		for _, c := range n.Comparators {
			a.expr(s, c)
		}
	case *ast.Call:
		a.expr(s, n.Func)
		for _, x := range n.Args {
			a.expr(s, x)
		}
		for _, k := range n.Keywords {
			a.expr(s, k.Value)
		}
	case *ast.FormattedValue:
		a.expr(s, n.Value)
		a.optExpr(s, n.FormatSpec)
	case *ast.JoinedStr:
		for _, v := range n.Values {
			a.expr(s, v)
		}
	case *ast.Attribute:
		a.expr(s, n.Value)
	case *ast.Subscript:
		a.expr(s, n.Value)
		a.expr(s, n.Slice)
	case *ast.Starred:
		a.expr(s, n.Value)
	case *ast.List:
		for _, v := range n.Elts {
			a.expr(s, v)
		}
	case *ast.Tuple:
		for _, v := range n.Elts {
			a.expr(s, v)
		}
	case *ast.Slice:
		a.optExpr(s, n.Lower)
		a.optExpr(s, n.Upper)
		a.optExpr(s, n.Step)
	}
}

// resolve decides, for every function scope, which of its names are cells
// (captured by inner functions) and which are free (captured from outside).
func resolve(s *scope) {
	for _, c := range s.children {
		resolve(c)
	}
	if s.isModule {
		return
	}
	// A name used (or declared nonlocal) in this scope but not bound here
	// resolves in the nearest enclosing function scope that binds it.
	names := map[string]bool{}
	for n := range s.used {
		names[n] = true
	}
	for n := range s.nonlocals {
		names[n] = true
	}
	for n := range s.frees {
		names[n] = true
	}
	for n := range names {
		if s.globals[n] || (s.bound[n] && !s.nonlocals[n]) {
			continue
		}
		for p := s.parent; p != nil && !p.isModule; p = p.parent {
			if p.isClass {
				continue
			}
			if p.globals[n] {
				break
			}
			if p.bound[n] && !p.nonlocals[n] {
				s.frees[n] = true
				p.cells[n] = true
				// Intermediate scopes pass the cell through.
				for q := s.parent; q != p; q = q.parent {
					if !q.isClass {
						q.frees[n] = true
					}
				}
				break
			}
			if p.nonlocals[n] || p.frees[n] {
				s.frees[n] = true
				for q := s.parent; q != p; q = q.parent {
					if !q.isClass {
						q.frees[n] = true
					}
				}
				break
			}
		}
	}
	// Methods using super() capture the class's __class__ cell.
	if s.usesSuper && s.parent != nil && s.parent.isClass {
		s.frees["__class__"] = true
		s.parent.needsClassCell = true
	}
}

// targetNames calls f with each name a comprehension target binds.
func targetNames(t ast.Expr, f func(name string)) {
	switch x := t.(type) {
	case *ast.Name:
		f(x.Id)
	case *ast.Tuple:
		for _, e := range x.Elts {
			targetNames(e, f)
		}
	case *ast.List:
		for _, e := range x.Elts {
			targetNames(e, f)
		}
	case *ast.Starred:
		targetNames(x.Value, f)
	}
}
