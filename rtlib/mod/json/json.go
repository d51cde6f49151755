// Package json is Python's json module for translated programs: dumps and
// loads (and dump and load, through an object's write and read), with the
// output, the errors and the messages of CPython 3.12's json and its C
// accelerator (_json). Not supported: the cls argument (a JSONEncoder or
// JSONDecoder subclass), and the encoder and decoder classes themselves.
package json

import (
	"math"
	"strconv"
	"strings"
	"unicode/utf8"

	rt "github.com/async2go/async2go/rtlib"
)

// JSONDecodeErrorType is json.JSONDecodeError, a ValueError with msg, doc,
// pos, lineno and colno.
var JSONDecodeErrorType = rt.NewClass("JSONDecodeError", "json.decoder", rt.ValueErrorType)

func init() {
	rt.RegisterModule("json", func() (*rt.Module, *rt.BaseException) {
		m := rt.NewModule("json")
		m.Dict.SetStr("JSONDecodeError", JSONDecodeErrorType)
		m.Dict.SetStr("dumps", &rt.Builtin{Name: "dumps", Fn: dumps})
		m.Dict.SetStr("loads", &rt.Builtin{Name: "loads", Fn: loads})
		m.Dict.SetStr("dump", &rt.Builtin{Name: "dump", Fn: dump})
		m.Dict.SetStr("load", &rt.Builtin{Name: "load", Fn: load})
		encoderKw := []string{"skipkeys", "ensure_ascii", "check_circular", "allow_nan", "cls", "indent", "separators", "default", "sort_keys"}
		decoderKw := []string{"cls", "object_hook", "parse_float", "parse_int", "parse_constant", "object_pairs_hook"}
		rt.ApplyArgs(m.Dict, map[string]*rt.ArgSpec{
			"dumps": rt.ArgsPython("dumps", 1, "obj").KwOnly(encoderKw...).AnyKw(),
			"dump":  rt.ArgsPython("dump", 2, "obj", "fp").KwOnly(encoderKw...).AnyKw(),
			"loads": rt.ArgsPython("loads", 1, "s").KwOnly(decoderKw...).AnyKw(),
			"load":  rt.ArgsPython("load", 1, "fp").KwOnly(decoderKw...).AnyKw(),
		})
		return m, nil
	})
}

// kwArg is the keyword argument name of kw, or nil.
func kwArg(kw []rt.KwArg, name string) rt.Object {
	for _, k := range kw {
		if k.Name == name {
			return k.Value
		}
	}
	return nil
}

func truth(kw []rt.KwArg, name string, def bool) (bool, *rt.BaseException) {
	v := kwArg(kw, name)
	if v == nil {
		return def, nil
	}
	return rt.Truth(v)
}

// newEncoder reads dumps's keyword arguments (JSONEncoder.__init__).
func newEncoder(kw []rt.KwArg) (*encoder, *rt.BaseException) {
	known := map[string]bool{"skipkeys": true, "ensure_ascii": true, "check_circular": true, "allow_nan": true,
		"cls": true, "indent": true, "separators": true, "default": true, "sort_keys": true}
	for _, k := range kw {
		if !known[k.Name] {
			return nil, rt.Errorf(rt.TypeErrorType, "JSONEncoder.__init__() got an unexpected keyword argument '%s'", k.Name)
		}
	}
	if c := kwArg(kw, "cls"); c != nil && c != rt.None {
		return nil, rt.Errorf(rt.NotImplementedType, "json.dumps(cls=...) is not supported by async2go")
	}
	e := &encoder{itemSep: ", ", keySep: ": ", markers: map[any]bool{}}
	var exc *rt.BaseException
	for _, f := range []struct {
		name string
		dst  *bool
		def  bool
	}{{"skipkeys", &e.skipKeys, false}, {"ensure_ascii", &e.ensureASCII, true}, {"check_circular", &e.checkCircular, true},
		{"allow_nan", &e.allowNaN, true}, {"sort_keys", &e.sortKeys, false}} {
		if *f.dst, exc = truth(kw, f.name, f.def); exc != nil {
			return nil, exc
		}
	}
	if v := kwArg(kw, "indent"); v != nil && v != rt.None {
		var ind string
		switch x := v.(type) {
		case rt.Str:
			ind = string(x)
		default:
			r, exc := rt.Mul(rt.Str(" "), v)
			if exc != nil {
				return nil, exc
			}
			s, ok := r.(rt.Str)
			if !ok {
				return nil, rt.Errorf(rt.TypeErrorType, "can't multiply sequence by non-int of type '%s'", v.Type().Name)
			}
			ind = string(s)
		}
		e.indent, e.hasIndent = ind, true
		e.itemSep = ","
	}
	if v := kwArg(kw, "separators"); v != nil && v != rt.None {
		items, exc := rt.Iterate(v)
		if exc != nil {
			return nil, exc
		}
		if len(items) != 2 {
			return nil, rt.Errorf(rt.ValueErrorType, "too many values to unpack (expected 2)")
		}
		item, ok1 := items[0].(rt.Str)
		key, ok2 := items[1].(rt.Str)
		if !ok1 || !ok2 {
			return nil, rt.Errorf(rt.TypeErrorType, "make_encoder() argument 6 must be str, not %s", items[0].Type().Name)
		}
		e.itemSep, e.keySep = string(item), string(key)
	}
	if v := kwArg(kw, "default"); v != nil && v != rt.None {
		e.def = v
	}
	return e, nil
}

func dumps(args []rt.Object, kw []rt.KwArg) (rt.Object, *rt.BaseException) {
	e, exc := newEncoder(kw)
	if exc != nil {
		return nil, exc
	}
	if exc := e.encode(args[0], 0); exc != nil {
		return nil, exc
	}
	return rt.Str(e.b.String()), nil
}

func dump(args []rt.Object, kw []rt.KwArg) (rt.Object, *rt.BaseException) {
	s, exc := dumps(args[:1], kw)
	if exc != nil {
		return nil, exc
	}
	// CPython writes the pieces its encoder yields one by one; here the
	// text is written whole (one call of write).
	if _, exc := rt.CallMethod(args[1], "write", []rt.Object{s}, nil); exc != nil {
		return nil, exc
	}
	return rt.None, nil
}

// encoder is json.JSONEncoder's state for one dumps.
type encoder struct {
	skipKeys, ensureASCII, checkCircular, allowNaN, sortKeys bool
	hasIndent                                                bool
	indent                                                   string
	itemSep, keySep                                          string
	def                                                      rt.Object
	markers                                                  map[any]bool
	b                                                        strings.Builder
	depth                                                    int
}

// enter counts a level of nesting, as the C encoder's recursion check.
func (e *encoder) enter() *rt.BaseException {
	e.depth++
	if rt.CallDepth()+e.depth > rt.RecursionLimit {
		return rt.Errorf(rt.RecursionErrorType, "maximum recursion depth exceeded while encoding a JSON object")
	}
	return nil
}

func (e *encoder) mark(o rt.Object) *rt.BaseException {
	if !e.checkCircular {
		return nil
	}
	if e.markers[o] {
		return rt.Errorf(rt.ValueErrorType, "Circular reference detected")
	}
	e.markers[o] = true
	return nil
}

func (e *encoder) unmark(o rt.Object) {
	if e.checkCircular {
		delete(e.markers, o)
	}
}

func (e *encoder) floatStr(f float64) (string, *rt.BaseException) {
	var s string
	switch {
	case math.IsNaN(f):
		s = "NaN"
	case math.IsInf(f, 1):
		s = "Infinity"
	case math.IsInf(f, -1):
		s = "-Infinity"
	default:
		return rt.FloatRepr(f), nil
	}
	if !e.allowNaN {
		return "", rt.Errorf(rt.ValueErrorType, "Out of range float values are not JSON compliant: %s", rt.FloatRepr(f))
	}
	return s, nil
}

// isNamedTuple reports whether o is an instance of a namedtuple class,
// which CPython's json writes as the tuple it is. (The runtime's
// namedtuples are not tuple subclasses: they are known by their _fields
// and _field_defaults.)
func isNamedTuple(o rt.Object) bool {
	inst, ok := o.(*rt.Instance)
	if !ok {
		return false
	}
	if inst.Class.IsSubtype(rt.TupleType) || inst.Class.IsSubtype(rt.ListType) {
		return true
	}
	f, ok := rt.LookupAttr(inst.Class, "_fields")
	if _, isTuple := f.(*rt.Tuple); !ok || !isTuple {
		return false
	}
	d, ok := rt.LookupAttr(inst.Class, "_field_defaults")
	_, isDict := d.(*rt.Dict)
	return ok && isDict
}

// subclassValue is the int, float or str value of an instance of a class
// derived from one of them (IntEnum, StrEnum), which json writes as that
// value; ok is false for other objects.
func subclassValue(o rt.Object) (rt.Object, bool, *rt.BaseException) {
	inst, ok := o.(*rt.Instance)
	if !ok {
		return nil, false, nil
	}
	for _, t := range []*rt.Type{rt.IntType, rt.FloatType, rt.StrType} {
		if inst.Class.IsSubtype(t) {
			v, exc := rt.Call(t, []rt.Object{o}, nil)
			return v, exc == nil, exc
		}
	}
	return nil, false, nil
}

func (e *encoder) encode(o rt.Object, level int) *rt.BaseException {
	switch v := o.(type) {
	case rt.Str:
		e.str(string(v))
		return nil
	case rt.NoneType:
		e.b.WriteString("null")
		return nil
	case rt.Bool:
		if v {
			e.b.WriteString("true")
		} else {
			e.b.WriteString("false")
		}
		return nil
	case rt.Int:
		e.b.WriteString(strconv.FormatInt(int64(v), 10))
		return nil
	case *rt.BigInt:
		s, exc := rt.Repr(v)
		if exc != nil {
			return exc
		}
		e.b.WriteString(string(s))
		return nil
	case rt.Float:
		s, exc := e.floatStr(float64(v))
		if exc != nil {
			return exc
		}
		e.b.WriteString(s)
		return nil
	case *rt.List:
		return e.list(o, v.Items, level)
	case *rt.Tuple:
		return e.list(o, v.Items, level)
	case *rt.Dict:
		return e.dict(v, level)
	}
	if isNamedTuple(o) {
		items, exc := rt.Iterate(o)
		if exc != nil {
			return exc
		}
		return e.list(o, items, level)
	}
	if v, ok, exc := subclassValue(o); exc != nil {
		return exc
	} else if ok {
		return e.encode(v, level)
	}
	if e.def == nil {
		return rt.Errorf(rt.TypeErrorType, "Object of type %s is not JSON serializable", o.Type().Name)
	}
	if exc := e.mark(o); exc != nil {
		return exc
	}
	r, exc := rt.Call(e.def, []rt.Object{o}, nil)
	if exc != nil {
		return exc
	}
	if exc := e.enter(); exc != nil {
		return exc
	}
	if exc := e.encode(r, level); exc != nil {
		return exc
	}
	e.depth--
	e.unmark(o)
	return nil
}

// open writes the opening bracket and, with an indent, the first newline;
// it returns the separator of the items.
func (e *encoder) open(bracket string, level *int) string {
	e.b.WriteString(bracket)
	if !e.hasIndent {
		return e.itemSep
	}
	*level++
	nl := "\n" + strings.Repeat(e.indent, *level)
	e.b.WriteString(nl)
	return e.itemSep + nl
}

func (e *encoder) close(bracket string, level int) {
	if e.hasIndent {
		e.b.WriteString("\n" + strings.Repeat(e.indent, level-1))
	}
	e.b.WriteString(bracket)
}

func (e *encoder) list(o rt.Object, items []rt.Object, level int) *rt.BaseException {
	if len(items) == 0 {
		e.b.WriteString("[]")
		return nil
	}
	if exc := e.mark(o); exc != nil {
		return exc
	}
	if exc := e.enter(); exc != nil {
		return exc
	}
	sep := e.open("[", &level)
	for i, it := range items {
		if i > 0 {
			e.b.WriteString(sep)
		}
		if exc := e.encode(it, level); exc != nil {
			return exc
		}
	}
	e.close("]", level)
	e.depth--
	e.unmark(o)
	return nil
}

func (e *encoder) dict(d *rt.Dict, level int) *rt.BaseException {
	if d.Len() == 0 {
		e.b.WriteString("{}")
		return nil
	}
	if exc := e.mark(d); exc != nil {
		return exc
	}
	if exc := e.enter(); exc != nil {
		return exc
	}
	var keys, vals []rt.Object
	d.Items(func(k, v rt.Object) {
		keys = append(keys, k)
		vals = append(vals, v)
	})
	if e.sortKeys {
		sorted, exc := rt.Call(rt.MustBuiltin("sorted"), []rt.Object{rt.NewList(keys...)}, nil)
		if exc != nil {
			return exc
		}
		keys = sorted.(*rt.List).Items
		for i, k := range keys {
			v, _, exc := d.GetItem(k)
			if exc != nil {
				return exc
			}
			vals[i] = v
		}
	}
	sep := e.open("{", &level)
	first := true
	for i, k := range keys {
		ks, ok, exc := e.key(k)
		if exc != nil {
			return exc
		}
		if !ok {
			continue
		}
		if !first {
			e.b.WriteString(sep)
		}
		first = false
		e.str(ks)
		e.b.WriteString(e.keySep)
		if exc := e.encode(vals[i], level); exc != nil {
			return exc
		}
	}
	e.close("}", level)
	e.depth--
	e.unmark(d)
	return nil
}

// key is the string a dict key is written as; ok is false for a key that
// skipkeys leaves out.
func (e *encoder) key(k rt.Object) (string, bool, *rt.BaseException) {
	switch v := k.(type) {
	case rt.Str:
		return string(v), true, nil
	case rt.Float:
		s, exc := e.floatStr(float64(v))
		return s, exc == nil, exc
	case rt.Bool:
		if v {
			return "true", true, nil
		}
		return "false", true, nil
	case rt.NoneType:
		return "null", true, nil
	case rt.Int, *rt.BigInt:
		s, exc := rt.Repr(v)
		return string(s), exc == nil, exc
	}
	if v, ok, exc := subclassValue(k); exc != nil {
		return "", false, exc
	} else if ok {
		return e.key(v)
	}
	if e.skipKeys {
		return "", false, nil
	}
	return "", false, rt.Errorf(rt.TypeErrorType, "keys must be str, int, float, bool or None, not %s", k.Type().Name)
}

const hexDigits = "0123456789abcdef"

func (e *encoder) uEscape(r rune) {
	e.b.WriteString(`\u`)
	for shift := 12; shift >= 0; shift -= 4 {
		e.b.WriteByte(hexDigits[(r>>shift)&0xf])
	}
}

// str writes s as a JSON string (encode_basestring_ascii, or
// encode_basestring with ensure_ascii false).
func (e *encoder) str(s string) {
	e.b.WriteByte('"')
	for _, r := range s {
		switch r {
		case '"':
			e.b.WriteString(`\"`)
		case '\\':
			e.b.WriteString(`\\`)
		case '\n':
			e.b.WriteString(`\n`)
		case '\r':
			e.b.WriteString(`\r`)
		case '\t':
			e.b.WriteString(`\t`)
		case '\b':
			e.b.WriteString(`\b`)
		case '\f':
			e.b.WriteString(`\f`)
		default:
			switch {
			case r < 0x20:
				e.uEscape(r)
			case !e.ensureASCII || r <= '~':
				e.b.WriteRune(r)
			case r > 0xffff:
				r -= 0x10000
				e.uEscape(0xd800 | (r>>10)&0x3ff)
				e.uEscape(0xdc00 | r&0x3ff)
			default:
				e.uEscape(r)
			}
		}
	}
	e.b.WriteByte('"')
}

// decoder is json.JSONDecoder's state for one loads: the document as code
// points (positions in messages count them), and the hooks.
type decoder struct {
	s                                                          []rune
	doc                                                        rt.Str
	objectHook, pairsHook, parseFloat, parseInt, parseConstant rt.Object
	depth                                                      int
}

// stop is the scanner's StopIteration: no value starts at pos.
type stop struct{ pos int }

// decodeError is JSONDecodeError(msg, doc, pos).
func (d *decoder) decodeError(msg string, pos int) *rt.BaseException {
	lineno := 1
	last := -1
	for i := 0; i < pos && i < len(d.s); i++ {
		if d.s[i] == '\n' {
			lineno++
			last = i
		}
	}
	colno := pos - last
	exc := rt.NewException(JSONDecodeErrorType, rt.Str(msg+": line "+strconv.Itoa(lineno)+" column "+strconv.Itoa(colno)+" (char "+strconv.Itoa(pos)+")"))
	exc.Attrs = rt.NewDict()
	exc.Attrs.SetStr("msg", rt.Str(msg))
	exc.Attrs.SetStr("doc", d.doc)
	exc.Attrs.SetStr("pos", rt.Int(pos))
	exc.Attrs.SetStr("lineno", rt.Int(lineno))
	exc.Attrs.SetStr("colno", rt.Int(colno))
	return exc
}

func loads(args []rt.Object, kw []rt.KwArg) (rt.Object, *rt.BaseException) {
	s, ok := args[0].(rt.Str)
	if !ok {
		return nil, rt.Errorf(rt.TypeErrorType, "the JSON object must be str, bytes or bytearray, not %s", args[0].Type().Name)
	}
	d := &decoder{s: []rune(string(s)), doc: s}
	for _, k := range kw {
		switch k.Name {
		case "cls":
			if k.Value != rt.None {
				return nil, rt.Errorf(rt.NotImplementedType, "json.loads(cls=...) is not supported by async2go")
			}
		case "object_hook":
			d.objectHook = k.Value
		case "object_pairs_hook":
			d.pairsHook = k.Value
		case "parse_float":
			d.parseFloat = k.Value
		case "parse_int":
			d.parseInt = k.Value
		case "parse_constant":
			d.parseConstant = k.Value
		default:
			return nil, rt.Errorf(rt.TypeErrorType, "JSONDecoder.__init__() got an unexpected keyword argument '%s'", k.Name)
		}
	}
	for _, h := range []*rt.Object{&d.objectHook, &d.pairsHook, &d.parseFloat, &d.parseInt, &d.parseConstant} {
		if *h == rt.None {
			*h = nil
		}
	}
	if len(d.s) > 0 && d.s[0] == '\ufeff' {
		return nil, d.decodeError("Unexpected UTF-8 BOM (decode using utf-8-sig)", 0)
	}
	v, end, st, exc := d.scan(d.ws(0))
	if exc != nil {
		return nil, exc
	}
	if st != nil {
		return nil, d.decodeError("Expecting value", st.pos)
	}
	if end = d.ws(end); end != len(d.s) {
		return nil, d.decodeError("Extra data", end)
	}
	return v, nil
}

func load(args []rt.Object, kw []rt.KwArg) (rt.Object, *rt.BaseException) {
	s, exc := rt.CallMethod(args[0], "read", nil, nil)
	if exc != nil {
		return nil, exc
	}
	return loads([]rt.Object{s}, kw)
}

// ws is the position of the first character at or after i that is not
// JSON whitespace.
func (d *decoder) ws(i int) int {
	for i < len(d.s) {
		switch d.s[i] {
		case ' ', '\t', '\n', '\r':
			i++
		default:
			return i
		}
	}
	return i
}

func (d *decoder) at(i int) rune {
	if i < len(d.s) {
		return d.s[i]
	}
	return -1
}

func (d *decoder) has(i int, word string) bool {
	for _, r := range word {
		if d.at(i) != r {
			return false
		}
		i++
	}
	return true
}

// scan is scan_once: the value that starts at i and the position after
// it, or stop when none starts there.
func (d *decoder) scan(i int) (rt.Object, int, *stop, *rt.BaseException) {
	if i >= len(d.s) {
		return nil, i, &stop{i}, nil
	}
	switch c := d.s[i]; {
	case c == '"':
		s, end, exc := d.str(i + 1)
		return s, end, nil, exc
	case c == '{' || c == '[':
		// The C scanner's recursion check (Py_EnterRecursiveCall).
		d.depth++
		defer func() { d.depth-- }()
		what := "object"
		if c == '[' {
			what = "array"
		}
		if rt.CallDepth()+d.depth > rt.RecursionLimit {
			return nil, 0, nil, rt.Errorf(rt.RecursionErrorType, "maximum recursion depth exceeded while decoding a JSON %s from a unicode string", what)
		}
		var v rt.Object
		var end int
		var exc *rt.BaseException
		if c == '{' {
			v, end, exc = d.object(i + 1)
		} else {
			v, end, exc = d.array(i + 1)
		}
		return v, end, nil, exc
	case c == 'n' && d.has(i, "null"):
		return rt.None, i + 4, nil, nil
	case c == 't' && d.has(i, "true"):
		return rt.Bool(true), i + 4, nil, nil
	case c == 'f' && d.has(i, "false"):
		return rt.Bool(false), i + 5, nil, nil
	case c == 'N' && d.has(i, "NaN"):
		v, exc := d.constant("NaN", math.NaN())
		return v, i + 3, nil, exc
	case c == 'I' && d.has(i, "Infinity"):
		v, exc := d.constant("Infinity", math.Inf(1))
		return v, i + 8, nil, exc
	case c == '-' && d.has(i, "-Infinity"):
		v, exc := d.constant("-Infinity", math.Inf(-1))
		return v, i + 9, nil, exc
	}
	return d.number(i)
}

func (d *decoder) constant(name string, f float64) (rt.Object, *rt.BaseException) {
	if d.parseConstant != nil {
		return rt.Call(d.parseConstant, []rt.Object{rt.Str(name)}, nil)
	}
	return rt.Float(f), nil
}

func isDigit(r rune) bool { return r >= '0' && r <= '9' }

// number is _match_number_unicode.
func (d *decoder) number(start int) (rt.Object, int, *stop, *rt.BaseException) {
	i := start
	if d.at(i) == '-' {
		i++
	}
	switch c := d.at(i); {
	case c >= '1' && c <= '9':
		for i++; isDigit(d.at(i)); i++ {
		}
	case c == '0':
		i++
	default:
		return nil, start, &stop{start}, nil
	}
	isFloat := false
	if d.at(i) == '.' && isDigit(d.at(i+1)) {
		isFloat = true
		for i += 2; isDigit(d.at(i)); i++ {
		}
	}
	if c := d.at(i); c == 'e' || c == 'E' {
		j := i + 1
		if c := d.at(j); c == '-' || c == '+' {
			j++
		}
		if isDigit(d.at(j)) {
			for j++; isDigit(d.at(j)); j++ {
			}
			isFloat, i = true, j
		}
	}
	text := rt.Str(string(d.s[start:i]))
	var v rt.Object
	var exc *rt.BaseException
	switch {
	case isFloat && d.parseFloat != nil:
		v, exc = rt.Call(d.parseFloat, []rt.Object{text}, nil)
	case isFloat:
		v, exc = rt.Call(rt.FloatType, []rt.Object{text}, nil)
	case d.parseInt != nil:
		v, exc = rt.Call(d.parseInt, []rt.Object{text}, nil)
	default:
		v, exc = rt.Call(rt.IntType, []rt.Object{text}, nil)
	}
	return v, i, nil, exc
}

// str is scanstring: the string whose opening quote is at start-1.
func (d *decoder) str(start int) (rt.Object, int, *rt.BaseException) {
	var b strings.Builder
	i := start
	for {
		if i >= len(d.s) {
			return nil, 0, d.decodeError("Unterminated string starting at", start-1)
		}
		c := d.s[i]
		switch {
		case c == '"':
			return rt.Str(b.String()), i + 1, nil
		case c < 0x20:
			return nil, 0, d.decodeError("Invalid control character at", i)
		case c != '\\':
			b.WriteRune(c)
			i++
			continue
		}
		i++ // past the backslash
		if i >= len(d.s) {
			return nil, 0, d.decodeError("Unterminated string starting at", start-1)
		}
		switch esc := d.s[i]; esc {
		case '"', '\\', '/':
			b.WriteRune(esc)
		case 'b':
			b.WriteByte('\b')
		case 'f':
			b.WriteByte('\f')
		case 'n':
			b.WriteByte('\n')
		case 'r':
			b.WriteByte('\r')
		case 't':
			b.WriteByte('\t')
		case 'u':
			u, ok := d.hex4(i + 1)
			if !ok {
				return nil, 0, d.decodeError("Invalid \\uXXXX escape", i)
			}
			i += 4
			if u >= 0xd800 && u <= 0xdbff && d.at(i+1) == '\\' && d.at(i+2) == 'u' {
				if u2, ok := d.hex4(i + 3); !ok {
					return nil, 0, d.decodeError("Invalid \\uXXXX escape", i+2)
				} else if u2 >= 0xdc00 && u2 <= 0xdfff {
					u = 0x10000 + ((u-0xd800)<<10 | (u2 - 0xdc00))
					i += 6
				}
			}
			if !utf8.ValidRune(u) {
				u = utf8.RuneError // a lone surrogate: a Go string cannot hold one
			}
			b.WriteRune(u)
		default:
			return nil, 0, d.decodeError("Invalid \\escape", i-1)
		}
		i++
	}
}

// hex4 reads the four hex digits of a \u escape at i.
func (d *decoder) hex4(i int) (rune, bool) {
	if i+4 > len(d.s) {
		return 0, false
	}
	var u rune
	for _, c := range d.s[i : i+4] {
		var n rune
		switch {
		case c >= '0' && c <= '9':
			n = c - '0'
		case c >= 'a' && c <= 'f':
			n = c - 'a' + 10
		case c >= 'A' && c <= 'F':
			n = c - 'A' + 10
		default:
			return 0, false
		}
		u = u<<4 | n
	}
	return u, true
}

// object is _parse_object_unicode: the members after the '{' at i-1.
func (d *decoder) object(i int) (rt.Object, int, *rt.BaseException) {
	var keys, vals []rt.Object
	i = d.ws(i)
	if d.at(i) == '}' {
		v, exc := d.finishObject(keys, vals)
		return v, i + 1, exc
	}
	for {
		if d.at(i) != '"' {
			return nil, 0, d.decodeError("Expecting property name enclosed in double quotes", i)
		}
		k, end, exc := d.str(i + 1)
		if exc != nil {
			return nil, 0, exc
		}
		i = d.ws(end)
		if d.at(i) != ':' {
			return nil, 0, d.decodeError("Expecting ':' delimiter", i)
		}
		i = d.ws(i + 1)
		v, end, st, exc := d.scan(i)
		if exc != nil {
			return nil, 0, exc
		}
		if st != nil {
			return nil, 0, d.decodeError("Expecting value", st.pos)
		}
		keys, vals = append(keys, k), append(vals, v)
		i = d.ws(end)
		switch d.at(i) {
		case '}':
			v, exc := d.finishObject(keys, vals)
			return v, i + 1, exc
		case ',':
		default:
			return nil, 0, d.decodeError("Expecting ',' delimiter", i)
		}
		i = d.ws(i + 1)
	}
}

func (d *decoder) finishObject(keys, vals []rt.Object) (rt.Object, *rt.BaseException) {
	if d.pairsHook != nil {
		pairs := make([]rt.Object, len(keys))
		for i := range keys {
			pairs[i] = rt.NewTuple(keys[i], vals[i])
		}
		return rt.Call(d.pairsHook, []rt.Object{rt.NewList(pairs...)}, nil)
	}
	dict := rt.NewDict()
	for i := range keys {
		if exc := dict.SetItem(keys[i], vals[i]); exc != nil {
			return nil, exc
		}
	}
	if d.objectHook != nil {
		return rt.Call(d.objectHook, []rt.Object{dict}, nil)
	}
	return dict, nil
}

// array is _parse_array_unicode: the items after the '[' at i-1.
func (d *decoder) array(i int) (rt.Object, int, *rt.BaseException) {
	var items []rt.Object
	i = d.ws(i)
	if d.at(i) == ']' {
		return rt.NewList(), i + 1, nil
	}
	for {
		v, end, st, exc := d.scan(i)
		if exc != nil {
			return nil, 0, exc
		}
		if st != nil {
			return nil, 0, d.decodeError("Expecting value", st.pos)
		}
		items = append(items, v)
		i = d.ws(end)
		switch d.at(i) {
		case ']':
			return rt.NewList(items...), i + 1, nil
		case ',':
		default:
			return nil, 0, d.decodeError("Expecting ',' delimiter", i)
		}
		i = d.ws(i + 1)
	}
}
