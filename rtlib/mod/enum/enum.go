// Package enum is Python's enum module for translated programs: Enum,
// IntEnum, StrEnum, auto and unique. EnumType, the metaclass, is an
// rt.Meta: a class derived from Enum turns its plain class attributes into
// members when it is created, and the class itself iterates, measures,
// looks members up by value (Color(1)) and by name (Color['RED']).
package enum

import (
	"strings"

	rt "github.com/async2go/async2go/rtlib"
)

// info is the members of one enum class.
type info struct {
	members []*rt.Instance          // canonical members, in definition order
	byName  map[string]*rt.Instance // members and aliases
	names   []string                // member and alias names, in order
}

var (
	classes = map[*rt.Type]*info{}

	EnumType    = rt.NewClass("Enum", "enum")
	ReprEnum    = rt.NewClass("ReprEnum", "enum", EnumType)
	IntEnumType = rt.NewClass("IntEnum", "enum", rt.IntType, ReprEnum)
	StrEnumType = rt.NewClass("StrEnum", "enum", rt.StrType, ReprEnum)
	autoType    = rt.NewClass("auto", "enum")
	autoArgs    = rt.ArgsPython("auto.__init__", 0, "value").Method()
)

func isMember(x rt.Object) (*rt.Instance, bool) {
	inst, ok := x.(*rt.Instance)
	if !ok || !inst.Class.IsSubtype(EnumType) {
		return nil, false
	}
	_, has := inst.Attrs.GetStr("_value_")
	return inst, has
}

func valueOf(x rt.Object) rt.Object {
	if m, ok := isMember(x); ok {
		v, _ := m.Attrs.GetStr("_value_")
		return v
	}
	return x
}

func nameOf(m *rt.Instance) string {
	v, _ := m.Attrs.GetStr("_name_")
	s, _ := v.(rt.Str)
	return string(s)
}

func classInfo(t *rt.Type) *info {
	if i, ok := classes[t]; ok {
		return i
	}
	return &info{byName: map[string]*rt.Instance{}}
}

// isDescriptor is what never becomes a member: functions, methods,
// properties and nested classes.
func isDescriptor(v rt.Object) bool {
	switch v.(type) {
	case *rt.Function, *rt.Builtin, *rt.Method, *rt.Property, *rt.StaticMethod, *rt.ClassMethod, *rt.Type:
		return true
	}
	return false
}

func skipName(cls, name string) bool {
	n := len(name)
	if n > 4 && strings.HasPrefix(name, "__") && strings.HasSuffix(name, "__") {
		return true // dunder
	}
	if n > 2 && name[0] == '_' && name[n-1] == '_' && name[1] != '_' && name[n-2] != '_' {
		return true // sunder
	}
	return strings.HasPrefix(name, "_"+strings.TrimLeft(cls, "_")+"__") // private
}

// nextValue is Enum._generate_next_value_ (StrEnum's lowercases the name).
func nextValue(t *rt.Type, name string, last []rt.Object) (rt.Object, *rt.BaseException) {
	if t.IsSubtype(StrEnumType) {
		return rt.Str(strings.ToLower(name)), nil
	}
	for i := len(last) - 1; i >= 0; i-- {
		if v, exc := rt.Add(last[i], rt.Int(1)); exc == nil {
			return v, nil
		}
	}
	return rt.Int(1), nil
}

func initClass(t *rt.Type) *rt.BaseException {
	for _, b := range t.MRO[1:] {
		if i, ok := classes[b]; ok && len(i.members) > 0 {
			return rt.Errorf(rt.TypeErrorType, "<enum %s> cannot extend <enum %s>", reprStr(t.Name), reprStr(b.Name))
		}
	}
	inf := &info{byName: map[string]*rt.Instance{}}
	classes[t] = inf
	var keys []rt.Str
	var vals []rt.Object
	t.Dict.Items(func(k, v rt.Object) {
		if s, ok := k.(rt.Str); ok {
			keys = append(keys, s)
			vals = append(vals, v)
		}
	})
	var last []rt.Object
	init, hasInit := t.Dict.GetStr("__init__")
	if !hasInit {
		for _, b := range t.MRO[1:] {
			if b == EnumType || b == ReprEnum || b == IntEnumType || b == StrEnumType || b == rt.ObjectType {
				break
			}
			if init, hasInit = b.Dict.GetStr("__init__"); hasInit {
				break
			}
		}
	}
	for i, k := range keys {
		name, v := string(k), vals[i]
		if skipName(t.Name, name) || isDescriptor(v) {
			continue
		}
		if inst, ok := v.(*rt.Instance); ok && inst.Class == autoType {
			if given, ok := inst.Attrs.GetStr("value"); ok { // auto(value)
				v = given
			} else {
				var exc *rt.BaseException
				if v, exc = nextValue(t, name, last); exc != nil {
					return exc
				}
			}
		}
		last = append(last, v)
		if t.IsSubtype(IntEnumType) {
			if _, ok := v.(rt.Int); !ok {
				var exc *rt.BaseException
				if v, exc = rt.Call(rt.IntType, []rt.Object{v}, nil); exc != nil {
					return exc
				}
			}
		} else if t.IsSubtype(StrEnumType) {
			if _, ok := v.(rt.Str); !ok {
				return rt.Errorf(rt.TypeErrorType, "%s is not a string", reprOf(v))
			}
		}
		var alias *rt.Instance
		for _, m := range inf.members {
			if eq, exc := rt.Eq(valueOf(m), v); exc != nil {
				return exc
			} else if b, _ := rt.Truth(eq); b {
				alias = m
				break
			}
		}
		if alias == nil {
			m := rt.NewInstance(t)
			m.Attrs.SetStr("_name_", rt.Str(name))
			m.Attrs.SetStr("_value_", v)
			if hasInit {
				args := []rt.Object{m}
				if tup, ok := v.(*rt.Tuple); ok {
					args = append(args, tup.Items...)
				} else {
					args = append(args, v)
				}
				if _, exc := rt.Call(init, args, nil); exc != nil {
					return exc
				}
			}
			inf.members = append(inf.members, m)
			alias = m
		}
		inf.byName[name] = alias
		inf.names = append(inf.names, name)
		t.Dict.SetStr(name, alias)
	}
	membersDict := rt.NewDict()
	for _, n := range inf.names {
		membersDict.SetStr(n, inf.byName[n])
	}
	t.Dict.SetStr("__members__", membersDict)
	names := make([]rt.Object, len(inf.members))
	for i, m := range inf.members {
		names[i] = rt.Str(nameOf(m))
	}
	t.Dict.SetStr("_member_names_", rt.NewList(names...))
	return nil
}

func reprStr(s string) string {
	r, _ := rt.Repr(rt.Str(s))
	return string(r)
}

func reprOf(x rt.Object) string {
	r, exc := rt.Repr(x)
	if exc != nil {
		return "?"
	}
	return string(r)
}

// lookup is Color(value).
func lookup(t *rt.Type, args []rt.Object, kw []rt.KwArg) (rt.Object, *rt.BaseException) {
	inf := classInfo(t)
	if len(inf.members) == 0 && (len(args) >= 2 || len(kw) > 0) {
		return functional(t, args, kw)
	}
	if len(args) != 1 || len(kw) != 0 {
		return nil, rt.Errorf(rt.TypeErrorType, "%s() takes exactly one argument (%d given)", t.Name, len(args)+len(kw))
	}
	if m, ok := isMember(args[0]); ok && m.Class == t {
		return m, nil
	}
	for _, m := range inf.members {
		eq, exc := rt.Eq(valueOf(m), args[0])
		if exc != nil {
			return nil, exc
		}
		if b, _ := rt.Truth(eq); b {
			return m, nil
		}
	}
	q := t.Name
	if t.Qualname != "" {
		q = t.Qualname
	}
	return nil, rt.Errorf(rt.ValueErrorType, "%s is not a valid %s", reprOf(args[0]), q)
}

// functional is Enum('Name', 'A B C') and Enum('Name', ['A', 'B']).
func functional(base *rt.Type, args []rt.Object, kw []rt.KwArg) (rt.Object, *rt.BaseException) {
	if len(args) < 2 {
		return nil, rt.Errorf(rt.TypeErrorType, "%s() missing the names of the members", base.Name)
	}
	name, ok := args[0].(rt.Str)
	if !ok {
		return nil, rt.Errorf(rt.TypeErrorType, "enum name must be a str")
	}
	ns := rt.NewDict()
	ns.SetStr("__module__", rt.Str("__main__"))
	var names []rt.Object
	if s, ok := args[1].(rt.Str); ok {
		for _, f := range strings.Fields(strings.ReplaceAll(string(s), ",", " ")) {
			names = append(names, rt.Str(f))
		}
	} else if d, ok := args[1].(*rt.Dict); ok {
		var exc *rt.BaseException
		d.Items(func(k, v rt.Object) {
			if exc == nil {
				exc = ns.SetItem(k, v)
			}
		})
		if exc != nil {
			return nil, exc
		}
	} else {
		items, exc := rt.Iterate(args[1])
		if exc != nil {
			return nil, exc
		}
		names = items
	}
	for i, n := range names {
		if tup, ok := n.(*rt.Tuple); ok && len(tup.Items) == 2 {
			if exc := ns.SetItem(tup.Items[0], tup.Items[1]); exc != nil {
				return nil, exc
			}
			continue
		}
		var v rt.Object = rt.Int(i + 1)
		if base.IsSubtype(StrEnumType) {
			s, _ := n.(rt.Str)
			v = rt.Str(strings.ToLower(string(s)))
		}
		if exc := ns.SetItem(n, v); exc != nil {
			return nil, exc
		}
	}
	return rt.BuildClass(string(name), string(name), []rt.Object{base}, ns, nil)
}

func members(t *rt.Type) []rt.Object {
	inf := classInfo(t)
	out := make([]rt.Object, len(inf.members))
	for i, m := range inf.members {
		out[i] = m
	}
	return out
}

var meta = &rt.Meta{
	Name:      "EnumType",
	InitClass: initClass,
	Call:      lookup,
	GetItem: func(t *rt.Type, key rt.Object) (rt.Object, *rt.BaseException) {
		if s, ok := key.(rt.Str); ok {
			if m, ok := classInfo(t).byName[string(s)]; ok {
				return m, nil
			}
		}
		return nil, rt.NewException(rt.KeyErrorType, key)
	},
	Iter: func(t *rt.Type) (rt.Object, *rt.BaseException) {
		return rt.Iter(rt.NewTuple(members(t)...))
	},
	Len: func(t *rt.Type) (int, *rt.BaseException) { return len(classInfo(t).members), nil },
	Contains: func(t *rt.Type, x rt.Object) (bool, *rt.BaseException) {
		if m, ok := isMember(x); ok {
			return m.Class.IsSubtype(t), nil
		}
		for _, m := range classInfo(t).members {
			eq, exc := rt.Eq(valueOf(m), x)
			if exc != nil {
				return false, exc
			}
			if b, _ := rt.Truth(eq); b {
				return true, nil
			}
		}
		return false, nil
	},
	Repr: func(t *rt.Type) (rt.Str, *rt.BaseException) {
		return rt.Str("<enum " + reprStr(t.Name) + ">"), nil
	},
	SetAttr: func(t *rt.Type, name string, v rt.Object) *rt.BaseException {
		if _, ok := classInfo(t).byName[name]; ok {
			return rt.Errorf(rt.AttributeErrorType, "cannot reassign member '%s'", name)
		}
		t.Dict.SetStr(name, v)
		return nil
	},
}

func prop(t *rt.Type, name, attr string) {
	t.Dict.SetStr(name, &rt.Property{Get: &rt.Builtin{Name: name, Fn: func(args []rt.Object, kw []rt.KwArg) (rt.Object, *rt.BaseException) {
		if m, ok := isMember(args[0]); ok {
			v, _ := m.Attrs.GetStr(attr)
			return v, nil
		}
		return nil, rt.Errorf(rt.AttributeErrorType, "'%s' object has no attribute '%s'", args[0].Type().Name, name)
	}}, Set: rt.None})
}

func init() {
	EnumType.Meta = meta
	prop(EnumType, "name", "_name_")
	prop(EnumType, "value", "_value_")
	// A member is its own copy (copy.copy, copy.deepcopy).
	rt.DefMethod(EnumType, "__copy__", func(self rt.Object, args []rt.Object, kw []rt.KwArg) (rt.Object, *rt.BaseException) {
		return self, nil
	})
	rt.DefMethod(EnumType, "__deepcopy__", func(self rt.Object, args []rt.Object, kw []rt.KwArg) (rt.Object, *rt.BaseException) {
		return self, nil
	})
	rt.DefMethod(EnumType, "__repr__", func(self rt.Object, args []rt.Object, kw []rt.KwArg) (rt.Object, *rt.BaseException) {
		m, _ := isMember(self)
		v, exc := rt.Repr(valueOf(self))
		if exc != nil {
			return nil, exc
		}
		return rt.Str("<" + self.Type().Name + "." + nameOf(m) + ": " + string(v) + ">"), nil
	})
	rt.DefMethod(EnumType, "__str__", func(self rt.Object, args []rt.Object, kw []rt.KwArg) (rt.Object, *rt.BaseException) {
		m, _ := isMember(self)
		if self.Type().IsSubtype(ReprEnum) {
			return rt.ToStr(valueOf(self))
		}
		return rt.Str(self.Type().Name + "." + nameOf(m)), nil
	})
	rt.DefMethod(EnumType, "__format__", func(self rt.Object, args []rt.Object, kw []rt.KwArg) (rt.Object, *rt.BaseException) {
		spec := rt.Str("")
		if len(args) > 0 {
			spec, _ = args[0].(rt.Str)
		}
		if self.Type().IsSubtype(ReprEnum) {
			return rt.Format(valueOf(self), string(spec))
		}
		s, exc := rt.ToStr(self)
		if exc != nil {
			return nil, exc
		}
		return rt.Format(s, string(spec))
	})
	rt.DefMethod(EnumType, "__hash__", func(self rt.Object, args []rt.Object, kw []rt.KwArg) (rt.Object, *rt.BaseException) {
		var key rt.Object = rt.Str(nameOf(self.(*rt.Instance)))
		if self.Type().IsSubtype(ReprEnum) {
			key = valueOf(self)
		}
		h, exc := rt.Hash(key)
		return rt.Int(h), exc
	})
	// IntEnum and StrEnum members are their values in arithmetic and
	// comparisons.
	binary := map[string]func(a, b rt.Object) (rt.Object, *rt.BaseException){
		"__add__": rt.Add, "__sub__": rt.Sub, "__mul__": rt.Mul, "__truediv__": rt.TrueDiv,
		"__floordiv__": rt.FloorDiv, "__mod__": rt.Mod, "__pow__": rt.Pow, "__and__": rt.BitAnd,
		"__or__": rt.BitOr, "__xor__": rt.BitXor, "__lshift__": rt.LShift, "__rshift__": rt.RShift,
		"__eq__": rt.Eq, "__ne__": rt.Ne, "__lt__": rt.Lt, "__le__": rt.Le, "__gt__": rt.Gt, "__ge__": rt.Ge,
	}
	for _, t := range []*rt.Type{IntEnumType, StrEnumType} {
		for name, fn := range binary {
			fn := fn
			rt.DefMethod(t, name, func(self rt.Object, args []rt.Object, kw []rt.KwArg) (rt.Object, *rt.BaseException) {
				return fn(valueOf(self), valueOf(args[0]))
			})
			if !strings.Contains("__eq__ __ne__ __lt__ __le__ __gt__ __ge__", name) {
				rname := "__r" + name[2:]
				rt.DefMethod(t, rname, func(self rt.Object, args []rt.Object, kw []rt.KwArg) (rt.Object, *rt.BaseException) {
					return fn(valueOf(args[0]), valueOf(self))
				})
			}
		}
		conv := map[string]func(v rt.Object) (rt.Object, *rt.BaseException){
			"__int__":   func(v rt.Object) (rt.Object, *rt.BaseException) { return rt.Call(rt.IntType, []rt.Object{v}, nil) },
			"__index__": func(v rt.Object) (rt.Object, *rt.BaseException) { return rt.Call(rt.IntType, []rt.Object{v}, nil) },
			"__float__": func(v rt.Object) (rt.Object, *rt.BaseException) { return rt.Call(rt.FloatType, []rt.Object{v}, nil) },
			"__bool__": func(v rt.Object) (rt.Object, *rt.BaseException) {
				b, exc := rt.Truth(v)
				return rt.Bool(b), exc
			},
			"__len__": func(v rt.Object) (rt.Object, *rt.BaseException) {
				n, exc := rt.Len(v)
				return rt.Int(n), exc
			},
		}
		for name, fn := range conv {
			fn := fn
			rt.DefMethod(t, name, func(self rt.Object, args []rt.Object, kw []rt.KwArg) (rt.Object, *rt.BaseException) {
				return fn(valueOf(self))
			})
		}
	}
	for _, m := range []string{"upper", "lower", "startswith", "endswith", "split", "strip", "replace", "join", "format", "encode"} {
		m := m
		rt.DefMethod(StrEnumType, m, func(self rt.Object, args []rt.Object, kw []rt.KwArg) (rt.Object, *rt.BaseException) {
			return rt.CallMethod(valueOf(self), m, args, kw)
		})
	}
	rt.RegisterModule("enum", func() (*rt.Module, *rt.BaseException) {
		m := rt.NewModule("enum")
		m.Dict.SetStr("Enum", EnumType)
		m.Dict.SetStr("IntEnum", IntEnumType)
		m.Dict.SetStr("StrEnum", StrEnumType)
		m.Dict.SetStr("ReprEnum", ReprEnum)
		m.Dict.SetStr("auto", autoType)
		// auto(value=_auto_null): a given value is the member's.
		autoType.New = func(t *rt.Type, args []rt.Object, kw []rt.KwArg) (rt.Object, *rt.BaseException) {
			if exc := autoArgs.Check(args, kw); exc != nil {
				return nil, exc
			}
			a := rt.NewInstance(autoType)
			if v := autoArgs.Arg(args, kw, 0); v != nil {
				a.Attrs.SetStr("value", v)
			}
			return a, nil
		}
		m.Dict.SetStr("unique", &rt.Builtin{Name: "unique", Fn: func(args []rt.Object, kw []rt.KwArg) (rt.Object, *rt.BaseException) {
			t, ok := args[0].(*rt.Type)
			if !ok {
				return nil, rt.Errorf(rt.TypeErrorType, "unique() needs an enum class")
			}
			inf := classInfo(t)
			var dups []string
			for _, n := range inf.names {
				if m := inf.byName[n]; nameOf(m) != n {
					dups = append(dups, n+" -> "+nameOf(m))
				}
			}
			if len(dups) > 0 {
				r, _ := meta.Repr(t)
				return nil, rt.Errorf(rt.ValueErrorType, "duplicate values found in %s: %s", r, strings.Join(dups, ", "))
			}
			return t, nil
		}})
		rt.ApplyArgs(m.Dict, map[string]*rt.ArgSpec{"unique": rt.ArgsPython("unique", 1, "enumeration")})
		return m, nil
	})
}
