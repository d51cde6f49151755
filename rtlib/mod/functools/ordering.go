package functools

import (
	rt "github.com/async2go/async2go/rtlib"
)

// derived is one method total_ordering fills in: from the root's result r
// (never NotImplemented) and a thunk for self == other (negate: self !=
// other), as in functools._convert.
type derived struct {
	name string
	fn   func(r bool, eq func(ne bool) (rt.Object, *rt.BaseException)) (rt.Object, *rt.BaseException)
}

func not(r bool) (rt.Object, *rt.BaseException) { return rt.Bool(!r), nil }

var convert = map[string][]derived{
	"__lt__": {
		{"__gt__", func(r bool, eq func(bool) (rt.Object, *rt.BaseException)) (rt.Object, *rt.BaseException) {
			return andThen(!r, eq, true)
		}},
		{"__le__", func(r bool, eq func(bool) (rt.Object, *rt.BaseException)) (rt.Object, *rt.BaseException) {
			return orElse(r, eq)
		}},
		{"__ge__", func(r bool, eq func(bool) (rt.Object, *rt.BaseException)) (rt.Object, *rt.BaseException) {
			return not(r)
		}},
	},
	"__le__": {
		{"__ge__", func(r bool, eq func(bool) (rt.Object, *rt.BaseException)) (rt.Object, *rt.BaseException) {
			return orElse(!r, eq)
		}},
		{"__lt__", func(r bool, eq func(bool) (rt.Object, *rt.BaseException)) (rt.Object, *rt.BaseException) {
			return andThen(r, eq, true)
		}},
		{"__gt__", func(r bool, eq func(bool) (rt.Object, *rt.BaseException)) (rt.Object, *rt.BaseException) {
			return not(r)
		}},
	},
	"__gt__": {
		{"__lt__", func(r bool, eq func(bool) (rt.Object, *rt.BaseException)) (rt.Object, *rt.BaseException) {
			return andThen(!r, eq, true)
		}},
		{"__ge__", func(r bool, eq func(bool) (rt.Object, *rt.BaseException)) (rt.Object, *rt.BaseException) {
			return orElse(r, eq)
		}},
		{"__le__", func(r bool, eq func(bool) (rt.Object, *rt.BaseException)) (rt.Object, *rt.BaseException) {
			return not(r)
		}},
	},
	"__ge__": {
		{"__le__", func(r bool, eq func(bool) (rt.Object, *rt.BaseException)) (rt.Object, *rt.BaseException) {
			return orElse(!r, eq)
		}},
		{"__gt__", func(r bool, eq func(bool) (rt.Object, *rt.BaseException)) (rt.Object, *rt.BaseException) {
			return andThen(r, eq, true)
		}},
		{"__lt__", func(r bool, eq func(bool) (rt.Object, *rt.BaseException)) (rt.Object, *rt.BaseException) {
			return not(r)
		}},
	},
}

// andThen is `r and self != other`; orElse is `r or self == other`.
func andThen(r bool, eq func(bool) (rt.Object, *rt.BaseException), ne bool) (rt.Object, *rt.BaseException) {
	if !r {
		return rt.Bool(false), nil
	}
	return eq(ne)
}

func orElse(r bool, eq func(bool) (rt.Object, *rt.BaseException)) (rt.Object, *rt.BaseException) {
	if r {
		return rt.Bool(true), nil
	}
	return eq(false)
}

// totalOrdering is functools.total_ordering.
func totalOrdering(args []rt.Object, kw []rt.KwArg) (rt.Object, *rt.BaseException) {
	cls, ok := args[0].(*rt.Type)
	if !ok {
		return nil, rt.Errorf(rt.TypeErrorType, "total_ordering() needs a class")
	}
	defined := func(name string) bool {
		for _, t := range cls.MRO {
			if t == rt.ObjectType {
				return false
			}
			if _, ok := t.Dict.GetStr(name); ok {
				return true
			}
		}
		return false
	}
	root := ""
	for _, op := range []string{"__lt__", "__le__", "__gt__", "__ge__"} { // max(roots)
		if defined(op) {
			root = op
			break
		}
	}
	if root == "" {
		return nil, rt.Errorf(rt.ValueErrorType, "must define at least one ordering operation: < > <= >=")
	}
	qual := cls.Name
	if cls.Qualname != "" {
		qual = cls.Qualname
	}
	for _, d := range convert[root] {
		if defined(d.name) {
			continue
		}
		d := d
		cls.Dict.SetStr(d.name, &rt.Function{
			Name: d.name, Qualname: qual + "." + d.name, Module: "functools",
			Sig: &rt.Signature{Name: d.name, Params: []string{"self", "other"}, Pos: 2},
			Impl: func(fn *rt.Function, a []rt.Object) (rt.Object, *rt.BaseException) {
				self, other := a[0], a[1]
				r, exc := rt.CallMethod(self, root, []rt.Object{other}, nil)
				if exc != nil || r == rt.NotImplemented {
					return r, exc
				}
				b, exc := rt.Truth(r)
				if exc != nil {
					return nil, exc
				}
				return d.fn(b, func(ne bool) (rt.Object, *rt.BaseException) {
					if ne {
						return rt.Ne(self, other)
					}
					return rt.Eq(self, other)
				})
			},
		})
	}
	return cls, nil
}
