//go:build linux && (amd64 || arm64 || ppc64le || riscv64 || loong64 || s390x)

package rtlib

import (
	"bytes"
	"os"
	"syscall"
	"unsafe"
)

// hugePageSize is the size of a transparent huge page (x86-64, arm64 with
// 4 KB base pages; a different size only makes the advice cover less).
const hugePageSize = 2 << 20

// hugePagesAdvisable says whether advising the heap to use transparent
// huge pages can change anything: Linux has them in "madvise" mode (in
// "always" mode the heap has them already, in "never" mode not at all),
// overcommit is not strict (so mapping the reserve is only address space),
// and ASYNC2GO_THP is not 0.
func hugePagesAdvisable() bool {
	if os.Getenv("ASYNC2GO_THP") == "0" {
		return false
	}
	mode, err := os.ReadFile("/sys/kernel/mm/transparent_hugepage/enabled")
	if err != nil || !bytes.Contains(mode, []byte("[madvise]")) {
		return false
	}
	oc, err := os.ReadFile("/proc/sys/vm/overcommit_memory")
	return err == nil && (bytes.HasPrefix(oc, []byte("0")) || bytes.HasPrefix(oc, []byte("1")))
}

// hugeReserveSize is the heap reserve to advise: 512 MB, or a quarter of
// the machine's memory if that is less (0 if that is unknown).
func hugeReserveSize() uintptr {
	const want = 512 << 20
	return uintptr(min(want, memTotal()/4)) &^ (hugePageSize - 1)
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
