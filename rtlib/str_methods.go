package rtlib

import (
	"math"
	"strings"
	"unicode"
	"unicode/utf8"
)

// pyIsSpace is str.isspace's notion of whitespace for one code point.
func pyIsSpace(r rune) bool {
	switch r {
	case ' ', '\t', '\n', '\r', '\v', '\f', 0x1c, 0x1d, 0x1e, 0x1f, 0x85:
		return true
	}
	return r > 0x7f && unicode.IsSpace(r)
}

// pySplitWS is str.split() without a separator, with maxsplit (-1: all).
func pySplitWS(s string, max int) []string {
	var out []string
	i := 0
	for {
		for i < len(s) {
			r, n := utf8.DecodeRuneInString(s[i:])
			if !pyIsSpace(r) {
				break
			}
			i += n
		}
		if i >= len(s) {
			return out
		}
		if max >= 0 && len(out) == max {
			out = append(out, s[i:])
			return out
		}
		j := i
		for j < len(s) {
			r, n := utf8.DecodeRuneInString(s[j:])
			if pyIsSpace(r) {
				break
			}
			j += n
		}
		out = append(out, s[i:j])
		i = j
	}
}

// pyRSplitWS is str.rsplit() without a separator.
func pyRSplitWS(s string, max int) []string {
	var out []string
	j := len(s)
	for {
		for j > 0 {
			r, n := utf8.DecodeLastRuneInString(s[:j])
			if !pyIsSpace(r) {
				break
			}
			j -= n
		}
		if j <= 0 {
			break
		}
		if max >= 0 && len(out) == max {
			out = append(out, s[:j])
			break
		}
		i := j
		for i > 0 {
			r, n := utf8.DecodeLastRuneInString(s[:i])
			if pyIsSpace(r) {
				break
			}
			i -= n
		}
		out = append(out, s[i:j])
		j = i
	}
	for a, b := 0, len(out)-1; a < b; a, b = a+1, b-1 {
		out[a], out[b] = out[b], out[a]
	}
	return out
}

func strList(parts []string) *List {
	out := make([]Object, len(parts))
	for i, p := range parts {
		out[i] = Str(p)
	}
	return NewList(out...)
}

// splitArgs reads (sep=None, maxsplit=-1) of split and rsplit.
func splitArgs(name string, args []Object, kw []KwArg) (sep Object, max int, exc *BaseException) {
	sep, max = None, -1
	if len(args) > 0 {
		sep = args[0]
	} else if v, ok := kwarg(kw, "sep"); ok {
		sep = v
	}
	var m Object
	if len(args) > 1 {
		m = args[1]
	} else if v, ok := kwarg(kw, "maxsplit"); ok {
		m = v
	}
	if m != nil {
		n, ok := asInt(m)
		if !ok {
			return nil, 0, Errorf(TypeErrorType, "'%s' object cannot be interpreted as an integer", m.Type().Name)
		}
		max = int(n)
	}
	if sep != None {
		s, ok := sep.(Str)
		if !ok {
			return nil, 0, Errorf(TypeErrorType, "must be str or None, not %s", sep.Type().Name)
		}
		if s == "" {
			return nil, 0, Errorf(ValueErrorType, "empty separator")
		}
	}
	return sep, max, nil
}

// strSliceIndex reads one optional start or end argument of find, count,
// startswith and their kin as CPython's _PyEval_SliceIndex does: None keeps
// def, an int too large for a ssize_t is clamped, an instance with __index__
// is asked for its index.
func strSliceIndex(x Object, def int64) (int64, *BaseException) {
	if x == None {
		return def, nil
	}
	if _, isInst := x.(*Instance); isInst {
		if _, ok := x.Type().lookup("__index__"); ok {
			v, exc := CallMethod(x, "__index__", nil, nil)
			if exc != nil {
				return 0, exc
			}
			switch v.(type) {
			case Int, *BigInt:
				x = v
			default:
				return 0, Errorf(TypeErrorType, "__index__ returned non-int (type %s)", v.Type().Name)
			}
		}
	}
	switch v := x.(type) {
	case Int:
		return int64(v), nil
	case Bool:
		if v {
			return 1, nil
		}
		return 0, nil
	case *BigInt:
		if v.V.Sign() < 0 {
			return math.MinInt64, nil
		}
		return math.MaxInt64, nil
	}
	return 0, Errorf(TypeErrorType, "slice indices must be integers or None or have an __index__ method")
}

// isASCII reports whether s has only one-byte code points, so that its byte
// offsets are its code point indices.
func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// strSpan is a str with the start and end of find, count, startswith and
// their kin applied as CPython's ADJUST_INDICES does: start and end are code
// point indices with 0 <= end <= n, 0 <= start (start may pass end).
type strSpan struct {
	s          string
	ascii      bool
	n          int64 // code points in s
	start, end int64
}

// strArgs checks the arguments (sub[, start[, end]]) of the method name and
// applies start and end to s. sub is returned unchecked.
func strArgs(name string, s string, args []Object, kw []KwArg) (strSpan, *BaseException) {
	sp := strSpan{s: s}
	if len(kw) > 0 {
		return sp, Errorf(TypeErrorType, "str.%s() takes no keyword arguments", name)
	}
	if len(args) < 1 {
		return sp, Errorf(TypeErrorType, "%s() takes at least 1 argument (0 given)", name)
	}
	if len(args) > 3 {
		return sp, Errorf(TypeErrorType, "%s() takes at most 3 arguments (%d given)", name, len(args))
	}
	sp.ascii = isASCII(s)
	if sp.ascii {
		sp.n = int64(len(s))
	} else {
		sp.n = int64(utf8.RuneCountInString(s))
	}
	sp.start, sp.end = 0, math.MaxInt64
	var exc *BaseException
	if len(args) > 1 {
		if sp.start, exc = strSliceIndex(args[1], 0); exc != nil {
			return sp, exc
		}
	}
	if len(args) > 2 {
		if sp.end, exc = strSliceIndex(args[2], math.MaxInt64); exc != nil {
			return sp, exc
		}
	}
	if sp.end > sp.n {
		sp.end = sp.n
	} else if sp.end < 0 {
		sp.end += sp.n
		if sp.end < 0 {
			sp.end = 0
		}
	}
	if sp.start < 0 {
		sp.start += sp.n
		if sp.start < 0 {
			sp.start = 0
		}
	}
	return sp, nil
}

// off converts a code point index 0 <= i <= n to a byte offset.
func (sp *strSpan) off(i int64) int {
	if sp.ascii || i <= 0 {
		return int(i)
	}
	if i >= sp.n {
		return len(sp.s)
	}
	k := int64(0)
	for b := range sp.s {
		if k == i {
			return b
		}
		k++
	}
	return len(sp.s)
}

// bytes returns the byte offsets of start and end; call it only when
// start <= end.
func (sp *strSpan) bytes() (int, int) {
	lo := sp.off(sp.start)
	if sp.ascii {
		return lo, int(sp.end)
	}
	if sp.end >= sp.n {
		return lo, len(sp.s)
	}
	// Walk on from lo rather than from the beginning again.
	k, hi := sp.start, len(sp.s)
	for b := range sp.s[lo:] {
		if k == sp.end {
			hi = lo + b
			break
		}
		k++
	}
	return lo, hi
}

// index converts a byte offset into s to a code point index.
func (sp *strSpan) index(b int) int64 {
	if sp.ascii {
		return int64(b)
	}
	return int64(utf8.RuneCountInString(sp.s[:b]))
}

func strFind(name string, self Object, args []Object, kw []KwArg, last bool) (int64, *BaseException) {
	sp, exc := strArgs(name, string(self.(Str)), args, kw)
	if exc != nil {
		return 0, exc
	}
	sub, ok := args[0].(Str)
	if !ok {
		return 0, Errorf(TypeErrorType, "must be str, not %s", args[0].Type().Name)
	}
	if sp.end-sp.start < 0 || (len(sub) > 0 && sp.end == sp.start) {
		return -1, nil
	}
	lo, hi := sp.bytes()
	var i int
	if last {
		i = strings.LastIndex(sp.s[lo:hi], string(sub))
	} else {
		i = strings.Index(sp.s[lo:hi], string(sub))
	}
	if i < 0 {
		return -1, nil
	}
	return sp.index(lo + i), nil
}

func strCount(self Object, args []Object, kw []KwArg) (Object, *BaseException) {
	sp, exc := strArgs("count", string(self.(Str)), args, kw)
	if exc != nil {
		return nil, exc
	}
	sub, ok := args[0].(Str)
	if !ok {
		return nil, Errorf(TypeErrorType, "must be str, not %s", args[0].Type().Name)
	}
	if sp.end < sp.start {
		return Int(0), nil
	}
	if sub == "" {
		return Int(sp.end - sp.start + 1), nil
	}
	lo, hi := sp.bytes()
	return Int(strings.Count(sp.s[lo:hi], string(sub))), nil
}

// strTailMatch is startswith (end false) and endswith (end true).
func strTailMatch(name string, self Object, args []Object, kw []KwArg, end bool) (Object, *BaseException) {
	sp, exc := strArgs(name, string(self.(Str)), args, kw)
	if exc != nil {
		return nil, exc
	}
	match := func(sub string) bool {
		// The code point length of sub is needed only when it may fit.
		var m int64
		if isASCII(sub) {
			m = int64(len(sub))
		} else {
			m = int64(utf8.RuneCountInString(sub))
		}
		if sp.end-m < sp.start {
			return false
		}
		if m == 0 {
			return true
		}
		if end {
			return strings.HasSuffix(sp.s[:sp.off(sp.end)], sub)
		}
		return strings.HasPrefix(sp.s[sp.off(sp.start):], sub)
	}
	switch p := args[0].(type) {
	case Str:
		return Bool(match(string(p))), nil
	case *Tuple:
		for _, x := range p.Items {
			q, ok := x.(Str)
			if !ok {
				return nil, Errorf(TypeErrorType, "tuple for %s must only contain str, not %s", name, x.Type().Name)
			}
			if match(string(q)) {
				return Bool(true), nil
			}
		}
		return Bool(false), nil
	}
	return nil, Errorf(TypeErrorType, "%s first arg must be str or a tuple of str, not %s", name, args[0].Type().Name)
}

func stripChars(name string, args []Object) (string, bool, *BaseException) {
	if len(args) == 0 || args[0] == None {
		return "", false, nil
	}
	c, ok := args[0].(Str)
	if !ok {
		return "", false, Errorf(TypeErrorType, "%s arg must be None or str", name)
	}
	return string(c), true, nil
}

func padArgs(name string, args []Object) (int, rune, *BaseException) {
	if len(args) < 1 {
		return 0, 0, Errorf(TypeErrorType, "%s expected at least 1 argument, got 0", name)
	}
	w, ok := asInt(args[0])
	if !ok {
		return 0, 0, Errorf(TypeErrorType, "'%s' object cannot be interpreted as an integer", args[0].Type().Name)
	}
	fill := ' '
	if len(args) > 1 {
		f, ok := args[1].(Str)
		if !ok {
			return 0, 0, Errorf(TypeErrorType, "The fill character must be a unicode character, not %s", args[1].Type().Name)
		}
		if utf8.RuneCountInString(string(f)) != 1 {
			return 0, 0, Errorf(TypeErrorType, "The fill character must be exactly one character long")
		}
		fill, _ = utf8.DecodeRuneInString(string(f))
	}
	return int(w), fill, nil
}

func allRunes(s string, f func(rune) bool) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if !f(r) {
			return false
		}
	}
	return true
}

// installStrMethods defines the str methods of this file; it runs at the
// end of thin_methods.go's init so that these definitions win.
func installStrMethods() {
	defMethod(StrType, "split", func(self Object, args []Object, kw []KwArg) (Object, *BaseException) {
		s := string(self.(Str))
		sep, max, exc := splitArgs("split", args, kw)
		if exc != nil {
			return nil, exc
		}
		if sep == None {
			return strList(pySplitWS(s, max)), nil
		}
		return strList(strings.SplitN(s, string(sep.(Str)), max+1|(max>>63))), nil
	})
	defMethod(StrType, "rsplit", func(self Object, args []Object, kw []KwArg) (Object, *BaseException) {
		s := string(self.(Str))
		sep, max, exc := splitArgs("rsplit", args, kw)
		if exc != nil {
			return nil, exc
		}
		if sep == None {
			return strList(pyRSplitWS(s, max)), nil
		}
		d := string(sep.(Str))
		if max < 0 {
			return strList(strings.Split(s, d)), nil
		}
		var out []string
		for len(out) < max {
			i := strings.LastIndex(s, d)
			if i < 0 {
				break
			}
			out = append(out, s[i+len(d):])
			s = s[:i]
		}
		out = append(out, s)
		for a, b := 0, len(out)-1; a < b; a, b = a+1, b-1 {
			out[a], out[b] = out[b], out[a]
		}
		return strList(out), nil
	})
	for _, v := range []struct {
		name  string
		left  bool
		right bool
	}{{"strip", true, true}, {"lstrip", true, false}, {"rstrip", false, true}} {
		v := v
		defMethod(StrType, v.name, func(self Object, args []Object, kw []KwArg) (Object, *BaseException) {
			s := string(self.(Str))
			chars, has, exc := stripChars(v.name, args)
			if exc != nil {
				return nil, exc
			}
			f := pyIsSpace
			if has {
				f = func(r rune) bool { return strings.ContainsRune(chars, r) }
			}
			if v.left {
				s = strings.TrimLeftFunc(s, f)
			}
			if v.right {
				s = strings.TrimRightFunc(s, f)
			}
			return Str(s), nil
		})
	}
	for _, v := range []struct {
		name  string
		last  bool
		raise bool
	}{{"find", false, false}, {"rfind", true, false}, {"index", false, true}, {"rindex", true, true}} {
		v := v
		defMethod(StrType, v.name, func(self Object, args []Object, kw []KwArg) (Object, *BaseException) {
			i, exc := strFind(v.name, self, args, kw, v.last)
			if exc != nil {
				return nil, exc
			}
			if i < 0 && v.raise {
				return nil, Errorf(ValueErrorType, "substring not found")
			}
			return Int(i), nil
		})
	}
	defMethod(StrType, "count", strCount)
	defMethod(StrType, "startswith", func(self Object, args []Object, kw []KwArg) (Object, *BaseException) {
		return strTailMatch("startswith", self, args, kw, false)
	})
	defMethod(StrType, "endswith", func(self Object, args []Object, kw []KwArg) (Object, *BaseException) {
		return strTailMatch("endswith", self, args, kw, true)
	})
	for _, v := range []struct {
		name string
		last bool
	}{{"partition", false}, {"rpartition", true}} {
		v := v
		defMethod(StrType, v.name, func(self Object, args []Object, kw []KwArg) (Object, *BaseException) {
			s := string(self.(Str))
			sep, exc := strArg(v.name, args, 0)
			if exc != nil {
				return nil, exc
			}
			if sep == "" {
				return nil, Errorf(ValueErrorType, "empty separator")
			}
			var i int
			if v.last {
				i = strings.LastIndex(s, sep)
			} else {
				i = strings.Index(s, sep)
			}
			if i < 0 {
				if v.last {
					return NewTuple(Str(""), Str(""), Str(s)), nil
				}
				return NewTuple(Str(s), Str(""), Str("")), nil
			}
			return NewTuple(Str(s[:i]), Str(sep), Str(s[i+len(sep):])), nil
		})
	}
	for _, name := range []string{"center", "ljust", "rjust"} {
		name := name
		defMethod(StrType, name, func(self Object, args []Object, kw []KwArg) (Object, *BaseException) {
			s := string(self.(Str))
			w, fill, exc := padArgs(name, args)
			if exc != nil {
				return nil, exc
			}
			n := utf8.RuneCountInString(s)
			if w <= n {
				return self, nil
			}
			pad := w - n
			var left int
			switch name {
			case "ljust":
				left = 0
			case "rjust":
				left = pad
			default:
				left = pad/2 + (pad & w & 1)
			}
			f := string(fill)
			return Str(strings.Repeat(f, left) + s + strings.Repeat(f, pad-left)), nil
		})
	}
	pred := func(name string, f func(string) bool) {
		defMethod(StrType, name, func(self Object, args []Object, kw []KwArg) (Object, *BaseException) {
			return Bool(f(string(self.(Str)))), nil
		})
	}
	pred("isalpha", func(s string) bool { return allRunes(s, unicode.IsLetter) })
	pred("isalnum", func(s string) bool {
		return allRunes(s, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsNumber(r) })
	})
	pred("isdecimal", func(s string) bool { return allRunes(s, func(r rune) bool { return unicode.Is(unicode.Nd, r) }) })
	pred("isdigit", func(s string) bool {
		return allRunes(s, func(r rune) bool {
			return unicode.IsDigit(r) || unicode.Is(unicode.No, r) && r != 0xbd && r != 0xbc && r != 0xbe
		})
	})
	pred("isnumeric", func(s string) bool { return allRunes(s, unicode.IsNumber) })
	pred("isspace", func(s string) bool { return allRunes(s, pyIsSpace) })
	pred("isascii", func(s string) bool {
		for i := 0; i < len(s); i++ {
			if s[i] >= 0x80 {
				return false
			}
		}
		return true
	})
	pred("isprintable", func(s string) bool {
		for _, r := range s {
			if r != ' ' && !unicode.IsPrint(r) {
				return false
			}
		}
		return true
	})
	pred("isidentifier", func(s string) bool {
		for i, r := range s {
			if !(r == '_' || unicode.IsLetter(r) || i > 0 && (unicode.IsDigit(r) || unicode.Is(unicode.Mn, r) || unicode.Is(unicode.Mc, r) || unicode.Is(unicode.Pc, r))) {
				return false
			}
		}
		return s != ""
	})
	pred("isupper", func(s string) bool {
		cased := false
		for _, r := range s {
			if unicode.IsLower(r) || unicode.IsTitle(r) {
				return false
			}
			if unicode.IsUpper(r) {
				cased = true
			}
		}
		return cased
	})
	pred("islower", func(s string) bool {
		cased := false
		for _, r := range s {
			if unicode.IsUpper(r) || unicode.IsTitle(r) {
				return false
			}
			if unicode.IsLower(r) {
				cased = true
			}
		}
		return cased
	})
	pred("istitle", func(s string) bool {
		cased, prev := false, false
		for _, r := range s {
			switch {
			case unicode.IsUpper(r) || unicode.IsTitle(r):
				if prev {
					return false
				}
				prev, cased = true, true
			case unicode.IsLower(r):
				if !prev {
					return false
				}
				prev, cased = true, true
			default:
				prev = false
			}
		}
		return cased
	})
	conv := func(name string, f func(string) string) {
		defMethod(StrType, name, func(self Object, args []Object, kw []KwArg) (Object, *BaseException) {
			return Str(f(string(self.(Str)))), nil
		})
	}
	conv("swapcase", func(s string) string {
		return strings.Map(func(r rune) rune {
			if unicode.IsUpper(r) {
				return unicode.ToLower(r)
			}
			if unicode.IsLower(r) {
				return unicode.ToUpper(r)
			}
			return r
		}, s)
	})
	conv("casefold", strings.ToLower)
	defMethod(StrType, "splitlines", func(self Object, args []Object, kw []KwArg) (Object, *BaseException) {
		s := string(self.(Str))
		keep := false
		if len(args) > 0 {
			keep, _ = Truth(args[0])
		} else if v, ok := kwarg(kw, "keepends"); ok {
			keep, _ = Truth(v)
		}
		var out []string
		start := 0
		for i := 0; i < len(s); {
			r, n := utf8.DecodeRuneInString(s[i:])
			brk := false
			switch r {
			case '\n', '\v', '\f', 0x1c, 0x1d, 0x1e, 0x85, 0x2028, 0x2029:
				brk = true
			case '\r':
				brk = true
				if i+1 < len(s) && s[i+1] == '\n' {
					n = 2
				}
			}
			if brk {
				if keep {
					out = append(out, s[start:i+n])
				} else {
					out = append(out, s[start:i])
				}
				start = i + n
			}
			i += n
		}
		if start < len(s) {
			out = append(out, s[start:])
		}
		return strList(out), nil
	})
	defMethod(StrType, "removeprefix", func(self Object, args []Object, kw []KwArg) (Object, *BaseException) {
		p, ok := args[0].(Str)
		if !ok {
			return nil, Errorf(TypeErrorType, "removeprefix() argument must be str, not %s", args[0].Type().Name)
		}
		return Str(strings.TrimPrefix(string(self.(Str)), string(p))), nil
	})
	defMethod(StrType, "removesuffix", func(self Object, args []Object, kw []KwArg) (Object, *BaseException) {
		p, ok := args[0].(Str)
		if !ok {
			return nil, Errorf(TypeErrorType, "removesuffix() argument must be str, not %s", args[0].Type().Name)
		}
		return Str(strings.TrimSuffix(string(self.(Str)), string(p))), nil
	})
	defMethod(StrType, "expandtabs", func(self Object, args []Object, kw []KwArg) (Object, *BaseException) {
		size := int64(8)
		if v := methodArgSpec("str", "expandtabs").arg(args, kw, 0); v != nil {
			var exc *BaseException
			if size, exc = indexArg(v); exc != nil {
				return nil, exc
			}
		}
		var b strings.Builder
		col := 0
		for _, r := range string(self.(Str)) {
			switch r {
			case '\t':
				if size > 0 {
					n := int(size) - col%int(size)
					b.WriteString(strings.Repeat(" ", n))
					col += n
				}
			case '\n', '\r':
				b.WriteRune(r)
				col = 0
			default:
				b.WriteRune(r)
				col++
			}
		}
		return Str(b.String()), nil
	})
}
