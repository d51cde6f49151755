// Package lower translates a parsed Python module (frontend/ast) into the
// state-machine IR of lower/ir.
//
// Lower first runs the scope analysis of scope.go (CPython's symtable rules:
// each name of each function is a fast local, a cell captured by an inner
// function, a free variable of an enclosing function, a global or a builtin;
// zero-argument super() gets the __class__ cell), then lowers every body —
// the module, each def, async def, lambda, generator expression,
// comprehension and class body — into a control-flow graph of basic blocks
// in three-address form. Every await and yield ends a block with a suspend
// terminator whose target block becomes a resume state; every block records
// the handler block that receives the exceptions its instructions raise.
//
// Then the type inference of infer.go annotates the IR: which temporaries
// and locals are always ints, floats or bools (Func.TempTypes, Var.Type;
// module globals count, as the join of what is stored into them), which
// module-level functions are only ever called directly (Func.Direct,
// Instr.Callee). The annotations only make the generated code faster.
//
// Before lowering, genclose.go finds the generators whose close would run
// code (finally, with, except GeneratorExit) and where CPython's reference
// count would close them; the lowering emits those closes, and reports the
// generators it cannot follow as unsupported.
//
// A construct the lowering does not handle is reported as an
// *UnsupportedError whose message is "FILE:LINE:COL: unsupported: WHAT";
// the lowering never produces code for it. The result is checked by
// ir.Validate before it is returned. See docs/ir.md.
package lower
