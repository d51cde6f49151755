//go:build linux && (amd64 || arm64 || ppc64le || riscv64 || loong64 || s390x)

package rtlib

import (
	"bytes"
	"os"
	"syscall"
	"unsafe"

	// The heap's first block becomes a huge page before this package's
	// initialization allocates into it.
	"github.com/async2go/async2go/rtlib/internal/earlyheap"
)

// earlyPadding is the size of the unreferenced allocation earlyheap made
// to have the heap's next block mapped and advised early (0 if none).
func earlyPadding() uintptr { return earlyheap.Padding }

// earlyRoom is the heap memory earlyheap left as huge pages or advised
// above its first allocation, the padding included (0 if none).
func earlyRoom() uintptr { return earlyheap.Room }

// hugePageSize is the size of a transparent huge page (x86-64, arm64 with
// 4 KB base pages; a different size only makes the advice cover less).
const hugePageSize = 2 << 20

// hugePagesPossible says that this platform may have transparent huge
// pages (hugePagesAdvisable tells).
const hugePagesPossible = true

// hugePagesWanted says whether the program was asked to use transparent
// huge pages for its heap: ASYNC2GO_THP=1 in its environment. They are off
// by default: on the benchmark VM (since 2026-11-30, twelfth session) a
// 2 MB huge page of fresh memory costs 0.15-0.6 ms right after another
// program freed huge pages, and 1.7-7.5 ms otherwise (after a program
// that used 4 KB pages, or a few seconds idle: the host backs the memory
// again), where 512 faults of 4 KB cost 0.9-1.2 ms either way
// (docs/performance.md, finding 58). On a host where 4 KB faults are the
// dear ones (~13 µs each on the VM of findings 20-57) the measures pay.
func hugePagesWanted() bool { return os.Getenv("ASYNC2GO_THP") == "1" }

// hugePagesAdvisable says whether advising the heap to use transparent
// huge pages can change anything: they are wanted (hugePagesWanted) and
// Linux's settings allow them (thpMadviseMode).
func hugePagesAdvisable() bool { return hugePagesWanted() && thpMadviseMode() }

// thpMadviseMode says whether Linux has transparent huge pages in
// "madvise" mode (in "always" mode the heap has them already, in "never"
// mode not at all) and overcommit is not strict (so mapping the reserve
// is only address space).
func thpMadviseMode() bool {
	var buf [64]byte
	mode := readSmallFile("/sys/kernel/mm/transparent_hugepage/enabled", buf[:])
	if !bytes.Contains(mode, []byte("[madvise]")) {
		return false
	}
	oc := readSmallFile("/proc/sys/vm/overcommit_memory", buf[:])
	return bytes.HasPrefix(oc, []byte("0")) || bytes.HasPrefix(oc, []byte("1"))
}

// readSmallFile reads the start of a file into buf, and returns it (nil on
// errors). Every program whose heap reaches 4 MB calls it
// (hugePagesAdvisable), so it uses the system calls directly: os.ReadFile
// allocates a buffer of the size the kernel reports for a /sys or /proc
// file (4 KB) and registers the file with the network poller, which cost
// ~19 page faults (~0.5 ms on the benchmark VM).
func readSmallFile(path string, buf []byte) []byte {
	fd, err := syscall.Open(path, syscall.O_RDONLY|syscall.O_CLOEXEC, 0)
	if err != nil {
		return nil
	}
	defer syscall.Close(fd)
	n := 0
	for n < len(buf) {
		m, err := syscall.Read(fd, buf[n:])
		if err == syscall.EINTR {
			continue
		}
		if err != nil || m <= 0 {
			break
		}
		n += m
	}
	return buf[:n]
}

// hugeReserveSize is the heap reserve to advise: 512 MB, or a quarter of
// the machine's memory if that is less (0 if that is unknown).
func hugeReserveSize() uintptr {
	const want = 512 << 20
	return uintptr(min(want, memTotal()/4)) &^ (hugePageSize - 1)
}

// adviseInitialHeap advises the heap memory Go has mapped at start-up
// beyond the 2 MB block in use (the heap's first 4 to 8 MB; the advice
// covers the next 64 MB, and Linux ignores the parts not mapped yet) to be
// backed by huge pages: a program whose heap grows past its first 2 MB
// then faults it in 2 MB at a time before the first collection reserves
// the rest (reserveHugeHeap). Go maps later growth as new mappings, which
// the advice does not reach. A program whose heap stays in its first
// block touches none of it. One system call: interleaved medians, fanout
// 67.4 -> 65.3 ms and timers 101.5 -> 93.1 ms (15 runs), hello and switch
// unchanged (41 runs).
//
// Package earlyheap has advised the block after the first one already,
// before this package initialized (its allocations often reach that block
// first); this call covers the memory after it.
func adviseInitialHeap() {
	p := uintptr(unsafe.Pointer(new([64]byte)))
	beg := (p + hugePageSize) &^ (hugePageSize - 1)
	syscall.Syscall(syscall.SYS_MADVISE, beg, 64<<20, 14 /* MADV_HUGEPAGE */)
}

// adviseHugePages asks Linux to back the huge pages inside [p, p+n) with
// transparent huge pages when they are first touched.
func adviseHugePages(p unsafe.Pointer, n uintptr) {
	beg := (uintptr(p) + hugePageSize - 1) &^ (hugePageSize - 1)
	end := (uintptr(p) + n) &^ (hugePageSize - 1)
	if beg < end {
		syscall.Syscall(syscall.SYS_MADVISE, beg, end-beg, 14 /* MADV_HUGEPAGE */)
	}
}

// collapseHugePage makes the huge page holding p one now, copying into it
// what of it is in use (MADV_COLLAPSE, Linux 6.1 and later). Linux refuses
// with EAGAIN while the program writes to that memory; it is asked again,
// a few times. It returns Linux's last answer (nil: collapsed).
func collapseHugePage(p uintptr) error {
	var e syscall.Errno
	for try := 0; try < 4; try++ {
		_, _, e = syscall.Syscall(syscall.SYS_MADVISE, p&^(hugePageSize-1), hugePageSize, 25 /* MADV_COLLAPSE */)
		if e != syscall.EAGAIN {
			break
		}
	}
	if e != 0 {
		return e
	}
	return nil
}
