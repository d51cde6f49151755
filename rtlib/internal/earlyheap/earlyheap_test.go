//go:build linux && (amd64 || arm64 || ppc64le || riscv64 || loong64 || s390x)

package earlyheap

import (
	"bufio"
	"fmt"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"testing"
)

// TestOffByDefault checks that without ASYNC2GO_THP=1 the package leaves
// the heap alone.
func TestOffByDefault(t *testing.T) {
	if os.Getenv("ASYNC2GO_THP") == "1" {
		t.Skip("ASYNC2GO_THP=1 is set")
	}
	if Block != 0 || Collapsed || Room != 0 || Padding != 0 {
		t.Errorf("Block %#x, Collapsed %v, Room %d, Padding %d; want all zero", Block, Collapsed, Room, Padding)
	}
}

// optedIn runs the calling test again in a child process with
// ASYNC2GO_THP=1 unless this process has it, and reports whether this
// process has it: the package acts at initialization, so only a process
// started with the setting shows what it does. The child's failure fails
// t; its skip skips t.
func optedIn(t *testing.T) bool {
	if os.Getenv("ASYNC2GO_THP") == "1" {
		return true
	}
	cmd := exec.Command(os.Args[0], "-test.run=^"+t.Name()+"$", "-test.v")
	cmd.Env = append(os.Environ(), "ASYNC2GO_THP=1")
	out, err := cmd.CombinedOutput()
	switch {
	case err != nil:
		t.Fatalf("with ASYNC2GO_THP=1: %v\n%s", err, out)
	case strings.Contains(string(out), "--- SKIP"):
		t.Skipf("with ASYNC2GO_THP=1:\n%s", out)
	}
	return false
}

// TestCollapsed checks that with ASYNC2GO_THP=1 the heap's first block is
// one huge page (where Linux agreed to collapse it), and that
// GODEBUG=disablethp=1 still leaves it alone.
func TestCollapsed(t *testing.T) {
	if os.Getenv("EARLYHEAP_REPORT") != "" {
		fmt.Println("collapsed:", Collapsed)
		return
	}
	if !optedIn(t) {
		return
	}
	if !Collapsed {
		t.Skip("Linux refused MADV_COLLAPSE here (a kernel before 6.1, huge pages off, or none free)")
	}
	if kb := anonHugeKB(t, Block); kb < blockSize>>10 {
		t.Errorf("the mapping holding the heap's first block has %d kB of huge pages, want at least %d", kb, blockSize>>10)
	}
	for _, env := range []string{"ASYNC2GO_THP=0", "ASYNC2GO_THP=", "GODEBUG=disablethp=1"} {
		cmd := exec.Command(os.Args[0], "-test.run=^TestCollapsed$")
		cmd.Env = append(os.Environ(), "EARLYHEAP_REPORT=1", env)
		out, err := cmd.Output()
		if err != nil {
			t.Fatalf("%s: %v", env, err)
		}
		if !strings.Contains(string(out), "collapsed: false") {
			t.Errorf("%s: the child reports %q, want collapsed: false", env, out)
		}
	}
}

// TestNextAdvised checks that, with ASYNC2GO_THP=1, the block after the
// first one, where the heap grows next, is advised to use huge pages
// (adviseNext) unless it is in a chunk not mapped yet with much of the
// first block left, and that padding happened only where that block
// starts a new chunk.
func TestNextAdvised(t *testing.T) {
	if !optedIn(t) {
		return
	}
	if !Collapsed {
		t.Skip("the first block was not collapsed here")
	}
	next := Block + blockSize
	crosses := next&(chunkSize-1) == 0
	if crosses && Padding == 0 {
		t.Skipf("the next block %#x starts a chunk, and enough of the first block was left: nothing to advise", next)
	}
	if flags := smapsField(t, next, "VmFlags:"); !strings.Contains(" "+flags+" ", " hg ") {
		t.Errorf("the mapping holding the heap's next block (%#x) has VmFlags %q, want hg (MADV_HUGEPAGE)", next, flags)
	}
	if Padding != 0 && (!crosses || Padding > padBelow+8<<10) {
		t.Errorf("Padding is %d with the next block %#x (starts a chunk: %v)", Padding, next, crosses)
	}
}

// anonHugeKB is the AnonHugePages of the mapping that holds address p
// (/proc/self/smaps), in kB.
func anonHugeKB(t *testing.T, p uintptr) int {
	kb, err := strconv.Atoi(strings.Fields(smapsField(t, p, "AnonHugePages:"))[0])
	if err != nil {
		t.Fatal(err)
	}
	return kb
}

// smapsField is the rest of the line starting with field in the
// /proc/self/smaps entry of the mapping holding p.
func smapsField(t *testing.T, p uintptr, field string) string {
	f, err := os.Open("/proc/self/smaps")
	if err != nil {
		t.Skip(err)
	}
	defer f.Close()
	in := false
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		fields := strings.Fields(sc.Text())
		if len(fields) < 2 {
			continue
		}
		// A mapping's header starts with its range: "lo-hi perms …".
		if lo, hi, ok := strings.Cut(fields[0], "-"); ok {
			a, err1 := strconv.ParseUint(lo, 16, 64)
			b, err2 := strconv.ParseUint(hi, 16, 64)
			if err1 == nil && err2 == nil {
				in = uint64(p) >= a && uint64(p) < b
				continue
			}
		}
		if in && fields[0] == field {
			return strings.Join(fields[1:], " ")
		}
	}
	t.Fatalf("no mapping holds %#x", p)
	return ""
}
