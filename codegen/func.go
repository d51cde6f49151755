package codegen

import (
	"fmt"
	"sort"

	"github.com/async2go/async2go/lower/ir"
	"github.com/dave/jennifer/jen"
)

// wrap turns the generated blocks of a function into its Go declarations.
func (fg *funcGen) wrap(body []jen.Code, states []stateOut) []jen.Code {
	f := fg.f
	obj := jen.Qual(rtPath, "Object")
	excT := jen.Op("*").Qual(rtPath, "BaseException")
	cellT := jen.Op("*").Qual(rtPath, "Cell")
	var out []jen.Code

	// Where an exception leaves the function.
	var propagate []jen.Code
	if fg.usedProp || f.Kind.IsStateMachine() {
		propagate = append(propagate, jen.Id("propagate").Op(":"))
		if f.Kind.IsStateMachine() {
			propagate = append(propagate, jen.Id("f").Dot("state").Op("=").Lit(-1))
		}
		name := f.Name
		propagate = append(propagate, jen.Id("exc").Dot("AddFrame").Call(jen.Id("pyFile"), jen.Lit(name), jen.Id("line")))
		if f.Kind == ir.CoroutineFunc {
			// PEP 479, at the frame (an embedded frame has no coroutine
			// object to do it).
			propagate = append(propagate, jen.Id("exc").Op("=").Qual(rtPath, "CoroutineRaised").Call(jen.Id("exc")))
		}
		switch f.Kind {
		case ir.ModuleBody:
			propagate = append(propagate, jen.Return(jen.Id("exc")))
		case ir.CoroutineFunc, ir.GeneratorFunc, ir.AsyncGenFunc:
			propagate = append(propagate, jen.Return(jen.Nil(), jen.True(), jen.Id("exc")))
		default:
			propagate = append(propagate, jen.Return(jen.Nil(), jen.Id("exc")))
		}
	}

	var freeParams []jen.Code
	for _, v := range f.Frees {
		freeParams = append(freeParams, jen.Id("c_"+v.Name).Add(cellT))
	}

	// Parameters and locals.
	paramIndex := map[string]int{}
	for i, n := range f.Params.Names {
		paramIndex[n] = i
	}
	initOf := func(v *ir.Var) jen.Code {
		i, isParam := paramIndex[v.Name]
		if v.Kind == ir.Cell {
			if isParam {
				return jen.Op("&").Qual(rtPath, "Cell").Values(jen.Dict{jen.Id("V"): jen.Id("args").Index(jen.Lit(i))})
			}
			return jen.Op("&").Qual(rtPath, "Cell").Values()
		}
		if isParam {
			if f.Direct {
				return jen.Id(fmt.Sprintf("a%d", i)) // already of the parameter's type
			}
			if v.Type != ir.Boxed {
				return unbox(v.Type, jen.Id("args").Index(jen.Lit(i)))
			}
			return jen.Id("args").Index(jen.Lit(i))
		}
		return nil
	}
	// A function only ever called directly (f.Direct) has its body in
	// <name>_direct, taking the parameters as typed Go arguments; <name>,
	// the entry point of generic calls, unboxes and forwards.
	var directParams, forward []jen.Code
	if f.Direct {
		directParams = []jen.Code{jen.Id("fn").Op("*").Qual(rtPath, "Function")}
		forward = []jen.Code{jen.Id("fn")}
		for i := range f.Params.Names {
			typ := paramType(f, i)
			directParams = append(directParams, jen.Id(fmt.Sprintf("a%d", i)).Add(goType(typ)))
			forward = append(forward, unbox(typ, jen.Id("args").Index(jen.Lit(i))))
		}
	}
	entry := func(body ...jen.Code) []jen.Code {
		params := []jen.Code{jen.Id("fn").Op("*").Qual(rtPath, "Function"), jen.Id("args").Index().Qual(rtPath, "Object")}
		if !f.Direct {
			return []jen.Code{jen.Func().Id(f.GoName).Params(params...).Params(obj.Clone(), excT).Block(body...)}
		}
		return []jen.Code{
			jen.Func().Id(f.GoName+"_direct").Params(directParams...).Params(obj.Clone(), excT).Block(body...),
			jen.Line(),
			jen.Comment(f.GoName + " is the entry point of generic calls."),
			jen.Func().Id(f.GoName).Params(params...).Params(obj.Clone(), excT).Block(
				jen.Return(jen.Id(f.GoName + "_direct").Call(forward...)),
			),
		}
	}

	doc := fmt.Sprintf("%s is %s %s (%s line %d).", f.GoName, f.Kind, f.Qualname, fg.g.prog.File, f.Line)
	if f.Direct {
		doc = fmt.Sprintf("%s_direct is %s %s (%s line %d), called directly with typed arguments.", f.GoName, f.Kind, f.Qualname, fg.g.prog.File, f.Line)
	}
	switch f.Kind {
	case ir.ModuleBody, ir.PlainFunc, ir.ClassBody:
		var decls []jen.Code
		var uses []jen.Code
		for _, v := range f.Locals {
			if init := initOf(v); init != nil {
				decls = append(decls, jen.Id(localName(v)).Op("=").Add(init))
			} else if v.Kind == ir.Cell {
				decls = append(decls, jen.Id(localName(v)).Add(cellT))
			} else {
				decls = append(decls, jen.Id(localName(v)).Add(goType(v.Type)))
			}
			uses = append(uses, jen.Id(localName(v)))
		}
		temps, unread := fg.localTemps()
		decls = append(decls, jen.Id("exc").Add(excT), jen.Id("line").Int())
		uses = append(uses, unread...)
		uses = append(uses, jen.Id("exc"), jen.Id("line"))
		stmts := []jen.Code{jen.Var().Defs(decls...)}
		stmts = append(stmts, fg.tempDecls(temps)...)
		for _, u := range uses {
			stmts = append(stmts, jen.Id("_").Op("=").Add(u))
		}
		stmts = append(stmts, body...)
		stmts = append(stmts, propagate...)
		out = append(out, jen.Comment(doc))
		switch f.Kind {
		case ir.ModuleBody:
			out = append(out, jen.Func().Id(f.GoName).Params().Add(excT).Block(stmts...))
		case ir.ClassBody:
			params := append([]jen.Code{jen.Id("ns").Op("*").Qual(rtPath, "Dict")}, freeParams...)
			out = append(out, jen.Func().Id(f.GoName).Params(params...).Params(cellT, excT).Block(stmts...))
		default:
			if f.Direct {
				out = append(out, entry(stmts...)...)
				break
			}
			params := append([]jen.Code{jen.Id("fn").Op("*").Qual(rtPath, "Function"), jen.Id("args").Index().Qual(rtPath, "Object")}, freeParams...)
			out = append(out, jen.Func().Id(f.GoName).Params(params...).Params(obj.Clone(), excT).Block(stmts...))
		}
	case ir.CoroutineFunc, ir.GeneratorFunc, ir.AsyncGenFunc:
		frame := "frame_" + f.GoName
		fields := []jen.Code{jen.Id("state").Int()}
		inits := jen.Dict{}
		var localVars, unreadVars []jen.Code
		for _, v := range f.Locals {
			switch {
			case v.Kind == ir.Cell:
				fields = append(fields, jen.Id(localName(v)).Add(cellT))
			case fg.varInFrame(v):
				if _, shared := fg.lay.field[slot{temp: -1, v: v}]; !shared {
					fields = append(fields, jen.Id(localName(v)).Add(goType(v.Type)))
				}
			default:
				// Not live across a suspension: a Go local of Resume.
				localVars = append(localVars, jen.Id(localName(v)).Add(goType(v.Type)))
				if !fg.lay.read[slot{temp: -1, v: v}] {
					unreadVars = append(unreadVars, jen.Id(localName(v)))
				}
				continue
			}
			if init := initOf(v); init != nil {
				inits[jen.Id(localName(v))] = init
			}
		}
		for _, v := range f.Frees {
			fields = append(fields, jen.Id("c_"+v.Name).Add(cellT))
			inits[jen.Id("c_"+v.Name)] = jen.Id("c_" + v.Name)
		}
		for t := 0; t < f.NTemps; t++ {
			if _, shared := fg.lay.field[slot{temp: ir.Temp(t)}]; shared {
				continue
			}
			if _, aw := fg.awSlots[ir.Temp(t)]; !aw && fg.lay.inFrame[slot{temp: ir.Temp(t)}] {
				fields = append(fields, jen.Id(fmt.Sprintf("t%d", t)).Add(goType(f.TempType(ir.Temp(t)))))
			}
		}
		for t := 0; t < f.NTemps; t++ {
			if fg.rangeIn[ir.Temp(t)] {
				fields = append(fields, jen.Id(fmt.Sprintf("r%d", t)).Qual(rtPath, "RangeIter"))
			}
		}
		if fg.callArray > 0 {
			fields = append(fields, jen.Id("ca").Index(jen.Lit(fg.callArray)).Add(obj.Clone()))
		}
		if len(fg.awSlots) > 0 {
			fields = append(fields, jen.Id("aw").Qual(rtPath, "Resumable"))
		}
		var subs []*ir.Func
		for c := range fg.subs {
			subs = append(subs, c)
		}
		sort.Slice(subs, func(i, j int) bool { return subs[i].GoName < subs[j].GoName })
		for _, c := range subs {
			fields = append(fields, jen.Id(subField(c)).Id("frame_"+c.GoName))
		}
		out = append(out, jen.Comment(fmt.Sprintf("%s is the frame of %s: its state, and the variables that live across awaits.", frame, f.Qualname)))
		out = append(out, jen.Type().Id(frame).Struct(fields...))
		params := append([]jen.Code{jen.Id("fn").Op("*").Qual(rtPath, "Function"), jen.Id("args").Index().Qual(rtPath, "Object")}, freeParams...)
		wrapper, what := "NewCoroutine", "a coroutine"
		switch f.Kind {
		case ir.GeneratorFunc:
			wrapper, what = "NewGenerator", "a generator"
		case ir.AsyncGenFunc:
			wrapper, what = "NewAsyncGenerator", "an async generator"
		}
		var makeBody []jen.Code
		if f.Kind == ir.CoroutineFunc {
			// The coroutine object and its frame in one allocation.
			co := "coro_" + f.GoName
			out = append(out, jen.Comment(co+" is a coroutine object of "+f.Qualname+" with its frame, and room for the task that runs it."))
			out = append(out, jen.Type().Id(co).Struct(jen.Id("t").Qual(rtPath, "TaskSlot"), jen.Id("c").Qual(rtPath, "Coroutine"), jen.Id("f").Id(frame)))
			makeBody = []jen.Code{
				jen.Id("c").Op(":=").Op("&").Id(co).Values(jen.Dict{jen.Id("f"): jen.Id(frame).Values(inits)}),
				jen.Id("c").Dot("c").Dot("Init").Call(jen.Id("fn"), jen.Op("&").Id("c").Dot("f")),
				jen.Return(jen.Op("&").Id("c").Dot("c"), jen.Nil()),
			}
		} else {
			makeBody = []jen.Code{jen.Return(jen.Qual(rtPath, wrapper).Call(jen.Id("fn"), jen.Op("&").Id(frame).Values(inits)), jen.Nil())}
		}
		out = append(out, jen.Comment(doc+" Calling it makes "+what+"."))
		if f.Direct {
			out = append(out, entry(makeBody...)...)
		} else {
			out = append(out, jen.Func().Id(f.GoName).Params(params...).Params(obj.Clone(), excT).Block(makeBody...))
		}
		// A coroutine's frame keeps its coroutine's state (rt.FrameRunning):
		// it is running from here until it sets its next state as it
		// leaves, and it refuses to run while running or finished.
		keeps := f.Kind == ir.CoroutineFunc
		var running []jen.Code
		if keeps {
			running = []jen.Code{jen.Id("f").Dot("state").Op("=").Qual(rtPath, "FrameRunning")}
		}
		cases := []jen.Code{jen.Case(jen.Lit(0)).Block(append(append([]jen.Code{}, running...),
			jen.If(jen.Id("thrown").Op("!=").Nil()).Block(
				jen.Id("exc").Op("=").Id("thrown"), jen.Id("line").Op("=").Lit(f.Line), jen.Goto().Id("propagate"),
			),
		)...)}
		// A function with one bare-yield state (bareResumeState) tests it
		// before the others: it is the state a loop of sleep(0) resumes in.
		hot := -1
		if len(fg.bareStates) == 1 {
			for _, bare := range fg.bareStates {
				hot = bare
			}
		}
		for _, so := range states {
			if so.state != hot {
				cases = append(cases, jen.Case(jen.Lit(so.state)).Block(append(append([]jen.Code{}, running...), jen.Goto().Id(fmt.Sprintf("s%d", so.state)))...))
			}
		}
		refuse := jen.Return(jen.Nil(), jen.True(), jen.Qual(rtPath, "Errorf").Call(jen.Qual(rtPath, "RuntimeErrorType"), jen.Lit("cannot reuse already awaited coroutine")))
		if keeps {
			refuse = jen.Return(jen.Qual(rtPath, "RefuseFrame").Call(jen.Id("f").Dot("state")))
		}
		cases = append(cases, jen.Default().Block(refuse))
		temps, unread := fg.localTemps()
		unread = append(append(unreadVars, unread...), jen.Id("line"))
		stmts := []jen.Code{jen.Var().Defs(jen.Id("exc").Add(excT), jen.Id("line").Int())}
		for _, lv := range localVars {
			stmts = append(stmts, jen.Var().Add(lv))
		}
		stmts = append(stmts, fg.tempDecls(temps)...)
		for i := 0; i < len(unread); i += 12 {
			chunk := unread[i:min(i+12, len(unread))]
			blanks := make([]jen.Code, len(chunk))
			for i := range blanks {
				blanks[i] = jen.Id("_")
			}
			stmts = append(stmts, jen.List(blanks...).Op("=").List(chunk...))
		}
		stmts = append(stmts, fg.cacheLoads()...)
		if hot >= 0 {
			stmts = append(stmts, jen.If(jen.Id("f").Dot("state").Op("==").Lit(hot)).Block(append(append([]jen.Code{}, running...), jen.Goto().Id(fmt.Sprintf("s%d", hot)))...))
		}
		stmts = append(stmts, jen.Switch(jen.Id("f").Dot("state")).Block(cases...))
		stmts = append(stmts, body...)
		stmts = append(stmts, propagate...)
		out = append(out, jen.Comment("Resume runs "+f.Qualname+" to its next await, its return or its exception."))
		out = append(out, jen.Func().Params(jen.Id("f").Op("*").Id(frame)).Id("Resume").Params(
			jen.Id("sent").Add(obj.Clone()), jen.Id("thrown").Add(excT),
		).Params(obj.Clone(), jen.Bool(), excT).Block(stmts...))
		if f.Kind == ir.CoroutineFunc {
			var lines []jen.Code
			for _, so := range states {
				lines = append(lines, jen.Case(jen.Lit(so.state)).Block(jen.Return(jen.Lit(so.line))))
			}
			out = append(out, jen.Comment("PyLine is the line "+f.Qualname+" is suspended at (cr_frame.f_lineno): its def line before it starts."))
			out = append(out, jen.Func().Params(jen.Id("f").Op("*").Id(frame)).Id("PyLine").Params().Int().Block(
				jen.Switch(jen.Id("f").Dot("state")).Block(lines...),
				jen.Return(jen.Lit(f.Line)),
			))
		}
	}

	// The signature, and a closure constructor for functions with free variables.
	if f.Kind == ir.PlainFunc || f.Kind.IsStateMachine() {
		p := f.Params
		names := make([]jen.Code, len(p.Names))
		for i, n := range p.Names {
			names[i] = jen.Lit(n)
		}
		sig := jen.Dict{
			jen.Id("Name"):    jen.Lit(f.Qualname),
			jen.Id("Params"):  jen.Index().String().Values(names...),
			jen.Id("PosOnly"): jen.Lit(p.PosOnly),
			jen.Id("Pos"):     jen.Lit(p.Pos),
			jen.Id("KwOnly"):  jen.Lit(p.KwOnly),
			jen.Id("VarArgs"): jen.Lit(p.VarArgs),
			jen.Id("VarKw"):   jen.Lit(p.VarKw),
		}
		out = append(out, jen.Var().Id(fg.sigName(f)).Op("=").Op("&").Qual(rtPath, "Signature").Values(sig))
		if len(f.Frees) > 0 {
			var names []jen.Code
			for _, v := range f.Frees {
				names = append(names, jen.Id("c_"+v.Name))
			}
			out = append(out, jen.Func().Id(f.GoName+"_closure").Params(freeParams...).Func().Params(
				jen.Op("*").Qual(rtPath, "Function"), jen.Index().Qual(rtPath, "Object"),
			).Params(obj.Clone(), excT).Block(
				jen.Return(jen.Func().Params(jen.Id("fn").Op("*").Qual(rtPath, "Function"), jen.Id("args").Index().Qual(rtPath, "Object")).Params(obj.Clone(), excT).Block(
					jen.Return(jen.Id(f.GoName).Call(append([]jen.Code{jen.Id("fn"), jen.Id("args")}, names...)...)),
				)),
			))
		}
	}
	return out
}

// localTemps lists the temporaries that are Go locals of the generated
// function (all of a plain function's; a state machine's that are not live
// across a suspension), and those of them that nothing reads.
func (fg *funcGen) localTemps() (decl []ir.Temp, unread []jen.Code) {
	fused := map[ir.Temp]bool{} // results never made: fused into their one use
	for in := range fg.awaitDst {
		fused[in.Dst] = true
	}
	for in := range fg.skip {
		fused[in.Dst] = true
	}
	for t := 0; t < fg.f.NTemps; t++ {
		s := slot{temp: ir.Temp(t)}
		if _, aw := fg.awSlots[ir.Temp(t)]; aw || fused[ir.Temp(t)] || (fg.frame && fg.lay.inFrame[s]) {
			continue
		}
		decl = append(decl, ir.Temp(t))
		if !fg.lay.read[s] {
			unread = append(unread, jen.Id(fmt.Sprintf("t%d", t)))
		}
	}
	return decl, unread
}

// tempDecls declares the local temporaries, grouped by Go type, and the
// scratch bx if a typed result is computed boxed.
func (fg *funcGen) tempDecls(temps []ir.Temp) []jen.Code {
	var out []jen.Code
	types := []ir.Type{ir.Boxed, ir.Int, ir.Float, ir.Bool, ir.Exc, ir.Str}
	for _, k := range []ir.Type{ir.ListOf, ir.ListIter} {
		for _, e := range []ir.Type{ir.Int, ir.Float, ir.Bool, ir.Str} {
			types = append(types, k|e)
		}
	}
	for _, typ := range types {
		var names []jen.Code
		for _, t := range temps {
			if fg.f.TempType(t) == typ {
				names = append(names, jen.Id(fmt.Sprintf("t%d", t)))
			}
		}
		out = append(out, varLines(names, goType(typ))...)
	}
	var slots []jen.Code
	for _, t := range temps {
		if fg.rangeLocal[t] {
			slots = append(slots, jen.Id(fmt.Sprintf("rl%d", t)))
		}
	}
	out = append(out, varLines(slots, jen.Qual(rtPath, "RangeIter"))...)
	if fg.usedBx {
		out = append(out, jen.Var().Id("bx").Qual(rtPath, "Object"))
	}
	return out
}

// varLines declares names of type typ, twelve to a line.
func varLines(names []jen.Code, typ *jen.Statement) []jen.Code {
	var out []jen.Code
	for i := 0; i < len(names); i += 12 {
		out = append(out, jen.Var().List(names[i:min(i+12, len(names))]...).Add(typ.Clone()))
	}
	return out
}
