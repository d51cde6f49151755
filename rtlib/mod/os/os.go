// Package os is the part of Python's os module that asyncio programs use
// to read their configuration and name their files: environ and getenv,
// getpid, getppid, getcwd, cpu_count, the separators, and os.path's
// string functions (join, split, splitext, basename, dirname, normpath,
// abspath, isabs) as CPython 3.12's posixpath writes them, with exists,
// isfile, isdir and getsize. os.environ is a dict read from the
// environment at import (CPython's is a mapping that also sets it).
package os

import (
	goos "os"
	"runtime"
	"strings"

	rt "github.com/async2go/async2go/rtlib"
)

func init() {
	rt.RegisterModule("os.path", func() (*rt.Module, *rt.BaseException) { return pathModule(), nil })
	rt.RegisterModule("os", func() (*rt.Module, *rt.BaseException) {
		m := rt.NewModule("os")
		environ := rt.NewDict()
		for _, kv := range goos.Environ() {
			if k, v, ok := strings.Cut(kv, "="); ok {
				environ.SetStr(k, rt.Str(v))
			}
		}
		m.Dict.SetStr("environ", environ)
		m.Dict.SetStr("path", pathModule())
		for name, v := range map[string]string{"sep": "/", "altsep": "", "extsep": ".", "pathsep": ":", "linesep": "\n",
			"curdir": ".", "pardir": "..", "devnull": "/dev/null", "name": "posix"} {
			if name == "altsep" {
				m.Dict.SetStr(name, rt.None)
				continue
			}
			m.Dict.SetStr(name, rt.Str(v))
		}
		fn := func(name string, f func(args []rt.Object, kw []rt.KwArg) (rt.Object, *rt.BaseException)) {
			m.Dict.SetStr(name, &rt.Builtin{Name: name, Fn: f})
		}
		fn("getenv", func(args []rt.Object, kw []rt.KwArg) (rt.Object, *rt.BaseException) {
			spec := getenvArgs
			key, def := spec.Arg(args, kw, 0), spec.Arg(args, kw, 1)
			if def == nil {
				def = rt.None
			}
			if _, ok := key.(rt.Str); !ok {
				return nil, rt.Errorf(rt.TypeErrorType, "str expected, not %s", key.Type().Name)
			}
			if v, ok, exc := environ.GetItem(key); exc != nil || ok {
				return v, exc
			}
			return def, nil
		})
		fn("getpid", func([]rt.Object, []rt.KwArg) (rt.Object, *rt.BaseException) { return rt.Int(goos.Getpid()), nil })
		fn("getppid", func([]rt.Object, []rt.KwArg) (rt.Object, *rt.BaseException) { return rt.Int(goos.Getppid()), nil })
		fn("getcwd", func([]rt.Object, []rt.KwArg) (rt.Object, *rt.BaseException) {
			wd, err := goos.Getwd()
			if err != nil {
				return nil, rt.Errorf(rt.OSErrorType, "%v", err)
			}
			return rt.Str(wd), nil
		})
		fn("cpu_count", func([]rt.Object, []rt.KwArg) (rt.Object, *rt.BaseException) { return rt.Int(runtime.NumCPU()), nil })
		rt.ApplyArgs(m.Dict, map[string]*rt.ArgSpec{
			"getenv":    getenvArgs,
			"getpid":    rt.ArgsNone("getpid"),
			"getppid":   rt.ArgsNone("getppid"),
			"getcwd":    rt.ArgsNone("getcwd"),
			"cpu_count": rt.ArgsNone("cpu_count"),
		})
		return m, nil
	})
}

var getenvArgs = rt.ArgsPython("getenv", 1, "key", "default")

var osPath *rt.Module

// pathModule is os.path (posixpath), made once: `import os` and
// `import os.path` share it.
func pathModule() *rt.Module {
	if osPath != nil {
		return osPath
	}
	m := rt.NewModule("posixpath")
	osPath = m
	for name, v := range map[string]string{"sep": "/", "extsep": ".", "pathsep": ":", "curdir": ".", "pardir": "..", "devnull": "/dev/null"} {
		m.Dict.SetStr(name, rt.Str(v))
	}
	m.Dict.SetStr("altsep", rt.None)
	one := func(name string, f func(p string) rt.Object) {
		m.Dict.SetStr(name, &rt.Builtin{Name: name, Fn: func(args []rt.Object, kw []rt.KwArg) (rt.Object, *rt.BaseException) {
			p, exc := fspath(args[0])
			if exc != nil {
				return nil, exc
			}
			return f(p), nil
		}})
	}
	one("basename", func(p string) rt.Object { return rt.Str(p[strings.LastIndexByte(p, '/')+1:]) })
	one("dirname", func(p string) rt.Object { return rt.Str(dirname(p)) })
	one("split", func(p string) rt.Object {
		i := strings.LastIndexByte(p, '/') + 1
		return rt.NewTuple(rt.Str(dirname(p)), rt.Str(p[i:]))
	})
	one("splitext", func(p string) rt.Object {
		root, ext := splitext(p)
		return rt.NewTuple(rt.Str(root), rt.Str(ext))
	})
	one("isabs", func(p string) rt.Object { return rt.Bool(strings.HasPrefix(p, "/")) })
	one("normpath", func(p string) rt.Object { return rt.Str(normpath(p)) })
	one("abspath", func(p string) rt.Object {
		if !strings.HasPrefix(p, "/") {
			if wd, err := goos.Getwd(); err == nil {
				p = join(wd, p)
			}
		}
		return rt.Str(normpath(p))
	})
	stat := func(name string, test func(fi goos.FileInfo) bool) {
		m.Dict.SetStr(name, &rt.Builtin{Name: name, Fn: func(args []rt.Object, kw []rt.KwArg) (rt.Object, *rt.BaseException) {
			p, ok := args[0].(rt.Str)
			if !ok {
				return rt.Bool(false), nil
			}
			fi, err := goos.Stat(string(p))
			return rt.Bool(err == nil && test(fi)), nil
		}})
	}
	stat("exists", func(goos.FileInfo) bool { return true })
	stat("isfile", func(fi goos.FileInfo) bool { return fi.Mode().IsRegular() })
	stat("isdir", func(fi goos.FileInfo) bool { return fi.IsDir() })
	m.Dict.SetStr("getsize", &rt.Builtin{Name: "getsize", Fn: func(args []rt.Object, kw []rt.KwArg) (rt.Object, *rt.BaseException) {
		p, exc := fspath(args[0])
		if exc != nil {
			return nil, exc
		}
		fi, err := goos.Stat(p)
		if err != nil {
			return nil, rt.Errorf(rt.FileNotFoundErrorType, "[Errno 2] No such file or directory: %s", quote(p))
		}
		return rt.Int(fi.Size()), nil
	}})
	m.Dict.SetStr("join", &rt.Builtin{Name: "join", Fn: func(args []rt.Object, kw []rt.KwArg) (rt.Object, *rt.BaseException) {
		parts := make([]string, len(args))
		for i, a := range args {
			s, ok := a.(rt.Str)
			if !ok {
				return nil, rt.Errorf(rt.TypeErrorType, "join() argument must be str, bytes, or os.PathLike object, not '%s'", a.Type().Name)
			}
			parts[i] = string(s)
		}
		return rt.Str(join(parts[0], parts[1:]...)), nil
	}})
	one1 := func(name string) *rt.ArgSpec { return rt.ArgsPython(name, 1, "p") }
	rt.ApplyArgs(m.Dict, map[string]*rt.ArgSpec{
		"basename": one1("basename"), "dirname": one1("dirname"), "split": one1("split"), "splitext": one1("splitext"),
		"isabs": rt.ArgsPython("isabs", 1, "s"), "normpath": rt.ArgsPython("normpath", 1, "path"),
		"abspath": rt.ArgsPython("abspath", 1, "path"), "exists": rt.ArgsPython("exists", 1, "path"),
		"isfile": rt.ArgsPython("isfile", 1, "path"), "isdir": rt.ArgsPython("isdir", 1, "s"),
		"getsize": rt.ArgsPython("getsize", 1, "filename"),
		"join":    rt.ArgsPython("join", 1, "a").VarArgs(),
	})
	return m
}

// fspath is os.fspath for a str (the runtime has no bytes paths).
func fspath(x rt.Object) (string, *rt.BaseException) {
	s, ok := x.(rt.Str)
	if !ok {
		return "", rt.Errorf(rt.TypeErrorType, "expected str, bytes or os.PathLike object, not %s", x.Type().Name)
	}
	return string(s), nil
}

func quote(s string) string {
	r, _ := rt.Repr(rt.Str(s))
	return string(r)
}

// join is posixpath.join.
func join(a string, p ...string) string {
	path := a
	for _, b := range p {
		switch {
		case strings.HasPrefix(b, "/"):
			path = b
		case path == "" || strings.HasSuffix(path, "/"):
			path += b
		default:
			path += "/" + b
		}
	}
	return path
}

// dirname is posixpath.dirname (split's head).
func dirname(p string) string {
	head := p[:strings.LastIndexByte(p, '/')+1]
	if head != "" && strings.Trim(head, "/") != "" {
		head = strings.TrimRight(head, "/")
	}
	return head
}

// splitext is genericpath._splitext with '/' and '.'.
func splitext(p string) (string, string) {
	sepIndex := strings.LastIndexByte(p, '/')
	dotIndex := strings.LastIndexByte(p, '.')
	if dotIndex > sepIndex {
		for i := sepIndex + 1; i < dotIndex; i++ {
			if p[i] != '.' {
				return p[:dotIndex], p[dotIndex:]
			}
		}
	}
	return p, ""
}

// normpath is posixpath.normpath.
func normpath(path string) string {
	if path == "" {
		return "."
	}
	initial := ""
	switch {
	case !strings.HasPrefix(path, "/"):
	case !strings.HasPrefix(path[1:], "/") || strings.HasPrefix(path[2:], "/"):
		initial, path = "/", path[1:]
	default:
		initial, path = "//", path[2:]
	}
	var comps []string
	for _, c := range strings.Split(path, "/") {
		if c == "" || c == "." {
			continue
		}
		if c != ".." || initial == "" && len(comps) == 0 || len(comps) > 0 && comps[len(comps)-1] == ".." {
			comps = append(comps, c)
		} else if len(comps) > 0 {
			comps = comps[:len(comps)-1]
		}
	}
	out := initial + strings.Join(comps, "/")
	if out == "" {
		return "."
	}
	return out
}
