package rtlib

import (
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

// runeIndex converts a byte offset in s to a code point index.
func runeIndex(s string, b int) int { return utf8.RuneCountInString(s[:b]) }

// byteOffset converts a code point index (clamped as a slice bound, negative
// from the end) to a byte offset in s.
func byteOffset(s string, i int64, n int) int {
	if i < 0 {
		i += int64(n)
		if i < 0 {
			i = 0
		}
	}
	if i >= int64(n) {
		return len(s)
	}
	k := 0
	for b := range s {
		if k == int(i) {
			return b
		}
		k++
	}
	return len(s)
}

// findRange reads the optional start and end of find/index/count.
func findRange(s string, args []Object) (lo, hi int, ok bool) {
	n := utf8.RuneCountInString(s)
	lo, hi = 0, len(s)
	st, en := int64(0), int64(n)
	if len(args) > 1 && args[1] != None {
		st, _ = asInt(args[1])
	}
	if len(args) > 2 && args[2] != None {
		en, _ = asInt(args[2])
	}
	if st < 0 {
		st += int64(n)
		if st < 0 {
			st = 0
		}
	}
	if en < 0 {
		en += int64(n)
		if en < 0 {
			en = 0
		}
	}
	if st > int64(n) || st > en {
		return 0, 0, false
	}
	lo, hi = byteOffset(s, st, n), byteOffset(s, en, n)
	return lo, hi, true
}

func strFind(name string, self Object, args []Object, last bool) (int, *BaseException) {
	s := string(self.(Str))
	sub, exc := strArg(name, args, 0)
	if exc != nil {
		return 0, exc
	}
	lo, hi, ok := findRange(s, args)
	if !ok {
		return -1, nil
	}
	var i int
	if last {
		i = strings.LastIndex(s[lo:hi], sub)
	} else {
		i = strings.Index(s[lo:hi], sub)
	}
	if i < 0 {
		return -1, nil
	}
	return runeIndex(s, lo+i), nil
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
		if !ok || utf8.RuneCountInString(string(f)) != 1 {
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
			i, exc := strFind(v.name, self, args, v.last)
			if exc != nil {
				return nil, exc
			}
			if i < 0 && v.raise {
				return nil, Errorf(ValueErrorType, "substring not found")
			}
			return Int(i), nil
		})
	}
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
		p, exc := strArg("removeprefix", args, 0)
		if exc != nil {
			return nil, exc
		}
		return Str(strings.TrimPrefix(string(self.(Str)), p)), nil
	})
	defMethod(StrType, "removesuffix", func(self Object, args []Object, kw []KwArg) (Object, *BaseException) {
		p, exc := strArg("removesuffix", args, 0)
		if exc != nil {
			return nil, exc
		}
		return Str(strings.TrimSuffix(string(self.(Str)), p)), nil
	})
	defMethod(StrType, "expandtabs", func(self Object, args []Object, kw []KwArg) (Object, *BaseException) {
		size := int64(8)
		if len(args) > 0 {
			size, _ = asInt(args[0])
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
