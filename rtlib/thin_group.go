package rtlib

import "fmt"

// The exception groups of PEP 654.
var (
	BaseExceptionGroupType = newType("BaseExceptionGroup", BaseExceptionType)
	ExceptionGroupType     = newType("ExceptionGroup", BaseExceptionGroupType, ExceptionType)
)

// NewExceptionGroup is BaseExceptionGroup(msg, excs): an ExceptionGroup
// when every member is an Exception.
func NewExceptionGroup(msg string, excs []*BaseException) *BaseException {
	t := ExceptionGroupType
	items := make([]Object, len(excs))
	for i, e := range excs {
		items[i] = e
		if !e.Class.IsSubtype(ExceptionType) {
			t = BaseExceptionGroupType
		}
	}
	// The exceptions are kept as the list CPython's derive() and TaskGroup pass.
	return &BaseException{Class: t, Args: NewTuple(Str(msg), NewList(items...)), Attrs: NewDict()}
}

func groupMembers(e *BaseException) []Object {
	if len(e.Args.Items) == 2 {
		switch t := e.Args.Items[1].(type) {
		case *Tuple:
			return t.Items
		case *List:
			return t.Items
		}
	}
	return nil
}

func isGroup(e *BaseException) bool { return e.Class.IsSubtype(BaseExceptionGroupType) }

// ExceptStarSplit is one except* clause: the part of exc matching cls (an
// exception group, or None) and the rest (or None). A naked exception that
// matches is wrapped in a group, as CPython does.
func ExceptStarSplit(exc *BaseException, cls Object) (Object, Object, *BaseException) {
	if !isGroup(exc) {
		ok, err := ExceptionMatches(exc, cls)
		if err != nil {
			return nil, nil, err
		}
		if ok {
			g := NewExceptionGroup("", []*BaseException{exc})
			return g, None, nil
		}
		return None, exc, nil
	}
	var match, rest []*BaseException
	for _, m := range groupMembers(exc) {
		me := m.(*BaseException)
		if isGroup(me) {
			sm, sr, err := ExceptStarSplit(me, cls)
			if err != nil {
				return nil, nil, err
			}
			if sm != None {
				match = append(match, sm.(*BaseException))
			}
			if sr != None {
				rest = append(rest, sr.(*BaseException))
			}
			continue
		}
		ok, err := ExceptionMatches(me, cls)
		if err != nil {
			return nil, nil, err
		}
		if ok {
			match = append(match, me)
		} else {
			rest = append(rest, me)
		}
	}
	msg, _ := exc.Args.Items[0].(Str)
	derive := func(list []*BaseException) Object {
		if len(list) == 0 {
			return None
		}
		g := NewExceptionGroup(string(msg), list)
		g.Cause, g.Context, g.SuppressContext = exc.Cause, exc.Context, exc.SuppressContext
		return g
	}
	if len(rest) == 0 {
		return exc, None, nil
	}
	if len(match) == 0 {
		return None, exc, nil
	}
	return derive(match), derive(rest), nil
}

func init() {
	builtins["ExceptionGroup"] = ExceptionGroupType
	builtins["BaseExceptionGroup"] = BaseExceptionGroupType
	newGroup := func(t *Type, args []Object, kw []KwArg) (Object, *BaseException) {
		if len(args) != 2 {
			return nil, Errorf(TypeErrorType, "BaseExceptionGroup.__new__() takes exactly 2 arguments (%d given)", len(args))
		}
		msg, ok := args[0].(Str)
		if !ok {
			return nil, Errorf(TypeErrorType, "argument 1 must be str, not %s", args[0].Type().Name)
		}
		items, exc := toSlice(args[1])
		if exc != nil {
			return nil, exc
		}
		if len(items) == 0 {
			return nil, Errorf(ValueErrorType, "second argument (exceptions) must be a non-empty sequence")
		}
		var excs []*BaseException
		for _, it := range items {
			e, ok := it.(*BaseException)
			if !ok {
				return nil, Errorf(ValueErrorType, "Item %d of second argument (exceptions) is not an exception", len(excs))
			}
			excs = append(excs, e)
		}
		g := NewExceptionGroup(string(msg), excs)
		if t == ExceptionGroupType && g.Class != ExceptionGroupType {
			return nil, Errorf(TypeErrorType, "Cannot nest BaseExceptions in an ExceptionGroup")
		}
		// args keeps the sequence as given (its repr shows a list or a
		// tuple); .exceptions is a tuple copy of it.
		switch args[1].(type) {
		case *List, *Tuple:
			g.Args = NewTuple(msg, args[1])
		}
		return g, nil
	}
	BaseExceptionGroupType.New = newGroup
	ExceptionGroupType.New = newGroup
	deferMethods(func() {
		BaseExceptionGroupType.Dict.SetStr("__str__", &Method{Name: "__str__", Fn: func(self Object, args []Object, kw []KwArg) (Object, *BaseException) {
			e := self.(*BaseException)
			msg, _ := e.Args.Items[0].(Str)
			n := len(groupMembers(e))
			plural := "s"
			if n == 1 {
				plural = ""
			}
			return Str(fmt.Sprintf("%s (%d sub-exception%s)", msg, n, plural)), nil
		}})
	})
}

// groupAttr serves the attributes of exception groups.
func groupAttr(e *BaseException, name string) (Object, bool) {
	if !isGroup(e) {
		return nil, false
	}
	switch name {
	case "exceptions":
		return NewTuple(groupMembers(e)...), true
	case "message":
		return e.Args.Items[0], true
	}
	return nil, false
}

// ExceptStar is one except* clause for generated code: the tuple (match, rest).
func ExceptStar(exc, cls Object) (Object, *BaseException) {
	if c, ok := cls.(*Type); ok && c.IsSubtype(BaseExceptionGroupType) {
		return nil, Errorf(TypeErrorType, "catching ExceptionGroup with except* is not allowed. Use except instead.")
	}
	if exc == None {
		// The clauses before took all of it (CHECK_EG_MATCH on None):
		// nothing matches, nothing is left; the type is still checked.
		if _, err := ExceptionMatches(NewException(ExceptionType), cls); err != nil {
			return nil, err
		}
		return NewTuple(None, None), nil
	}
	e, ok := exc.(*BaseException)
	if !ok {
		return nil, Errorf(TypeErrorType, "except* on a non-exception")
	}
	m, r, err := ExceptStarSplit(e, cls)
	if err != nil {
		return nil, err
	}
	return NewTuple(m, r), nil
}

// MatchSequence is the test of a sequence pattern with n items (star: one
// of them is *rest): list, tuple and other sequences, but not str, bytes
// or dicts.
func MatchSequence(v, n, star Object) (Object, *BaseException) {
	var l int
	switch x := v.(type) {
	case *List:
		l = len(x.Items)
	case *Tuple:
		l = len(x.Items)
	case *rangeObj:
		l = int(x.length())
	case *bigRange:
		if !x.length.IsInt64() {
			return Bool(star == Bool(true)), nil
		}
		l = int(x.length.Int64())
	default:
		return Bool(false), nil
	}
	want := int(n.(Int))
	if star == Bool(true) {
		return Bool(l >= want-1), nil
	}
	return Bool(l == want), nil
}

// MatchMapping is the test of a mapping pattern: the values of keys as a
// tuple, or None when v is not a mapping or lacks a key.
func MatchMapping(v, keys Object) (Object, *BaseException) {
	d, ok := v.(*Dict)
	if !ok {
		return None, nil
	}
	var vals []Object
	for _, k := range keys.(*Tuple).Items {
		x, found, exc := d.GetItem(k)
		if exc != nil {
			return nil, exc
		}
		if !found {
			return None, nil
		}
		vals = append(vals, x)
	}
	return NewTuple(vals...), nil
}

// MatchMappingRest is the **rest of a mapping pattern.
func MatchMappingRest(v, keys Object) (Object, *BaseException) {
	out := NewDict()
	skip := keys.(*Tuple).Items
	var exc *BaseException
	v.(*Dict).Items(func(k, x Object) {
		for _, s := range skip {
			if eq, _ := equal(k, s); eq {
				return
			}
		}
		if exc == nil {
			exc = out.SetItem(k, x)
		}
	})
	return out, exc
}

// selfMatching are the builtin types whose one positional sub-pattern
// matches the subject itself (float(x), str(s), …).
var selfMatching = map[*Type]bool{}

func init() {
	for _, t := range []*Type{BoolType, IntType, FloatType, StrType, ListType, TupleType, DictType, SetType} {
		selfMatching[t] = true
	}
}

// MatchClass is the test of a class pattern: isinstance, then the values
// matched by npos positional and the named sub-patterns (a tuple), or None.
func MatchClass(v, cls, npos, names Object) (Object, *BaseException) {
	t, ok := cls.(*Type)
	if !ok {
		return nil, Errorf(TypeErrorType, "called match pattern must be a class")
	}
	if !isInstance(v, t) {
		return None, nil
	}
	n := int(npos.(Int))
	var vals []Object
	if n > 0 {
		if selfMatching[t] {
			if n > 1 {
				return nil, Errorf(TypeErrorType, "%s() accepts 1 positional sub-pattern (%d given)", t.Name, n)
			}
			vals = append(vals, v)
		} else {
			ma, found := t.lookup("__match_args__")
			if !found {
				return nil, Errorf(TypeErrorType, "%s() accepts 0 positional sub-patterns (%d given)", t.Name, n)
			}
			items, exc := toSlice(ma)
			if exc != nil {
				return nil, exc
			}
			if n > len(items) {
				return nil, Errorf(TypeErrorType, "%s() accepts %d positional sub-patterns (%d given)", t.Name, len(items), n)
			}
			for _, name := range items[:n] {
				x, exc := GetAttr(v, string(name.(Str)))
				if exc != nil {
					if exc.Class.IsSubtype(AttributeErrorType) {
						return None, nil
					}
					return nil, exc
				}
				vals = append(vals, x)
			}
		}
	}
	for _, name := range names.(*Tuple).Items {
		x, exc := GetAttr(v, string(name.(Str)))
		if exc != nil {
			if exc.Class.IsSubtype(AttributeErrorType) {
				return None, nil
			}
			return nil, exc
		}
		vals = append(vals, x)
	}
	return NewTuple(vals...), nil
}

// groupCondition is the condition of split() and subgroup(): an exception
// type, a tuple of them, or a predicate.
func groupCondition(cond Object) func(e *BaseException) (bool, *BaseException) {
	switch cond.(type) {
	case *Type, *Tuple:
		return func(e *BaseException) (bool, *BaseException) { return ExceptionMatches(e, cond) }
	}
	return func(e *BaseException) (bool, *BaseException) {
		r, exc := Call(cond, []Object{e}, nil)
		if exc != nil {
			return false, exc
		}
		return Truth(r)
	}
}

// splitGroup is BaseExceptionGroup.split: (match, rest), each a group with
// the original's message, cause, context and traceback, or None.
func splitGroup(exc *BaseException, match func(*BaseException) (bool, *BaseException)) (Object, Object, *BaseException) {
	ok, err := match(exc)
	if err != nil {
		return nil, nil, err
	}
	if ok {
		return exc, None, nil
	}
	if !isGroup(exc) {
		return None, exc, nil
	}
	var ms, rs []*BaseException
	for _, m := range groupMembers(exc) {
		sm, sr, err := splitGroup(m.(*BaseException), match)
		if err != nil {
			return nil, nil, err
		}
		if sm != None {
			ms = append(ms, sm.(*BaseException))
		}
		if sr != None {
			rs = append(rs, sr.(*BaseException))
		}
	}
	msg, _ := exc.Args.Items[0].(Str)
	derive := func(list []*BaseException) Object {
		if len(list) == 0 {
			return None
		}
		g := NewExceptionGroup(string(msg), list)
		g.Cause, g.Context, g.SuppressContext = exc.Cause, exc.Context, exc.SuppressContext
		return g
	}
	return derive(ms), derive(rs), nil
}

func init() { deferMethods(installGroupMethods) }

// installGroupMethods defines split, subgroup and derive of exception groups
// (made on first use: lazydict.go).
func installGroupMethods() {
	defMethod(BaseExceptionGroupType, "split", func(self Object, args []Object, kw []KwArg) (Object, *BaseException) {
		if exc := argCount("split", args, 1, 1); exc != nil {
			return nil, exc
		}
		m, r, err := splitGroup(self.(*BaseException), groupCondition(args[0]))
		if err != nil {
			return nil, err
		}
		return NewTuple(m, r), nil
	})
	defMethod(BaseExceptionGroupType, "subgroup", func(self Object, args []Object, kw []KwArg) (Object, *BaseException) {
		if exc := argCount("subgroup", args, 1, 1); exc != nil {
			return nil, exc
		}
		m, _, err := splitGroup(self.(*BaseException), groupCondition(args[0]))
		return m, err
	})
	defMethod(BaseExceptionGroupType, "derive", func(self Object, args []Object, kw []KwArg) (Object, *BaseException) {
		if exc := argCount("derive", args, 1, 1); exc != nil {
			return nil, exc
		}
		e := self.(*BaseException)
		return Call(e.Class, []Object{e.Args.Items[0], args[0]}, nil)
	})
}
