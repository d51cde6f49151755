package codegen

import (
	"fmt"

	"github.com/async2go/async2go/lower/ir"
	"github.com/dave/jennifer/jen"
)

// Small-int versions of blocks.
//
// A typed int (rt.IntVal) is two words: an int64, and a *big.Int that is
// nil while the value fits. Each typed operation tests that its operands
// are small and takes its inline int64 form, else calls the full
// operation; the two paths meet again after it, so Go's compiler knows
// nothing about the result, and the next operation tests it again.
//
// A block that starts with a run of such operations (the body of an
// arithmetic loop) gets a second version of that run in front of the
// usual one: the same statements, except that where an operation's small
// case fails, it jumps to the usual version of the block at that
// operation (which then runs the full operation and everything after it).
// On the small version's own path no two paths meet: the results it made
// are known small, and Go's compiler drops their tests. At its end the
// small version jumps to where the block goes next (its terminator, for a
// jump or a branch on a typed value), or to the usual version of the
// first instruction it does not cover. Both versions assign the same Go
// variables, so either may take over from the other at an instruction's
// boundary.

// minFastOps is the number of typed int operations a block's leading run
// must have to get a small version: fewer gain too little for the code.
const minFastOps = 2

// fastRegion is the leading run of b's instructions that a small version
// covers (n of them; whole: all, and the terminator too), or n == 0 when
// the block gets none.
func (fg *funcGen) fastRegion(b *ir.Block) (n int, whole bool) {
	ops := 0
	for n < len(b.Instrs) {
		in := b.Instrs[n]
		if !fg.fastInstr(in) {
			break
		}
		if fg.intOp(in) {
			ops++
		}
		n++
	}
	if ops < minFastOps {
		return 0, false
	}
	if n == len(b.Instrs) {
		switch b.Term.Kind {
		case ir.Jump:
			whole = true
		case ir.Branch:
			whole = fg.typedTruth(b.Term.Value) != nil
		}
	}
	return n, whole
}

// fastInstr says whether in may run in a small version: a typed
// operation, copy, load or store of a local, which computes into Go
// variables and nothing else (running it in either version is the same).
func (fg *funcGen) fastInstr(in *ir.Instr) bool {
	if fg.skip[in] || in.Dst >= 0 && fg.isAwSlot(in.Dst) {
		return false
	}
	switch in.Op {
	case ir.OpStore:
		return in.Var.Kind == ir.Local && in.Var.Type != ir.Boxed && fg.typedOperands(in)
	case ir.OpLoad:
		return in.Dst >= 0 && in.Var.Kind == ir.Local && in.Var.Type == fg.f.TempType(in.Dst) && in.Var.Type != ir.Boxed
	case ir.OpCopy, ir.OpBinary, ir.OpCompare, ir.OpUnary:
		if in.Dst < 0 || fg.f.TempType(in.Dst) == ir.Boxed || !fg.typedOperands(in) {
			return false
		}
		if t := fg.f.TempType(in.Dst); t.IsList() || t.IsListIter() {
			return false
		}
		return true
	}
	return false
}

func (fg *funcGen) isAwSlot(t ir.Temp) bool {
	_, ok := fg.awSlots[t]
	return ok
}

// typedOperands says whether every operand of in is an unboxed int,
// float, bool or str (not a list: typed lists have their own forms).
func (fg *funcGen) typedOperands(in *ir.Instr) bool {
	for _, a := range in.Args {
		switch fg.operandType(a) {
		case ir.Int, ir.Float, ir.Bool, ir.Str:
		default:
			return false
		}
	}
	return true
}

// intOp says whether in is an operation on typed ints that has a small
// case (what a small version gains on).
func (fg *funcGen) intOp(in *ir.Instr) bool {
	switch in.Op {
	case ir.OpBinary, ir.OpCompare:
		return len(in.Args) == 2 && fg.operandType(in.Args[0]) == ir.Int && fg.operandType(in.Args[1]) == ir.Int
	}
	return false
}

// fastLabel is the label of instruction i of block b in its usual version
// (i == len(b.Instrs): its terminator).
func fastLabel(b *ir.Block, i int) string { return fmt.Sprintf("b%d_%d", b.ID, i) }

// fastVersion is the small version of b's first n instructions (and of
// its terminator when whole); used collects the labels of the usual
// version it jumps to.
func (fg *funcGen) fastVersion(b *ir.Block, n int, whole bool, used map[int]bool) []jen.Code {
	var stmts []jen.Code
	for i := 0; i < n; i++ {
		in := b.Instrs[i]
		fg.deopt = fastLabel(b, i)
		code, ok := fg.typedInstr(b, in)
		if !ok {
			code = fg.boxedInstr(b, in)
		}
		if fg.deoptUsed {
			used[i] = true
			fg.deoptUsed = false
		}
		stmts = append(stmts, fg.withLine(in, code)...)
	}
	fg.deopt = ""
	if whole {
		return append(stmts, fg.term(b)...)
	}
	used[n] = true
	return append(stmts, jen.Goto().Id(fastLabel(b, n)))
}

// deoptJump is the jump a small version takes where an operation's small
// case fails.
func (fg *funcGen) deoptJump() jen.Code {
	fg.deoptUsed = true
	return jen.Goto().Id(fg.deopt)
}

// withLine puts in's line directive on the first statement of its code.
func (fg *funcGen) withLine(in *ir.Instr, code []jen.Code) []jen.Code {
	if in.Line > 0 && len(code) > 0 {
		// A /*line*/ directive on the same line as the statement it
		// positions: Go reports that statement at the Python line. Each
		// instruction gets one, since Go counts the lines after a
		// directive onward from it (the error checks in between span
		// several Go lines).
		fg.line = in.Line
		code[0] = jen.Comment(fmt.Sprintf("/*line %s:%d*/", fg.g.prog.File, in.Line)).Add(code[0])
	}
	return code
}
