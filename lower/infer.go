package lower

import (
	"math/big"
	"strings"

	"github.com/async2go/async2go/lower/ir"
)

// Type inference. After lowering, infer proves for each temporary and plain
// local of each function whether it always holds an int, a float, a bool or
// a str, and records it in Func.TempTypes and Var.Type; codegen keeps such values
// unboxed. The facts come from literals, from the operators applied (int +
// int is an int, int / int a float, a comparison of numbers a bool, str +
// str a str), from known builtins (range, len, int, float, abs, str, repr)
// and str methods, from the values stored into
// module globals, and, across functions, from
// the arguments at every call of a module-level function that is called and
// never used any other way. The analysis is flow-insensitive per variable
// (the join of everything stored in it) and only keeps a local unboxed when
// it is assigned before every read, so that an unbound local still raises
// UnboundLocalError from the boxed code. Anything unproved stays Boxed: the
// result is the same program, only faster.

// ty is the inference lattice: none < {int, float, bool, str, range, rangeIter} < any.
type ty uint8

const (
	tyNone      ty = iota // no value seen yet
	tyInt                 // a Python int
	tyFloat               // a Python float
	tyBool                // a Python bool
	tyRange               // a range object (boxed; only for iteration)
	tyRangeIter           // an iterator over a range (boxed)
	tyExc                 // the exception a catch took (temporaries only)
	tyStr                 // a Python str (exactly str, never a subclass)
	tyAny                 // anything
)

func join(a, b ty) ty {
	switch {
	case a == b || b == tyNone:
		return a
	case a == tyNone:
		return b
	}
	return tyAny
}

func (t ty) irType() ir.Type {
	switch t {
	case tyInt:
		return ir.Int
	case tyFloat:
		return ir.Float
	case tyBool:
		return ir.Bool
	case tyExc:
		return ir.Exc
	case tyStr:
		return ir.Str
	}
	switch {
	case t.isList() && scalarElem(t.elem()):
		return ir.ListOf | t.elem().irType()
	case t.isListIter() && scalarElem(t.elem()):
		return ir.ListIter | t.elem().irType()
	}
	return ir.Boxed
}

// stored is the type a variable, a global or a parameter gets from a value
// of type t stored into it: an exception is kept as such only in the
// temporaries that carry it (a variable may be unbound: it stays boxed).
func stored(t ty) ty {
	if t == tyExc {
		return tyAny
	}
	return t
}

func constTy(c ir.Const) ty {
	switch c.Value.(type) {
	case *big.Int:
		return tyInt
	case float64:
		return tyFloat
	case bool:
		return tyBool
	case string:
		return tyStr
	}
	return tyAny
}

// funcInfo is the inference state of one function.
type funcInfo struct {
	f      *ir.Func
	temps  []ty
	vars   map[*ir.Var]ty
	boxed  map[*ir.Var]bool // locals forced boxed (read where maybe unbound, deleted)
	params []ty             // from the call sites (stable functions only)
	defs   map[ir.Temp][]*ir.Instr
	// The typed lists (infer_list.go): the candidates, the temporaries
	// that make them, and those disqualified by the types.
	lists    map[*ir.Var]*listInfo
	creation map[ir.Temp]*ir.Var
	listBad  map[*ir.Var]bool
}

type inferrer struct {
	prog  *ir.Program
	infos map[*ir.Func]*funcInfo
	// stable maps a module-level function's global name to the function,
	// for functions bound once by def and otherwise only called directly.
	stable     map[string]*ir.Func
	stableFunc map[*ir.Func]bool
	// globals is the join of the types stored into each module global, for
	// the globals whose every binding is a plain store (typedGlobals); a
	// load of such a global, once past its NameError check, has that type.
	globals map[string]ty
	// noTypedLists is set when the program can reach a function's locals
	// by name (locals(), a frame's f_locals): no list is typed.
	noTypedLists bool
}

func infer(p *ir.Program) {
	in := &inferrer{prog: p, infos: map[*ir.Func]*funcInfo{}}
	for _, f := range p.Funcs {
		fi := &funcInfo{f: f, vars: map[*ir.Var]ty{}, boxed: map[*ir.Var]bool{}, defs: map[ir.Temp][]*ir.Instr{}, listBad: map[*ir.Var]bool{}}
		fi.params = make([]ty, len(f.Params.Names))
		for _, b := range f.Blocks {
			for _, ins := range b.Instrs {
				if ins.Dst >= 0 {
					fi.defs[ins.Dst] = append(fi.defs[ins.Dst], ins)
				}
				if reachesGlobalsByName(ins) || ins.Op == ir.OpGetAttr && ins.Name == "f_locals" {
					in.noTypedLists = true
				}
			}
		}
		in.infos[f] = fi
	}
	for _, f := range p.Funcs {
		in.findLists(in.infos[f])
	}
	in.findStable()
	in.typedGlobals()
	for changed := true; changed; {
		changed = false
		for _, f := range p.Funcs {
			in.inferFunc(in.infos[f])
		}
		if in.joinGlobalStores() {
			changed = true
		}
		for _, f := range p.Funcs {
			if in.joinCallSites(in.infos[f]) {
				changed = true
			}
		}
	}
	for _, f := range p.Funcs {
		fi := in.infos[f]
		f.Direct = in.stableFunc[f]
		f.TempTypes = make([]ir.Type, f.NTemps)
		for t, x := range fi.temps {
			f.TempTypes[t] = x.irType()
		}
		for _, v := range f.Locals {
			v.Type = ir.Boxed
			if v.Kind == ir.Local && !fi.boxed[v] {
				v.Type = fi.vars[v].irType()
			}
		}
	}
	for _, f := range p.Funcs {
		in.strStorage(in.infos[f])
	}
}

// strStorage chooses where a str is better kept boxed. Boxing a str that
// is not a constant allocates, so a str variable read mostly by generic
// code (a name passed along to print, or used as a dict key, in a loop)
// would box at every read what used to be boxed once. A str local whose
// loads feeding generic code outnumber its stores of computed strs (a
// parameter of a Direct function counts as one) is kept boxed — its type
// is still known: a load feeding a typed operation unboxes it, which
// does not allocate, and a load feeding only generic code stays boxed.
// Likewise for the loads of typed globals (stored boxed).
func (in *inferrer) strStorage(fi *funcInfo) {
	f := fi.f
	uses := map[ir.Temp][]*ir.Instr{}
	termUse := map[ir.Temp]bool{} // used by a terminator other than a branch
	for _, b := range f.Blocks {
		for _, ins := range b.Instrs {
			for _, a := range ins.Args {
				if t, ok := a.(ir.Temp); ok {
					uses[t] = append(uses[t], ins)
				}
			}
		}
		if b.Term != nil {
			for _, o := range []ir.Operand{b.Term.Value, b.Term.Cause, b.Term.Context} {
				if t, ok := o.(ir.Temp); ok && b.Term.Kind != ir.Branch {
					termUse[t] = true
				}
			}
		}
	}
	generic := func(t ir.Temp) bool {
		if termUse[t] {
			return true
		}
		for _, u := range uses[t] {
			if !in.typedStrUse(f, u, t) {
				return true
			}
		}
		return false
	}
	params := map[string]bool{}
	if f.Direct {
		for _, n := range f.Params.Names {
			params[n] = true
		}
	}
	gen, stores := map[*ir.Var]int{}, map[*ir.Var]int{}
	var loads []*ir.Instr
	for _, b := range f.Blocks {
		for _, ins := range b.Instrs {
			if ins.Var == nil || ins.Var.Kind != ir.Local || ins.Var.Type != ir.Str {
				if ins.Op == ir.OpLoad && ins.Var != nil && ins.Var.Kind == ir.Global && ins.Dst >= 0 && f.TempTypes[ins.Dst] == ir.Str && generic(ins.Dst) {
					f.TempTypes[ins.Dst] = ir.Boxed
				}
				continue
			}
			switch ins.Op {
			case ir.OpLoad:
				loads = append(loads, ins)
				if ins.Dst >= 0 && generic(ins.Dst) {
					gen[ins.Var]++
				}
			case ir.OpStore:
				if _, ok := ins.Args[0].(ir.Const); !ok {
					stores[ins.Var]++
				}
			}
		}
	}
	for _, v := range f.Locals {
		if params[v.Name] && v.Kind == ir.Local {
			stores[v]++
		}
	}
	for v, g := range gen {
		if g > stores[v] {
			v.Type = ir.Boxed
		}
	}
	for _, ld := range loads {
		if ld.Var.Type == ir.Boxed && ld.Dst >= 0 && generic(ld.Dst) {
			f.TempTypes[ld.Dst] = ir.Boxed
		}
	}
}

// typedStrUse reports whether instruction u consumes the str temporary t
// without boxing it (codegen/typed.go has a typed form for it).
func (in *inferrer) typedStrUse(f *ir.Func, u *ir.Instr, t ir.Temp) bool {
	dt := ir.Boxed
	if u.Dst >= 0 {
		dt = f.TempTypes[u.Dst]
	}
	listArg := func(i int) bool { // u's operand i is a typed list of strs
		l, ok := u.Args[i].(ir.Temp)
		return ok && f.TempType(l) == ir.ListOf|ir.Str
	}
	switch u.Op {
	case ir.OpCallMethod: // xs.append(s) of a typed list
		return len(u.Args) == 2 && u.Args[1] == ir.Operand(t) && listArg(0)
	case ir.OpSetItem: // xs[i] = s of a typed list
		return u.Args[2] == ir.Operand(t) && u.Args[1] != ir.Operand(t) && listArg(0)
	case ir.OpBinary:
		op := strings.TrimPrefix(u.Name, "Inplace")
		return dt == ir.Str && (op == "Add" || op == "Mul")
	case ir.OpCompare:
		return dt == ir.Bool
	case ir.OpJoin, ir.OpCopy:
		return dt == ir.Str
	case ir.OpFormat:
		spec, ok := u.Args[1].(ir.Const)
		return u.Args[0] == ir.Operand(t) && ok && spec.Value == "" && (u.Conv == 0 || u.Conv == 's')
	case ir.OpStore:
		return u.Var.Kind == ir.Local && u.Var.Type == ir.Str
	case ir.OpCall:
		if u.Callee != nil {
			ci := in.infos[u.Callee]
			for i, a := range u.Args[1:] {
				if a == ir.Operand(t) && (i >= len(ci.params) || ci.params[i] != tyStr) {
					return false
				}
			}
			return u.Args[0] != ir.Operand(t)
		}
		return len(u.Args) == 2 && u.Args[1] == ir.Operand(t) && (dt == ir.Int || dt == ir.Str) && builtinCall(f, u)
	}
	return false
}

// builtinCall reports whether call's callee is a load of len or str.
func builtinCall(f *ir.Func, call *ir.Instr) bool {
	c, ok := call.Args[0].(ir.Temp)
	if !ok {
		return false
	}
	for _, b := range f.Blocks {
		for _, ins := range b.Instrs {
			if ins.Dst == c {
				return ins.Op == ir.OpLoad && ins.Var.Kind == ir.Builtin && (ins.Var.Name == "len" || ins.Var.Name == "str")
			}
		}
	}
	return false
}

// findStable finds the module-level functions whose every use is known:
// stored once into a global straight from their def (no decorator, no
// defaults, plain positional parameters), and that global otherwise only
// loaded to be called with positional arguments.
func (in *inferrer) findStable() {
	in.stable = map[string]*ir.Func{}
	stores := map[string]int{}
	candidate := map[string]*ir.Func{}
	bad := map[string]bool{}
	mod := in.infos[in.prog.Module]
	for _, f := range in.prog.Funcs {
		fi := in.infos[f]
		uses := f.TempUses()
		for _, b := range f.Blocks {
			for _, ins := range b.Instrs {
				if reachesGlobalsByName(ins) {
					return // the module's names can be reached by name: nothing is stable
				}
				if ins.Var == nil {
					continue
				}
				if ins.Var.Kind != ir.Global {
					continue
				}
				name := ins.Var.Name
				switch ins.Op {
				case ir.OpStore:
					stores[name]++
					if f != in.prog.Module {
						bad[name] = true
						continue
					}
					t, ok := ins.Args[0].(ir.Temp)
					if !ok || len(mod.defs[t]) != 1 || uses[t] != 1 {
						bad[name] = true
						continue
					}
					def := mod.defs[t][0]
					if def.Op != ir.OpMakeFunc || len(def.Args) != 0 || !simpleParams(def.Func) {
						bad[name] = true
						continue
					}
					candidate[name] = def.Func
				case ir.OpDelete:
					bad[name] = true
				case ir.OpLoad:
					if uses[ins.Dst] != 1 || len(fi.defs[ins.Dst]) != 1 || !onlyCallee(f, ins.Dst) {
						bad[name] = true
					}
				}
			}
		}
	}
	in.stableFunc = map[*ir.Func]bool{}
	for name, f := range candidate {
		if stores[name] == 1 && !bad[name] {
			in.stable[name] = f
			in.stableFunc[f] = true
		}
	}
}

// typedGlobals finds the module globals that can have a type: bound only
// by plain stores (a def, a class, an import or an assignment, in the
// module or under `global`), never deleted, not the name of a builtin
// (read while unbound, it is the builtin), and not reachable by name
// (reachesGlobalsByName): their type is then the join of what is stored,
// and a program can only ever read those values.
func (in *inferrer) typedGlobals() {
	in.globals = map[string]ty{}
	deleted := map[string]bool{}
	for _, f := range in.prog.Funcs {
		for _, b := range f.Blocks {
			for _, ins := range b.Instrs {
				switch {
				case reachesGlobalsByName(ins):
					in.globals = nil
					return
				case ins.Var == nil || ins.Var.Kind != ir.Global:
				case ir.Builtins[ins.Var.Name]:
					// Unbound, it reads the builtin: not only what is stored.
				case ins.Op == ir.OpStore:
					if _, ok := in.globals[ins.Var.Name]; !ok {
						in.globals[ins.Var.Name] = tyNone
					}
				case ins.Op == ir.OpDelete:
					deleted[ins.Var.Name] = true
				}
			}
		}
	}
	for name := range deleted {
		delete(in.globals, name)
	}
}

// joinGlobalStores joins the types of the values stored into the typed
// globals; it reports whether any changed.
func (in *inferrer) joinGlobalStores() bool {
	changed := false
	for _, f := range in.prog.Funcs {
		fi := in.infos[f]
		for _, b := range f.Blocks {
			for _, ins := range b.Instrs {
				if ins.Op != ir.OpStore || ins.Var.Kind != ir.Global {
					continue
				}
				old, ok := in.globals[ins.Var.Name]
				if !ok {
					continue
				}
				if nt := join(old, stored(fi.typeOf(ins.Args[0]))); nt != old {
					in.globals[ins.Var.Name] = nt
					changed = true
				}
			}
		}
	}
	return changed
}

// reachesGlobalsByName reports whether ins lets a program read or bind its
// module's globals by name rather than through loads and stores of them:
// globals(), vars(), exec, `import __main__`, sys.modules, a function's
// __globals__ — as attributes, or as names handed to a call (getattr(sys,
// "modules"), importlib.import_module("__main__")).
func reachesGlobalsByName(ins *ir.Instr) bool {
	switch ins.Op {
	case ir.OpLoad:
		return ins.Var.Kind == ir.Builtin && introspects[ins.Var.Name]
	case ir.OpImport:
		return globalsByName[ins.Name]
	case ir.OpGetAttr:
		return globalsByName[ins.Name]
	case ir.OpCall, ir.OpCallMethod:
		for _, a := range ins.Args {
			if c, ok := a.(ir.Const); ok {
				if s, ok := c.Value.(string); ok && globalsByName[s] {
					return true
				}
			}
		}
	}
	return false
}

// globalsByName are the names through which a module's globals are
// reached as a namespace.
var globalsByName = map[string]bool{"modules": true, "__globals__": true, "__main__": true, "f_globals": true}

// introspects are the builtins through which a program can reach its
// module's functions by name rather than through a load of the global.
var introspects = map[string]bool{"globals": true, "vars": true, "locals": true, "eval": true, "exec": true, "__import__": true}

func simpleParams(f *ir.Func) bool {
	p := f.Params
	if f.Kind == ir.ClassBody || p.VarArgs || p.VarKw || p.KwOnly > 0 || p.NDefaults > 0 {
		return false
	}
	for _, v := range f.Locals {
		if v.Kind == ir.Cell {
			for _, n := range p.Names {
				if n == v.Name {
					return false // a parameter captured by a closure lives in a cell
				}
			}
		}
	}
	return true
}

// onlyCallee reports whether temporary t is used as the callee of a call
// with positional arguments only.
func onlyCallee(f *ir.Func, t ir.Temp) bool {
	for _, b := range f.Blocks {
		for _, ins := range b.Instrs {
			for i, a := range ins.Args {
				if a != ir.Operand(t) {
					continue
				}
				if ins.Op != ir.OpCall || i != 0 || len(ins.KwNames) > 0 || ir.AnyStar(ins.Star) {
					return false
				}
			}
		}
	}
	return true
}

// joinCallSites joins the argument types at fi's calls of stable functions
// into their parameter types; it reports whether any changed.
func (in *inferrer) joinCallSites(fi *funcInfo) bool {
	changed := false
	for _, b := range fi.f.Blocks {
		for _, ins := range b.Instrs {
			if ins.Op != ir.OpCall {
				continue
			}
			callee := in.calledStable(fi, ins)
			if callee == nil {
				continue
			}
			ci := in.infos[callee]
			args := ins.Args[1:]
			if len(args) == len(ci.params) {
				ins.Callee = callee
			}
			for i := range ci.params {
				t := tyAny
				if i < len(args) && len(args) == len(ci.params) {
					t = stored(fi.typeOf(args[i]))
				}
				if nt := join(ci.params[i], t); nt != ci.params[i] {
					ci.params[i] = nt
					changed = true
				}
			}
		}
	}
	return changed
}

func (in *inferrer) calledStable(fi *funcInfo, call *ir.Instr) *ir.Func {
	t, ok := call.Args[0].(ir.Temp)
	if !ok || len(fi.defs[t]) != 1 {
		return nil
	}
	def := fi.defs[t][0]
	if def.Op != ir.OpLoad || def.Var == nil || def.Var.Kind != ir.Global {
		return nil
	}
	return in.stable[def.Var.Name]
}

func (fi *funcInfo) typeOf(o ir.Operand) ty {
	switch v := o.(type) {
	case ir.Temp:
		if int(v) < len(fi.temps) && v >= 0 {
			return fi.temps[v]
		}
		return tyNone
	case ir.Const:
		return constTy(v)
	}
	return tyAny
}

// inferFunc runs the function's inference to a fixed point.
func (in *inferrer) inferFunc(fi *funcInfo) {
	f := fi.f
	fi.temps = make([]ty, f.NTemps)
	fi.vars = map[*ir.Var]ty{}
	for i, n := range f.Params.Names {
		for _, v := range f.Locals {
			if v.Name == n && v.Kind == ir.Local {
				p := tyAny
				if in.stableFunc[f] {
					p = fi.params[i]
				}
				fi.vars[v] = join(fi.vars[v], p)
			}
		}
	}
	for {
		for changed := true; changed; {
			changed = false
			set := func(t ir.Temp, x ty) {
				if t < 0 {
					return
				}
				if nt := join(fi.temps[t], x); nt != fi.temps[t] {
					fi.temps[t] = nt
					changed = true
				}
			}
			for _, b := range f.Blocks {
				for _, ins := range b.Instrs {
					switch ins.Op {
					case ir.OpStore:
						if ins.Var.Kind == ir.Local {
							if nt := join(fi.vars[ins.Var], stored(fi.typeOf(ins.Args[0]))); nt != fi.vars[ins.Var] {
								fi.vars[ins.Var] = nt
								changed = true
							}
						}
					case ir.OpDelete:
						if ins.Var.Kind == ir.Local && !fi.boxed[ins.Var] {
							fi.boxed[ins.Var] = true
							changed = true
						}
					}
					set(ins.Dst, in.result(fi, ins))
					for i, d := range ins.Dsts {
						set(d, fi.unpackedType(ins, i))
					}
				}
				switch t := b.Term; t.Kind {
				case ir.ForNext:
					switch it := fi.typeOf(t.Value); {
					case it.isListIter():
						set(t.Dst, it.elem())
					case it == tyRangeIter:
						set(t.Dst, tyInt)
					case it == tyNone:
					default:
						set(t.Dst, tyAny)
					}
				case ir.Await, ir.Yield:
					set(t.Dst, tyAny)
				}
			}
		}
		// A local stays unboxed only where it is assigned before every
		// read; the others go back to boxed and the types are redone.
		boxed := fi.boxUnassigned()
		if bad := fi.checkLists(); !boxed && !bad {
			return
		}
		fi.temps = make([]ty, f.NTemps)
	}
}

// result is the type of an instruction's result.
func (in *inferrer) result(fi *funcInfo, ins *ir.Instr) ty {
	arg := func(i int) ty {
		if i < len(ins.Args) {
			return fi.typeOf(ins.Args[i])
		}
		return tyAny
	}
	switch ins.Op {
	case ir.OpBinary, ir.OpCompare, ir.OpUnary, ir.OpIter:
		// An operand with no value yet gets one on a later round (or never:
		// then this result is never produced either).
		for i := range ins.Args {
			if arg(i) == tyNone {
				return tyNone
			}
		}
	}
	if ins.Dst >= 0 {
		if t, ok := fi.creationType(ins.Dst); ok {
			return t
		}
	}
	switch ins.Op {
	case ir.OpGetItem:
		if arg(0) == tyNone {
			return tyNone
		}
		if a := arg(0); a.isList() {
			switch arg(1) {
			case tyNone:
				return tyNone
			case tyInt:
				return a.elem()
			}
		}
		return tyAny
	case ir.OpCopy:
		return arg(0)
	case ir.OpLoad:
		if ins.Var.Kind == ir.Local && !fi.boxed[ins.Var] {
			return fi.vars[ins.Var]
		}
		if t, ok := in.globals[ins.Var.Name]; ok && ins.Var.Kind == ir.Global {
			return t
		}
		return tyAny
	case ir.OpBinary:
		return binaryResult(strings.TrimPrefix(ins.Name, "Inplace"), arg(0), arg(1))
	case ir.OpCompare:
		switch ins.Name {
		case "Eq", "Ne", "Lt", "Le", "Gt", "Ge":
			if isNum(arg(0)) && isNum(arg(1)) || arg(0) == tyStr && arg(1) == tyStr {
				return tyBool
			}
		case "In", "NotIn":
			if arg(0) == tyStr && arg(1) == tyStr {
				return tyBool
			}
		}
		return tyAny
	case ir.OpFormat, ir.OpJoin:
		// A replacement field of an f-string is format()'s result, always
		// a str (rt.FormatValue); the f-string joins strs.
		return tyStr
	case ir.OpCallMethod:
		switch {
		case arg(0) == tyNone:
			return tyNone // the receiver's type is decided on a later round
		case arg(0) == tyStr && strMethods[ins.Name]:
			return tyStr
		}
		return tyAny
	case ir.OpUnary:
		switch x := arg(0); {
		case ins.Name == "Invert" && x == tyInt:
			return tyInt
		case (ins.Name == "Neg" || ins.Name == "Pos") && (x == tyInt || x == tyFloat):
			return x
		}
		return tyAny
	case ir.OpTruth:
		return tyBool
	case ir.OpCatch:
		return tyExc
	case ir.OpIter:
		if arg(0) == tyRange {
			return tyRangeIter
		}
		if a := arg(0); a.isList() {
			return tyListIter | a.elem()
		}
		return tyAny
	case ir.OpCall:
		return in.callResult(fi, ins)
	}
	return tyAny
}

func isNum(t ty) bool { return t == tyInt || t == tyFloat }

// strMethods are the methods of str that always return a str (exactly
// str, whatever their arguments, or raise).
var strMethods = map[string]bool{
	"upper": true, "lower": true, "title": true, "capitalize": true, "swapcase": true, "casefold": true,
	"strip": true, "lstrip": true, "rstrip": true, "replace": true, "join": true, "format": true,
	"ljust": true, "rjust": true, "center": true, "zfill": true, "removeprefix": true, "removesuffix": true,
	"expandtabs": true,
}

func binaryResult(op string, a, b ty) ty {
	switch {
	case a == tyInt && b == tyInt:
		switch op {
		case "Add", "Sub", "Mul", "FloorDiv", "Mod", "BitAnd", "BitOr", "BitXor", "LShift", "RShift":
			return tyInt
		case "TrueDiv":
			return tyFloat
		}
	case isNum(a) && isNum(b):
		switch op {
		case "Add", "Sub", "Mul", "TrueDiv", "FloorDiv", "Mod":
			return tyFloat
		}
	case a == tyStr && b == tyStr && op == "Add":
		return tyStr
	case op == "Mul" && (a == tyStr && b == tyInt || a == tyInt && b == tyStr):
		return tyStr
	case op == "Mod" && a == tyStr && b != tyNone:
		// str % anything formats (rt.PercentFormat) or raises.
		return tyStr
	}
	if a == tyNone || b == tyNone {
		return tyNone // not known yet: decided on a later round
	}
	return tyAny
}

// callResult knows the result types of a few builtins.
func (in *inferrer) callResult(fi *funcInfo, call *ir.Instr) ty {
	t, ok := call.Args[0].(ir.Temp)
	if !ok || len(fi.defs[t]) != 1 || len(call.KwNames) > 0 || ir.AnyStar(call.Star) {
		return tyAny
	}
	def := fi.defs[t][0]
	if def.Op != ir.OpLoad || def.Var.Kind != ir.Builtin {
		return tyAny
	}
	args := call.Args[1:]
	argTy := func(i int) ty { return fi.typeOf(args[i]) }
	switch def.Var.Name {
	case "len", "int", "float", "abs", "range", "sum", "min", "max":
		for i := range args {
			if argTy(i) == tyNone {
				return tyNone
			}
		}
	}
	switch def.Var.Name {
	case "len":
		if len(args) == 1 {
			return tyInt
		}
	case "sum":
		if len(args) == 1 && argTy(0) == tyListOf|tyInt {
			return tyInt
		}
	case "min", "max":
		if len(args) == 1 && argTy(0).isList() && argTy(0).elem() != tyBool {
			return argTy(0).elem()
		}
	case "str":
		// str(), str(x), str(b, encoding[, errors]): always exactly a str.
		return tyStr
	case "repr", "ascii":
		if len(args) == 1 {
			return tyStr
		}
	case "int":
		if len(args) == 1 && isNum(argTy(0)) {
			return tyInt
		}
	case "float":
		if len(args) == 1 && isNum(argTy(0)) {
			return tyFloat
		}
	case "abs":
		if len(args) == 1 && isNum(argTy(0)) {
			return argTy(0)
		}
	case "range":
		if len(args) >= 1 && len(args) <= 3 {
			for i := range args {
				if argTy(i) != tyInt {
					return tyAny
				}
			}
			return tyRange
		}
	}
	return tyAny
}

// boxUnassigned marks boxed every typed local read where it may be
// unbound; it reports whether it marked any.
func (fi *funcInfo) boxUnassigned() bool {
	f := fi.f
	var typed []*ir.Var
	index := map[*ir.Var]int{}
	for _, v := range f.Locals {
		if v.Kind == ir.Local && !fi.boxed[v] && fi.vars[v].irType() != ir.Boxed {
			index[v] = len(typed)
			typed = append(typed, v)
		}
	}
	if len(typed) == 0 {
		return false
	}
	// Forward must-analysis: the set of typed locals surely assigned at the
	// entry of each block (nil: not reached yet, i.e. everything).
	n := len(typed)
	entry := make(map[*ir.Block][]bool, len(f.Blocks))
	start := make([]bool, n)
	for _, name := range f.Params.Names {
		for v, i := range index {
			if v.Name == name {
				start[i] = true
			}
		}
	}
	meet := func(b *ir.Block, in []bool) bool {
		cur, ok := entry[b]
		if !ok {
			entry[b] = append([]bool(nil), in...)
			return true
		}
		changed := false
		for i := range cur {
			if cur[i] && !in[i] {
				cur[i] = false
				changed = true
			}
		}
		return changed
	}
	exitOf := func(b *ir.Block, in []bool, check func(v *ir.Var, assigned bool)) []bool {
		out := append([]bool(nil), in...)
		for _, ins := range b.Instrs {
			if ins.Var == nil {
				continue
			}
			i, ok := index[ins.Var]
			if !ok {
				continue
			}
			switch ins.Op {
			case ir.OpLoad:
				if check != nil {
					check(ins.Var, out[i])
				}
			case ir.OpStore:
				out[i] = true
			case ir.OpDelete:
				out[i] = false
			}
		}
		return out
	}
	if len(f.Blocks) == 0 {
		return false
	}
	meet(f.Blocks[0], start)
	for changed := true; changed; {
		changed = false
		for _, b := range f.Blocks {
			in, ok := entry[b]
			if !ok {
				continue
			}
			if b.Handler != nil && meet(b.Handler, in) {
				changed = true
			}
			out := exitOf(b, in, nil)
			for _, s := range []*ir.Block{b.Term.Target, b.Term.Else} {
				if s != nil && meet(s, out) {
					changed = true
				}
			}
		}
	}
	marked := false
	for _, b := range f.Blocks {
		in, ok := entry[b]
		if !ok {
			continue
		}
		exitOf(b, in, func(v *ir.Var, assigned bool) {
			if !assigned && !fi.boxed[v] {
				fi.boxed[v] = true
				marked = true
			}
		})
	}
	return marked
}

// unpackedType is the type of Dsts[i] of ins: for `a, b = x, y` (an
// OpUnpack of a tuple display of as many items, without stars) the item's.
func (fi *funcInfo) unpackedType(ins *ir.Instr, i int) ty {
	if ins.Op != ir.OpUnpack || ins.StarAt >= 0 {
		return tyAny
	}
	if tup := tupleDisplay(fi.defs, ins); tup != nil {
		return fi.typeOf(tup.Args[i])
	}
	return tyAny
}

// tupleDisplay is the OpTuple that an OpUnpack unpacks when it is the only
// definition of the unpacked temporary, has no starred item and as many
// items as the unpack has targets; nil otherwise.
func tupleDisplay(defs map[ir.Temp][]*ir.Instr, unpack *ir.Instr) *ir.Instr {
	t, ok := unpack.Args[0].(ir.Temp)
	if !ok || len(defs[t]) != 1 {
		return nil
	}
	tup := defs[t][0]
	if tup.Op != ir.OpTuple || ir.AnyStar(tup.Star) || len(tup.Args) != unpack.N || len(unpack.Dsts) != unpack.N {
		return nil
	}
	return tup
}
