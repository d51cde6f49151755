package rtlib

import (
	"fmt"
	"math"
	"strings"
)

// The argument checks of the builtins. Every builtin declares, in an
// ArgSpec, how many positional arguments it takes and which keywords, and
// which of CPython's argument parsers it imitates: each words its errors its
// own way, and a translated program must print CPython's words. defBuiltin
// wraps the body in the check, so that a body may index args up to the
// declared minimum and look keywords up by name without checking again; the
// types' New functions call check themselves. A call with an acceptable
// count and no keywords costs two compares.

// argStyle is the CPython argument parser whose messages a builtin gives.
type argStyle uint8

const (
	// argsO is METH_O (len, abs, repr, …): no keywords, exactly one
	// argument: "len() takes exactly one argument (2 given)".
	argsO argStyle = iota
	// argsUnpack is PyArg_UnpackTuple / _PyArg_CheckPositional (divmod,
	// getattr, sorted, min, the types): "divmod expected 2 arguments, got
	// 1", "min expected at least 1 argument, got 0". Keywords, if any are
	// taken, are keyword-only (kwOnly) and checked after the count.
	argsUnpack
	// argsClinic is Argument Clinic's keyword parser, _PyArg_UnpackKeywords
	// (sum, round, pow, int, str): "sum() takes at most 2 arguments (3
	// given)", "round() missing required argument 'number' (pos 1)".
	argsClinic
	// argsNoArgs is METH_NOARGS (list.copy, str.upper): "list.copy() takes
	// no arguments (1 given)".
	argsNoArgs
	// argsTuple is the old PyArg_ParseTuple (str.count, str.find):
	// "count() takes at least 1 argument (0 given)", "count() takes no
	// keyword arguments".
	argsTuple
	// argsPython is a function written in Python (random.choice, typing.cast):
	// "cast() missing 1 required positional argument: 'val'", "cast() takes
	// 2 positional arguments but 3 were given", "cast() got an unexpected
	// keyword argument 'x'". params are its parameters, min of them required.
	argsPython
	// argsSlot is a slot wrapper called as a method (deque.__len__):
	// "expected 0 arguments, got 1", "wrapper __len__() takes no keyword
	// arguments".
	argsSlot
)

// manyArgs is the max of a builtin that takes any number of positional
// arguments.
const manyArgs = math.MaxInt32

// ArgSpec is how a Go function called from Python checks its arguments,
// in the words of the CPython parser it imitates. Modules make theirs with
// ArgsNone, ArgsOne, ArgsPositional, ArgsClinic, ArgsPython and ArgsSlot,
// and give them to their functions with ApplyArgs, to their types'
// methods with ApplyMethodArgs, or call Check themselves (a type's New, an
// Await form).
type ArgSpec struct {
	name  string
	style argStyle
	// min and max bound the positional arguments (max manyArgs: no bound).
	min, max int
	// posOnly is how many of the leading parameters cannot be given by
	// keyword, and params the names of the others, in order (argsClinic).
	posOnly int
	params  []string
	// kwOnly are the keyword-only parameters (argsUnpack: min's key and
	// default, sorted's key and reverse, zip's strict).
	kwOnly []string
	// kwFunc is the function the keyword errors name when it is not name
	// (sorted's keywords are list.sort's; a method's "takes no keyword
	// arguments" names it as str.center while its count errors say
	// "center").
	kwFunc string
	// anyKw: any keyword is accepted, or the body checks them (dict, print).
	anyKw bool
	// self is 1 for a Python method called bound (argsPython): CPython
	// counts the instance among the positional arguments.
	self int
	// fewMsg replaces the message for too few positional arguments (map's
	// "map() must have at least two arguments.").
	fewMsg string
	// pyPosOnly is how many of a Python function's params are
	// positional-only (argsPython: "def cache(user_function, /)").
	pyPosOnly int
}

// oneArg is the spec of a METH_O builtin.
func oneArg(name string) *ArgSpec { return &ArgSpec{name: name, style: argsO, min: 1, max: 1} }

// positional is the spec of a builtin parsed by PyArg_UnpackTuple.
func positional(name string, min, max int, kwOnly ...string) *ArgSpec {
	return &ArgSpec{name: name, style: argsUnpack, min: min, max: max, kwOnly: kwOnly}
}

// clinic is the spec of a builtin parsed by Argument Clinic: posOnly
// positional-only parameters, then params (which may be given by keyword);
// min of all of them are required.
func clinic(name string, posOnly, min int, params ...string) *ArgSpec {
	return &ArgSpec{name: name, style: argsClinic, min: min, max: posOnly + len(params), posOnly: posOnly, params: params}
}

// clinicKwOnly is clinic where only the first maxPos parameters may be
// given by position (list.sort: none).
func clinicKwOnly(name string, min, maxPos int, params ...string) *ArgSpec {
	return &ArgSpec{name: name, style: argsClinic, min: min, max: maxPos, params: params}
}

// check returns the TypeError CPython raises for a call of the builtin
// with args and kw, or nil. It is over the inlining budget (it calls
// fail): hot paths test Fits first (Builtin.call writes the same test
// out).
func (s *ArgSpec) check(args []Object, kw []KwArg) *BaseException {
	if s.Fits(args, kw) {
		return nil
	}
	return s.fail(args, kw)
}

// Fits reports whether a call with args and kw surely passes the spec: no
// keywords, and a count of positional arguments in range. It inlines
// (check does not: it calls fail), so a hot path tests it first and calls
// Check only when it says no.
func (s *ArgSpec) Fits(args []Object, kw []KwArg) bool {
	return len(kw) == 0 && uint(len(args)-s.min) <= uint(s.max-s.min)
}

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}

func (s *ArgSpec) fail(args []Object, kw []KwArg) *BaseException {
	nargs := len(args)
	fname := s.name
	if s.kwFunc != "" {
		fname = s.kwFunc
	}
	switch s.style {
	case argsSlot:
		if len(kw) > 0 {
			return Errorf(TypeErrorType, "wrapper %s() takes no keyword arguments", s.name)
		}
		return Errorf(TypeErrorType, "expected %d argument%s, got %d", s.min, plural(s.min), nargs)
	case argsNoArgs:
		if s.anyKw { // an Argument Clinic METH_METHOD function of no parameters
			if nargs == 0 {
				return nil
			}
			return Errorf(TypeErrorType, "%s() takes no arguments", s.name)
		}
		if len(kw) > 0 {
			return Errorf(TypeErrorType, "%s() takes no keyword arguments", s.name)
		}
		return Errorf(TypeErrorType, "%s() takes no arguments (%d given)", s.name, nargs)
	case argsTuple:
		if len(kw) > 0 {
			return Errorf(TypeErrorType, "%s() takes no keyword arguments", fname)
		}
		switch {
		case s.min == s.max:
			return Errorf(TypeErrorType, "%s() takes exactly %d argument%s (%d given)", s.name, s.min, plural(s.min), nargs)
		case nargs < s.min:
			return Errorf(TypeErrorType, "%s() takes at least %d argument%s (%d given)", s.name, s.min, plural(s.min), nargs)
		}
		return Errorf(TypeErrorType, "%s() takes at most %d argument%s (%d given)", s.name, s.max, plural(s.max), nargs)
	case argsO:
		if len(kw) > 0 {
			return Errorf(TypeErrorType, "%s() takes no keyword arguments", s.name)
		}
		return Errorf(TypeErrorType, "%s() takes exactly one argument (%d given)", s.name, nargs)
	case argsUnpack:
		if len(kw) > 0 && !s.anyKw && len(s.kwOnly) == 0 {
			return Errorf(TypeErrorType, "%s() takes no keyword arguments", fname)
		}
		if nargs < s.min {
			if s.fewMsg != "" {
				return Errorf(TypeErrorType, "%s", s.fewMsg)
			}
			least := "at least "
			if s.min == s.max {
				least = ""
			}
			return Errorf(TypeErrorType, "%s expected %s%d argument%s, got %d", s.name, least, s.min, plural(s.min), nargs)
		}
		if nargs > s.max {
			most := "at most "
			if s.min == s.max {
				most = ""
			}
			return Errorf(TypeErrorType, "%s expected %s%d argument%s, got %d", s.name, most, s.max, plural(s.max), nargs)
		}
		if len(kw) == 0 || s.anyKw {
			return nil
		}
		if len(kw) > len(s.kwOnly) {
			return Errorf(TypeErrorType, "%s() takes at most %d keyword argument%s (%d given)", fname, len(s.kwOnly), plural(len(s.kwOnly)), len(kw))
		}
		for _, k := range kw {
			if !hasName(s.kwOnly, k.Name) {
				return Errorf(TypeErrorType, "'%s' is an invalid keyword argument for %s()", k.Name, fname)
			}
		}
		return nil
	}
	if s.style == argsPython {
		return s.failPython(args, kw)
	}
	// argsClinic: _PyArg_UnpackKeywords, step by step.
	maxArgs := s.posOnly + len(s.params)
	if total := nargs + len(kw); total > maxArgs {
		kwd := ""
		if nargs == 0 {
			kwd = "keyword "
		}
		return Errorf(TypeErrorType, "%s() takes at most %d %sargument%s (%d given)", s.name, maxArgs, kwd, plural(maxArgs), total)
	}
	if nargs > s.max {
		if s.max == 0 {
			return Errorf(TypeErrorType, "%s() takes no positional arguments", s.name)
		}
		most := "at most"
		if s.min == s.max {
			most = "exactly"
		}
		return Errorf(TypeErrorType, "%s() takes %s %d positional argument%s (%d given)", s.name, most, s.max, plural(s.max), nargs)
	}
	if minPosOnly := min(s.posOnly, s.min); nargs < minPosOnly {
		least := "exactly"
		if minPosOnly < s.max {
			least = "at least"
		}
		return Errorf(TypeErrorType, "%s() takes %s %d positional argument%s (%d given)", s.name, least, minPosOnly, plural(minPosOnly), nargs)
	}
	left := len(kw)
	for i := max(nargs, s.posOnly); i < maxArgs; i++ {
		name := s.params[i-s.posOnly]
		if _, ok := kwarg(kw, name); ok {
			left--
		} else if i < s.min {
			return Errorf(TypeErrorType, "%s() missing required argument '%s' (pos %d)", s.name, name, i+1)
		}
	}
	if left > 0 {
		for i := s.posOnly; i < nargs; i++ {
			if _, ok := kwarg(kw, s.params[i-s.posOnly]); ok {
				return Errorf(TypeErrorType, "argument for %s() given by name ('%s') and position (%d)", s.name, s.params[i-s.posOnly], i+1)
			}
		}
		for _, k := range kw {
			if !hasName(s.params, k.Name) {
				return Errorf(TypeErrorType, "'%s' is an invalid keyword argument for %s()", k.Name, s.name)
			}
		}
	}
	return nil
}

func hasName(names []string, name string) bool {
	for _, n := range names {
		if n == name {
			return true
		}
	}
	return false
}

// arg is the parameter at position i of a call that s.check accepted:
// args[i], or the keyword argument of that name (argsClinic), or nil when
// it was not given.
func (s *ArgSpec) arg(args []Object, kw []KwArg, i int) Object {
	if i < len(args) {
		return args[i]
	}
	if len(kw) > 0 && i >= s.posOnly && i-s.posOnly < len(s.params) {
		if v, ok := kwarg(kw, s.params[i-s.posOnly]); ok {
			return v
		}
	}
	return nil
}

// builtinArgs are the specs defBuiltin was given, by name.
var builtinArgs = map[string]*ArgSpec{}

// defBuiltin registers the builtin s.name: fn runs only on calls that s
// accepts.
func defBuiltin(s *ArgSpec, fn func(args []Object, kw []KwArg) (Object, *BaseException)) {
	if _, dup := builtins[s.name]; dup {
		panic(fmt.Sprintf("rtlib: builtin %s defined twice", s.name))
	}
	builtinArgs[s.name] = s
	builtins[s.name] = &Builtin{Name: s.name, Fn: func(args []Object, kw []KwArg) (Object, *BaseException) {
		if exc := s.check(args, kw); exc != nil {
			return nil, exc
		}
		return fn(args, kw)
	}, args: s, body: fn}
}

var (
	sumArgs     = clinic("sum", 1, 1, "start")
	roundArgs   = clinic("round", 0, 1, "number", "ndigits")
	powArgs     = clinic("pow", 0, 2, "base", "exp", "mod")
	intArgs     = clinic("int", 1, 0, "base")
	strTypeArgs = clinic("str", 0, 0, "object", "encoding", "errors")
	propArgs    = clinic("property", 0, 0, "fget", "fset", "fdel", "doc")
)

// sumStart is builtin_sum_impl's refusal of a str start, made once the
// iterable's iterator is had.
func sumStart(start Object) *BaseException {
	if _, ok := start.(Str); ok {
		return Errorf(TypeErrorType, "sum() can't sum strings [use ''.join(seq) instead]")
	}
	return nil
}

// enumerateArgs is enum_vectorcall's check of enumerate(iterable,
// start=0); start is nil when not given.
func enumerateArgs(args []Object, kw []KwArg) (iterable, start Object, exc *BaseException) {
	bad := func(name string) *BaseException {
		return Errorf(TypeErrorType, "'%s' is an invalid keyword argument for enumerate()", name)
	}
	n := len(args) + len(kw)
	switch {
	case n == 2:
		switch len(kw) {
		case 0:
			return args[0], args[1], nil
		case 1:
			if kw[0].Name != "start" {
				return nil, nil, bad(kw[0].Name)
			}
			return args[0], kw[0].Value, nil
		}
		if kw[0].Name == "start" {
			if kw[1].Name != "iterable" {
				return nil, nil, bad(kw[1].Name)
			}
			return kw[1].Value, kw[0].Value, nil
		}
		if kw[0].Name != "iterable" {
			return nil, nil, bad(kw[0].Name)
		}
		if kw[1].Name != "start" {
			return nil, nil, bad(kw[1].Name)
		}
		return kw[0].Value, kw[1].Value, nil
	case n == 1:
		if len(kw) == 1 {
			if kw[0].Name != "iterable" {
				return nil, nil, bad(kw[0].Name)
			}
			return kw[0].Value, nil, nil
		}
		return args[0], nil, nil
	case len(args) == 0:
		return nil, nil, Errorf(TypeErrorType, "enumerate() missing required argument 'iterable'")
	}
	return nil, nil, Errorf(TypeErrorType, "enumerate() takes at most 2 arguments (%d given)", n)
}

// attrNameError is getattr's, setattr's and hasattr's TypeError for a
// name that is not a str.
func attrNameError(name Object) *BaseException {
	return Errorf(TypeErrorType, "attribute name must be string, not '%s'", name.Type().Name)
}

var callableIteratorType = newType("callable_iterator", ObjectType)

// callIter is iter(fn, sentinel): fn() until it returns what equals
// sentinel.
func callIter(fn, sentinel Object) (Object, *BaseException) {
	if !isCallable(fn) {
		return nil, Errorf(TypeErrorType, "iter(object, sentinel): object must be callable")
	}
	done := false
	return &funcIter{typ: callableIteratorType, next: func() (Object, bool, *BaseException) {
		if done {
			return nil, false, nil
		}
		v, exc := Call(fn, nil, nil)
		if exc != nil {
			if exc.Class.IsSubtype(StopIterationType) {
				done = true
				return nil, false, nil
			}
			return nil, false, exc
		}
		eq, exc := Eq(sentinel, v)
		if exc != nil {
			return nil, false, exc
		}
		if t, exc := Truth(eq); exc != nil {
			return nil, false, exc
		} else if t {
			done = true
			return nil, false, nil
		}
		return v, true, nil
	}}, nil
}

// The types' constructors: their New functions call check.
var (
	floatArgs        = positional("float", 0, 1)
	boolArgs         = positional("bool", 0, 1)
	listArgs         = positional("list", 0, 1)
	tupleArgs        = positional("tuple", 0, 1)
	dictArgs         = &ArgSpec{name: "dict", style: argsUnpack, max: 1, anyKw: true}
	rangeArgs        = positional("range", 1, 3)
	setTypeArgs      = positional("set", 0, 1)
	sliceArgs        = positional("slice", 1, 3)
	staticMethodArgs = positional("staticmethod", 1, 1)
	classMethodArgs  = positional("classmethod", 1, 1)
)

// positionalize is args with the keyword arguments of a call that s.check
// accepted put in their positions (argsClinic), up to the last one given;
// a parameter left out before it is None.
func (s *ArgSpec) positionalize(args []Object, kw []KwArg) []Object {
	if len(kw) == 0 {
		return args
	}
	n := s.posOnly + len(s.params)
	out := make([]Object, n)
	last := len(args)
	copy(out, args)
	for i := len(args); i < n; i++ {
		if v := s.arg(args, kw, i); v != nil {
			out[i] = v
			last = i + 1
		}
	}
	out = out[:last]
	for i, v := range out {
		if v == nil {
			out[i] = None
		}
	}
	return out
}

// methodKey names a builtin type's method: its type's name and its own.
type methodKey struct{ typ, name string }

// methodArgs are the argument specs of the builtin types' Go methods, by
// type and method name: defMethod wraps the method in its check. (Keys of
// two strings, not "str.center": every program builds the map and looks
// up each method it defines, and the concatenations were a tenth of a
// hello's instructions at start-up.)
var methodArgs map[methodKey]*ArgSpec

// methodArgSpec is the argument spec of the Go method typ.name, or nil.
// The specs are made on the first call (by the filler of the builtin
// types' methods, lazydict.go).
func methodArgSpec(typ, name string) *ArgSpec {
	if methodArgs == nil {
		methodArgs = makeMethodArgs()
	}
	return methodArgs[methodKey{typ, name}]
}

func makeMethodArgs() map[methodKey]*ArgSpec {
	m := make(map[methodKey]*ArgSpec, 160)
	noArgs := func(t string, names ...string) {
		for _, n := range names {
			m[methodKey{t, n}] = &ArgSpec{name: t + "." + n, style: argsNoArgs}
		}
	}
	one := func(t string, names ...string) {
		for _, n := range names {
			m[methodKey{t, n}] = oneArg(t + "." + n)
		}
	}
	// unpack is PyArg_UnpackTuple: "center expected at least 1 argument,
	// got 0", but "str.center() takes no keyword arguments".
	unpack := func(t, n string, min, max int) {
		m[methodKey{t, n}] = &ArgSpec{name: n, style: argsUnpack, min: min, max: max, kwFunc: t + "." + n}
	}
	// tuple is PyArg_ParseTuple in a METH_VARARGS method: "count() takes
	// at least 1 argument (0 given)", and for keywords "str.count() takes no
	// keyword arguments" (called as s.count(…); CPython says "count()" when
	// the bound method object is called instead, which this runtime does
	// not tell apart).
	tuple := func(t, n string, min, max int) {
		m[methodKey{t, n}] = &ArgSpec{name: n, style: argsTuple, min: min, max: max, kwFunc: t + "." + n}
	}
	varargs := func(t, n string) {
		m[methodKey{t, n}] = &ArgSpec{name: n, style: argsUnpack, max: manyArgs, kwFunc: t + "." + n}
	}
	noArgs("str", "capitalize", "casefold", "isalnum", "isalpha", "isascii", "isdecimal", "isdigit", "isidentifier",
		"islower", "isnumeric", "isprintable", "isspace", "istitle", "isupper", "lower", "swapcase", "title", "upper")
	one("str", "join", "partition", "rpartition", "removeprefix", "removesuffix", "zfill")
	for _, n := range []string{"center", "ljust", "rjust"} {
		unpack("str", n, 1, 2)
	}
	for _, n := range []string{"strip", "lstrip", "rstrip"} {
		unpack("str", n, 0, 1)
	}
	unpack("str", "replace", 2, 3)
	for _, n := range []string{"count", "find", "rfind", "index", "rindex", "startswith", "endswith"} {
		tuple("str", n, 1, 3)
	}
	m[methodKey{"str", "split"}] = clinic("split", 0, 0, "sep", "maxsplit")
	m[methodKey{"str", "rsplit"}] = clinic("rsplit", 0, 0, "sep", "maxsplit")
	m[methodKey{"str", "splitlines"}] = clinic("splitlines", 0, 0, "keepends")
	m[methodKey{"str", "expandtabs"}] = clinic("expandtabs", 0, 0, "tabsize")
	m[methodKey{"str", "format"}] = &ArgSpec{name: "format", style: argsUnpack, max: manyArgs, anyKw: true}

	// Generators and coroutines (genobject.c): send is METH_O, throw
	// PyArg_UnpackTuple-like with 1 to 3 arguments. async_generator.athrow
	// checks its count only when awaited in CPython; here at the call.
	for _, t := range []string{"generator", "coroutine"} {
		one(t, "send")
		noArgs(t, "close")
		unpack(t, "throw", 1, 3)
	}
	one("async_generator", "asend")
	noArgs("async_generator", "aclose")
	m[methodKey{"async_generator", "athrow"}] = &ArgSpec{name: "athrow", style: argsUnpack, min: 1, max: 3, kwFunc: "async_generator.athrow"}

	noArgs("list", "clear", "copy", "reverse")
	one("list", "append", "count", "extend", "remove")
	unpack("list", "index", 1, 3)
	unpack("list", "insert", 2, 2)
	unpack("list", "pop", 0, 1)
	m[methodKey{"list", "sort"}] = clinicKwOnly("sort", 0, 0, "key", "reverse")

	one("tuple", "count")
	unpack("tuple", "index", 1, 3)

	noArgs("dict", "clear", "copy", "items", "keys", "values", "popitem")
	unpack("dict", "get", 1, 2)
	unpack("dict", "pop", 1, 2)
	unpack("dict", "setdefault", 1, 2)
	m[methodKey{"dict", "update"}] = &ArgSpec{name: "update", style: argsUnpack, max: 1, anyKw: true}
	one("dict_keys", "isdisjoint")
	one("dict_items", "isdisjoint")

	for _, t := range []string{"set", "frozenset"} {
		noArgs(t, "copy")
		one(t, "isdisjoint", "issubset", "issuperset", "symmetric_difference")
		for _, n := range []string{"union", "intersection", "difference"} {
			varargs(t, n)
		}
	}
	noArgs("set", "clear", "pop")
	one("set", "add", "discard", "remove", "symmetric_difference_update")
	for _, n := range []string{"update", "intersection_update", "difference_update"} {
		varargs("set", n)
	}

	noArgs("int", "bit_count", "bit_length", "is_integer")
	noArgs("float", "is_integer")
	one("property", "getter", "setter", "deleter")
	return m
}

// failPython is the check of a call of a Python function (ceval.c's
// initialize_locals): keywords first, then too many positional arguments,
// then missing ones. A function with *args has max manyArgs, one with
// **kwargs anyKw.
func (s *ArgSpec) failPython(args []Object, kw []KwArg) *BaseException {
	for _, k := range kw {
		i := indexOf(s.params, k.Name)
		if i < s.pyPosOnly {
			i = -1
		}
		if i < 0 && !hasName(s.kwOnly, k.Name) {
			if s.anyKw {
				continue
			}
			if exc := s.posOnlyByName(kw); exc != nil {
				return exc
			}
			return Errorf(TypeErrorType, "%s() got an unexpected keyword argument '%s'", s.name, k.Name)
		}
		if i >= 0 && i < len(args) {
			return Errorf(TypeErrorType, "%s() got multiple values for argument '%s'", s.name, k.Name)
		}
	}
	if len(args) > s.max {
		n, lo, hi := len(args)+s.self, s.min+s.self, s.max+s.self
		given := "were"
		if n == 1 {
			given = "was"
		}
		takes := fmt.Sprintf("%d positional argument%s", hi, plural(hi))
		if lo < hi {
			takes = fmt.Sprintf("from %d to %d positional arguments", lo, hi)
		}
		kwGiven := 0
		for _, k := range kw {
			if hasName(s.kwOnly, k.Name) {
				kwGiven++
			}
		}
		if kwGiven > 0 {
			return Errorf(TypeErrorType, "%s() takes %s but %d positional argument%s (and %d keyword-only argument%s) were given",
				s.name, takes, n, plural(n), kwGiven, plural(kwGiven))
		}
		return Errorf(TypeErrorType, "%s() takes %s but %d %s given", s.name, takes, n, given)
	}
	var missing []string
	for i := len(args); i < s.min; i++ {
		if _, ok := kwarg(kw, s.params[i]); !ok || i < s.pyPosOnly {
			missing = append(missing, "'"+s.params[i]+"'")
		}
	}
	if len(missing) == 0 {
		return nil
	}
	return missingError(s.name, "positional", missing)
}

// posOnlyByName is CPython's error for a call of a Python function without
// **kwargs that gives positional-only parameters by keyword, or nil.
func (s *ArgSpec) posOnlyByName(kw []KwArg) *BaseException {
	var names []string
	for _, p := range s.params[:s.pyPosOnly] {
		if _, ok := kwarg(kw, p); ok {
			names = append(names, p)
		}
	}
	if len(names) == 0 {
		return nil
	}
	return Errorf(TypeErrorType, "%s() got some positional-only arguments passed as keyword arguments: '%s'", s.name, strings.Join(names, ", "))
}

// ArgsOne is the spec of a function of exactly one argument and no
// keywords (METH_O): "math.ceil() takes exactly one argument (0 given)".
// name is as CPython prints it, with its module or class if it has one.
func ArgsOne(name string) *ArgSpec { return oneArg(name) }

// ArgsSlot is the spec of a slot wrapper of n arguments called as a
// method, name its dunder: "expected 1 argument, got 0".
func ArgsSlot(name string, n int) *ArgSpec {
	return &ArgSpec{name: name, style: argsSlot, min: n, max: n}
}

// ArgsNone is the spec of a function of no arguments (METH_NOARGS).
func ArgsNone(name string) *ArgSpec { return &ArgSpec{name: name, style: argsNoArgs} }

// ArgsPositional is the spec of a function of min to max positional
// arguments and no keywords (PyArg_UnpackTuple; max may be -1: any
// number): "comb expected 2 arguments, got 1", and kwName for "math.comb()
// takes no keyword arguments" ("" for name).
func ArgsPositional(name, kwName string, min, max int) *ArgSpec {
	if max < 0 {
		max = manyArgs
	}
	return &ArgSpec{name: name, style: argsUnpack, min: min, max: max, kwFunc: kwName}
}

// ArgsClinic is the spec of an Argument Clinic function: posOnly
// positional-only parameters, then params, of which the first maxPos-posOnly
// may be given by position and the rest only by keyword; the first min are
// required. "combinations() missing required argument 'r' (pos 2)".
func ArgsClinic(name string, posOnly, min, maxPos int, params ...string) *ArgSpec {
	return &ArgSpec{name: name, style: argsClinic, min: min, max: maxPos, posOnly: posOnly, params: params}
}

// ArgsPython is the spec of a function written in Python in CPython's
// library, with params of which the first required have no default.
func ArgsPython(name string, required int, params ...string) *ArgSpec {
	return &ArgSpec{name: name, style: argsPython, min: required, max: len(params), params: params}
}

// Method marks a Python-style spec as a method's, called bound: CPython
// counts the instance in its "takes 2 positional arguments but 3 were
// given".
func (s *ArgSpec) Method() *ArgSpec { s.self = 1; return s }

// KwOnly adds keyword-only parameters to a Python-style spec.
func (s *ArgSpec) KwOnly(names ...string) *ArgSpec { s.kwOnly = names; return s }

// PosOnly makes the first n parameters of a Python-style spec
// positional-only (def f(a, /)): "f() got some positional-only arguments
// passed as keyword arguments: 'a'".
func (s *ArgSpec) PosOnly(n int) *ArgSpec { s.pyPosOnly = n; return s }

// VarArgs lets a Python-style spec take any number of positional
// arguments (def f(*args)).
func (s *ArgSpec) VarArgs() *ArgSpec { s.max = manyArgs; return s }

// AnyKw lets a spec take any keyword argument, left to the function to
// read: a Python function's **kwargs, or a C function that parses its
// keywords itself (functools.partial). On ArgsNone it is Argument Clinic's
// METH_METHOD function of no parameters (Future.exception), which ignores
// keywords and says "exception() takes no arguments" for positional ones.
func (s *ArgSpec) AnyKw() *ArgSpec { s.anyKw = true; return s }

// FewMessage sets the message of a positional-style spec (ArgsPositional)
// for too few positional arguments, where the C function words its own
// ("methodcaller needs at least one argument, the method name").
func (s *ArgSpec) FewMessage(msg string) *ArgSpec { s.fewMsg = msg; return s }

// Positional is a call that Check accepted with its keyword arguments for
// parameters that may be given by position (the first max) moved into args, up to the last
// one given (those must all be given: a parameter skipped before it would be
// nil); rest are the other keyword arguments.
func (s *ArgSpec) Positional(args []Object, kw []KwArg) (pos []Object, rest []KwArg) {
	if len(kw) == 0 {
		return args, nil
	}
	pos = append([]Object(nil), args...)
	for i := len(args); i < s.max; i++ {
		j := i - s.posOnly
		if j < s.pyPosOnly || j >= len(s.params) {
			break
		}
		v, ok := kwarg(kw, s.params[j])
		if !ok {
			break
		}
		pos = append(pos, v)
	}
	for _, k := range kw {
		if i := indexOf(s.params, k.Name); i < 0 || i < s.pyPosOnly || i+s.posOnly >= len(pos) {
			rest = append(rest, k)
		}
	}
	return pos, rest
}

func indexOf(names []string, name string) int {
	for i, n := range names {
		if n == name {
			return i
		}
	}
	return -1
}

// ApplyArgs wraps each builtin function of a module's dict named in specs
// in its spec's check; the function gets the parameters that may be given by
// position in args (Positional). Only calls through Fn are checked: a
// builtin's Await and Start forms must check their arguments themselves
// (their common calls before any Check), and a one-argument form (Fn1,
// StartFloat) is only for a spec that takes one positional argument.
func ApplyArgs(d *Dict, specs map[string]*ArgSpec) {
	for name, s := range specs {
		v, ok := d.GetStr(name)
		b, isB := v.(*Builtin)
		if !ok || !isB {
			panic("rtlib: ApplyArgs: no builtin " + name)
		}
		if (b.Fn1 != nil || b.StartFloat != nil) && s.check([]Object{None}, nil) != nil {
			panic("rtlib: ApplyArgs: " + name + " has a one-argument form but does not take one argument")
		}
		fn := b.Fn
		b.args, b.body, b.positional = s, fn, true
		b.Fn = func(args []Object, kw []KwArg) (Object, *BaseException) {
			if exc := s.check(args, kw); exc != nil {
				return nil, exc
			}
			args, kw = s.Positional(args, kw)
			return fn(args, kw)
		}
	}
}

// ApplyMethodArgs wraps each Go method of t named in specs in its spec's
// check, as ApplyArgs does a module's functions: the method gets the
// parameters that may be given by position in args. Only calls through Fn
// are checked: a method's Await and Start forms must check their arguments
// themselves.
func ApplyMethodArgs(t *Type, specs map[string]*ArgSpec) {
	for name, s := range specs {
		v, _ := t.Dict.GetStr(name)
		m, ok := v.(*Method)
		if !ok {
			panic("rtlib: ApplyMethodArgs: no method " + t.Name + "." + name)
		}
		fn := m.Fn
		m.args, m.body, m.positional = s, fn, true
		m.Fn = func(self Object, args []Object, kw []KwArg) (Object, *BaseException) {
			if exc := s.check(args, kw); exc != nil {
				return nil, exc
			}
			args, kw = s.Positional(args, kw)
			return fn(self, args, kw)
		}
	}
}

// Spec is the argument spec the method was given (by defMethod or
// ApplyMethodArgs), or nil.
func (m *Method) Spec() *ArgSpec { return m.args }

// Spec is the argument spec the builtin was given (by defBuiltin or
// ApplyArgs), or nil.
func (b *Builtin) Spec() *ArgSpec { return b.args }

// Check returns the TypeError CPython raises for a call with args and kw,
// or nil.
func (s *ArgSpec) Check(args []Object, kw []KwArg) *BaseException { return s.check(args, kw) }

// Arg is parameter i of a call Check accepted: args[i], or the keyword
// argument of that name, or nil when it was not given.
func (s *ArgSpec) Arg(args []Object, kw []KwArg, i int) Object {
	if s.style == argsPython {
		if i < len(args) {
			return args[i]
		}
		if i < len(s.params) {
			v, _ := kwarg(kw, s.params[i])
			return v
		}
		return nil
	}
	return s.arg(args, kw, i)
}

// WithArgs is fn run only on the calls s accepts.
func WithArgs(s *ArgSpec, fn func(args []Object, kw []KwArg) (Object, *BaseException)) func(args []Object, kw []KwArg) (Object, *BaseException) {
	return func(args []Object, kw []KwArg) (Object, *BaseException) {
		if exc := s.check(args, kw); exc != nil {
			return nil, exc
		}
		return fn(args, kw)
	}
}

// indexBounds are the start and stop of list.index(x, start, stop) and
// tuple.index for a sequence of n items, as CPython reads them
// (_PyEval_SliceIndexNotNone, then adjusted like a slice's).
func indexBounds(args []Object, n int) (start, stop int, exc *BaseException) {
	start, stop = 0, n
	for i, p := range []*int{&start, &stop} {
		if len(args) <= i+1 {
			break
		}
		v := args[i+1]
		var x int
		switch t := v.(type) {
		case Int, Bool:
			x64, _ := asInt(t)
			x = int(x64)
		case *BigInt:
			x = math.MaxInt
			if t.V.Sign() < 0 {
				x = math.MinInt
			}
		default:
			if _, ok := v.Type().lookup("__index__"); !ok {
				return 0, 0, Errorf(TypeErrorType, "slice indices must be integers or have an __index__ method")
			}
			r, exc := CallMethod(v, "__index__", nil, nil)
			if exc != nil {
				return 0, 0, exc
			}
			x64, _ := asInt(r)
			x = int(x64)
		}
		if x < 0 {
			x += n
			if x < 0 {
				x = 0
			}
		}
		*p = x
	}
	return start, stop, nil
}

// indexArg is an argument that CPython reads as a Py_ssize_t (str.zfill's
// width, list.insert's index).
func indexArg(v Object) (int64, *BaseException) {
	switch t := v.(type) {
	case Int, Bool:
		n, _ := asInt(t)
		return n, nil
	case *BigInt:
		return 0, Errorf(OverflowErrorType, "Python int too large to convert to C ssize_t")
	}
	if _, ok := v.Type().lookup("__index__"); ok {
		r, exc := CallMethod(v, "__index__", nil, nil)
		if exc != nil {
			return 0, exc
		}
		return indexArg(r)
	}
	return 0, Errorf(TypeErrorType, "'%s' object cannot be interpreted as an integer", v.Type().Name)
}

// isIterable says whether iter(x) would find a way to iterate x.
func isIterable(x Object) bool {
	switch x.(type) {
	case Str, *List, *Tuple, *Dict, *Set, *dictView, *rangeObj, *bigRange, Iterator, *Generator:
		return true
	}
	if _, ok := x.Type().lookup("__iter__"); ok {
		return true
	}
	_, ok := x.Type().lookup("__getitem__")
	return ok
}
