package ast

import (
	"fmt"
	"math"
	"math/big"
	"reflect"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// optionalFields are the fields whose class default is None in CPython's ast
// module: ast.dump omits them when they are None.
var optionalFields = map[string]bool{
	"AnnAssign.value": true, "Assert.msg": true, "Assign.type_comment": true, "AsyncFor.type_comment": true,
	"AsyncFunctionDef.returns": true, "AsyncFunctionDef.type_comment": true, "AsyncWith.type_comment": true,
	"Constant.kind": true, "ExceptHandler.name": true, "ExceptHandler.type": true, "For.type_comment": true,
	"FormattedValue.format_spec": true, "FunctionDef.returns": true, "FunctionDef.type_comment": true,
	"ImportFrom.module": true, "MatchAs.name": true, "MatchAs.pattern": true, "MatchMapping.rest": true,
	"MatchStar.name": true, "Raise.cause": true, "Raise.exc": true, "Return.value": true, "Slice.lower": true,
	"Slice.step": true, "Slice.upper": true, "TypeVar.bound": true, "With.type_comment": true, "Yield.value": true,
	"alias.asname": true, "arg.annotation": true, "arg.type_comment": true, "arguments.kwarg": true,
	"arguments.vararg": true, "keyword.arg": true, "match_case.guard": true, "withitem.optional_vars": true,
}

var pyClassNames = map[string]string{
	"ExprStmt": "Expr", "Arguments": "arguments", "Arg": "arg", "Keyword": "keyword", "Alias": "alias",
	"WithItem": "withitem", "MatchCase": "match_case", "Comprehension": "comprehension",
}

// Dump returns ast.dump(node) of CPython 3.12, with include_attributes when
// positions is set.
func Dump(n Node, positions bool) string {
	var b strings.Builder
	dumpValue(&b, reflect.ValueOf(n), positions)
	return b.String()
}

func snake(s string) string {
	var b strings.Builder
	for i, r := range s {
		if unicode.IsUpper(r) {
			if i > 0 {
				b.WriteByte('_')
			}
			b.WriteRune(unicode.ToLower(r))
		} else {
			b.WriteRune(r)
		}
	}
	return b.String()
}

func dumpValue(b *strings.Builder, v reflect.Value, positions bool) {
	if v.Kind() == reflect.Interface {
		if v.IsNil() {
			b.WriteString("None")
			return
		}
		v = v.Elem()
	}
	if v.Kind() == reflect.Ptr {
		if v.IsNil() {
			b.WriteString("None")
			return
		}
		v = v.Elem()
	}
	t := v.Type()
	if t.Kind() != reflect.Struct {
		b.WriteString(fmt.Sprint(v.Interface()))
		return
	}
	name := t.Name()
	if py, ok := pyClassNames[name]; ok {
		name = py
	}
	b.WriteString(name)
	b.WriteByte('(')
	first := true
	sep := func() {
		if !first {
			b.WriteString(", ")
		}
		first = false
	}
	var pos *Pos
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		fv := v.Field(i)
		if f.Name == "Pos" {
			p := fv.Addr().Interface().(*Pos)
			pos = p
			continue
		}
		field := snake(f.Name)
		key := name + "." + field
		if optionalFields[key] && isNone(fv) {
			continue
		}
		sep()
		b.WriteString(field)
		b.WriteByte('=')
		switch {
		case f.Name == "Value" && (name == "Constant" || name == "MatchSingleton"):
			b.WriteString(ReprValue(fv.Interface()))
		case fv.Kind() == reflect.String:
			b.WriteString(reprStr(fv.String()))
		case fv.Kind() == reflect.Int:
			b.WriteString(strconv.Itoa(int(fv.Int())))
		case fv.Kind() == reflect.Uint8:
			b.WriteString(fmt.Sprint(fv.Interface()))
			b.WriteString("()")
		case fv.Kind() == reflect.Slice:
			b.WriteByte('[')
			for j := 0; j < fv.Len(); j++ {
				if j > 0 {
					b.WriteString(", ")
				}
				e := fv.Index(j)
				switch e.Kind() {
				case reflect.String:
					b.WriteString(reprStr(e.String()))
				case reflect.Uint8:
					b.WriteString(fmt.Sprint(e.Interface()) + "()")
				default:
					dumpValue(b, e, positions)
				}
			}
			b.WriteByte(']')
		default:
			dumpValue(b, fv, positions)
		}
	}
	if positions && pos != nil {
		for _, a := range []struct {
			n string
			v int
		}{{"lineno", pos.Line}, {"col_offset", pos.Col}, {"end_lineno", pos.EndLine}, {"end_col_offset", pos.EndCol}} {
			sep()
			fmt.Fprintf(b, "%s=%d", a.n, a.v)
		}
	}
	b.WriteByte(')')
}

func isNone(v reflect.Value) bool {
	switch v.Kind() {
	case reflect.String:
		return v.String() == ""
	case reflect.Ptr, reflect.Interface:
		return v.IsNil()
	}
	return false
}

// ReprValue is Python's repr of a constant value.
func ReprValue(v Value) string {
	switch x := v.(type) {
	case NoneValue:
		return "None"
	case EllipsisValue:
		return "Ellipsis"
	case bool:
		if x {
			return "True"
		}
		return "False"
	case *big.Int:
		return x.String()
	case float64:
		return floatRepr(x)
	case complex128:
		if real(x) == 0 && !math.Signbit(real(x)) {
			return floatReprShort(imag(x)) + "j"
		}
		return "(" + floatReprShort(real(x)) + "+" + floatReprShort(imag(x)) + "j)"
	case string:
		return reprStr(x)
	case Bytes:
		return reprBytes(x)
	}
	return fmt.Sprint(v)
}

func floatReprShort(f float64) string {
	s := floatRepr(f)
	return strings.TrimSuffix(s, ".0")
}

func floatRepr(f float64) string {
	switch {
	case math.IsInf(f, 1):
		return "inf"
	case math.IsInf(f, -1):
		return "-inf"
	case math.IsNaN(f):
		return "nan"
	}
	abs := math.Abs(f)
	if abs != 0 && (abs < 1e-4 || abs >= 1e16) {
		s := strconv.FormatFloat(f, 'e', -1, 64)
		mant, exp, _ := strings.Cut(s, "e")
		sign := exp[:1]
		digits := strings.TrimLeft(exp[1:], "0")
		if len(digits) < 2 {
			digits = strings.Repeat("0", 2-len(digits)) + digits
		}
		return mant + "e" + sign + digits
	}
	s := strconv.FormatFloat(f, 'f', -1, 64)
	if !strings.Contains(s, ".") {
		s += ".0"
	}
	return s
}

func reprStr(s string) string {
	quote := byte('\'')
	if strings.IndexByte(s, '\'') >= 0 && strings.IndexByte(s, '"') < 0 {
		quote = '"'
	}
	var b strings.Builder
	b.WriteByte(quote)
	for i, r := range s {
		if r == utf8.RuneError && i+2 < len(s) && s[i] == 0xED && s[i+1]&0xE0 == 0xA0 {
			// A lone surrogate, kept in WTF-8.
			fmt.Fprintf(&b, `\u%04x`, 0xD000|rune(s[i+1]&0x3F)<<6|rune(s[i+2]&0x3F))
			continue
		}
		if r == utf8.RuneError && i > 0 && (s[i]&0xC0 == 0x80) && i >= 1 && surrogateTail(s, i) {
			continue
		}
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
		case r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0):
			fmt.Fprintf(&b, `\x%02x`, r)
		case !unicode.IsPrint(r) && r <= 0xff:
			fmt.Fprintf(&b, `\x%02x`, r)
		case !unicode.IsPrint(r):
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

// surrogateTail reports whether byte i continues a WTF-8 surrogate.
func surrogateTail(s string, i int) bool {
	for j := i - 1; j >= 0 && j >= i-2; j-- {
		if s[j] == 0xED && j+1 < len(s) && s[j+1]&0xE0 == 0xA0 {
			return true
		}
	}
	return false
}

func reprBytes(bs []byte) string {
	quote := byte('\'')
	if strings.IndexByte(string(bs), '\'') >= 0 && strings.IndexByte(string(bs), '"') < 0 {
		quote = '"'
	}
	var b strings.Builder
	b.WriteString("b")
	b.WriteByte(quote)
	for _, c := range bs {
		switch {
		case c == quote || c == '\\':
			b.WriteByte('\\')
			b.WriteByte(c)
		case c == '\n':
			b.WriteString(`\n`)
		case c == '\r':
			b.WriteString(`\r`)
		case c == '\t':
			b.WriteString(`\t`)
		case c < 0x20 || c >= 0x7f:
			fmt.Fprintf(&b, `\x%02x`, c)
		default:
			b.WriteByte(c)
		}
	}
	b.WriteByte(quote)
	return b.String()
}
