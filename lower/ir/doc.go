// Package ir defines the state-machine IR that the lowering produces and
// the code generator consumes.
//
// A Program is a set of Funcs. Every Func (the module body, each def,
// async def, lambda and class body) is a control-flow graph of Blocks in
// three-address form: Instrs compute numbered temporaries from operands and
// variables, and each Block ends in one Terminator. A Block's Handler is the
// block that receives an exception raised by any of its instructions (nil:
// the exception propagates out of the function) — the handler table of
// regenerator and of C#'s async lowering.
//
// Coroutines are state machines: an Await terminator suspends the function
// and names the block to resume in; codegen numbers those resume blocks as
// states. try/finally is lowered as CPython compiles it: the finally body is
// emitted on each exit path (normal, exceptional, and before each return,
// break or continue that leaves it), so no completion record is needed at
// run time. See docs/ir.md.
package ir
