// Package sys is Python's sys module for translated programs: argv, exit,
// stdout, stderr, maxsize, the int max str digits limit.
package sys

import (
	"math"
	"os"
	goruntime "runtime"

	rt "github.com/async2go/async2go/rtlib"
)

var streamType = rt.NewBuiltinType("TextIOWrapper", "_io")

// stream is sys.stdout or sys.stderr.
type stream struct{ stderr bool }

func (*stream) Type() *rt.Type { return streamType }

// IsStderr tells print(file=...) where to write.
func (s *stream) IsStderr() bool { return s.stderr }

func init() {
	streamType.Dict.SetStr("write", &rt.Method{Name: "write", Fn: func(self rt.Object, args []rt.Object, kw []rt.KwArg) (rt.Object, *rt.BaseException) {
		if len(args) != 1 {
			return nil, rt.Errorf(rt.TypeErrorType, "write() takes exactly one argument (%d given)", len(args))
		}
		s, ok := args[0].(rt.Str)
		if !ok {
			return nil, rt.Errorf(rt.TypeErrorType, "write() argument must be str, not %s", args[0].Type().Name)
		}
		if self.(*stream).stderr {
			rt.FlushStdout()
			os.Stderr.WriteString(string(s))
		} else {
			rt.Stdout().WriteString(string(s))
		}
		return rt.Int(len([]rune(string(s)))), nil
	}})
	streamType.Dict.SetStr("flush", &rt.Method{Name: "flush", Fn: func(self rt.Object, args []rt.Object, kw []rt.KwArg) (rt.Object, *rt.BaseException) {
		if !self.(*stream).stderr {
			rt.FlushStdout()
		}
		return rt.None, nil
	}})
	rt.RegisterModule("sys", func() (*rt.Module, *rt.BaseException) {
		m := rt.NewModule("sys")
		argv := []rt.Object{rt.Str(rt.ProgramFile())}
		for _, a := range os.Args[1:] {
			argv = append(argv, rt.Str(a))
		}
		m.Dict.SetStr("argv", rt.NewList(argv...))
		m.Dict.SetStr("stdout", &stream{})
		m.Dict.SetStr("stderr", &stream{stderr: true})
		m.Dict.SetStr("maxsize", rt.Int(math.MaxInt64))
		m.Dict.SetStr("platform", rt.Str(goruntime.GOOS))
		// The language version the program is translated as (a plain tuple:
		// indexing, slicing and comparison work, .major does not).
		m.Dict.SetStr("version_info", rt.NewTuple(rt.Int(3), rt.Int(12), rt.Int(1), rt.Str("final"), rt.Int(0)))
		m.Dict.SetStr("version", rt.Str("3.12.1 (async2go)"))
		m.Dict.SetStr("getrecursionlimit", &rt.Builtin{Name: "getrecursionlimit", Fn: func(args []rt.Object, kw []rt.KwArg) (rt.Object, *rt.BaseException) {
			return rt.Int(rt.RecursionLimit), nil
		}})
		m.Dict.SetStr("setrecursionlimit", &rt.Builtin{Name: "setrecursionlimit", Fn: func(args []rt.Object, kw []rt.KwArg) (rt.Object, *rt.BaseException) {
			n, exc := cInt(args[0])
			if exc != nil {
				return nil, exc
			}
			if n < 1 {
				return nil, rt.Errorf(rt.ValueErrorType, "recursion limit must be greater or equal than 1")
			}
			if d := rt.CallDepth(); d >= int(n) {
				return nil, rt.Errorf(rt.RecursionErrorType, "cannot set the recursion limit to %d at the recursion depth %d: the limit is too low", n, d)
			}
			rt.RecursionLimit = int(n)
			return rt.None, nil
		}})
		m.Dict.SetStr("get_int_max_str_digits", &rt.Builtin{Name: "get_int_max_str_digits", Fn: func(args []rt.Object, kw []rt.KwArg) (rt.Object, *rt.BaseException) {
			return rt.Int(rt.IntMaxStrDigits), nil
		}})
		m.Dict.SetStr("set_int_max_str_digits", &rt.Builtin{Name: "set_int_max_str_digits", Fn: setIntMaxStrDigits})
		m.Dict.SetStr("exit", &rt.Builtin{Name: "exit", Fn: func(args []rt.Object, kw []rt.KwArg) (rt.Object, *rt.BaseException) {
			return nil, rt.NewException(rt.SystemExitType, args...)
		}})
		rt.ApplyArgs(m.Dict, map[string]*rt.ArgSpec{
			"getrecursionlimit":      rt.ArgsNone("sys.getrecursionlimit"),
			"setrecursionlimit":      rt.ArgsOne("sys.setrecursionlimit"),
			"get_int_max_str_digits": rt.ArgsNone("sys.get_int_max_str_digits"),
			"set_int_max_str_digits": rt.ArgsClinic("set_int_max_str_digits", 0, 1, 1, "maxdigits"),
			"exit":                   rt.ArgsPositional("exit", "sys.exit", 0, 1),
		})
		return m, nil
	})
}

// cInt is x as the C int CPython's sys functions parse (PyLong_AsInt): a
// bool counts, anything else than an int is a TypeError, an int outside
// the C int range an OverflowError.
func cInt(x rt.Object) (int64, *rt.BaseException) {
	var n int64
	switch v := x.(type) {
	case rt.Int:
		n = int64(v)
	case rt.Bool:
		if v {
			n = 1
		}
	case *rt.BigInt:
		return 0, rt.Errorf(rt.OverflowErrorType, "Python int too large to convert to C int")
	default:
		return 0, rt.Errorf(rt.TypeErrorType, "'%s' object cannot be interpreted as an integer", x.Type().Name)
	}
	if n < math.MinInt32 || n > math.MaxInt32 {
		return 0, rt.Errorf(rt.OverflowErrorType, "Python int too large to convert to C int")
	}
	return n, nil
}

// setIntMaxStrDigits is sys.set_int_max_str_digits(maxdigits).
func setIntMaxStrDigits(args []rt.Object, kw []rt.KwArg) (rt.Object, *rt.BaseException) {
	n, exc := cInt(args[0])
	if exc != nil {
		return nil, exc
	}
	if n != 0 && n < rt.IntStrDigitsThreshold {
		return nil, rt.Errorf(rt.ValueErrorType, "maxdigits must be 0 or larger than %d", rt.IntStrDigitsThreshold)
	}
	rt.IntMaxStrDigits = int(n)
	return rt.None, nil
}
