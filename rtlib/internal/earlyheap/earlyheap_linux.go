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

// chunkSize is the unit in which Go's runtime maps heap memory
// (pallocChunkBytes): a 4 MB-aligned chunk at a time. Were it different,
// the block after the first would be advised before it is mapped, which
// only loses the advice.
const chunkSize = 4 << 20

// madvHugepage is MADV_HUGEPAGE.
const madvHugepage = 14

// padBelow is the rest of the first block under which adviseNext maps and
// advises the next chunk ahead of the heap.
const padBelow = 512 << 10

// Block is the address of the heap's first block, and Collapsed reports
// whether Linux made it a huge page (tests). Padding is the size of the
// unreferenced allocation that made the runtime map the next block
// (adviseNext), 0 if none; the first collection frees it. Room is the
// heap memory mapped above this package's first allocation that is now a
// huge page or advised to become one when touched (0 if none): Go maps
// the heap's later growth as new mappings, which the advice does not
// reach (the runtime library's first collection reserves memory for that,
// and comes early enough not to outgrow Room: rtlib's gcFirstPercent).
var (
	Block     uintptr
	Collapsed bool
	Padding   uintptr
	Room      uintptr
)

func init() {
	if v, _ := syscall.Getenv("ASYNC2GO_THP"); v != "1" {
		return
	}
	if v, _ := syscall.Getenv("GODEBUG"); strings.Contains(v, "disablethp=1") {
		return
	}
	p := uintptr(unsafe.Pointer(new([16]byte)))
	Block = p &^ (blockSize - 1)
	_, _, errno := syscall.Syscall(syscall.SYS_MADVISE, Block, blockSize, madvCollapse)
	Collapsed = errno == 0
	if Collapsed {
		Room = adviseNext(p) - p
	}
}

// adviseNext advises the block after the heap's first one (Block) to be
// backed by a huge page when first touched: the heap grows into it once
// the first block is full, often while the runtime library initializes,
// before the library's own advice (rtlib.adviseInitialHeap). A block that
// already has 4 KB pages keeps them, and faults in 4 KB at a time (~130
// faults in a ping-pong of boxed ints, ~13 µs each on the benchmark VM).
//
// Go maps the heap a 4 MB chunk at a time, and since Go 1.26 starts it at
// a random page of its first chunk. When Block is the first half of its
// chunk, the next block is mapped: it is advised at once. When Block is
// the second half, the next block is in a chunk not yet mapped, and advice
// given to the reserved range is lost when the runtime maps it (mmap with
// MAP_FIXED). If less than padBelow is left of Block above p (the heap
// will soon leave it: the runtime library's initialization alone
// allocates ~190 KB), an allocation bigger than that rest makes the
// runtime map the next chunk now; it is never written, and the next chunk
// is advised. The allocation stays unreferenced until the first
// collection frees it; its pages in Block were resident anyway, and those
// in the next block fall inside the huge page the heap's growth faults in
// there. With more of Block left the next chunk is left alone: a small
// program then never touches it, where a huge page of fresh memory would
// cost it more than the few 4 KB pages it spares (on the benchmark VM,
// right after CPython ran, ~3 ms against ~0.5 ms: bench/arith's medians
// went 21.4 -> 24.1 ms when every start padded).
//
// It returns the end of the heap memory that is a huge page or advised.
func adviseNext(p uintptr) uintptr {
	next := Block + blockSize
	n := uintptr(blockSize)
	if next&(chunkSize-1) == 0 {
		if next-p >= padBelow {
			return next
		}
		Padding = next - p + 8<<10
		var b strings.Builder
		b.Grow(int(Padding)) // not zeroed: strings.Builder allocates without clearing
		n = chunkSize
	}
	syscall.Syscall(syscall.SYS_MADVISE, next, n, madvHugepage)
	return next + n
}
