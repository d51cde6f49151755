//go:build linux && (amd64 || arm64 || ppc64le || riscv64 || loong64 || s390x)

package rtlib

import (
	"bufio"
	"fmt"
	"os"
	"runtime/debug"
	"strings"
	"syscall"
	"testing"
	"unsafe"
)

// TestHugeHeapAdvised checks that the reserve's memory is advised for
// transparent huge pages (smaps says THPeligible), also after it was
// freed and returned to the OS.
func TestHugeHeapAdvised(t *testing.T) {
	if !thpMadviseMode() {
		t.Skip("transparent huge pages are not in madvise mode here")
	}
	const n = 16 << 20
	p := adviseFreshHeap(n)
	debug.FreeOSMemory()
	if got := thpEligible(t, p+n/2); got != "1" {
		t.Fatalf("THPeligible of the reserve's mapping = %q, want 1", got)
	}
}

// thpEligible returns the THPeligible field of the mapping holding addr.
func thpEligible(t *testing.T, addr uintptr) string {
	return smapsField(t, addr, "THPeligible")
}

// smapsField returns the field name of the mapping holding addr in
// /proc/self/smaps.
func smapsField(t *testing.T, addr uintptr, name string) string {
	f, err := os.Open("/proc/self/smaps")
	if err != nil {
		t.Skip(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	in := false
	for sc.Scan() {
		line := sc.Text()
		var lo, hi uintptr
		if f := strings.Fields(line); len(f) > 0 && !strings.HasSuffix(f[0], ":") {
			fmt.Sscanf(f[0], "%x-%x", &lo, &hi)
			in = lo <= addr && addr < hi
			continue
		}
		if in && strings.HasPrefix(line, name+":") {
			return strings.TrimSpace(strings.TrimPrefix(line, name+":"))
		}
	}
	t.Fatalf("no mapping holds %#x", addr)
	return ""
}

// TestReserveStartCollapsed checks collapseHugePage, which reserveHugeHeap
// calls on the block holding the freed reserve's start: a 2 MB block
// faulted in 4 KB pages becomes a huge page (its mapping gains 2 MB of
// AnonHugePages), what was written in it kept. The block is a mapping of
// its own, so that nothing else in it can be a huge page already.
func TestReserveStartCollapsed(t *testing.T) {
	if !thpMadviseMode() {
		t.Skip("transparent huge pages are not in madvise mode here")
	}
	mem, err := syscall.Mmap(-1, 0, 2*hugePageSize, syscall.PROT_READ|syscall.PROT_WRITE, syscall.MAP_ANON|syscall.MAP_PRIVATE)
	if err != nil {
		t.Skip(err)
	}
	defer syscall.Munmap(mem)
	base := uintptr(unsafe.Pointer(&mem[0]))
	off := int((base+hugePageSize-1)&^(hugePageSize-1) - base) // the aligned block inside
	block := mem[off : off+hugePageSize]
	for i := 0; i < len(block); i += 64 << 10 { // 32 pages of 4 KB, not advised
		block[i] = byte(i >> 16)
	}
	addr := uintptr(unsafe.Pointer(&block[0]))
	before := smapsField(t, addr, "AnonHugePages")
	if err := collapseHugePage(addr + 12345); err != nil {
		t.Skipf("Linux refused MADV_COLLAPSE here: %v", err)
	}
	after := smapsField(t, addr, "AnonHugePages")
	var b, a int
	fmt.Sscanf(before, "%d kB", &b)
	fmt.Sscanf(after, "%d kB", &a)
	if a-b != hugePageSize>>10 {
		t.Fatalf("AnonHugePages of the block's mapping: %s before the collapse, %s after; want 2048 kB more", before, after)
	}
	for i := 0; i < len(block); i += 64 << 10 {
		if block[i] != byte(i>>16) {
			t.Fatalf("byte %d lost in the collapse", i)
		}
	}
}

// TestHugeHeapReserveNotTouched checks that the reserve is never written:
// placed over freed memory the runtime would otherwise zero it, making it
// all resident (a million-task run once peaked at 550 MB that way).
func TestHugeHeapReserveNotTouched(t *testing.T) {
	const n = 64 << 20
	touchGarbage(n)
	debug.FreeOSMemory() // old's pages: free, below the arena's zeroed mark, returned to the OS
	before := residentBytes(t)
	adviseFreshHeap(n)
	if grew := residentBytes(t) - before; grew > n/4 {
		t.Fatalf("reserving %d MB made %d MB resident", n>>20, grew>>20)
	}
}

// touchGarbage allocates n bytes, writes every page and drops them.
//
//go:noinline
func touchGarbage(n int) {
	b := make([]byte, n)
	for i := 0; i < n; i += 4096 {
		b[i] = 1
	}
}

// residentBytes is the process's resident set (statm).
func residentBytes(t *testing.T) int64 {
	b, err := os.ReadFile("/proc/self/statm")
	if err != nil {
		t.Skip(err)
	}
	var size, rss int64
	fmt.Sscan(string(b), &size, &rss)
	return rss * int64(os.Getpagesize())
}

// TestInitialHeapAdvised checks that adviseInitialHeap marks the mapped
// heap beyond the 2 MB block in use as eligible for huge pages.
func TestInitialHeapAdvised(t *testing.T) {
	if !thpMadviseMode() {
		t.Skip("transparent huge pages are not in madvise mode here")
	}
	p := uintptr(unsafe.Pointer(new([64]byte)))
	adviseInitialHeap()
	next := (p + hugePageSize) &^ (hugePageSize - 1)
	if !mapped(t, next) {
		t.Skip("the heap has nothing mapped past its current 2 MB block")
	}
	if got := thpEligible(t, next); got != "1" {
		t.Fatalf("THPeligible of the heap's next block = %q, want 1", got)
	}
}

// mapped reports whether a mapping holds addr.
func mapped(t *testing.T, addr uintptr) bool {
	b, err := os.ReadFile("/proc/self/maps")
	if err != nil {
		t.Skip(err)
	}
	for _, line := range strings.Split(string(b), "\n") {
		var lo, hi uintptr
		var perm string
		if n, _ := fmt.Sscanf(line, "%x-%x %s", &lo, &hi, &perm); n == 3 && lo <= addr && addr < hi {
			return perm != "---p"
		}
	}
	return false
}
