package codegen

import (
	"fmt"

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
			return jen.Id("args").Index(jen.Lit(i))
		}
		return nil
	}

	doc := fmt.Sprintf("%s is %s %s (%s line %d).", f.GoName, f.Kind, f.Qualname, fg.g.prog.File, f.Line)
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
				decls = append(decls, jen.Id(localName(v)).Add(obj.Clone()))
			}
			uses = append(uses, jen.Id(localName(v)))
		}
		if f.NTemps > 0 {
			decls = append(decls, jen.Id("t").Index(jen.Lit(f.NTemps)).Add(obj.Clone()))
		}
		decls = append(decls, jen.Id("exc").Add(excT), jen.Id("line").Int())
		uses = append(uses, jen.Id("exc"), jen.Id("line"))
		stmts := []jen.Code{jen.Var().Defs(decls...)}
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
			params := append([]jen.Code{jen.Id("fn").Op("*").Qual(rtPath, "Function"), jen.Id("args").Index().Qual(rtPath, "Object")}, freeParams...)
			out = append(out, jen.Func().Id(f.GoName).Params(params...).Params(obj.Clone(), excT).Block(stmts...))
		}
	case ir.CoroutineFunc, ir.GeneratorFunc, ir.AsyncGenFunc:
		frame := "frame_" + f.GoName
		fields := []jen.Code{jen.Id("state").Int()}
		inits := jen.Dict{}
		for _, v := range f.Locals {
			if v.Kind == ir.Cell {
				fields = append(fields, jen.Id(localName(v)).Add(cellT))
			} else {
				fields = append(fields, jen.Id(localName(v)).Add(obj.Clone()))
			}
			if init := initOf(v); init != nil {
				inits[jen.Id(localName(v))] = init
			}
		}
		for _, v := range f.Frees {
			fields = append(fields, jen.Id("c_"+v.Name).Add(cellT))
			inits[jen.Id("c_"+v.Name)] = jen.Id("c_" + v.Name)
		}
		if f.NTemps > 0 {
			fields = append(fields, jen.Id("t").Index(jen.Lit(f.NTemps)).Add(obj.Clone()))
		}
		for i, n := range fg.callArrays {
			fields = append(fields, jen.Id(fmt.Sprintf("ca%d", i)).Index(jen.Lit(n)).Add(obj.Clone()))
		}
		if len(fg.awSlots) > 0 {
			fields = append(fields, jen.Id("aw").Index(jen.Lit(len(fg.awSlots))).Qual(rtPath, "Resumable"))
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
		if f.Kind == ir.CoroutineFunc {
			// The coroutine object and its frame in one allocation.
			co := "coro_" + f.GoName
			out = append(out, jen.Comment(co+" is a coroutine object of "+f.Qualname+" with its frame."))
			out = append(out, jen.Type().Id(co).Struct(jen.Id("c").Qual(rtPath, "Coroutine"), jen.Id("f").Id(frame)))
			out = append(out, jen.Comment(doc+" Calling it makes "+what+"."))
			out = append(out, jen.Func().Id(f.GoName).Params(params...).Params(obj.Clone(), excT).Block(
				jen.Id("c").Op(":=").Op("&").Id(co).Values(jen.Dict{jen.Id("f"): jen.Id(frame).Values(inits)}),
				jen.List(jen.Id("c").Dot("c").Dot("Fn"), jen.Id("c").Dot("c").Dot("Body")).Op("=").List(jen.Id("fn"), jen.Op("&").Id("c").Dot("f")),
				jen.Return(jen.Op("&").Id("c").Dot("c"), jen.Nil()),
			))
		} else {
			out = append(out, jen.Comment(doc+" Calling it makes "+what+"."))
			out = append(out, jen.Func().Id(f.GoName).Params(params...).Params(obj.Clone(), excT).Block(
				jen.Return(jen.Qual(rtPath, wrapper).Call(jen.Id("fn"), jen.Op("&").Id(frame).Values(inits)), jen.Nil()),
			))
		}
		cases := []jen.Code{jen.Case(jen.Lit(0)).Block(
			jen.If(jen.Id("thrown").Op("!=").Nil()).Block(
				jen.Id("exc").Op("=").Id("thrown"), jen.Id("line").Op("=").Lit(f.Line), jen.Goto().Id("propagate"),
			),
		)}
		for _, so := range states {
			cases = append(cases, jen.Case(jen.Lit(so.state)).Block(jen.Goto().Id(fmt.Sprintf("s%d", so.state))))
		}
		cases = append(cases, jen.Default().Block(
			jen.Return(jen.Nil(), jen.True(), jen.Qual(rtPath, "Errorf").Call(jen.Qual(rtPath, "RuntimeErrorType"), jen.Lit("cannot reuse already awaited coroutine"))),
		))
		stmts := []jen.Code{
			jen.Var().Defs(jen.Id("exc").Add(excT), jen.Id("line").Int()),
			jen.Id("_").Op("=").Id("line"),
			jen.Switch(jen.Id("f").Dot("state")).Block(cases...),
		}
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

// pythonBuiltins are the names of CPython 3.12's builtins module.
var pythonBuiltins = map[string]bool{}

func init() {
	for _, n := range []string{"ArithmeticError", "AssertionError", "AttributeError", "BaseException", "BaseExceptionGroup",
		"BlockingIOError", "BrokenPipeError", "BufferError", "BytesWarning", "ChildProcessError", "ConnectionAbortedError",
		"ConnectionError", "ConnectionRefusedError", "ConnectionResetError", "DeprecationWarning", "EOFError", "Ellipsis",
		"EncodingWarning", "EnvironmentError", "Exception", "ExceptionGroup", "False", "FileExistsError", "FileNotFoundError",
		"FloatingPointError", "FutureWarning", "GeneratorExit", "IOError", "ImportError", "ImportWarning", "IndentationError",
		"IndexError", "InterruptedError", "IsADirectoryError", "KeyError", "KeyboardInterrupt", "LookupError", "MemoryError",
		"ModuleNotFoundError", "NameError", "None", "NotADirectoryError", "NotImplemented", "NotImplementedError", "OSError",
		"OverflowError", "PendingDeprecationWarning", "PermissionError", "ProcessLookupError", "RecursionError",
		"ReferenceError", "ResourceWarning", "RuntimeError", "RuntimeWarning", "StopAsyncIteration", "StopIteration",
		"SyntaxError", "SyntaxWarning", "SystemError", "SystemExit", "TabError", "TimeoutError", "True", "TypeError",
		"UnboundLocalError", "UnicodeDecodeError", "UnicodeEncodeError", "UnicodeError", "UnicodeTranslateError",
		"UnicodeWarning", "UserWarning", "ValueError", "Warning", "ZeroDivisionError", "abs", "aiter", "all", "anext", "any",
		"ascii", "bin", "bool", "breakpoint", "bytearray", "bytes", "callable", "chr", "classmethod", "compile", "complex",
		"copyright", "credits", "delattr", "dict", "dir", "divmod", "enumerate", "eval", "exec", "exit", "filter", "float",
		"format", "frozenset", "getattr", "globals", "hasattr", "hash", "help", "hex", "id", "input", "int", "isinstance",
		"issubclass", "iter", "len", "license", "list", "locals", "map", "max", "memoryview", "min", "next", "object", "oct",
		"open", "ord", "pow", "print", "property", "quit", "range", "repr", "reversed", "round", "set", "setattr", "slice",
		"sorted", "staticmethod", "str", "sum", "super", "tuple", "type", "vars", "zip", "__build_class__", "__debug__",
		"__doc__", "__import__", "__loader__", "__name__", "__package__", "__spec__"} {
		pythonBuiltins[n] = true
	}
}
