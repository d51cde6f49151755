package ir

import (
	"fmt"
	"strings"
)

//go:generate go run gen_stdlibattrs.go

// ModulePackages maps each Python module a translated program may import
// to the Go package that implements it and registers it with rtlib. An import
// of any other module is reported as unsupported.
var ModulePackages = map[string]string{
	"asyncio":         "github.com/async2go/async2go/rtlib/aio",
	"time":            "github.com/async2go/async2go/rtlib/mod/time",
	"functools":       "github.com/async2go/async2go/rtlib/mod/functools",
	"contextlib":      "github.com/async2go/async2go/rtlib/mod/contextlib",
	"sys":             "github.com/async2go/async2go/rtlib/mod/sys",
	"random":          "github.com/async2go/async2go/rtlib/mod/random",
	"__future__":      "github.com/async2go/async2go/rtlib/mod/future",
	"abc":             "github.com/async2go/async2go/rtlib/mod/abc",
	"collections":     "github.com/async2go/async2go/rtlib/mod/collections",
	"collections.abc": "github.com/async2go/async2go/rtlib/mod/collections",
	"dataclasses":     "github.com/async2go/async2go/rtlib/mod/dataclasses",
	"math":            "github.com/async2go/async2go/rtlib/mod/math",
	"itertools":       "github.com/async2go/async2go/rtlib/mod/itertools",
	"typing":          "github.com/async2go/async2go/rtlib/mod/typing",
	"enum":            "github.com/async2go/async2go/rtlib/mod/enum",
	"contextvars":     "github.com/async2go/async2go/rtlib/mod/contextvars",
	"operator":        "github.com/async2go/async2go/rtlib/mod/operator",
	"json":            "github.com/async2go/async2go/rtlib/mod/json",
	"heapq":           "github.com/async2go/async2go/rtlib/mod/heapq",
	"copy":            "github.com/async2go/async2go/rtlib/mod/copy",
	"types":           "github.com/async2go/async2go/rtlib/mod/types",
	"statistics":      "github.com/async2go/async2go/rtlib/mod/statistics",
	"bisect":          "github.com/async2go/async2go/rtlib/mod/bisect",
	"string":          "github.com/async2go/async2go/rtlib/mod/string",
	"os":              "github.com/async2go/async2go/rtlib/mod/os",
	"os.path":         "github.com/async2go/async2go/rtlib/mod/os",
}

// FuncKind says what a Func is.
type FuncKind uint8

const (
	ModuleBody FuncKind = iota
	PlainFunc
	CoroutineFunc
	ClassBody
	GeneratorFunc // def containing yield
	AsyncGenFunc  // async def containing yield
)

var kindNames = [...]string{"module", "def", "async def", "class", "generator def", "async generator def"}

// IsStateMachine reports whether a function of this kind suspends (its
// locals live in a frame struct and it is resumed by state).
func (k FuncKind) IsStateMachine() bool {
	return k == CoroutineFunc || k == GeneratorFunc || k == AsyncGenFunc
}

func (k FuncKind) String() string { return kindNames[k] }

// VarKind is where a variable lives.
type VarKind uint8

const (
	Local     VarKind = iota // a fast local (a Go local, or a frame field in a coroutine)
	Cell                     // a local captured by an inner function: a *rt.Cell
	Free                     // a variable of an enclosing function, through its cell
	Global                   // a module-level variable
	Builtin                  // resolved among the builtins when not a global
	ClassName                // a name in a class body's namespace
)

var varKindNames = [...]string{"local", "cell", "free", "global", "builtin", "classns"}

func (k VarKind) String() string { return varKindNames[k] }

// Var is a named variable of a function.
type Var struct {
	Name string
	Kind VarKind
	Type Type // a Local's proved type (Boxed unless the inference proved more)
}

// Type is what type inference (lower/infer.go) proved about a temporary or
// a local: the generated code keeps a value of a proved type unboxed.
type Type uint8

const (
	Boxed Type = iota // any object: an rt.Object
	Int               // always a Python int: an rt.IntVal
	Float             // always a Python float: a float64
	Bool              // always a Python bool: a bool
	Exc               // the exception being handled (a catch's result, never a variable): a *rt.BaseException
	Str               // always a Python str (exactly str): an rt.Str
)

// A list proved to hold only values of one type (Int, Float, Str or Bool)
// and never to leave its function is ListOf|elem (an *rt.TList of the
// element's Go type); an iterator over one is ListIter|elem (an
// rt.TListIter). See docs/ir.md.
const (
	ListOf   Type = 16
	ListIter Type = 32
)

// Elem is the element type of a typed list or list iterator type.
func (t Type) Elem() Type { return t &^ (ListOf | ListIter) }

// IsList reports whether t is a typed list.
func (t Type) IsList() bool { return t&ListOf != 0 }

// IsListIter reports whether t is an iterator over a typed list.
func (t Type) IsListIter() bool { return t&ListIter != 0 }

var typeNames = [...]string{"object", "int", "float", "bool", "exc", "str"}

func (t Type) String() string {
	switch {
	case t.IsList():
		return "list[" + t.Elem().String() + "]"
	case t.IsListIter():
		return "listiter[" + t.Elem().String() + "]"
	}
	return typeNames[t]
}

// Operand is an instruction input: a Temp, a Const or a *Var.
type Operand interface{ operand() }

// Temp is a numbered temporary of the function.
type Temp int

// Const is a literal: nil (None), bool, *big.Int, float64, string,
// Ellipsis.
type Const struct{ Value any }

// Ellipsis is the constant `...`.
type Ellipsis struct{}

func (Temp) operand()  {}
func (Const) operand() {}
func (*Var) operand()  {}

// Op is an instruction opcode.
type Op uint8

// The opcodes. Dst is the result temporary where there is one.
const (
	OpCopy         Op = iota // Dst = Args[0]
	OpLoad                   // Dst = Var (UnboundLocalError/NameError if unbound)
	OpStore                  // Var = Args[0]
	OpDelete                 // del Var
	OpBinary                 // Dst = Args[0] <Name> Args[1] (Name is the rt function: Add, Sub, …)
	OpUnary                  // Dst = <Name>(Args[0]) (Neg, Pos, Invert)
	OpNot                    // Dst = not Args[0]
	OpCompare                // Dst = Args[0] <Name> Args[1] (Eq, Lt, …, Is, IsNot, In, NotIn)
	OpGetAttr                // Dst = Args[0].Name
	OpSetAttr                // Args[0].Name = Args[1]
	OpDelAttr                // del Args[0].Name
	OpGetItem                // Dst = Args[0][Args[1]]
	OpSetItem                // Args[0][Args[1]] = Args[2]
	OpDelItem                // del Args[0][Args[1]]
	OpCall                   // Dst = Args[0](Args[1:NPos+1], keywords Kw… = rest); Star/StarStar mark unpacked args
	OpCallMethod             // Dst = Args[0].Name(Args[1:]…), keywords as OpCall
	OpTuple                  // Dst = (Args…); Star marks unpacked
	OpList                   // Dst = [Args…]
	OpSet                    // Dst = {Args…}
	OpDict                   // Dst = {Args[0]: Args[1], …}; a nil key means **Args[i+1]
	OpSlice                  // Dst = slice(Args[0], Args[1], Args[2])
	OpFormat                 // Dst = format(conv(Args[0]), Args[1]) with Conv
	OpJoin                   // Dst = ''.join(Args)
	OpIter                   // Dst = iter(Args[0])
	OpUnpack                 // Dsts = unpack Args[0] into N (Star index if any)
	OpMakeFunc               // Dst = function Func with defaults Args (positional then kw-only by KwNames)
	OpMakeClass              // Dst = class from namespace Args[0], bases Args[1:]
	OpImport                 // Dst = import Name
	OpImportFrom             // Dst = Args[0].Name (ImportError)
	OpCatch                  // Dst = the exception being handled (first instruction of a handler)
	OpMatchExc               // Dst = exception Args[0] matches class Args[1]
	OpTruth                  // Dst = bool(Args[0]) as a Python bool
	OpNewDict                // Dst = {} (a class namespace)
	OpAssertFail             // raise AssertionError(Args...)
	OpGetAwaitable           // Dst = the Resumable of `await Args[0]`
	OpAIter                  // Dst = aiter(Args[0])
	OpANext                  // Dst = anext(Args[0]) awaitable
	OpWithEnter              // Dst = Args[0].__enter__ / __aenter__ (Name), Dsts[1] = bound exit
	OpCallExit               // Dst = exit(Args[0]) with (type, value, tb) of exception Args[1] or None
	OpRuntime                // Dst = rt.<Name>(Args…): a runtime helper (pattern matching, except*)
)

var opNames = [...]string{"copy", "load", "store", "delete", "binary", "unary", "not", "compare",
	"getattr", "setattr", "delattr", "getitem", "setitem", "delitem", "call", "callmethod", "tuple",
	"list", "set", "dict", "slice", "format", "join", "iter", "unpack", "makefunc", "makeclass",
	"import", "importfrom", "catch", "matchexc", "truth", "newdict", "assertfail", "getawaitable",
	"aiter", "anext", "withenter", "callexit", "runtime"}

func (o Op) String() string { return opNames[o] }

// Instr is one three-address instruction.
type Instr struct {
	Op      Op
	Dst     Temp   // -1: none
	Dsts    []Temp // OpUnpack results
	Args    []Operand
	Var     *Var     // OpLoad, OpStore, OpDelete
	Name    string   // operator, attribute, method or module name
	KwNames []string // OpCall/OpCallMethod: names of the trailing keyword args ("" = **mapping)
	Star    []bool   // per arg: *unpacked (calls, tuples, lists)
	Conv    byte     // OpFormat: 0, 's', 'r', 'a'
	N       int      // OpUnpack: count; OpCall: positional count
	StarAt  int      // OpUnpack: index of the starred target, -1 if none
	Func    *Func    // OpMakeFunc, OpMakeClass
	// Callee is the module-level function an OpCall always calls (set by
	// the inference for a Func with Direct), called with its parameters'
	// count of positional arguments: codegen calls it directly.
	Callee *Func
	// Line is the source line a traceback names for the instruction: the
	// line its expression starts on, or its statement's for a statement's
	// own instructions (as CPython 3.12 locates its bytecode).
	Line int
	Col  int // OpLoad of a name: its 1-based column (0: unknown), for error messages
}

// TermKind is the kind of a block terminator.
type TermKind uint8

const (
	Jump    TermKind = iota // goto Target
	Branch                  // if truth(Cond) goto Target else Else
	Return                  // return Value
	Raise                   // raise Value (Cause if set; re-raise Value as is if Reraise)
	Await                   // Dst = await the Resumable in Value; continue at Target
	ForNext                 // Dst = next(Value) and goto Target, or goto Else when exhausted
	Yield                   // suspend yielding Value; Dst = the value sent in; continue at Target
)

// Terminator ends a block.
type Terminator struct {
	Kind    TermKind
	Value   Operand
	Cause   Operand
	Context Operand // the exception being handled, for implicit chaining
	Reraise bool
	Dst     Temp
	Target  *Block
	Else    *Block
	Line    int
}

// Block is a basic block.
type Block struct {
	ID      int
	Instrs  []*Instr
	Term    *Terminator
	Handler *Block
	// State is the resume state number of a block entered after an Await
	// (0 for blocks that are not resume points).
	State int
}

// Param describes a function's parameter layout (rt.Signature).
type Param struct {
	Names   []string
	PosOnly int
	Pos     int
	KwOnly  int
	VarArgs bool
	VarKw   bool
	// NDefaults positional defaults; KwDefaults names of kw-only params with defaults.
	NDefaults  int
	KwDefaults []string
}

// Func is one function body.
type Func struct {
	Name     string
	Qualname string
	GoName   string
	Kind     FuncKind
	Line     int
	Params   Param
	Locals   []*Var // fast locals and cells owned by this function, params first
	Frees    []*Var // cells captured from enclosing functions
	NTemps   int
	// TempTypes is each temporary's proved type (nil: all Boxed).
	TempTypes []Type
	// Direct is set for a module-level function only ever called directly
	// (lower/infer.go): it has a Go entry point taking its parameters as
	// typed Go arguments.
	Direct   bool
	Blocks   []*Block
	Parent   *Func
	Children []*Func
	// Generator is set for def bodies containing yield (not yet supported).
	NStates int
}

// Program is a translated module.
type Program struct {
	File    string
	Source  string
	Module  *Func
	Funcs   []*Func // every function, module body first, in definition order
	Globals []string
	Imports []string // Python modules imported
	// ShutdownClose: the module globals holding generators that the end of
	// the program closes (as CPython's shutdown clears the module), in order.
	ShutdownClose []string
	// ImportBound are the module globals that, once bound, hold one
	// module for the rest of the run: each binding imports it, none
	// deletes it, and nothing binds globals by name (lower's importBound).
	ImportBound map[string]bool
}

// NewBlock appends a fresh block to f.
func (f *Func) NewBlock() *Block {
	b := &Block{ID: len(f.Blocks)}
	f.Blocks = append(f.Blocks, b)
	return b
}

// TempType is temporary t's proved type.
func (f *Func) TempType(t Temp) Type {
	if int(t) < len(f.TempTypes) && t >= 0 {
		return f.TempTypes[t]
	}
	return Boxed
}

// TempUses counts the reads of each temporary of f.
func (f *Func) TempUses() map[Temp]int {
	n := map[Temp]int{}
	count := func(o Operand) {
		if t, ok := o.(Temp); ok {
			n[t]++
		}
	}
	for _, b := range f.Blocks {
		for _, in := range b.Instrs {
			for _, a := range in.Args {
				count(a)
			}
		}
		if b.Term != nil {
			count(b.Term.Value)
			count(b.Term.Cause)
			count(b.Term.Context)
		}
	}
	return n
}

// AnyStar reports whether an instruction's Star marks any operand.
func AnyStar(star []bool) bool {
	for _, s := range star {
		if s {
			return true
		}
	}
	return false
}

// NewTemp allocates a temporary.
func (f *Func) NewTemp() Temp {
	f.NTemps++
	return Temp(f.NTemps - 1)
}

func (t Temp) String() string { return fmt.Sprintf("t%d", int(t)) }

func operandString(o Operand) string {
	switch v := o.(type) {
	case Temp:
		return v.String()
	case Const:
		switch c := v.Value.(type) {
		case nil:
			return "None"
		case string:
			return fmt.Sprintf("%q", c)
		case Ellipsis:
			return "..."
		}
		return fmt.Sprint(v.Value)
	case *Var:
		return v.Kind.String() + ":" + v.Name
	case nil:
		return "_"
	}
	return "?"
}

// String is the IR's text form (printed by `async2go ir`).
func (p *Program) String() string {
	var b strings.Builder
	for _, f := range p.Funcs {
		b.WriteString(f.String())
		b.WriteByte('\n')
	}
	return b.String()
}

func (f *Func) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s %s (line %d, go %s, temps %d, states %d)\n", f.Kind, f.Qualname, f.Line, f.GoName, f.NTemps, f.NStates)
	if len(f.Params.Names) > 0 {
		fmt.Fprintf(&b, "  params %s\n", strings.Join(f.Params.Names, ", "))
	}
	for _, v := range f.Locals {
		fmt.Fprintf(&b, "  var %s %s\n", v.Kind, v.Name)
	}
	for _, v := range f.Frees {
		fmt.Fprintf(&b, "  var free %s\n", v.Name)
	}
	for _, blk := range f.Blocks {
		fmt.Fprintf(&b, "b%d:", blk.ID)
		if blk.State > 0 {
			fmt.Fprintf(&b, " state %d", blk.State)
		}
		if blk.Handler != nil {
			fmt.Fprintf(&b, " handler b%d", blk.Handler.ID)
		}
		b.WriteByte('\n')
		for _, in := range blk.Instrs {
			b.WriteString("    ")
			if in.Dst >= 0 {
				fmt.Fprintf(&b, "%s = ", in.Dst)
			}
			for i, d := range in.Dsts {
				if i > 0 {
					b.WriteString(", ")
				}
				b.WriteString(d.String())
			}
			if len(in.Dsts) > 0 {
				b.WriteString(" = ")
			}
			b.WriteString(in.Op.String())
			if in.Name != "" {
				fmt.Fprintf(&b, " %s", in.Name)
			}
			if in.Var != nil {
				fmt.Fprintf(&b, " %s", operandString(in.Var))
			}
			if in.Func != nil {
				fmt.Fprintf(&b, " <%s>", in.Func.Qualname)
			}
			for i, a := range in.Args {
				star := ""
				if i < len(in.Star) && in.Star[i] {
					star = "*"
				}
				fmt.Fprintf(&b, " %s%s", star, operandString(a))
			}
			if len(in.KwNames) > 0 {
				fmt.Fprintf(&b, " kw=%s", strings.Join(in.KwNames, ","))
			}
			fmt.Fprintf(&b, "  ; line %d\n", in.Line)
		}
		t := blk.Term
		switch t.Kind {
		case Jump:
			fmt.Fprintf(&b, "    jump b%d\n", t.Target.ID)
		case Branch:
			fmt.Fprintf(&b, "    branch %s b%d b%d\n", operandString(t.Value), t.Target.ID, t.Else.ID)
		case Return:
			fmt.Fprintf(&b, "    return %s\n", operandString(t.Value))
		case Raise:
			if t.Reraise {
				fmt.Fprintf(&b, "    reraise %s\n", operandString(t.Value))
			} else {
				fmt.Fprintf(&b, "    raise %s from %s\n", operandString(t.Value), operandString(t.Cause))
			}
		case Await:
			fmt.Fprintf(&b, "    %s = await %s -> b%d\n", t.Dst, operandString(t.Value), t.Target.ID)
		case Yield:
			fmt.Fprintf(&b, "    %s = yield %s -> b%d\n", t.Dst, operandString(t.Value), t.Target.ID)
		case ForNext:
			fmt.Fprintf(&b, "    %s = next %s -> b%d else b%d\n", t.Dst, operandString(t.Value), t.Target.ID, t.Else.ID)
		}
	}
	return b.String()
}

// Validate checks the structural invariants of a program: every block is
// terminated, jump targets and handlers belong to the same function, and
// resume states are numbered 1..NStates without gaps.
func Validate(p *Program) error {
	for _, f := range p.Funcs {
		own := map[*Block]bool{}
		for _, b := range f.Blocks {
			own[b] = true
		}
		states := map[int]bool{}
		for _, b := range f.Blocks {
			if b.Term == nil {
				return fmt.Errorf("%s: b%d has no terminator", f.Qualname, b.ID)
			}
			for _, tgt := range []*Block{b.Term.Target, b.Term.Else, b.Handler} {
				if tgt != nil && !own[tgt] {
					return fmt.Errorf("%s: b%d refers to a block of another function", f.Qualname, b.ID)
				}
			}
			switch b.Term.Kind {
			case Jump, Await, Yield:
				if b.Term.Target == nil {
					return fmt.Errorf("%s: b%d: %v without target", f.Qualname, b.ID, b.Term.Kind)
				}
			case Branch, ForNext:
				if b.Term.Target == nil || b.Term.Else == nil {
					return fmt.Errorf("%s: b%d: branch without both targets", f.Qualname, b.ID)
				}
			}
			if (b.Term.Kind == Await || b.Term.Kind == Yield) && !f.Kind.IsStateMachine() {
				return fmt.Errorf("%s: suspension outside a coroutine or generator", f.Qualname)
			}
			if b.State > 0 {
				if states[b.State] {
					return fmt.Errorf("%s: state %d used twice", f.Qualname, b.State)
				}
				states[b.State] = true
			}
		}
		for s := 1; s <= f.NStates; s++ {
			if !states[s] {
				return fmt.Errorf("%s: state %d missing", f.Qualname, s)
			}
		}
	}
	return nil
}
