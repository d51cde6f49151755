package rtlib

import (
	"fmt"
	"math"
	"math/big"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// ToStr is str(x).
func ToStr(x Object) (Str, *BaseException) {
	switch v := x.(type) {
	case Str:
		return v, nil
	case *BaseException:
		if m, ok := v.Class.lookup("__str__"); ok {
			if gm, isGo := m.(*Method); isGo && isGroup(v) {
				r, exc := gm.Fn(x, nil, nil)
				if exc != nil {
					return "", exc
				}
				return r.(Str), nil
			} else if !isGo {
				r, exc := Call(m, []Object{x}, nil)
				if exc != nil {
					return "", exc
				}
				return ToStr(r)
			}
		}
		switch len(v.Args.Items) {
		case 0:
			return "", nil
		case 1:
			if v.Class.IsSubtype(KeyErrorType) {
				return Repr(v.Args.Items[0])
			}
			return ToStr(v.Args.Items[0])
		}
		return Repr(v.Args)
	case *Instance:
		if m, ok := v.Class.lookup("__str__"); ok {
			r, exc := Call(m, []Object{x}, nil)
			if exc != nil {
				return "", exc
			}
			s, ok := r.(Str)
			if !ok {
				return "", Errorf(TypeErrorType, "__str__ returned non-string (type %s)", r.Type().Name)
			}
			return s, nil
		}
	case interface{ PyStr() (Str, *BaseException) }:
		// A runtime object whose Python class defines __str__ apart
		// from __repr__ (asyncio.Queue).
		return v.PyStr()
	}
	return Repr(x)
}

// reprActive holds the containers whose repr is being computed, so that a
// container inside itself shows as [...] or {...}.
var reprActive = map[Object]bool{}

// Repr is repr(x).
func Repr(x Object) (Str, *BaseException) {
	switch x.(type) {
	case *List, *Dict:
		if reprActive[x] {
			if _, ok := x.(*List); ok {
				return "[...]", nil
			}
			return "{...}", nil
		}
		reprActive[x] = true
		defer delete(reprActive, x)
	}
	switch v := x.(type) {
	case NoneType:
		return "None", nil
	case Bool:
		if v {
			return "True", nil
		}
		return "False", nil
	case Int:
		return Str(strconv.FormatInt(int64(v), 10)), nil
	case *BigInt:
		s, exc := bigDecimal(v.V)
		return Str(s), exc
	case Float:
		return Str(FloatRepr(float64(v))), nil
	case Str:
		return Str(strRepr(string(v))), nil
	case *List:
		return seqRepr("[", "]", v.Items, false)
	case *Tuple:
		return seqRepr("(", ")", v.Items, len(v.Items) == 1)
	case *Dict:
		if v.Class != nil {
			if m, ok := v.Class.lookup("__repr__"); ok {
				return reprVia(m, x)
			}
		}
		var b strings.Builder
		b.WriteByte('{')
		var exc *BaseException
		first := true
		v.Items(func(k, val Object) {
			if exc != nil {
				return
			}
			if !first {
				b.WriteString(", ")
			}
			first = false
			var ks, vs Str
			if ks, exc = Repr(k); exc != nil {
				return
			}
			if vs, exc = Repr(val); exc != nil {
				return
			}
			b.WriteString(string(ks) + ": " + string(vs))
		})
		b.WriteByte('}')
		return Str(b.String()), exc
	case *Function:
		return Str(fmt.Sprintf("<function %s at 0x%x>", v.Qualname, addr(v))), nil
	case *Type:
		if m := MetaOf(v); m != nil && m.Repr != nil {
			return m.Repr(v)
		}
		if v.Module == "builtins" {
			return Str("<class '" + v.Name + "'>"), nil
		}
		return Str("<class '" + v.Module + "." + v.Name + "'>"), nil
	case *Coroutine:
		return Str(fmt.Sprintf("<coroutine object %s at 0x%x>", v.Func().Qualname, addr(v))), nil
	case *Generator:
		return Str(fmt.Sprintf("<generator object %s at 0x%x>", v.Fn.Qualname, addr(v))), nil
	case *AsyncGenerator:
		return Str(fmt.Sprintf("<async_generator object %s at 0x%x>", v.Fn.Qualname, addr(v))), nil
	case *BaseException:
		if m, ok := v.Class.lookup("__repr__"); ok {
			if _, isGo := m.(*Method); !isGo {
				return reprVia(m, x)
			}
		}
		args, exc := Repr(v.Args)
		if exc != nil {
			return "", exc
		}
		if len(v.Args.Items) == 1 {
			args = args[:len(args)-2] + ")"
		}
		return Str(v.Class.Name) + args, nil
	case *Instance:
		if m, ok := v.Class.lookup("__repr__"); ok {
			return reprVia(m, x)
		}
		return Str(fmt.Sprintf("<%s.%s object at 0x%x>", v.Class.Module, v.Class.Name, addr(v))), nil
	case *Module:
		return Str(fmt.Sprintf("<module '%s'>", v.Name)), nil
	case *Builtin:
		return Str("<built-in function " + v.Name + ">"), nil
	}
	if r, ok := x.(interface{ Repr() (Str, *BaseException) }); ok {
		return r.Repr()
	}
	// object.__repr__ names a type by its module too, unless builtins.
	if t := x.Type(); t.Module != "" && t.Module != "builtins" {
		return Str(fmt.Sprintf("<%s.%s object at 0x%x>", t.Module, t.Name, addr(x))), nil
	}
	return Str(fmt.Sprintf("<%s object at 0x%x>", x.Type().Name, addr(x))), nil
}

func reprVia(m, x Object) (Str, *BaseException) {
	r, exc := Call(m, []Object{x}, nil)
	if exc != nil {
		return "", exc
	}
	s, ok := r.(Str)
	if !ok {
		return "", Errorf(TypeErrorType, "__repr__ returned non-string (type %s)", r.Type().Name)
	}
	return s, nil
}

var addrs = map[any]uintptr{}
var nextAddr uintptr = 0x7f0000001000

// addr gives each object a stable fake address for default reprs.
func addr(x any) uintptr {
	if a, ok := addrs[x]; ok {
		return a
	}
	nextAddr += 0x30
	addrs[x] = nextAddr
	return nextAddr
}

func seqRepr(open, close string, items []Object, trailingComma bool) (Str, *BaseException) {
	var b strings.Builder
	b.WriteString(open)
	for i, it := range items {
		if i > 0 {
			b.WriteString(", ")
		}
		s, exc := Repr(it)
		if exc != nil {
			return "", exc
		}
		b.WriteString(string(s))
	}
	if trailingComma {
		b.WriteByte(',')
	}
	b.WriteString(close)
	return Str(b.String()), nil
}

func strRepr(s string) string {
	quote := byte('\'')
	if strings.IndexByte(s, '\'') >= 0 && strings.IndexByte(s, '"') < 0 {
		quote = '"'
	}
	var b strings.Builder
	b.WriteByte(quote)
	for _, r := range s {
		switch {
		case r == rune(quote) || r == '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\r':
			b.WriteString(`\r`)
		case r == '\t':
			b.WriteString(`\t`)
		case r < 0x20 || r == 0x7f:
			fmt.Fprintf(&b, `\x%02x`, r)
		case r >= 0x80 && r <= 0xff && !unicode.IsPrint(r):
			fmt.Fprintf(&b, `\x%02x`, r)
		case r > 0xff && !unicode.IsPrint(r):
			if r > 0xffff {
				fmt.Fprintf(&b, `\U%08x`, r)
			} else {
				fmt.Fprintf(&b, `\u%04x`, r)
			}
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte(quote)
	return b.String()
}

// formatSpec is a parsed format-spec mini-language string.
type formatSpec struct {
	fill      rune
	align     byte
	sign      byte
	alt       bool
	zero      bool
	width     int
	grouping  byte
	precision int
	typ       byte
}

func parseSpec(spec string) (formatSpec, bool) {
	f := formatSpec{fill: ' ', precision: -1}
	s := spec
	if len(s) >= 2 {
		r, n := utf8.DecodeRuneInString(s)
		if n < len(s) && strings.IndexByte("<>=^", s[n]) >= 0 {
			f.fill, f.align = r, s[n]
			s = s[n+1:]
		} else if strings.IndexByte("<>=^", s[0]) >= 0 {
			f.align = s[0]
			s = s[1:]
		}
	} else if len(s) == 1 && strings.IndexByte("<>=^", s[0]) >= 0 {
		f.align = s[0]
		s = s[1:]
	}
	if len(s) > 0 && strings.IndexByte("+- ", s[0]) >= 0 {
		f.sign = s[0]
		s = s[1:]
	}
	if len(s) > 0 && s[0] == '#' {
		f.alt = true
		s = s[1:]
	}
	if len(s) > 0 && s[0] == '0' {
		f.zero = true
		s = s[1:]
	}
	i := 0
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	if i > 0 {
		f.width, _ = strconv.Atoi(s[:i])
		s = s[i:]
	}
	if len(s) > 0 && (s[0] == ',' || s[0] == '_') {
		f.grouping = s[0]
		s = s[1:]
	}
	if len(s) > 0 && s[0] == '.' {
		i = 1
		for i < len(s) && s[i] >= '0' && s[i] <= '9' {
			i++
		}
		if i == 1 {
			return f, false
		}
		f.precision, _ = strconv.Atoi(s[1:i])
		s = s[i:]
	}
	if len(s) > 1 {
		return f, false
	}
	if len(s) == 1 {
		f.typ = s[0]
	}
	return f, true
}

// Format is format(x, spec): the format-spec mini-language for the builtin
// types, and __format__ of classes.
func Format(x Object, spec string) (Str, *BaseException) {
	if inst, ok := x.(*Instance); ok {
		if m, ok := inst.Class.lookup("__format__"); ok {
			r, exc := Call(m, []Object{x, Str(spec)}, nil)
			if exc != nil {
				return "", exc
			}
			if s, ok := r.(Str); ok {
				return s, nil
			}
			if !r.Type().IsSubtype(StrType) {
				return "", Errorf(TypeErrorType, "__format__ must return a str, not %s", r.Type().Name)
			}
			return ToStr(r)
		}
	}
	if spec == "" {
		return ToStr(x)
	}
	f, ok := parseSpec(spec)
	if !ok {
		return "", Errorf(ValueErrorType, "Invalid format specifier '%s' for object of type '%s'", spec, x.Type().Name)
	}
	switch v := x.(type) {
	case Bool:
		n := int64(0)
		if v {
			n = 1
		}
		return Format(Int(n), spec)
	case Int:
		if f.typ != 0 && strings.IndexByte("eEfFgG%", f.typ) >= 0 {
			return formatFloat(float64(v), f)
		}
		return formatInt(big.NewInt(int64(v)), f, spec)
	case *BigInt:
		if f.typ != 0 && strings.IndexByte("eEfFgG%", f.typ) >= 0 {
			fv, _ := new(big.Float).SetInt(v.V).Float64()
			return formatFloat(fv, f)
		}
		return formatInt(v.V, f, spec)
	case Float:
		return formatFloat(float64(v), f)
	case Str:
		if f.typ != 0 && f.typ != 's' {
			return "", Errorf(ValueErrorType, "Unknown format code '%c' for object of type 'str'", f.typ)
		}
		switch {
		case f.grouping != 0:
			return "", Errorf(ValueErrorType, "Cannot specify '%c' with 's'.", f.grouping)
		case f.sign != 0:
			return "", Errorf(ValueErrorType, "Sign not allowed in string format specifier")
		case f.align == '=':
			return "", Errorf(ValueErrorType, "'=' alignment not allowed in string format specifier")
		case f.alt:
			return "", Errorf(ValueErrorType, "Alternate form (#) not allowed in string format specifier")
		}
		if f.zero && f.align == 0 {
			f.fill = '0'
		}
		s := string(v)
		if f.precision >= 0 {
			if r := []rune(s); len(r) > f.precision {
				s = string(r[:f.precision])
			}
		}
		return pad(s, f, '<'), nil
	}
	return "", Errorf(TypeErrorType, "unsupported format string passed to %s.__format__", x.Type().Name)
}

func pad(s string, f formatSpec, defAlign byte) Str {
	n := utf8.RuneCountInString(s)
	if n >= f.width {
		return Str(s)
	}
	fill := strings.Repeat(string(f.fill), f.width-n)
	align := f.align
	if align == 0 {
		align = defAlign
	}
	switch align {
	case '<':
		return Str(s + fill)
	case '^':
		left := (f.width - n) / 2
		return Str(strings.Repeat(string(f.fill), left) + s + strings.Repeat(string(f.fill), f.width-n-left))
	}
	return Str(fill + s)
}

// padNumber applies sign, '=' alignment and zero padding to a formatted
// number whose sign has been split off.
func padNumber(neg bool, prefix, digits string, f formatSpec) Str {
	sign := ""
	if neg {
		sign = "-"
	} else if f.sign == '+' {
		sign = "+"
	} else if f.sign == ' ' {
		sign = " "
	}
	if f.zero && f.align == 0 {
		f.align, f.fill = '=', '0'
	}
	if f.align == '=' {
		n := len(sign) + len(prefix) + utf8.RuneCountInString(digits)
		if n < f.width {
			digits = strings.Repeat(string(f.fill), f.width-n) + digits
		}
		return Str(sign + prefix + digits)
	}
	return pad(sign+prefix+digits, f, '>')
}

func group(intPart string, sep byte, every int) string {
	if sep == 0 || len(intPart) <= every {
		return intPart
	}
	var parts []string
	for len(intPart) > every {
		parts = append([]string{intPart[len(intPart)-every:]}, parts...)
		intPart = intPart[:len(intPart)-every]
	}
	parts = append([]string{intPart}, parts...)
	return strings.Join(parts, string(sep))
}

func formatInt(v *big.Int, f formatSpec, spec string) (Str, *BaseException) {
	if f.precision >= 0 {
		return "", Errorf(ValueErrorType, "Precision not allowed in integer format specifier")
	}
	neg := v.Sign() < 0
	abs := new(big.Int).Abs(v)
	var digits, prefix string
	switch f.typ {
	case 0, 'd', 'n':
		s, exc := bigDecimal(abs)
		if exc != nil {
			return "", exc
		}
		digits = group(s, f.grouping, 3)
	case 'b':
		digits, prefix = group(abs.Text(2), f.grouping, 4), "0b"
	case 'o':
		digits, prefix = group(abs.Text(8), f.grouping, 4), "0o"
	case 'x':
		digits, prefix = group(abs.Text(16), f.grouping, 4), "0x"
	case 'X':
		digits, prefix = strings.ToUpper(group(abs.Text(16), f.grouping, 4)), "0X"
	case 'c':
		if !v.IsInt64() || v.Int64() < 0 || v.Int64() > 0x10FFFF {
			return "", Errorf(OverflowErrorType, "%%c arg not in range(0x110000)")
		}
		digits = string(rune(abs.Int64()))
	default:
		return "", Errorf(ValueErrorType, "Unknown format code '%c' for object of type 'int'", f.typ)
	}
	if !f.alt {
		prefix = ""
	}
	return padNumber(neg, prefix, digits, f), nil
}

func formatFloat(v float64, f formatSpec) (Str, *BaseException) {
	if f.typ != 0 && strings.IndexByte("eEfFgGn%", f.typ) < 0 {
		return "", Errorf(ValueErrorType, "Unknown format code '%c' for object of type 'float'", f.typ)
	}
	neg := math.Signbit(v) && !math.IsNaN(v)
	a := math.Abs(v)
	prec := f.precision
	var s string
	typ := f.typ
	switch {
	case math.IsInf(a, 0):
		s = "inf"
	case math.IsNaN(a):
		s = "nan"
	}
	if s != "" {
		if typ == 'F' || typ == 'E' || typ == 'G' {
			s = strings.ToUpper(s)
		}
		if typ == '%' {
			s += "%"
		}
		return padNumber(neg, "", s, f), nil
	}
	if prec < 0 && typ != 0 {
		prec = 6
	}
	switch typ {
	case 'f', 'F':
		s = strconv.FormatFloat(a, 'f', prec, 64)
		if f.alt && prec == 0 {
			s += "."
		}
	case '%':
		s = strconv.FormatFloat(a*100, 'f', prec, 64)
		if f.alt && prec == 0 {
			s += "."
		}
		s += "%"
	case 'e', 'E':
		s = fixExp(strconv.FormatFloat(a, 'e', prec, 64))
		if typ == 'E' {
			s = strings.ToUpper(s)
		}
	case 'g', 'G':
		if prec == 0 {
			prec = 1
		}
		s = formatG(a, prec, f.alt)
		if typ == 'G' {
			s = strings.ToUpper(s)
		}
	case 0:
		if prec < 0 {
			s = FloatRepr(a)
		} else {
			if prec == 0 {
				prec = 1
			}
			s = formatG(a, prec, f.alt)
			if !strings.ContainsAny(s, ".e") {
				s += ".0"
			}
		}
	case 'n':
		s = formatG(a, max(prec, 1), f.alt)
	default:
		return "", Errorf(ValueErrorType, "Unknown format code '%c' for object of type 'float'", typ)
	}
	if f.grouping != 0 {
		intPart, rest := s, ""
		if i := strings.IndexAny(s, ".e%"); i >= 0 {
			intPart, rest = s[:i], s[i:]
		}
		s = group(intPart, f.grouping, 3) + rest
	}
	return padNumber(neg, "", s, f), nil
}

// fixExp turns Go's exponent (e+06) into Python's (e+06 stays; e+123 too).
func fixExp(s string) string {
	i := strings.IndexAny(s, "eE")
	if i < 0 {
		return s
	}
	exp := s[i+2:]
	if len(exp) < 2 {
		exp = "0" + exp
	}
	return s[:i+2] + exp
}

// formatG is the 'g' presentation type with precision p.
func formatG(a float64, p int, alt bool) string {
	if a == 0 {
		if alt {
			return "0." + strings.Repeat("0", p-1)
		}
		return "0"
	}
	e := strconv.FormatFloat(a, 'e', p-1, 64)
	exp, _ := strconv.Atoi(e[strings.IndexByte(e, 'e')+1:])
	var s string
	if exp < -4 || exp >= p {
		s = e
		if !alt {
			mant, ex, _ := strings.Cut(s, "e")
			if strings.Contains(mant, ".") {
				mant = strings.TrimRight(strings.TrimRight(mant, "0"), ".")
			}
			s = mant + "e" + ex
		}
		return fixExp(s)
	}
	s = strconv.FormatFloat(a, 'f', p-1-exp, 64)
	if !alt && strings.Contains(s, ".") {
		s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	}
	return s
}

// Ascii is ascii(x).
func Ascii(x Object) (Str, *BaseException) {
	s, exc := Repr(x)
	if exc != nil {
		return "", exc
	}
	var b strings.Builder
	for _, r := range string(s) {
		switch {
		case r < 0x80:
			b.WriteRune(r)
		case r < 0x100:
			fmt.Fprintf(&b, `\x%02x`, r)
		case r < 0x10000:
			fmt.Fprintf(&b, `\u%04x`, r)
		default:
			fmt.Fprintf(&b, `\U%08x`, r)
		}
	}
	return Str(b.String()), nil
}

// PercentFormat is s % args for %s, %r, %d, %f-style conversions.
func PercentFormat(s Str, args Object) (Object, *BaseException) {
	var items []Object
	var mapping Object
	if t, ok := args.(*Tuple); ok {
		items = t.Items
	} else {
		items = []Object{args}
		if _, isStr := args.(Str); !isStr {
			if _, ok := args.Type().lookup("__getitem__"); ok || isDictLike(args) {
				mapping = args
			}
		}
	}
	var b strings.Builder
	src := string(s)
	next := 0
	usedMapping := false
	take := func() (Object, *BaseException) {
		if next >= len(items) {
			return nil, Errorf(TypeErrorType, "not enough arguments for format string")
		}
		next++
		return items[next-1], nil
	}
	for i := 0; i < len(src); i++ {
		c := src[i]
		if c != '%' {
			b.WriteByte(c)
			continue
		}
		j := i + 1
		var arg Object
		if j < len(src) && src[j] == '(' {
			if mapping == nil {
				return nil, Errorf(TypeErrorType, "format requires a mapping")
			}
			depth, k := 1, j+1
			for k < len(src) && depth > 0 {
				if src[k] == '(' {
					depth++
				} else if src[k] == ')' {
					depth--
				}
				k++
			}
			if depth > 0 {
				return nil, Errorf(ValueErrorType, "incomplete format key")
			}
			v, exc := GetItem(mapping, Str(src[j+1:k-1]))
			if exc != nil {
				return nil, exc
			}
			arg, usedMapping, j = v, true, k
		}
		var left, plus, space, alt, zero bool
		for ; j < len(src) && strings.IndexByte("-+ #0", src[j]) >= 0; j++ {
			switch src[j] {
			case '-':
				left = true
			case '+':
				plus = true
			case ' ':
				space = true
			case '#':
				alt = true
			case '0':
				zero = true
			}
		}
		width, prec := -1, -1
		num := func() (int, *BaseException) {
			if j < len(src) && src[j] == '*' {
				j++
				v, exc := take()
				if exc != nil {
					return 0, exc
				}
				n, ok := asInt(v)
				if !ok {
					return 0, Errorf(TypeErrorType, "* wants int")
				}
				return int(n), nil
			}
			n := 0
			for ; j < len(src) && src[j] >= '0' && src[j] <= '9'; j++ {
				n = n*10 + int(src[j]-'0')
			}
			return n, nil
		}
		if j < len(src) && (src[j] == '*' || src[j] >= '0' && src[j] <= '9') {
			w, exc := num()
			if exc != nil {
				return nil, exc
			}
			if w < 0 {
				left, w = true, -w
			}
			width = w
		}
		if j < len(src) && src[j] == '.' {
			j++
			p, exc := num()
			if exc != nil {
				return nil, exc
			}
			prec = p
		}
		for j < len(src) && strings.IndexByte("hlL", src[j]) >= 0 {
			j++
		}
		if j >= len(src) {
			return nil, Errorf(ValueErrorType, "incomplete format")
		}
		conv := src[j]
		i = j
		if conv == '%' {
			b.WriteByte('%')
			continue
		}
		if arg == nil {
			v, exc := take()
			if exc != nil {
				return nil, exc
			}
			arg = v
		}
		var out string
		numeric := false
		switch conv {
		case 's', 'r', 'a':
			var r Str
			var exc *BaseException
			switch conv {
			case 's':
				r, exc = ToStr(arg)
			case 'r':
				r, exc = Repr(arg)
			default:
				var a Object
				a, exc = Ascii(arg)
				r, _ = a.(Str)
			}
			if exc != nil {
				return nil, exc
			}
			out = string(r)
			if prec >= 0 {
				if rs := []rune(out); len(rs) > prec {
					out = string(rs[:prec])
				}
			}
		case 'c':
			switch v := arg.(type) {
			case Str:
				if utf8Len(string(v)) != 1 {
					return nil, Errorf(TypeErrorType, "%%c requires an int or a unicode character, not a string of length %d", utf8Len(string(v)))
				}
				out = string(v)
			default:
				n, ok := asInt(arg)
				if !ok {
					return nil, Errorf(TypeErrorType, "%%c requires an int or a unicode character, not %s", arg.Type().Name)
				}
				out = string(rune(n))
			}
		case 'd', 'i', 'u', 'o', 'x', 'X', 'e', 'E', 'f', 'F', 'g', 'G':
			numeric = true
			spec := ""
			if plus {
				spec += "+"
			} else if space {
				spec += " "
			}
			if alt && conv != 'd' && conv != 'i' && conv != 'u' {
				spec += "#"
			}
			if zero && !left && width > 0 {
				spec += "0" + strconv.Itoa(width)
			}
			ty := string(conv)
			switch conv {
			case 'd', 'i', 'u', 'o', 'x', 'X':
				if conv == 'i' || conv == 'u' {
					ty = "d"
				}
				if !isIntLike(arg) {
					if f, ok := arg.(Float); ok {
						v, exc := Call(IntType, []Object{f}, nil)
						if exc != nil {
							return nil, exc
						}
						arg = v
					} else if _, isInst := arg.(*Instance); isInst {
						v, exc := Call(IntType, []Object{arg}, nil)
						if exc != nil {
							return nil, exc
						}
						arg = v
					} else {
						what := "a real number"
						if conv != 'd' && conv != 'i' && conv != 'u' {
							what = "an integer"
						}
						return nil, Errorf(TypeErrorType, "%%%c format: %s is required, not %s", conv, what, arg.Type().Name)
					}
				}
				if prec >= 0 && !(zero && !left && width > 0) {
					// precision on integers is a minimum digit count
					spec += "0" + strconv.Itoa(prec+boolInt(plus || space || isNegative(arg)))
				}
			default:
				if _, ok := asFloat(arg); !ok {
					return nil, Errorf(TypeErrorType, "must be real number, not %s", arg.Type().Name)
				}
				if !isIntLike(arg) {
				} else {
					f, _ := asFloat(arg)
					arg = Float(f)
				}
				p := prec
				if p < 0 {
					p = 6
				}
				spec += "." + strconv.Itoa(p)
			}
			r, exc := Format(arg, spec+ty)
			if exc != nil {
				return nil, exc
			}
			out = string(r)
		default:
			return nil, Errorf(ValueErrorType, "unsupported format character '%c' (0x%x) at index %d", conv, conv, j)
		}
		if n := utf8Len(out); width > n {
			pad := strings.Repeat(" ", width-n)
			if left {
				out += pad
			} else if !(numeric && zero) {
				out = pad + out
			}
		}
		b.WriteString(out)
	}
	if next < len(items) && !usedMapping && mapping == nil {
		return nil, Errorf(TypeErrorType, "not all arguments converted during string formatting")
	}
	return Str(b.String()), nil
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

func isNegative(x Object) bool {
	c, ok := compare(x, Int(0))
	return ok && c < 0
}

// isDictLike reports whether s % x takes x as a mapping (CPython's
// PyMapping_Check, for the builtins that support subscription: a list
// or a range as well as a dict; a tuple and a str never get here).
func isDictLike(x Object) bool {
	switch x.(type) {
	case *Dict, *List, *rangeObj, *bigRange:
		return true
	}
	return false
}
