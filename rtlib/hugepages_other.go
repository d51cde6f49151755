//go:build !(linux && (amd64 || arm64 || ppc64le || riscv64 || loong64 || s390x))

package rtlib

import "unsafe"

const hugePagesPossible = false

func hugePagesWanted() bool                       { return false }
func hugePagesAdvisable() bool                    { return false }
func thpMadviseMode() bool                        { return false }
func adviseInitialHeap()                          {}
func hugeReserveSize() uintptr                    { return 0 }
func earlyPadding() uintptr                       { return 0 }
func earlyRoom() uintptr                          { return 0 }
func adviseHugePages(p unsafe.Pointer, n uintptr) {}
func collapseHugePage(p uintptr) error            { return nil }
