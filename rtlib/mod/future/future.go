// Package future is Python's __future__ module for translated programs:
// `from __future__ import annotations` binds the feature's record as
// CPython's does. What a feature changes is the translator's business
// (frontend/symtable checks the imports, lower makes annotations strings).
package future

import (
	"fmt"

	rt "github.com/async2go/async2go/rtlib"
)

var featureType = rt.NewBuiltinType("_Feature", "__future__")

// feature is a __future__._Feature: when it became optional and mandatory,
// and its compiler flag.
type feature struct {
	optional, mandatory rt.Object // 5-tuples; mandatory None for annotations
	flag                int64
}

func (*feature) Type() *rt.Type { return featureType }

// Repr is "_Feature" + repr((optional, mandatory, flag)).
func (f *feature) Repr() (rt.Str, *rt.BaseException) {
	r, exc := rt.Repr(rt.NewTuple(f.optional, f.mandatory, rt.Int(f.flag)))
	if exc != nil {
		return "", exc
	}
	return rt.Str("_Feature" + string(r)), nil
}

func release(major, minor, micro int64, level string, serial int64) rt.Object {
	return rt.NewTuple(rt.Int(major), rt.Int(minor), rt.Int(micro), rt.Str(level), rt.Int(serial))
}

// The features of CPython 3.12's Lib/__future__.py, in its order.
var features = []struct {
	name                string
	optional, mandatory rt.Object
	flag                int64
}{
	{"nested_scopes", release(2, 1, 0, "beta", 1), release(2, 2, 0, "alpha", 0), 0x0010},
	{"generators", release(2, 2, 0, "alpha", 1), release(2, 3, 0, "final", 0), 0},
	{"division", release(2, 2, 0, "alpha", 2), release(3, 0, 0, "alpha", 0), 0x20000},
	{"absolute_import", release(2, 5, 0, "alpha", 1), release(3, 0, 0, "alpha", 0), 0x40000},
	{"with_statement", release(2, 5, 0, "alpha", 1), release(2, 6, 0, "alpha", 0), 0x80000},
	{"print_function", release(2, 6, 0, "alpha", 2), release(3, 0, 0, "alpha", 0), 0x100000},
	{"unicode_literals", release(2, 6, 0, "alpha", 2), release(3, 0, 0, "alpha", 0), 0x200000},
	{"barry_as_FLUFL", release(3, 1, 0, "alpha", 2), release(4, 0, 0, "alpha", 0), 0x400000},
	{"generator_stop", release(3, 5, 0, "beta", 1), release(3, 7, 0, "alpha", 0), 0x800000},
	{"annotations", release(3, 7, 0, "beta", 1), rt.None, 0x1000000},
}

func init() {
	method := func(name string, get func(f *feature) rt.Object) {
		featureType.Dict.SetStr(name, &rt.Method{Name: name, Fn: func(self rt.Object, args []rt.Object, kw []rt.KwArg) (rt.Object, *rt.BaseException) {
			if len(args) != 0 || len(kw) != 0 {
				return nil, rt.Errorf(rt.TypeErrorType, "_Feature.%s() takes 1 positional argument but %d were given", name, len(args)+1)
			}
			return get(self.(*feature)), nil
		}})
	}
	method("getOptionalRelease", func(f *feature) rt.Object { return f.optional })
	method("getMandatoryRelease", func(f *feature) rt.Object { return f.mandatory })
	attr := func(name string, get func(f *feature) rt.Object) {
		featureType.Dict.SetStr(name, &rt.Property{Get: &rt.Builtin{Name: name, Fn: func(args []rt.Object, kw []rt.KwArg) (rt.Object, *rt.BaseException) {
			return get(args[0].(*feature)), nil
		}}})
	}
	attr("optional", func(f *feature) rt.Object { return f.optional })
	attr("mandatory", func(f *feature) rt.Object { return f.mandatory })
	attr("compiler_flag", func(f *feature) rt.Object { return rt.Int(f.flag) })
	rt.RegisterModule("__future__", func() (*rt.Module, *rt.BaseException) {
		m := rt.NewModule("__future__")
		names := make([]rt.Object, len(features))
		for i, f := range features {
			names[i] = rt.Str(f.name)
		}
		m.Dict.SetStr("all_feature_names", rt.NewList(names...))
		m.Dict.SetStr("CO_GENERATOR_ALLOWED", rt.Int(0))
		for _, f := range features {
			m.Dict.SetStr(f.name, &feature{optional: f.optional, mandatory: f.mandatory, flag: f.flag})
			if f.flag != 0 {
				m.Dict.SetStr(fmt.Sprintf("CO_%s", coName(f.name)), rt.Int(f.flag))
			}
		}
		return m, nil
	})
}

// coName is the suffix of a feature's CO_ constant.
func coName(feature string) string {
	switch feature {
	case "nested_scopes":
		return "NESTED"
	case "division":
		return "FUTURE_DIVISION"
	case "absolute_import":
		return "FUTURE_ABSOLUTE_IMPORT"
	case "with_statement":
		return "FUTURE_WITH_STATEMENT"
	case "print_function":
		return "FUTURE_PRINT_FUNCTION"
	case "unicode_literals":
		return "FUTURE_UNICODE_LITERALS"
	case "barry_as_FLUFL":
		return "FUTURE_BARRY_AS_BDFL"
	case "generator_stop":
		return "FUTURE_GENERATOR_STOP"
	}
	return "FUTURE_ANNOTATIONS"
}
