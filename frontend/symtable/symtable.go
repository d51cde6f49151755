package symtable

import (
	"fmt"
	"reflect"
	"sort"
	"strings"

	"github.com/async2go/async2go/frontend/ast"
)

// Definition flags, with CPython's values (Include/internal/pycore_symtable.h).
const (
	DefGlobal    = 1
	DefLocal     = 2
	DefParam     = 4
	DefNonlocal  = 8
	Use          = 16
	DefFree      = 32
	DefFreeClass = 64
	DefImport    = 128
	DefAnnot     = 256
	DefCompIter  = 512
	DefTypeParam = 1024
	DefCompCell  = 2048
	// DefBound is any binding flag.
	DefBound = DefLocal | DefParam | DefImport
	// FlagMask selects the flags of a symbol's Flags word.
	FlagMask = 1<<scopeOffset - 1
)

const scopeOffset = 12

// ScopeKind is a name's resolved scope.
type ScopeKind int

// Resolved scopes, with CPython's values.
const (
	Unresolved ScopeKind = iota
	Local
	GlobalExplicit
	GlobalImplicit
	Free
	Cell
)

var scopeNames = [...]string{"UNRESOLVED", "LOCAL", "GLOBAL_EXPLICIT", "GLOBAL_IMPLICIT", "FREE", "CELL"}

func (k ScopeKind) String() string {
	if k >= 0 && int(k) < len(scopeNames) {
		return scopeNames[k]
	}
	return fmt.Sprintf("ScopeKind(%d)", int(k))
}

// BlockType is the kind of a scope.
type BlockType int

// Block types, numbered like the symtable module's TYPE_* constants.
const (
	FunctionBlock BlockType = iota
	ClassBlock
	ModuleBlock
	AnnotationBlock
	TypeVarBoundBlock
	TypeAliasBlock
	TypeParamBlock
)

// Symbol is one name in a scope.
type Symbol struct {
	Name  string
	Flags int // Def* flags (without the scope bits)
	Scope ScopeKind
}

// Is reports whether all of the given flags are set.
func (s *Symbol) Is(flags int) bool { return s.Flags&flags == flags }

// Scope is one symbol table: the names of a module, class, function, lambda,
// comprehension or type-parameter scope.
type Scope struct {
	Name string
	Type BlockType
	Node ast.Node // the defining node; *ast.Module for the module
	Line int
	// Symbols in order of first occurrence; Lookup finds one by name.
	Symbols []*Symbol
	byName  map[string]*Symbol
	// Params lists the parameter names in order (".0" for comprehensions).
	Params   []string
	Children []*Scope
	Parent   *Scope

	Nested         bool   // a function scope nested in a function
	Generator      bool   // contains yield or yield from (or is a generator expression)
	Coroutine      bool   // async def, or a comprehension that awaits
	Async          bool   // declared with async def
	Comprehension  string // "list", "set", "dict", "generator" or ""
	Inlined        bool   // a PEP 709 inlined comprehension (not in Children)
	ReturnsValue   bool
	NeedsClassCell bool // a class scope whose methods use __class__ or super()
	NeedsClassDict bool // a class scope whose type scopes see its names
	HasFree        bool // free variables in this scope
	ChildFree      bool // free variables in some descendant

	directives  map[string]ast.Pos
	compIter    int
	compTarget  bool
	private     string
	isLambda    bool
	canSeeClass bool
}

func (t BlockType) functionLike() bool {
	return t == FunctionBlock || t == AnnotationBlock || t == TypeVarBoundBlock || t == TypeAliasBlock || t == TypeParamBlock
}

// enterTypeParams opens a PEP 695 type-parameter scope
// (symtable_enter_type_param_block).
func (b *builder) enterTypeParams(name string, class, defaults, kwDefaults bool, p ast.Pos) {
	inClass := b.cur.Type == ClassBlock
	s := b.enter(name, TypeParamBlock, nil, p)
	if inClass {
		s.canSeeClass = true
		b.addDef("__classdict__", Use, p)
	}
	if class {
		b.addDef(".type_params", DefLocal, p)
		b.addDef(".type_params", Use, p)
		b.addDef(".generic_base", DefLocal, p)
		b.addDef(".generic_base", Use, p)
	}
	if defaults {
		b.addDef(".defaults", DefParam, p)
	}
	if kwDefaults {
		b.addDef(".kwdefaults", DefParam, p)
	}
}

// IsAsyncGenerator reports whether the scope is an async generator function.
func (s *Scope) IsAsyncGenerator() bool { return s.Coroutine && s.Generator }

// Lookup returns the symbol for name (after private-name mangling), or nil.
func (s *Scope) Lookup(name string) *Symbol { return s.byName[name] }

// CellVars returns the names that are cells, sorted like co_cellvars.
func (s *Scope) CellVars() []string { return s.names(func(y *Symbol) bool { return y.Scope == Cell }) }

// FreeVars returns the free names, sorted like co_freevars.
func (s *Scope) FreeVars() []string { return s.names(func(y *Symbol) bool { return y.Scope == Free }) }

func (s *Scope) names(keep func(*Symbol) bool) []string {
	var out []string
	for _, y := range s.Symbols {
		if keep(y) {
			out = append(out, y.Name)
		}
	}
	sort.Strings(out)
	return out
}

func (s *Scope) flags(name string) int {
	if y := s.byName[name]; y != nil {
		return y.Flags
	}
	return 0
}

func (s *Scope) set(name string, flags int) {
	if y := s.byName[name]; y != nil {
		y.Flags = flags
		return
	}
	y := &Symbol{Name: name, Flags: flags}
	s.byName[name] = y
	s.Symbols = append(s.Symbols, y)
}

// Table is the result of Build.
type Table struct {
	Top    *Scope
	scopes map[ast.Node]*Scope
}

// ScopeOf returns the scope a node introduces: for *ast.Module,
// *ast.FunctionDef, *ast.AsyncFunctionDef, *ast.Lambda, *ast.ClassDef,
// *ast.ListComp, *ast.SetComp, *ast.DictComp, *ast.GeneratorExp and
// *ast.TypeAlias; nil for other nodes.
func (t *Table) ScopeOf(n ast.Node) *Scope { return t.scopes[n] }

// Error is a SyntaxError found by Build, with CPython's message. Line and
// EndLine are 1-based; Col and EndCol are 1-based like SyntaxError.offset.
type Error struct {
	Msg      string
	Filename string
	Line     int
	Col      int
	EndLine  int
	EndCol   int
}

func (e *Error) Error() string {
	return fmt.Sprintf("%s:%d:%d: SyntaxError: %s", e.Filename, e.Line, e.Col, e.Msg)
}

// Build computes the symbol tables of mod and runs CPython's post-parse
// compile-time checks, returning the first error as *Error.
func Build(mod *ast.Module, filename string) (t *Table, err error) {
	defer func() {
		if r := recover(); r != nil {
			if e, ok := r.(*Error); ok {
				t, err = nil, e
				return
			}
			panic(r)
		}
	}()
	b := &builder{filename: filename, table: &Table{scopes: map[ast.Node]*Scope{}}}
	future := b.checkFuture(mod)
	b.futureAnnotations = FutureAnnotations(mod)
	top := b.enter("top", ModuleBlock, mod, ast.Pos{Line: 0})
	b.global = top
	b.stmts(mod.Body)
	b.exit()
	b.table.Top = top
	b.analyzeBlock(top, nil, map[string]bool{}, map[string]bool{}, nil)
	c := &compiler{b: b, future: future}
	c.stmts(mod.Body, cstate{scope: top})
	return b.table, nil
}

// futureFeatures are the features `from __future__ import` accepts
// (CPython 3.12's Lib/__future__.py).
var futureFeatures = map[string]bool{"nested_scopes": true, "generators": true, "division": true,
	"absolute_import": true, "with_statement": true, "print_function": true, "unicode_literals": true,
	"barry_as_FLUFL": true, "generator_stop": true, "annotations": true}

// checkFuture is future.c's pass over the module's first statements: the
// `from __future__ import` statements that open the module (after its
// docstring, if any) must name known features. It returns the position of
// the last of them (Line 0 if none), past which another is an error
// (compiler.stmt).
func (b *builder) checkFuture(mod *ast.Module) ast.Pos {
	var last ast.Pos
	for _, imp := range openingFutureImports(mod) {
		at := ast.Pos{Line: imp.Line, Col: imp.Col} // one caret, at the statement
		for _, al := range imp.Names {
			switch {
			case al.Name == "braces":
				b.errAt(at, "not a chance")
			case !futureFeatures[al.Name]:
				b.errAt(at, "future feature %s is not defined", al.Name)
			}
		}
		last = pos(imp)
	}
	return last
}

// FutureAnnotations says whether the module opens with `from __future__
// import annotations` (PEP 563): its annotations are then kept as strings.
func FutureAnnotations(mod *ast.Module) bool {
	for _, imp := range openingFutureImports(mod) {
		for _, al := range imp.Names {
			if al.Name == "annotations" {
				return true
			}
		}
	}
	return false
}

// openingFutureImports are the `from __future__ import` statements that
// open the module, after its docstring if any.
func openingFutureImports(mod *ast.Module) []*ast.ImportFrom {
	var out []*ast.ImportFrom
	for i, st := range mod.Body {
		if i == 0 && isDocstring(st) {
			continue
		}
		imp, ok := st.(*ast.ImportFrom)
		if !ok || imp.Module != "__future__" {
			break
		}
		out = append(out, imp)
	}
	return out
}

// isDocstring says whether st, a body's first statement, is its docstring.
func isDocstring(st ast.Stmt) bool {
	e, ok := st.(*ast.ExprStmt)
	if !ok {
		return false
	}
	c, ok := e.Value.(*ast.Constant)
	if !ok {
		return false
	}
	_, isStr := c.Value.(string)
	return isStr
}

type builder struct {
	// futureAnnotations: the module imports annotations from __future__.
	futureAnnotations bool
	filename          string
	table             *Table
	stack             []*Scope
	cur               *Scope
	global            *Scope
	private           string
}

func (b *builder) errAt(p ast.Pos, format string, args ...any) {
	panic(&Error{Msg: fmt.Sprintf(format, args...), Filename: b.filename, Line: p.Line, Col: p.Col + 1, EndLine: p.EndLine, EndCol: p.EndCol + 1})
}

func pos(n ast.Located) ast.Pos { return *n.Span() }

func (b *builder) enter(name string, typ BlockType, n ast.Node, p ast.Pos) *Scope {
	s := &Scope{Name: name, Type: typ, Node: n, Line: p.Line, byName: map[string]*Symbol{}, directives: map[string]ast.Pos{}}
	if b.cur != nil {
		s.Parent = b.cur
		b.cur.Children = append(b.cur.Children, s)
		if b.cur.Nested || b.cur.Type.functionLike() {
			s.Nested = true
		}
	}
	b.stack = append(b.stack, s)
	b.cur = s
	if n != nil {
		b.table.scopes[n] = s
	}
	return s
}

func (b *builder) exit() {
	b.stack = b.stack[:len(b.stack)-1]
	if len(b.stack) > 0 {
		b.cur = b.stack[len(b.stack)-1]
	} else {
		b.cur = nil
	}
}

func (b *builder) mangle(name string) string {
	if b.private == "" || !strings.HasPrefix(name, "__") || strings.HasSuffix(name, "__") || strings.Contains(name, ".") {
		return name
	}
	p := strings.TrimLeft(b.private, "_")
	if p == "" {
		return name
	}
	return "_" + p + name
}

func (b *builder) addDef(name string, flag int, p ast.Pos) { b.addDefIn(name, flag, b.cur, p) }

func (b *builder) addDefIn(name string, flag int, s *Scope, p ast.Pos) {
	name = b.mangle(name)
	val := s.flags(name)
	if flag&DefParam != 0 && val&DefParam != 0 {
		b.errAt(p, "duplicate argument '%s' in function definition", name)
	}
	val |= flag
	if s.compTarget {
		if val&(DefGlobal|DefNonlocal) != 0 {
			b.errAt(p, "comprehension inner loop cannot rebind assignment expression target '%s'", name)
		}
		val |= DefCompIter
	}
	s.set(name, val)
	if flag&DefParam != 0 {
		s.Params = append(s.Params, name)
	} else if flag&DefGlobal != 0 {
		b.global.set(name, b.global.flags(name)|flag)
	}
}

func (b *builder) stmts(list []ast.Stmt) {
	for _, s := range list {
		b.stmt(s)
	}
}

func (b *builder) exprs(list []ast.Expr) {
	for _, e := range list {
		if e != nil {
			b.expr(e)
		}
	}
}

func (b *builder) function(n ast.Stmt, name string, args *ast.Arguments, body []ast.Stmt, decos []ast.Expr, returns ast.Expr, tps []ast.TypeParam, async bool) {
	p := pos(n)
	b.forbidden(name, ast.Store, p)
	b.addDef(name, DefLocal, p)
	b.exprs(args.Defaults)
	b.exprs(args.KwDefaults)
	b.exprs(decos)
	if len(tps) > 0 {
		kw := false
		for _, d := range args.KwDefaults {
			kw = kw || d != nil
		}
		b.enterTypeParams(name, false, true, kw, p) // CPython: defaults is never NULL
		b.typeParams(tps)
	}
	b.annotationsOf(p, func() { b.annotations(args, returns) })
	s := b.enter(name, FunctionBlock, n, p)
	s.Async, s.Coroutine = async, async
	b.params(args)
	b.stmts(body)
	b.exit()
	if len(tps) > 0 {
		b.exit()
	}
}

func (b *builder) typeParams(tps []ast.TypeParam) {
	for _, tp := range tps {
		switch t := tp.(type) {
		case *ast.TypeVar:
			b.addDef(t.Name, DefTypeParam|DefLocal, pos(t))
			if t.Bound != nil {
				inClass := b.cur.canSeeClass
				s := b.enter(t.Name, TypeVarBoundBlock, t, pos(t))
				s.canSeeClass = inClass
				if inClass {
					b.addDef("__classdict__", Use, pos(t))
				}
				b.expr(t.Bound)
				b.exit()
			}
		case *ast.ParamSpec:
			b.addDef(t.Name, DefTypeParam|DefLocal, pos(t))
		case *ast.TypeVarTuple:
			b.addDef(t.Name, DefTypeParam|DefLocal, pos(t))
		}
	}
}

func allArgs(a *ast.Arguments) []*ast.Arg {
	var all []*ast.Arg
	all = append(all, a.Posonlyargs...)
	all = append(all, a.Args...)
	all = append(all, a.Kwonlyargs...)
	if a.Vararg != nil {
		all = append(all, a.Vararg)
	}
	if a.Kwarg != nil {
		all = append(all, a.Kwarg)
	}
	return all
}

func (b *builder) params(a *ast.Arguments) {
	for _, x := range allArgs(a) {
		b.forbidden(x.Arg, ast.Store, pos(x))
		b.addDef(x.Arg, DefParam, pos(x))
	}
}

// annotationsOf visits annotations. Under `from __future__ import
// annotations` they are kept as strings (PEP 563): CPython visits them in
// an annotation block that binds nothing and that no scope lists, so
// their names are in no table; the block is kept for its checks (yield,
// await and := in an annotation) and dropped.
func (b *builder) annotationsOf(p ast.Pos, visit func()) {
	if !b.futureAnnotations {
		visit()
		return
	}
	parent := b.cur
	b.enter("_annotation", AnnotationBlock, nil, p)
	visit()
	b.exit()
	parent.Children = parent.Children[:len(parent.Children)-1]
}

func (b *builder) annotations(a *ast.Arguments, returns ast.Expr) {
	for _, x := range allArgs(a) {
		if x.Annotation != nil {
			b.expr(x.Annotation)
		}
	}
	if returns != nil {
		b.expr(returns)
	}
}

func (b *builder) directive(name string, p ast.Pos) {
	if _, ok := b.cur.directives[b.mangle(name)]; !ok {
		b.cur.directives[b.mangle(name)] = p
	}
}

func (b *builder) stmt(s ast.Stmt) {
	switch n := s.(type) {
	case *ast.FunctionDef:
		b.function(n, n.Name, n.Args, n.Body, n.DecoratorList, n.Returns, n.TypeParams, false)
	case *ast.AsyncFunctionDef:
		b.function(n, n.Name, n.Args, n.Body, n.DecoratorList, n.Returns, n.TypeParams, true)
	case *ast.ClassDef:
		p := pos(n)
		b.forbidden(n.Name, ast.Store, p)
		b.addDef(n.Name, DefLocal, p)
		b.exprs(n.DecoratorList)
		saved := b.private
		if len(n.TypeParams) > 0 {
			b.enterTypeParams(n.Name, true, false, false, p)
			b.private = n.Name
			b.typeParams(n.TypeParams)
		}
		b.exprs(n.Bases)
		b.keywords(n.Keywords)
		b.enter(n.Name, ClassBlock, n, p)
		b.private = n.Name
		if len(n.TypeParams) > 0 {
			tp := pos(n.TypeParams[0])
			b.addDef("__type_params__", DefLocal, tp)
			b.addDef(".type_params", Use, tp)
		}
		b.stmts(n.Body)
		b.private = saved
		b.exit()
		if len(n.TypeParams) > 0 {
			b.exit()
		}
	case *ast.Return:
		if n.Value != nil {
			b.expr(n.Value)
			b.cur.ReturnsValue = true
		}
	case *ast.AnnAssign:
		if t, ok := n.Target.(*ast.Name); ok {
			name := b.mangle(t.Id)
			cur := b.cur.flags(name)
			if cur&(DefGlobal|DefNonlocal) != 0 && b.cur != b.global && n.Simple != 0 {
				kind := "global"
				if cur&DefNonlocal != 0 {
					kind = "nonlocal"
				}
				b.errAt(pos(n), "annotated name '%s' can't be %s", t.Id, kind)
			}
			if n.Simple != 0 {
				b.addDef(t.Id, DefAnnot|DefLocal, pos(t))
			} else if n.Value != nil {
				b.addDef(t.Id, DefLocal, pos(t))
			}
		} else {
			b.expr(n.Target)
		}
		b.annotationsOf(pos(n.Annotation), func() { b.expr(n.Annotation) })
		if n.Value != nil {
			b.expr(n.Value)
		}
	case *ast.Import:
		b.aliases(n.Names, pos(n))
	case *ast.ImportFrom:
		b.aliases(n.Names, pos(n))
	case *ast.Global:
		b.declare(n.Names, pos(n), DefGlobal, "global")
	case *ast.Nonlocal:
		b.declare(n.Names, pos(n), DefNonlocal, "nonlocal")
	case *ast.Try:
		b.stmts(n.Body)
		b.stmts(n.Orelse)
		b.handlers(n.Handlers)
		b.stmts(n.Finalbody)
	case *ast.TryStar:
		b.stmts(n.Body)
		b.stmts(n.Orelse)
		b.handlers(n.Handlers)
		b.stmts(n.Finalbody)
	case *ast.Match:
		b.expr(n.Subject)
		for _, c := range n.Cases {
			b.pattern(c.Pattern)
			if c.Guard != nil {
				b.expr(c.Guard)
			}
			b.stmts(c.Body)
		}
	case *ast.TypeAlias:
		b.expr(n.Name)
		alias := "type"
		if name, _ := n.Name.(*ast.Name); name != nil {
			alias = name.Id
		}
		inClass := b.cur.Type == ClassBlock
		if len(n.TypeParams) > 0 {
			b.enterTypeParams(alias, false, false, false, pos(n))
			b.typeParams(n.TypeParams)
		}
		s := b.enter(alias, TypeAliasBlock, n, pos(n))
		s.canSeeClass = inClass
		if inClass {
			b.addDef("__classdict__", Use, pos(n))
		}
		b.expr(n.Value)
		b.exit()
		if len(n.TypeParams) > 0 {
			b.exit()
		}
	default:
		b.children(s)
	}
}

func (b *builder) handlers(hs []ast.ExceptHandlerNode) {
	for _, h := range hs {
		eh := h.(*ast.ExceptHandler)
		if eh.Type != nil {
			b.expr(eh.Type)
		}
		if eh.Name != "" {
			b.addDef(eh.Name, DefLocal, pos(eh))
		}
		b.stmts(eh.Body)
	}
}

func (b *builder) aliases(names []*ast.Alias, p ast.Pos) {
	for _, a := range names {
		store := a.Asname
		if store == "" {
			store = a.Name
			if i := strings.IndexByte(store, '.'); i >= 0 {
				store = store[:i]
			}
		}
		if store == "*" {
			if b.cur.Type != ModuleBlock {
				b.errAt(pos(a), "import * only allowed at module level")
			}
			continue
		}
		b.forbidden(store, ast.Store, p)
		b.addDef(store, DefImport, pos(a))
	}
}

func (b *builder) declare(names []string, p ast.Pos, flag int, kind string) {
	for _, name := range names {
		cur := b.cur.flags(b.mangle(name))
		if cur&(DefParam|DefLocal|Use|DefAnnot) != 0 {
			var msg string
			switch {
			case cur&DefParam != 0:
				msg = "name '%s' is parameter and " + kind
			case cur&Use != 0:
				msg = "name '%s' is used prior to " + kind + " declaration"
			case cur&DefAnnot != 0:
				msg = "annotated name '%s' can't be " + kind
			default:
				msg = "name '%s' is assigned to before " + kind + " declaration"
			}
			b.errAt(p, msg, name)
		}
		b.addDef(name, flag, p)
		b.directive(name, p)
	}
}

func (b *builder) pattern(p ast.Pattern) {
	switch n := p.(type) {
	case *ast.MatchAs:
		if n.Pattern != nil {
			b.pattern(n.Pattern)
		}
		if n.Name != "" {
			b.addDef(n.Name, DefLocal, pos(n))
		}
	case *ast.MatchStar:
		if n.Name != "" {
			b.addDef(n.Name, DefLocal, pos(n))
		}
	case *ast.MatchMapping:
		b.exprs(n.Keys)
		for _, q := range n.Patterns {
			b.pattern(q)
		}
		if n.Rest != "" {
			b.addDef(n.Rest, DefLocal, pos(n))
		}
	default:
		b.children(p)
	}
}

func (b *builder) expr(e ast.Expr) {
	switch n := e.(type) {
	case *ast.Name:
		if n.Ctx != ast.Load {
			b.forbidden(n.Id, n.Ctx, pos(n))
		}
		flag := DefLocal
		if n.Ctx == ast.Load {
			flag = Use
		}
		b.addDef(n.Id, flag, pos(n))
		if n.Ctx == ast.Load && b.cur.Type == FunctionBlock && n.Id == "super" {
			b.addDef("__class__", Use, pos(n))
		}
	case *ast.NamedExpr:
		b.raiseIfAnnotation(n, "named expression")
		if b.cur.compIter > 0 {
			b.errAt(pos(n), "assignment expression cannot be used in a comprehension iterable expression")
		}
		if b.cur.Comprehension != "" {
			b.extendNamedExpr(n)
		}
		b.expr(n.Value)
		b.expr(n.Target)
	case *ast.Attribute:
		if n.Ctx != ast.Load {
			b.forbidden(n.Attr, n.Ctx, pos(n))
		}
		b.expr(n.Value)
	case *ast.Call:
		b.expr(n.Func)
		b.exprs(n.Args)
		b.keywords(n.Keywords)
	case *ast.Lambda:
		b.exprs(n.Args.Defaults)
		b.exprs(n.Args.KwDefaults)
		s := b.enter("lambda", FunctionBlock, n, pos(n))
		s.isLambda = true
		b.params(n.Args)
		b.expr(n.Body)
		b.exit()
	case *ast.ListComp:
		b.comprehension(n, "listcomp", "list", n.Generators, n.Elt, nil)
	case *ast.SetComp:
		b.comprehension(n, "setcomp", "set", n.Generators, n.Elt, nil)
	case *ast.DictComp:
		b.comprehension(n, "dictcomp", "dict", n.Generators, n.Key, n.Value)
	case *ast.GeneratorExp:
		b.comprehension(n, "genexpr", "generator", n.Generators, n.Elt, nil)
	case *ast.Yield:
		b.raiseIfAnnotation(n, "yield expression")
		b.raiseIfComprehension(n, "yield")
		if n.Value != nil {
			b.expr(n.Value)
		}
		b.cur.Generator = true
	case *ast.YieldFrom:
		b.raiseIfAnnotation(n, "yield expression")
		b.raiseIfComprehension(n, "yield")
		b.expr(n.Value)
		b.cur.Generator = true
	case *ast.Await:
		b.raiseIfAnnotation(n, "await expression")
		b.expr(n.Value)
		b.cur.Coroutine = true
	default:
		b.children(e)
	}
}

var compNames = map[string]string{"list": "list comprehension", "set": "set comprehension", "dict": "dict comprehension", "generator": "generator expression"}

// raiseIfAnnotation rejects yield, await and := in type-parameter scopes
// (symtable_raise_if_annotation).
func (b *builder) raiseIfAnnotation(e ast.Expr, what string) {
	var where string
	switch b.cur.Type {
	case AnnotationBlock:
		where = "an annotation"
	case TypeVarBoundBlock:
		where = "a TypeVar bound"
	case TypeAliasBlock:
		where = "a type alias"
	case TypeParamBlock:
		where = "the definition of a generic"
	default:
		return
	}
	b.errAt(pos(e), "%s cannot be used within %s", what, where)
}

func (b *builder) raiseIfComprehension(e ast.Expr, what string) {
	if k := b.cur.Comprehension; k != "" {
		b.errAt(pos(e), "'%s' inside %s", what, compNames[k])
	}
}

func (b *builder) extendNamedExpr(n *ast.NamedExpr) {
	t, ok := n.Target.(*ast.Name)
	if !ok {
		return
	}
	name := b.mangle(t.Id)
	p := pos(n)
	for i := len(b.stack) - 1; i >= 0; i-- {
		s := b.stack[i]
		if s.Comprehension != "" {
			if s.flags(name)&DefCompIter != 0 {
				b.errAt(p, "assignment expression cannot rebind comprehension iteration variable '%s'", t.Id)
			}
			continue
		}
		switch s.Type {
		case FunctionBlock:
			if s.flags(name)&DefGlobal != 0 {
				b.addDef(t.Id, DefGlobal, p)
			} else {
				b.addDef(t.Id, DefNonlocal, p)
			}
			b.directive(t.Id, p)
			b.addDefIn(t.Id, DefLocal, s, p)
			return
		case ModuleBlock:
			b.addDef(t.Id, DefGlobal, p)
			b.directive(t.Id, p)
			b.addDefIn(t.Id, DefGlobal, s, p)
			return
		case ClassBlock:
			b.errAt(p, "assignment expression within a comprehension cannot be used in a class body")
		default:
			b.errAt(p, "assignment expression within a comprehension cannot be used within the definition of a generic")
		}
	}
}

func (b *builder) comprehension(e ast.Expr, name, kind string, gens []*ast.Comprehension, elt, value ast.Expr) {
	if len(gens) == 0 {
		return
	}
	outer := gens[0]
	b.cur.compIter++
	b.expr(outer.Iter)
	b.cur.compIter--
	s := b.enter(name, FunctionBlock, e, pos(e))
	s.Comprehension = kind
	if outer.IsAsync != 0 {
		s.Coroutine = true
	}
	b.addDef(".0", DefParam, pos(e))
	s.compTarget = true
	b.expr(outer.Target)
	s.compTarget = false
	b.exprs(outer.Ifs)
	for _, g := range gens[1:] {
		s.compTarget = true
		b.expr(g.Target)
		s.compTarget = false
		s.compIter++
		b.expr(g.Iter)
		s.compIter--
		b.exprs(g.Ifs)
		if g.IsAsync != 0 {
			s.Coroutine = true
		}
	}
	if value != nil {
		b.expr(value)
	}
	b.expr(elt)
	s.Generator = kind == "generator"
	isAsync := s.Coroutine && !s.Generator
	b.exit()
	if isAsync {
		b.cur.Coroutine = true
	}
}

// children visits the sub-nodes of a node the builder does not handle
// specially, in field order.
func (b *builder) children(n ast.Node) {
	v := reflect.ValueOf(n)
	if v.Kind() != reflect.Pointer || v.IsNil() {
		return
	}
	v = v.Elem()
	for i := 0; i < v.NumField(); i++ {
		b.field(v.Field(i))
	}
}

var (
	exprType    = reflect.TypeOf((*ast.Expr)(nil)).Elem()
	stmtType    = reflect.TypeOf((*ast.Stmt)(nil)).Elem()
	patternType = reflect.TypeOf((*ast.Pattern)(nil)).Elem()
	handlerType = reflect.TypeOf((*ast.ExceptHandlerNode)(nil)).Elem()
)

func (b *builder) field(f reflect.Value) {
	switch f.Kind() {
	case reflect.Interface:
		if f.IsNil() {
			return
		}
		switch x := f.Interface().(type) {
		case ast.Expr:
			b.expr(x)
		case ast.Stmt:
			b.stmt(x)
		case ast.Pattern:
			b.pattern(x)
		case ast.ExceptHandlerNode:
			b.handlers([]ast.ExceptHandlerNode{x})
		}
	case reflect.Slice:
		for i := 0; i < f.Len(); i++ {
			b.field(f.Index(i))
		}
	case reflect.Pointer:
		if f.IsNil() {
			return
		}
		switch x := f.Interface().(type) {
		case *ast.Keyword:
			b.expr(x.Value)
		case *ast.WithItem:
			b.expr(x.ContextExpr)
			if x.OptionalVars != nil {
				b.expr(x.OptionalVars)
			}
		case *ast.MatchCase:
			b.pattern(x.Pattern)
			if x.Guard != nil {
				b.expr(x.Guard)
			}
			b.stmts(x.Body)
		case *ast.Comprehension:
			b.expr(x.Target)
			b.expr(x.Iter)
			b.exprs(x.Ifs)
		default:
			b.children(x.(ast.Node))
		}
	}
}

var _ = []reflect.Type{exprType, stmtType, patternType, handlerType}

// forbidden rejects binding or deleting __debug__ (compile.c forbidden_name).
func (b *builder) forbidden(name string, ctx ast.ExprContext, p ast.Pos) {
	if name != "__debug__" {
		return
	}
	if ctx == ast.Del {
		b.errAt(p, "cannot delete __debug__")
	}
	b.errAt(p, "cannot assign to __debug__")
}

// keywords visits call or class keywords, rejecting repeated names and
// __debug__ (compile.c validate_keywords).
func (b *builder) keywords(kws []*ast.Keyword) {
	for i, k := range kws {
		if k.Arg != "" {
			b.forbidden(k.Arg, ast.Store, pos(k))
			for _, prev := range kws[:i] {
				if prev.Arg == k.Arg {
					b.errAt(pos(k), "keyword argument repeated: %s", k.Arg)
				}
			}
		}
		b.expr(k.Value)
	}
}
