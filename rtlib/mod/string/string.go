// Package string is Python's string module for translated programs: its
// constants (ascii_letters, digits, punctuation, whitespace …) and
// capwords. Not yet: Template and Formatter.
package string

import (
	rt "github.com/async2go/async2go/rtlib"
)

const (
	lower       = "abcdefghijklmnopqrstuvwxyz"
	upper       = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
	digits      = "0123456789"
	punctuation = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~"
	whitespace  = " \t\n\r\x0b\x0c"
)

func init() {
	rt.RegisterModule("string", func() (*rt.Module, *rt.BaseException) {
		m := rt.NewModule("string")
		for name, v := range map[string]string{
			"ascii_lowercase": lower,
			"ascii_uppercase": upper,
			"ascii_letters":   lower + upper,
			"digits":          digits,
			"hexdigits":       digits + "abcdef" + "ABCDEF",
			"octdigits":       "01234567",
			"punctuation":     punctuation,
			"whitespace":      whitespace,
			"printable":       digits + lower + upper + punctuation + whitespace,
		} {
			m.Dict.SetStr(name, rt.Str(v))
		}
		spec := rt.ArgsPython("capwords", 1, "s", "sep")
		m.Dict.SetStr("capwords", &rt.Builtin{Name: "capwords", Fn: func(args []rt.Object, kw []rt.KwArg) (rt.Object, *rt.BaseException) {
			// (sep or ' ').join(map(str.capitalize, s.split(sep)))
			s, sep := spec.Arg(args, kw, 0), spec.Arg(args, kw, 1)
			if sep == nil {
				sep = rt.None
			}
			parts, exc := rt.CallMethod(s, "split", []rt.Object{sep}, nil)
			if exc != nil {
				return nil, exc
			}
			items, exc := rt.Iterate(parts)
			if exc != nil {
				return nil, exc
			}
			for i, p := range items {
				if items[i], exc = rt.CallMethod(p, "capitalize", nil, nil); exc != nil {
					return nil, exc
				}
			}
			joiner := sep
			if t, _ := rt.Truth(sep); !t {
				joiner = rt.Str(" ")
			}
			return rt.CallMethod(joiner, "join", []rt.Object{rt.NewList(items...)}, nil)
		}})
		rt.ApplyArgs(m.Dict, map[string]*rt.ArgSpec{"capwords": spec})
		return m, nil
	})
}
