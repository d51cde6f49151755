package rtlib

import (
	"os"
	"runtime"
	"strconv"
	"strings"
)

// Warn prints a warning as CPython's warnings.showwarning does under the
// default filters ("file:line: Category: message" and the stripped source
// line), attached to the innermost line of Python code on the Go stack:
// the generated code's /*line*/ directives name the Python file and line
// of each statement, so the Go runtime's frames find the caller without
// the generated code tracking lines on the non-exceptional path.
//
// It does not flush stdout first: CPython writes warnings straight to
// stderr while its stdout, when not a terminal, stays buffered. Only the
// default action of the default filters is modelled (each call prints;
// callers warn once where CPython's registry would); a warning is shown
// only when a Python frame is found, as CPython's default filters show
// DeprecationWarning only for code of __main__.
func Warn(category *Type, msg string) bool {
	file, line, ok := pythonCaller()
	if !ok {
		return false
	}
	var b strings.Builder
	b.WriteString(file + ":" + strconv.Itoa(line) + ": " + category.Name + ": " + msg + "\n")
	if src := sourceLine(file, line); src != "" {
		b.WriteString("  " + src + "\n")
	}
	os.Stderr.WriteString(b.String())
	return true
}

// pythonCaller is the file and line of the innermost Go frame that lies in
// the translated program's Python source (see Warn).
func pythonCaller() (string, int, bool) {
	var pcs [64]uintptr
	n := runtime.Callers(3, pcs[:])
	frames := runtime.CallersFrames(pcs[:n])
	for {
		f, more := frames.Next()
		if _, ok := sources[f.File]; ok && f.Line > 0 {
			return f.File, f.Line, true
		}
		for name := range sources {
			// the Go toolchain may have made a relative name absolute
			if strings.HasSuffix(f.File, "/"+name) && f.Line > 0 {
				return name, f.Line, true
			}
		}
		if !more {
			return "", 0, false
		}
	}
}
