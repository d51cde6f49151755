package codegen

import (
	"fmt"
	"math"
	"math/big"
	"math/bits"
	"strings"

	"github.com/async2go/async2go/lower/ir"
	"github.com/dave/jennifer/jen"
)

// Unboxed values. The lowering's type inference (lower/infer.go) proves
// some temporaries and locals always int, float, bool or str; they are
// declared as rt.IntVal, float64, bool and rt.Str, operated on with the
// typed helpers of rtlib/intval.go or plain Go operators, and boxed only
// where a value meets code that takes any object.

// goType is the Go type of a value of type t.
func goType(t ir.Type) *jen.Statement {
	switch {
	case t.IsList():
		return jen.Op("*").Qual(rtPath, "TList").Types(goType(t.Elem()))
	case t.IsListIter():
		return jen.Qual(rtPath, "TListIter").Types(goType(t.Elem()))
	}
	switch t {
	case ir.Int:
		return jen.Qual(rtPath, "IntVal")
	case ir.Float:
		return jen.Float64()
	case ir.Bool:
		return jen.Bool()
	case ir.Exc:
		return jen.Op("*").Qual(rtPath, "BaseException")
	case ir.Str:
		return jen.Qual(rtPath, "Str")
	}
	return jen.Qual(rtPath, "Object")
}

// box converts a typed Go expression to an rt.Object.
func box(t ir.Type, e *jen.Statement) *jen.Statement {
	if t.IsList() || t.IsListIter() {
		// The inference lets no typed list reach generic code.
		panic("codegen: a typed list boxed")
	}
	switch t {
	case ir.Int:
		return e.Dot("Box").Call()
	case ir.Float:
		return jen.Qual(rtPath, "Float").Call(e)
	case ir.Bool:
		return jen.Qual(rtPath, "Bool").Call(e)
	case ir.Str:
		return jen.Qual(rtPath, "Object").Call(e)
	}
	return e
}

// unbox converts an rt.Object expression proved of type t.
func unbox(t ir.Type, e jen.Code) *jen.Statement {
	switch t {
	case ir.Int:
		return jen.Qual(rtPath, "UnboxInt").Call(e)
	case ir.Float:
		return jen.Qual(rtPath, "UnboxFloat").Call(e)
	case ir.Bool:
		return jen.Qual(rtPath, "UnboxBool").Call(e)
	case ir.Exc:
		return jen.Add(e).Assert(jen.Op("*").Qual(rtPath, "BaseException"))
	case ir.Str:
		return jen.Qual(rtPath, "UnboxStr").Call(e)
	}
	return jen.Add(e)
}

// operandType is the proved type of an operand.
func (fg *funcGen) operandType(o ir.Operand) ir.Type {
	switch v := o.(type) {
	case ir.Temp:
		if _, aw := fg.awSlots[v]; aw {
			return ir.Boxed
		}
		return fg.f.TempType(v)
	case ir.Const:
		switch v.Value.(type) {
		case *big.Int:
			return ir.Int
		case float64:
			return ir.Float
		case bool:
			return ir.Bool
		case string:
			return ir.Str
		}
	}
	return ir.Boxed
}

// refAs is operand o as a Go expression of type t.
func (fg *funcGen) refAs(o ir.Operand, t ir.Type) *jen.Statement {
	if t == ir.Boxed {
		return jen.Add(fg.ref(o))
	}
	if c, ok := o.(ir.Const); ok {
		switch v := c.Value.(type) {
		case *big.Int:
			if t == ir.Int && v.IsInt64() {
				return jen.Qual(rtPath, "MakeInt").Call(jen.Lit(int(v.Int64())))
			}
			if t == ir.Float && v.IsInt64() && absLE(v.Int64(), 1<<53) {
				return jen.Add(fg.g.floatConst(float64(v.Int64())))
			}
		case float64:
			if t == ir.Float {
				return jen.Add(fg.g.floatConst(v))
			}
		case bool:
			if t == ir.Bool {
				return jen.Lit(v)
			}
		case string:
			if t == ir.Str {
				return jen.Qual(rtPath, "Str").Call(jen.Lit(v))
			}
		}
		return unbox(t, fg.g.constRef(c))
	}
	if tm, ok := o.(ir.Temp); ok && fg.operandType(tm) == t {
		return fg.rawTemp(tm)
	}
	// A value of another type never reaches here at run time (the
	// inference proved it); the checked unbox says so loudly if it does.
	return unbox(t, fg.ref(o))
}

func absLE(x, lim int64) bool { return x <= lim && -x <= lim }

var intOps = map[string]string{"Add": "IntAdd", "Sub": "IntSub", "Mul": "IntMul", "BitAnd": "IntAnd", "BitOr": "IntOr", "BitXor": "IntXor"}
var intErrOps = map[string]string{"FloorDiv": "IntFloorDiv", "Mod": "IntMod", "LShift": "IntLShift", "RShift": "IntRShift"}
var floatOps = map[string]string{"Add": "+", "Sub": "-", "Mul": "*"}
var cmpOps = map[string]string{"Eq": "==", "Ne": "!=", "Lt": "<", "Le": "<=", "Gt": ">", "Ge": ">="}

// typedInstr emits an instruction on unboxed operands; ok=false when the
// instruction has no typed form (it then runs boxed).
func (fg *funcGen) typedInstr(b *ir.Block, in *ir.Instr) (code []jen.Code, ok bool) {
	if in.Dst < 0 {
		return nil, false
	}
	dt := fg.f.TempType(in.Dst)
	if dt == ir.Boxed {
		return nil, false
	}
	dst := fg.rawTemp(in.Dst)
	rt := func(name string) *jen.Statement { return jen.Qual(rtPath, name) }
	argT := func(i int) ir.Type { return fg.operandType(in.Args[i]) }
	withErr := func(fn string, a ...jen.Code) []jen.Code {
		return []jen.Code{jen.List(dst, jen.Id("exc")).Op("=").Add(rt(fn)).Call(a...), fg.onErr(b, in.Line, "exc")}
	}
	switch in.Op {
	case ir.OpCopy:
		return []jen.Code{dst.Op("=").Add(fg.refAs(in.Args[0], dt))}, true
	case ir.OpLoad:
		if in.Var.Kind == ir.Local && in.Var.Type == dt {
			return []jen.Code{dst.Op("=").Add(fg.varExpr(in.Var))}, true
		}
	case ir.OpBinary:
		op := strings.TrimPrefix(in.Name, "Inplace")
		ta, tb := argT(0), argT(1)
		switch {
		case dt == ir.Int && ta == ir.Int && tb == ir.Int:
			// The inlinable fast form first (small operands), the full
			// operation when it says no.
			a := func() *jen.Statement { return fg.refAs(in.Args[0], ir.Int) }
			bb := func() *jen.Statement { return fg.refAs(in.Args[1], ir.Int) }
			fast := func(fn string) *jen.Statement {
				return jen.If(jen.List(jen.Id("r"), jen.Id("ok")).Op(":=").Add(rt(fn+"Fast")).Call(a(), bb()), jen.Id("ok")).Block(
					fg.rawTemp(in.Dst).Op("=").Id("r"))
			}
			if init, cond, val := fg.intFast(op, in.Args[0], in.Args[1]); cond != nil {
				// The small case written out: no call, no ok flag.
				fast = func(string) *jen.Statement {
					if init != nil {
						return jen.If(init, cond).Block(fg.rawTemp(in.Dst).Op("=").Add(rt("MakeInt")).Call(val))
					}
					return jen.If(cond).Block(fg.rawTemp(in.Dst).Op("=").Add(rt("MakeInt")).Call(val))
				}
			}
			if fn, ok := intOps[op]; ok {
				if fg.deopt != "" {
					return []jen.Code{fast(fn).Else().Block(fg.deoptJump())}, true
				}
				return []jen.Code{fast(fn).Else().Block(fg.rawTemp(in.Dst).Op("=").Add(rt(fn)).Call(a(), bb()))}, true
			}
			if fn, ok := intErrOps[op]; ok {
				if (op == "Mod" || op == "FloorDiv") && fg.deopt != "" {
					return []jen.Code{fast(fn).Else().Block(fg.deoptJump())}, true
				}
				if op == "Mod" || op == "FloorDiv" {
					return []jen.Code{fast(fn).Else().If(
						jen.List(fg.rawTemp(in.Dst), jen.Id("exc")).Op("=").Add(rt(fn)).Call(a(), bb()),
						jen.Id("exc").Op("!=").Nil(),
					).Block(jen.Id("line").Op("=").Lit(in.Line), jen.Goto().Id(fg.handler(b)))}, true
				}
				return withErr(fn, a(), bb()), true
			}
		case dt == ir.Str && ta == ir.Str && tb == ir.Str && op == "Add":
			return []jen.Code{dst.Op("=").Add(fg.refAs(in.Args[0], ir.Str)).Op("+").Add(fg.refAs(in.Args[1], ir.Str))}, true
		case dt == ir.Str && op == "Mul" && ta == ir.Str && tb == ir.Int:
			return withErr("StrRepeat", fg.refAs(in.Args[0], ir.Str), fg.refAs(in.Args[1], ir.Int)), true
		case dt == ir.Str && op == "Mul" && ta == ir.Int && tb == ir.Str:
			return withErr("IntStrRepeat", fg.refAs(in.Args[0], ir.Int), fg.refAs(in.Args[1], ir.Str)), true
		case dt == ir.Float && ta == ir.Int && tb == ir.Int && op == "TrueDiv":
			return withErr("IntTrueDiv", fg.refAs(in.Args[0], ir.Int), fg.refAs(in.Args[1], ir.Int)), true
		case dt == ir.Float && (ta == ir.Int || ta == ir.Float) && (tb == ir.Int || tb == ir.Float):
			var pre []jen.Code
			a := fg.floatOperand(b, in, 0, "fa", &pre)
			bb := fg.floatOperand(b, in, 1, "fb", &pre)
			var body []jen.Code
			switch op {
			case "Add", "Sub", "Mul":
				// The conversion rounds each result to float64, as
				// CPython does: it forbids fusing a*b+c into one FMA.
				body = []jen.Code{dst.Op("=").Float64().Call(jen.Add(a).Op(floatOps[op]).Add(bb))}
			case "TrueDiv":
				if nonzeroConst(in.Args[1]) {
					// A divisor that is a nonzero constant never raises
					// ZeroDivisionError: Go's float division is Python's.
					body = []jen.Code{dst.Op("=").Add(a).Op("/").Add(bb)}
				} else {
					body = withErr("FloatDiv", a, bb)
				}
			case "FloorDiv", "Mod":
				body = withErr("FloatOp", rt(op), a, bb)
			default:
				return nil, false
			}
			if len(pre) == 0 {
				return body, true
			}
			return []jen.Code{jen.Block(append(pre, body...)...)}, true
		}
	case ir.OpCompare:
		if dt == ir.Bool && argT(0) == ir.Str && argT(1) == ir.Str && (in.Name == "In" || in.Name == "NotIn") {
			c := rt("StrContains").Call(fg.refAs(in.Args[1], ir.Str), fg.refAs(in.Args[0], ir.Str))
			if in.Name == "NotIn" {
				c = jen.Op("!").Add(c)
			}
			return []jen.Code{dst.Op("=").Add(c)}, true
		}
		sym, ok := cmpOps[in.Name]
		if !ok || dt != ir.Bool {
			break
		}
		switch ta, tb := argT(0), argT(1); {
		case ta == ir.Str && tb == ir.Str:
			return []jen.Code{dst.Op("=").Add(fg.refAs(in.Args[0], ir.Str)).Op(sym).Add(fg.refAs(in.Args[1], ir.Str))}, true
		case ta == ir.Int && tb == ir.Int:
			a := func() *jen.Statement { return fg.refAs(in.Args[0], ir.Int) }
			bb := func() *jen.Statement { return fg.refAs(in.Args[1], ir.Int) }
			cond := jen.Add(rt("IntSmall").Call(a(), bb()))
			slow := []jen.Code{fg.rawTemp(in.Dst).Op("=").Add(rt("IntCmp")).Call(a(), bb()).Op(sym).Lit(0)}
			if fg.deopt != "" {
				slow = []jen.Code{fg.deoptJump()}
			}
			if conds := fg.smallConds(in.Args[0], in.Args[1]); len(conds) > 0 {
				return []jen.Code{jen.If(andAll(conds)).Block(
					fg.rawTemp(in.Dst).Op("=").Add(fg.smallOf(in.Args[0])).Op(sym).Add(fg.smallOf(in.Args[1])),
				).Else().Block(slow...)}, true
			}
			return []jen.Code{jen.If(cond).Block(
				fg.rawTemp(in.Dst).Op("=").Add(a()).Dot("Small").Op(sym).Add(bb()).Dot("Small"),
			).Else().Block(slow...)}, true
		case ta == ir.Float && tb == ir.Float:
			return []jen.Code{dst.Op("=").Add(fg.refAs(in.Args[0], ir.Float)).Op(sym).Add(fg.refAs(in.Args[1], ir.Float))}, true
		}
	case ir.OpCall:
		// len() of a str and str() of an int or a str, computed unboxed.
		if in.N != 1 || len(in.Args) != 2 || len(in.KwNames) > 0 || ir.AnyStar(in.Star) {
			break
		}
		x := in.Args[1]
		// The callee was loaded (b_len, b_str); it is not called.
		used := jen.Id("_").Op("=").Add(fg.ref(in.Args[0]))
		switch name := fg.builtinCallee(in); {
		case name == "len" && dt == ir.Int && argT(1) == ir.Str:
			return []jen.Code{used, dst.Op("=").Add(rt("MakeInt")).Call(jen.Int64().Call(rt("StrLen").Call(fg.refAs(x, ir.Str))))}, true
		case name == "str" && dt == ir.Str && argT(1) == ir.Str:
			return []jen.Code{used, dst.Op("=").Add(fg.refAs(x, ir.Str))}, true
		case name == "str" && dt == ir.Str && argT(1) == ir.Int:
			return append([]jen.Code{used}, withErr("IntStr", fg.refAs(x, ir.Int))...), true
		}
	case ir.OpJoin:
		if dt != ir.Str {
			break
		}
		if len(in.Args) == 0 {
			return []jen.Code{dst.Op("=").Lit("")}, true
		}
		e := fg.refAs(in.Args[0], ir.Str)
		for _, a := range in.Args[1:] {
			e = e.Op("+").Add(fg.refAs(a, ir.Str))
		}
		return []jen.Code{dst.Op("=").Add(e)}, true
	case ir.OpFormat:
		if dt != ir.Str {
			break
		}
		if spec, ok := in.Args[1].(ir.Const); ok && spec.Value == "" {
			// format(x, "") of a typed value is its str() (its repr() for
			// an int or a float: the same text).
			ta := argT(0)
			switch {
			case ta == ir.Str && (in.Conv == 0 || in.Conv == 's'):
				return []jen.Code{dst.Op("=").Add(fg.refAs(in.Args[0], ir.Str))}, true
			case ta == ir.Int && (in.Conv == 0 || in.Conv == 's' || in.Conv == 'r' || in.Conv == 'a'):
				return withErr("IntStr", fg.refAs(in.Args[0], ir.Int)), true
			case ta == ir.Float && (in.Conv == 0 || in.Conv == 's' || in.Conv == 'r' || in.Conv == 'a'):
				return []jen.Code{dst.Op("=").Add(rt("Str")).Call(rt("FloatRepr").Call(fg.refAs(in.Args[0], ir.Float)))}, true
			}
		}
		return withErr("FormatStr", fg.ref(in.Args[0]), jen.Lit(int(in.Conv)), fg.ref(in.Args[1])), true
	case ir.OpUnary:
		ta := argT(0)
		if ta != dt {
			break
		}
		a := fg.refAs(in.Args[0], ta)
		switch {
		case in.Name == "Pos":
			return []jen.Code{dst.Op("=").Add(a)}, true
		case in.Name == "Neg" && ta == ir.Int:
			return []jen.Code{dst.Op("=").Add(rt("IntNeg")).Call(a)}, true
		case in.Name == "Neg" && ta == ir.Float:
			return []jen.Code{dst.Op("=").Op("-").Add(a)}, true
		case in.Name == "Invert" && ta == ir.Int:
			return []jen.Code{dst.Op("=").Add(rt("IntInvert")).Call(a)}, true
		}
	}
	return nil, false
}

// builtinCallee is the name of the builtin that call in calls, when its
// callee is a load of it (b_name, bound once to the builtin); "" otherwise.
func (fg *funcGen) builtinCallee(in *ir.Instr) string {
	t, ok := in.Args[0].(ir.Temp)
	if !ok {
		return ""
	}
	if fg.defs == nil {
		fg.defs = map[ir.Temp][]*ir.Instr{}
		for _, b := range fg.f.Blocks {
			for _, i := range b.Instrs {
				if i.Dst >= 0 {
					fg.defs[i.Dst] = append(fg.defs[i.Dst], i)
				}
			}
		}
	}
	d := fg.defs[t]
	if len(d) != 1 || d[0].Op != ir.OpLoad || d[0].Var == nil || d[0].Var.Kind != ir.Builtin {
		return ""
	}
	name := d[0].Var.Name
	if fg.g.opts.Builtins != nil && !fg.g.opts.Builtins(name) {
		return ""
	}
	return name
}

// constInt is the value of an int constant operand that fits an int64.
func constInt(o ir.Operand) (int64, bool) {
	if c, ok := o.(ir.Const); ok {
		if v, ok := c.Value.(*big.Int); ok && v.IsInt64() {
			return v.Int64(), true
		}
	}
	return 0, false
}

// smallOf is the int64 of an int operand in its small case: the literal of
// a constant, x.Small of a temporary.
func (fg *funcGen) smallOf(o ir.Operand) *jen.Statement {
	if c, ok := constInt(o); ok {
		return jen.Lit(int(c))
	}
	return fg.refAs(o, ir.Int).Dot("Small")
}

// smallConds are the conditions that int operands are small (x.Big ==
// nil); a constant needs none.
func (fg *funcGen) smallConds(ops ...ir.Operand) []jen.Code {
	var conds []jen.Code
	for _, o := range ops {
		if _, ok := constInt(o); !ok {
			conds = append(conds, fg.refAs(o, ir.Int).Dot("Big").Op("==").Nil())
		}
	}
	return conds
}

func andAll(conds []jen.Code) *jen.Statement {
	e := jen.Add(conds[0])
	for _, c := range conds[1:] {
		e = e.Op("&&").Add(c)
	}
	return e
}

// intFast is the small case of the typed int operation x op y, written
// out: under cond (after init, if any), val computed in int64 is Python's
// result. cond is nil when there is no such case (the operation's Fast
// helper is used). Overflow checks against a constant operand are a range
// check of the other operand.
func (fg *funcGen) intFast(op string, x, y ir.Operand) (init, cond, val *jen.Statement) {
	cx, xConst := constInt(x)
	cy, yConst := constInt(y)
	if xConst && yConst {
		return nil, nil, nil
	}
	X, Y := fg.smallOf(x), fg.smallOf(y)
	conds := fg.smallConds(x, y)
	rangeOf := func(v *jen.Statement, lo, hi int64) {
		if lo != math.MinInt64 {
			conds = append(conds, jen.Add(v).Op(">=").Lit(int(lo)))
		}
		if hi != math.MaxInt64 {
			conds = append(conds, jen.Add(v).Op("<=").Lit(int(hi)))
		}
	}
	// The variable operand and the constant, for commutative operators.
	v, c, vc := X, cy, yConst
	if xConst {
		v, c, vc = Y, cx, true
	}
	r := jen.Id("r")
	switch op {
	case "Add", "Sub":
		sym := map[string]string{"Add": "+", "Sub": "-"}[op]
		switch {
		case op == "Add" && vc && c > 0:
			rangeOf(v, math.MinInt64, math.MaxInt64-c)
		case op == "Add" && vc:
			rangeOf(v, math.MinInt64-c, math.MaxInt64)
		case op == "Sub" && yConst && cy > 0:
			rangeOf(X, math.MinInt64+cy, math.MaxInt64)
		case op == "Sub" && yConst:
			rangeOf(X, math.MinInt64, math.MaxInt64+cy)
		default:
			// Overflow iff the result's sign differs from both operands'
			// (x + y), from x's where x and y differ in sign (x - y).
			if op == "Add" {
				conds = append(conds, jen.Parens(jen.Add(X).Op("^").Id("r")).Op("&").Parens(jen.Add(Y).Op("^").Id("r")).Op(">=").Lit(0))
			} else {
				conds = append(conds, jen.Parens(jen.Add(X).Op("^").Add(Y)).Op("&").Parens(jen.Add(X).Op("^").Id("r")).Op(">=").Lit(0))
			}
			return jen.Id("r").Op(":=").Add(X).Op(sym).Add(Y), andAll(conds), r
		}
		if len(conds) == 0 {
			return nil, nil, nil
		}
		return nil, andAll(conds), jen.Add(X).Op(sym).Add(Y)
	case "Mul":
		if !vc || c == math.MinInt64 {
			return nil, nil, nil
		}
		if c != 0 {
			k := int64(math.MaxInt64) / absInt(c)
			rangeOf(v, -k, k)
		}
		return nil, andAll(conds), jen.Add(X).Op("*").Add(Y)
	case "BitAnd", "BitOr", "BitXor":
		sym := map[string]string{"BitAnd": "&", "BitOr": "|", "BitXor": "^"}[op]
		return nil, andAll(conds), jen.Add(X).Op(sym).Add(Y)
	case "Mod", "FloorDiv":
		if yConst && cy > 0 && cy&(cy-1) == 0 {
			// A power of two: Python's floored x % 2**k is x's low k bits
			// and x // 2**k its arithmetic shift, negative x included.
			if op == "Mod" {
				return nil, andAll(conds), jen.Add(X).Op("&").Lit(int(cy - 1))
			}
			return nil, andAll(conds), jen.Add(X).Op(">>").Lit(bits.TrailingZeros64(uint64(cy)))
		}
		fn := map[string]string{"Mod": "PyMod", "FloorDiv": "PyFloorDiv"}[op]
		switch {
		case yConst && (cy == 0 || cy == -1 && op == "FloorDiv"):
			return nil, nil, nil
		case !yConst:
			conds = append(conds, jen.Add(Y).Op("!=").Lit(0))
			if op == "FloorDiv" {
				conds = append(conds, jen.Add(Y).Op("!=").Lit(-1))
			}
		}
		if op == "Mod" && yConst && cy > 0 {
			fn = "PyModPos"
		}
		return nil, andAll(conds), jen.Qual(rtPath, fn).Call(X, Y)
	}
	return nil, nil, nil
}

func absInt(x int64) int64 {
	if x < 0 {
		return -x
	}
	return x
}

// floatOperand is argument i of a float operation as a float64: an int
// constant becomes a float literal, an int temporary is converted first
// (OverflowError for a huge int), into a local named name added to pre.
func (fg *funcGen) floatOperand(b *ir.Block, in *ir.Instr, i int, name string, pre *[]jen.Code) *jen.Statement {
	o := in.Args[i]
	if fg.operandType(o) == ir.Float {
		return fg.refAs(o, ir.Float)
	}
	if c, ok := o.(ir.Const); ok {
		if v, ok := c.Value.(*big.Int); ok && v.IsInt64() && absLE(v.Int64(), 1<<53) {
			return jen.Add(fg.g.floatConst(float64(v.Int64())))
		}
	}
	if fg.deopt != "" {
		// In a small version: a big int goes the usual way (IntToFloat,
		// which may raise OverflowError).
		x := fg.refAs(o, ir.Int)
		*pre = append(*pre,
			jen.If(jen.Add(x).Dot("Big").Op("!=").Nil()).Block(fg.deoptJump()),
			jen.Id(name).Op(":=").Float64().Call(fg.refAs(o, ir.Int).Dot("Small")))
		return jen.Id(name)
	}
	*pre = append(*pre,
		jen.List(jen.Id(name), jen.Id("e"+name)).Op(":=").Qual(rtPath, "IntToFloat").Call(fg.refAs(o, ir.Int)),
		fg.onErr(b, in.Line, "e"+name))
	return jen.Id(name)
}

// typedTruth is the Go condition for a Branch on a typed value (nil: none).
func (fg *funcGen) typedTruth(o ir.Operand) *jen.Statement {
	switch fg.operandType(o) {
	case ir.Bool:
		return fg.refAs(o, ir.Bool)
	case ir.Int:
		return jen.Qual(rtPath, "IntTruth").Call(fg.refAs(o, ir.Int))
	case ir.Float:
		return fg.refAs(o, ir.Float).Op("!=").Lit(0)
	case ir.Str:
		return fg.refAs(o, ir.Str).Op("!=").Lit("")
	}
	if t := fg.operandType(o); t.IsList() {
		return jen.Len(fg.rawTemp(o.(ir.Temp)).Dot("Items")).Op(">").Lit(0)
	}
	return nil
}

// rawTemp is temporary t as declared (typed or boxed), bypassing boxing.
func (fg *funcGen) rawTemp(t ir.Temp) *jen.Statement {
	if _, ok := fg.awSlots[t]; ok {
		return jen.Id(fg.prefix() + "aw")
	}
	if fg.frame && fg.lay.inFrame[slot{temp: t}] {
		return jen.Id(fg.fieldOf(slot{temp: t}))
	}
	return jen.Id(fmt.Sprintf("t%d", t))
}

// nonzeroConst says whether o is an int or float constant other than 0.
func nonzeroConst(o ir.Operand) bool {
	c, ok := o.(ir.Const)
	if !ok {
		return false
	}
	switch v := c.Value.(type) {
	case *big.Int:
		return v.Sign() != 0
	case float64:
		return v != 0
	}
	return false
}
