//go:build linux && (amd64 || arm64 || ppc64le || riscv64 || loong64 || s390x)

package earlyheap

import (
	"strings"
	"syscall"
	"unsafe"
)

// blockSize is the size of a transparent huge page with 4 KB base pages.
const blockSize = 2 << 20

// madvCollapse is MADV_COLLAPSE (not in package syscall).
const madvCollapse = 25

// Block is the address of the heap's first block, and Collapsed reports
// whether Linux made it a huge page (tests).
var (
	Block     uintptr
	Collapsed bool
)

func init() {
	if v, _ := syscall.Getenv("ASYNC2GO_THP"); v == "0" {
		return
	}
	if v, _ := syscall.Getenv("GODEBUG"); strings.Contains(v, "disablethp=1") {
		return
	}
	p := uintptr(unsafe.Pointer(new([16]byte)))
	Block = p &^ (blockSize - 1)
	_, _, errno := syscall.Syscall(syscall.SYS_MADVISE, Block, blockSize, madvCollapse)
	Collapsed = errno == 0
}
