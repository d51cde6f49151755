package codegen

import (
	"github.com/async2go/async2go/lower/ir"
	"github.com/dave/jennifer/jen"
)

// Typed lists (lower/infer_list.go): a list proved to hold one type of
// item and never to leave its function is an *rt.TList of unboxed items;
// the few operations allowed on it are written out here.

// listInstr emits an instruction that makes or uses a typed list;
// ok=false when in is not one.
func (fg *funcGen) listInstr(b *ir.Block, in *ir.Instr) (code []jen.Code, ok bool) {
	rt := func(name string) *jen.Statement { return jen.Qual(rtPath, name) }
	dt := ir.Boxed
	if in.Dst >= 0 {
		dt = fg.f.TempType(in.Dst)
	}
	// setDst assigns a value of type t to the result, boxed or unboxed as
	// the result is declared.
	setDst := func(t ir.Type, e jen.Code) jen.Code {
		if dt == t {
			return fg.rawTemp(in.Dst).Op("=").Add(e)
		}
		if dt == ir.Boxed {
			return fg.temp(in.Dst).Op("=").Add(box(t, jen.Add(e)))
		}
		return fg.rawTemp(in.Dst).Op("=").Add(unbox(dt, box(t, jen.Add(e))))
	}
	if dt.IsList() && (in.Op == ir.OpList || in.Op == ir.OpRuntime) {
		el := goType(dt.Elem())
		switch in.Op {
		case ir.OpList:
			if len(in.Args) == 0 {
				return []jen.Code{fg.rawTemp(in.Dst).Op("=").Op("&").Add(rt("TList")).Types(el).Values()}, true
			}
			var items []jen.Code
			for _, a := range in.Args {
				items = append(items, fg.refAs(a, dt.Elem()))
			}
			return []jen.Code{fg.rawTemp(in.Dst).Op("=").Op("&").Add(rt("TList")).Types(el).Values(
				jen.Id("Items").Op(":").Index().Add(goType(dt.Elem())).Values(items...))}, true
		case ir.OpRuntime: // NewListFor
			if src := in.Args[0]; fg.operandType(src).IsList() {
				return []jen.Code{fg.rawTemp(in.Dst).Op("=").Add(rt("NewTListCap")).Types(el).Call(jen.Len(fg.rawTemp(src.(ir.Temp)).Dot("Items")))}, true
			}
			return []jen.Code{fg.rawTemp(in.Dst).Op("=").Add(rt("NewTListFor")).Types(el).Call(fg.ref(in.Args[0]))}, true
		}
	}
	if in.Op == ir.OpRuntime && in.Name == "NewListFor" && fg.operandType(in.Args[0]).IsList() {
		// A comprehension over a typed list, making an ordinary list.
		return []jen.Code{setDst(ir.Boxed, rt("NewListCap").Call(jen.Len(fg.rawTemp(in.Args[0].(ir.Temp)).Dot("Items"))))}, true
	}
	if dt.IsListIter() && in.Op == ir.OpIter {
		return []jen.Code{fg.rawTemp(in.Dst).Op("=").Add(rt("TListIter")).Types(goType(dt.Elem())).Values(
			jen.Id("L").Op(":").Add(fg.rawTemp(in.Args[0].(ir.Temp))))}, true
	}
	var lt ir.Type
	switch in.Op {
	case ir.OpCallMethod, ir.OpGetItem, ir.OpSetItem:
		lt = fg.operandType(in.Args[0])
	case ir.OpCall:
		if len(in.Args) == 2 {
			lt = fg.operandType(in.Args[1])
		}
	}
	if !lt.IsList() {
		return nil, false
	}
	l := func(i int) *jen.Statement { return fg.rawTemp(in.Args[i].(ir.Temp)) }
	et := lt.Elem()
	switch in.Op {
	case ir.OpCallMethod: // xs.append(v)
		code = []jen.Code{l(0).Dot("Items").Op("=").Append(l(0).Dot("Items"), fg.refAs(in.Args[1], et))}
		if in.Dst >= 0 {
			code = append(code, setDst(ir.Boxed, rt("None")))
		}
		return code, true
	case ir.OpGetItem:
		return []jen.Code{jen.Block(
			jen.List(jen.Id("v"), jen.Id("e")).Op(":=").Add(rt("TListGet")).Call(l(0), fg.refAs(in.Args[1], ir.Int)),
			fg.onErr(b, in.Line, "e"),
			setDst(et, jen.Id("v")),
		)}, true
	case ir.OpSetItem:
		return []jen.Code{
			jen.Id("exc").Op("=").Add(rt("TListSet")).Call(l(0), fg.refAs(in.Args[1], ir.Int), fg.refAs(in.Args[2], et)),
			fg.onErr(b, in.Line, "exc"),
		}, true
	case ir.OpCall: // len(xs), sum(xs), min(xs), max(xs)
		used := jen.Id("_").Op("=").Add(fg.ref(in.Args[0]))
		switch name := fg.builtinCallee(in); name {
		case "min", "max":
			fn := "TListMinOrd"
			if et == ir.Int {
				fn = "TListMinInt"
			}
			return []jen.Code{used, jen.Block(
				jen.List(jen.Id("v"), jen.Id("e")).Op(":=").Add(rt(fn)).Call(l(1), jen.Lit(name == "max")),
				fg.onErr(b, in.Line, "e"),
				setDst(et, jen.Id("v")),
			)}, true
		case "len":
			return []jen.Code{used, setDst(ir.Int, rt("MakeInt").Call(jen.Int64().Call(jen.Len(l(1).Dot("Items")))))}, true
		case "sum":
			if et == ir.Int {
				return []jen.Code{used, setDst(ir.Int, rt("TListSumInt").Call(l(1)))}, true
			}
			return []jen.Code{used, jen.Block(
				jen.List(jen.Id("v"), jen.Id("e")).Op(":=").Add(rt("TListSumFloat")).Call(l(1)),
				fg.onErr(b, in.Line, "e"),
				setDst(ir.Boxed, jen.Id("v")),
			)}, true
		}
	}
	panic("codegen: typed list used by " + in.Op.String() + " " + in.Name)
}
