package codegen

import (
	"fmt"
	"maps"
	"math/big"
	"slices"
	"strings"

	"github.com/async2go/async2go/lower/ir"
	"github.com/dave/jennifer/jen"
)

// Fast resumes (rt.FastResumer; docs/performance.md, finding 77).
//
// A coroutine that loops around `await asyncio.sleep(0)` is resumed once
// per turn of the event loop, each time through Resume: its prologue, its
// state dispatch, a stack frame sized for every path of the function. Its
// fast resume is a second method, `fast() bool`, for the resume points of
// its bare yields: the path from such a point to the next bare yield,
// written again with no call at all (so that Go gives the method no stack
// frame) when every instruction on it is one of a few: loads and stores of
// the frame's int and bool locals, operations on ints (+ - ^ & |) and
// comparisons of them in their int64 form, copies, the next int of a
// frame's range slot, jumps, branches on a bool. The frame's fields that
// the path writes are read into Go variables at the start and written back
// only where the path reaches its next bare yield, which returns true;
// everywhere else (an int that is big or overflows, an exhausted range, a
// block with anything else in it, a rebound asyncio.sleep) it returns
// false with the frame as it was, and the event loop resumes the frame the
// usual way, which runs the same path with its slow cases.

// fastResume is the fast resume of the frame of fg's function and its
// FastResume method, or nil when no resume point after a bare yield has a
// path it can write. It runs after Resume is written (the states of the
// bare yields and their caches are Resume's).
func (fg *funcGen) fastResume(reach map[*ir.Block]bool) []jen.Code {
	if !fg.frame || fg.f.Kind != ir.CoroutineFunc || len(fg.bareStates) == 0 {
		return nil
	}
	type entry struct {
		state  int
		target *ir.Block
	}
	var entries []entry
	for _, b := range fg.f.Blocks {
		if t := b.Term; reach[b] && t.Kind == ir.Await {
			if bare, ok := fg.bareStates[t.Target.State]; ok {
				entries = append(entries, entry{bare, t.Target})
			}
		}
	}
	slices.SortFunc(entries, func(a, b entry) int { return a.state - b.state })
	// Twice: the first time finds the fields the paths write, which the
	// second reads through their shadows.
	var fr *fastResumer
	written := map[string]bool{}
	for range 2 {
		fr = &fastResumer{fg: fg, written: written, code: map[int][]jen.Code{},
			temps: map[ir.Temp]bool{}, readTemps: map[ir.Temp]bool{}, shadows: map[string]string{}, shadowInt: map[string]bool{}}
		for _, e := range entries {
			fr.visit(e.target)
		}
		written = fr.writes
	}
	if len(fr.yields) == 0 {
		return nil // no path reaches a bare yield
	}
	var body []jen.Code
	for _, field := range fr.shadowOrder {
		body = append(body, jen.Id(fr.shadows[field]).Op(":=").Id(field))
	}
	temps := slices.Sorted(maps.Keys(fr.temps))
	for _, t := range temps {
		body = append(body, jen.Var().Id(fr.tempName(t)).Add(fr.goType(fg.f.TempType(t))))
	}
	for _, t := range temps {
		if !fr.readTemps[t] {
			body = append(body, jen.Id("_").Op("=").Id(fr.tempName(t))) // set where a path ends in a block it does not take
		}
	}
	var cases []jen.Code
	for _, e := range entries {
		cases = append(cases, jen.Case(jen.Lit(e.state)).Block(jen.Goto().Id(fmt.Sprintf("fb%d", e.target.ID))))
	}
	body = append(body, jen.Switch(jen.Id("f").Dot("state")).Block(cases...), jen.Return(jen.False()))
	for _, id := range slices.Sorted(maps.Keys(fr.code)) {
		body = append(body, jen.Id(fmt.Sprintf("fb%d", id)).Op(":"), jen.Block(fr.code[id]...))
	}
	// Where a path reaches a bare yield: the shadows go back to their
	// fields, and the frame is suspended there as Resume leaves it.
	for _, bare := range slices.Sorted(maps.Keys(fr.yields)) {
		body = append(body, jen.Id(fmt.Sprintf("fy%d", bare)).Op(":"))
		body = append(body, fr.writeBack()...)
		if len(entries) != 1 || entries[0].state != bare {
			body = append(body, jen.Id("f").Dot("state").Op("=").Lit(bare))
		}
		body = append(body, jen.Return(jen.True()))
	}
	frame := "frame_" + fg.f.GoName
	return []jen.Code{
		jen.Comment(fmt.Sprintf("fast runs %s from a bare yield to its next one where it can do so without a call (rt.FastResumer).", fg.f.Name)),
		jen.Func().Params(jen.Id("f").Op("*").Id(frame)).Id("fast").Params().Bool().Block(body...),
		jen.Line(),
		jen.Comment("FastResume is fast as an rt.FrameFast."),
		jen.Func().Params(jen.Op("*").Id(frame)).Id("FastResume").Params().Qual(rtPath, "FrameFast").Block(
			jen.Return(jen.Qual(rtPath, "FastOf").Call(jen.Parens(jen.Op("*").Id(frame)).Dot("fast"))),
		),
		jen.Line(),
	}
}

// fastResumer writes a fast resume: the blocks its paths take (the code of
// each, by block ID), the Go variables of the temporaries they compute,
// and the shadows of the frame's fields they write (field -> Go variable).
type fastResumer struct {
	fg    *funcGen
	code  map[int][]jen.Code
	temps map[ir.Temp]bool // the temporaries the paths compute
	// readTemps are those the paths read (the others are assigned only).
	readTemps map[ir.Temp]bool
	written   map[string]bool // the fields the paths write (the first pass's writes)
	writes    map[string]bool // the fields this pass saw written
	shadows   map[string]string
	// shadowOrder is the shadowed fields in the order of their shadows;
	// shadowInt those whose shadow is an rt.IntVal (writeBack).
	shadowOrder []string
	shadowInt   map[string]bool
	yields      map[int]bool // the bare states the paths reach
}

// visit writes block b and the blocks its path goes on to, once each.
func (fr *fastResumer) visit(b *ir.Block) {
	if _, ok := fr.code[b.ID]; ok {
		return
	}
	fr.code[b.ID] = nil // visited (a loop comes back to it)
	code, next := fr.block(b)
	fr.code[b.ID] = code
	for _, n := range next {
		fr.visit(n)
	}
}

// bail is where a path the fast resume cannot take leaves it: nothing of
// the frame has changed.
func bail() jen.Code { return jen.Return(jen.False()) }

// block is the code of b in the fast resume, and the blocks it goes to.
func (fr *fastResumer) block(b *ir.Block) ([]jen.Code, []*ir.Block) {
	fg := fr.fg
	// A block the fast resume cannot take is only `return false`: the
	// temporaries its other instructions would have set and read are not
	// the function's.
	temps, reads := maps.Clone(fr.temps), maps.Clone(fr.readTemps)
	bailOut := func() ([]jen.Code, []*ir.Block) {
		fr.temps, fr.readTemps = temps, reads
		return []jen.Code{bail()}, nil
	}
	var code []jen.Code
	for _, in := range b.Instrs {
		if in.Op == ir.OpLoad && in.Var != nil && in.Var.Kind == ir.Global {
			if call := fg.yield0Await(b, in); call != nil {
				// The bare yield: the path ends here.
				cache, ok := fg.yield0Cache[call]
				bare, ok2 := fg.bareStates[b.Term.Target.State]
				if !ok || !ok2 {
					return bailOut()
				}
				var hit jen.Code
				if fg.g.prog.ImportBound[in.Var.Name] {
					hit = jen.Id(cache).Dot("Yield0Bound").Call()
				} else {
					g := jen.Id(globalName(in.Var.Name))
					hit = g.Clone().Op("!=").Nil().Op("&&").Id(cache).Dot("Yield0Hit").Call(g)
				}
				if fr.yields == nil {
					fr.yields = map[int]bool{}
				}
				fr.yields[bare] = true
				return append(code, jen.If(hit).Block(jen.Goto().Id(fmt.Sprintf("fy%d", bare))), bail()), nil
			}
		}
		c, ok := fr.instr(in)
		if !ok {
			return bailOut()
		}
		code = append(code, c...)
	}
	t := b.Term
	gotoB := func(to *ir.Block) jen.Code { return jen.Goto().Id(fmt.Sprintf("fb%d", to.ID)) }
	switch t.Kind {
	case ir.Jump:
		return append(code, gotoB(t.Target)), []*ir.Block{t.Target}
	case ir.Branch:
		if v, ok := t.Value.(ir.Temp); ok && fg.f.TempType(v) == ir.Bool {
			if x, ok := fr.read(v); ok {
				return append(code, jen.If(x).Block(gotoB(t.Target)), gotoB(t.Else)), []*ir.Block{t.Target, t.Else}
			}
		}
	case ir.ForNext:
		tv, ok := t.Value.(ir.Temp)
		if ok && fg.f.TempType(t.Dst) == ir.Int && fg.rangeIn[tv] && !fg.rangeLocal[tv] && !fg.lay.inFrame[slot{temp: t.Dst}] {
			r := fr.write(fmt.Sprintf("f.r%d", tv), false)
			advanced := "Advanced"
			if fg.unitStepRange(tv) {
				advanced = "AdvancedUnit"
			}
			fr.temps[t.Dst] = true
			// An exhausted range leaves the loop the usual way.
			return append(code, jen.If(jen.Id(r).Dot("More").Call()).Block(
				jen.Id(fr.tempName(t.Dst)).Op("=").Qual(rtPath, "MakeInt").Call(jen.Id(r).Dot("Cur").Call()),
				jen.Id(r).Op("=").Id(r).Dot(advanced).Call(),
				gotoB(t.Target),
			), bail()), []*ir.Block{t.Target}
		}
	}
	return append(code, bail()), nil
}

// instr is the code of in in the fast resume, if it has one there.
func (fr *fastResumer) instr(in *ir.Instr) ([]jen.Code, bool) {
	fg := fr.fg
	if fg.skip[in] {
		return nil, true
	}
	if in.Dst >= 0 {
		// The temporaries it computes are its own Go variables: none
		// that lives in the frame, nor an awaitable.
		if fg.lay.inFrame[slot{temp: in.Dst}] || fg.isAwSlot(in.Dst) || fr.goType(fg.f.TempType(in.Dst)) == nil {
			return nil, false
		}
	}
	switch in.Op {
	case ir.OpLoad:
		v := in.Var
		if in.Dst < 0 || v == nil || v.Kind != ir.Local || !fg.varInFrame(v) || v.Type != fg.f.TempType(in.Dst) || fr.goType(v.Type) == nil {
			return nil, false
		}
		fr.temps[in.Dst] = true
		return []jen.Code{jen.Id(fr.tempName(in.Dst)).Op("=").Id(fr.field(v))}, true
	case ir.OpStore:
		v := in.Var
		if v == nil || v.Kind != ir.Local || !fg.varInFrame(v) || fr.goType(v.Type) == nil || len(in.Args) != 1 {
			return nil, false
		}
		x, ok := fr.value(in.Args[0], v.Type)
		if !ok {
			return nil, false
		}
		return []jen.Code{jen.Id(fr.write(fr.rawField(slot{temp: -1, v: v}), v.Type == ir.Int)).Op("=").Add(x)}, true
	case ir.OpCopy:
		if in.Dst < 0 || len(in.Args) != 1 {
			return nil, false
		}
		x, ok := fr.value(in.Args[0], fg.f.TempType(in.Dst))
		if !ok {
			return nil, false
		}
		fr.temps[in.Dst] = true
		return []jen.Code{jen.Id(fr.tempName(in.Dst)).Op("=").Add(x)}, true
	case ir.OpBinary, ir.OpCompare:
		return fr.intOp(in)
	}
	return nil, false
}

// intOp is an operation on two ints in the fast resume: its int64 form,
// where both are small and the result fits.
func (fr *fastResumer) intOp(in *ir.Instr) ([]jen.Code, bool) {
	fg := fr.fg
	if in.Dst < 0 || len(in.Args) != 2 || fg.operandType(in.Args[0]) != ir.Int || fg.operandType(in.Args[1]) != ir.Int {
		return nil, false
	}
	a, ok1 := fr.value(in.Args[0], ir.Int)
	b, ok2 := fr.value(in.Args[1], ir.Int)
	if !ok1 || !ok2 {
		return nil, false
	}
	op := strings.TrimPrefix(in.Name, "Inplace")
	dst := jen.Id(fr.tempName(in.Dst))
	small := jen.Add(a).Dot("Big").Op("!=").Nil().Op("||").Add(b).Dot("Big").Op("!=").Nil()
	var code []jen.Code
	if in.Op == ir.OpCompare {
		cmp, ok := map[string]string{"Lt": "<", "LtE": "<=", "Gt": ">", "GtE": ">=", "Eq": "==", "NotEq": "!="}[in.Name]
		if !ok || fg.f.TempType(in.Dst) != ir.Bool {
			return nil, false
		}
		code = []jen.Code{
			jen.If(small).Block(bail()),
			dst.Op("=").Add(a).Dot("Small").Op(cmp).Add(b).Dot("Small"),
		}
	} else {
		if fg.f.TempType(in.Dst) != ir.Int {
			return nil, false
		}
		x, y := jen.Add(a).Dot("Small"), jen.Add(b).Dot("Small")
		switch op {
		case "BitXor", "BitAnd", "BitOr":
			sym := map[string]string{"BitXor": "^", "BitAnd": "&", "BitOr": "|"}[op]
			code = []jen.Code{
				jen.If(small).Block(bail()),
				dst.Op("=").Qual(rtPath, "MakeInt").Call(x.Op(sym).Add(y)),
			}
		case "Add", "Sub":
			sym := map[string]string{"Add": "+", "Sub": "-"}[op]
			// Overflow: for a+b the sign of r differs from both a's and b's;
			// for a-b from a's and from -b's.
			var over *jen.Statement
			if op == "Add" {
				over = jen.Parens(jen.Add(a).Dot("Small").Op("^").Id("r")).Op("&").Parens(jen.Add(b).Dot("Small").Op("^").Id("r")).Op("<").Lit(0)
			} else {
				over = jen.Parens(jen.Add(a).Dot("Small").Op("^").Add(b).Dot("Small")).Op("&").Parens(jen.Add(a).Dot("Small").Op("^").Id("r")).Op("<").Lit(0)
			}
			code = []jen.Code{
				jen.If(small).Block(bail()),
				jen.Id("r").Op(":=").Add(x).Op(sym).Add(y),
				jen.If(over).Block(bail()),
				dst.Op("=").Qual(rtPath, "MakeInt").Call(jen.Id("r")),
			}
			code = []jen.Code{jen.Block(code...)}
		default:
			return nil, false
		}
	}
	fr.temps[in.Dst] = true
	return code, true
}

// value is operand o, of type typ, as the fast resume reads it.
func (fr *fastResumer) value(o ir.Operand, typ ir.Type) (jen.Code, bool) {
	switch o := o.(type) {
	case ir.Temp:
		if fr.fg.f.TempType(o) != typ {
			return nil, false
		}
		return fr.read(o)
	case ir.Const:
		if n, ok := o.Value.(*big.Int); ok && typ == ir.Int && n.IsInt64() {
			return jen.Qual(rtPath, "MakeInt").Call(jen.Lit(n.Int64())), true
		}
		if x, ok := o.Value.(bool); ok && typ == ir.Bool {
			return jen.Lit(x), true
		}
	}
	return nil, false
}

// read is temporary t as the fast resume reads it: one the path computes.
func (fr *fastResumer) read(t ir.Temp) (jen.Code, bool) {
	if !fr.temps[t] {
		return nil, false
	}
	fr.readTemps[t] = true
	return jen.Id(fr.tempName(t)), true
}

func (fr *fastResumer) tempName(t ir.Temp) string { return fmt.Sprintf("t%d", t) }

// field is where the fast resume reads local v: the shadow of its field
// if a path writes it, else the field.
func (fr *fastResumer) field(v *ir.Var) string {
	f := fr.rawField(slot{temp: -1, v: v})
	if fr.written[f] {
		return fr.shadow(f, v.Type == ir.Int)
	}
	return f
}

// write is the Go variable a path writes for frame field f (its shadow),
// and notes the field written.
func (fr *fastResumer) write(f string, isInt bool) string {
	if fr.writes == nil {
		fr.writes = map[string]bool{}
	}
	fr.writes[f] = true
	return fr.shadow(f, isInt)
}

// shadow is the Go variable that stands for frame field f in the fast
// resume, made on first use: it is read from the field at the start.
func (fr *fastResumer) shadow(f string, isInt bool) string {
	if s, ok := fr.shadows[f]; ok {
		return s
	}
	s := fmt.Sprintf("s%d", len(fr.shadowOrder))
	fr.shadows[f] = s
	fr.shadowOrder = append(fr.shadowOrder, f)
	fr.shadowInt[f] = isInt
	return s
}

// writeBack writes every shadow back to its field, where a path reaches a
// bare yield (all of them: a shadow that path did not change holds what
// the field holds). An int goes back as its int64 alone, where it and what
// its field held are small: a pointer store would take the write
// barrier's call, and a call a stack frame; a big one, rare, sends the
// step the usual way (nothing is written yet).
func (fr *fastResumer) writeBack() []jen.Code {
	var big *jen.Statement
	for _, f := range fr.shadowOrder {
		if fr.shadowInt[f] {
			test := jen.Id(fr.shadows[f]).Dot("Big").Op("!=").Nil().Op("||").Id(f).Dot("Big").Op("!=").Nil()
			if big == nil {
				big = test
			} else {
				big = big.Op("||").Add(test)
			}
		}
	}
	var out []jen.Code
	if big != nil {
		out = append(out, jen.If(big).Block(bail()))
	}
	for _, f := range fr.shadowOrder {
		if fr.shadowInt[f] {
			out = append(out, jen.Id(f).Dot("Small").Op("=").Id(fr.shadows[f]).Dot("Small"))
		} else {
			out = append(out, jen.Id(f).Op("=").Id(fr.shadows[f]))
		}
	}
	return out
}

// rawField is the frame field of slot s (its own or the one it shares),
// never a Go local of Resume's (cachedfields.go).
func (fr *fastResumer) rawField(s slot) string {
	if r, ok := fr.fg.lay.field[s]; ok {
		s = r
	}
	if s.v != nil {
		return "f." + localName(s.v)
	}
	return fmt.Sprintf("f.t%d", s.temp)
}

// goType is the Go type of a temporary or local of type t in the fast
// resume (nil: one it does not handle).
func (fr *fastResumer) goType(t ir.Type) jen.Code {
	switch t {
	case ir.Int:
		return jen.Qual(rtPath, "IntVal")
	case ir.Bool:
		return jen.Bool()
	}
	return nil
}
