// Package sys is Python's sys module for translated programs: argv, exit,
// stdout, stderr, maxsize.
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
			if len(args) != 0 {
				return nil, rt.Errorf(rt.TypeErrorType, "sys.getrecursionlimit() takes no arguments (%d given)", len(args))
			}
			return rt.Int(rt.RecursionLimit), nil
		}})
		m.Dict.SetStr("setrecursionlimit", &rt.Builtin{Name: "setrecursionlimit", Fn: func(args []rt.Object, kw []rt.KwArg) (rt.Object, *rt.BaseException) {
			if len(args) != 1 {
				return nil, rt.Errorf(rt.TypeErrorType, "setrecursionlimit() takes exactly one argument (%d given)", len(args))
			}
			n, ok := args[0].(rt.Int)
			if !ok {
				return nil, rt.Errorf(rt.TypeErrorType, "'%s' object cannot be interpreted as an integer", args[0].Type().Name)
			}
			if n < 1 {
				return nil, rt.Errorf(rt.ValueErrorType, "recursion limit must be greater or equal than 1")
			}
			rt.RecursionLimit = int(n)
			return rt.None, nil
		}})
		m.Dict.SetStr("exit", &rt.Builtin{Name: "exit", Fn: func(args []rt.Object, kw []rt.KwArg) (rt.Object, *rt.BaseException) {
			return nil, rt.NewException(rt.SystemExitType, args...)
		}})
		return m, nil
	})
}
