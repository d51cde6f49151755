// Package codegen turns the IR of lower/ir into Go source that links
// against rtlib, using github.com/dave/jennifer.
//
// Each function body becomes a Go function whose blocks are labelled
// statements reached by goto; all variables are declared before the first
// label, so no goto jumps over a declaration or into a block (a block whose
// inner labels are entered from outside goes without its braces, each
// instruction that declares a variable in braces of its own). A coroutine
// becomes a frame struct (a state field, its parameters and cells, and the
// locals and temporaries live across a suspension: liveness.go) whose
// Resume method starts with a switch that jumps to the block of the
// current state; everything else is a Go local. A loop that can turn
// without suspending keeps the frame fields it uses in Go locals while
// Resume runs, copied back before each suspension (cachedfields.go); a
// block that starts with typed int arithmetic gets a small-int version
// (fastblock.go). Values the inference proved
// int, float or bool are unboxed Go values (typed.go); directly-called
// functions get typed entry points, and an await of a directly-called
// async def holds its frame in the awaiting one (embed.go). Exceptions are *rt.BaseException values: every fallible
// runtime call is followed by a jump to the handler of its block, or to the
// function's propagate label. /*line file.py:N*/ comments map the Go code
// back to the Python source.
package codegen
