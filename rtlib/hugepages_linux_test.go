//go:build linux && (amd64 || arm64 || ppc64le || riscv64 || loong64 || s390x)

package rtlib

import (
	"bufio"
	"fmt"
	"os"
	"runtime/debug"
	"strings"
	"testing"
)

// TestHugeHeapAdvised checks that the reserve's memory is advised for
// transparent huge pages (smaps says THPeligible), also after it was
// freed and returned to the OS.
func TestHugeHeapAdvised(t *testing.T) {
	if !hugePagesAdvisable() {
		t.Skip("transparent huge pages are not in madvise mode here (or ASYNC2GO_THP=0)")
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
		if in && strings.HasPrefix(line, "THPeligible:") {
			return strings.TrimSpace(strings.TrimPrefix(line, "THPeligible:"))
		}
	}
	t.Fatalf("no mapping holds %#x", addr)
	return ""
}
