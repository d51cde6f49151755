//go:build async2go_profile

package rtlib

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

// TestProfilesWritten checks that ASYNC2GO_CPUPROFILE and
// ASYNC2GO_MEMPROFILE make Main's profiling write pprof profiles (gzipped
// protocol buffers).
func TestProfilesWritten(t *testing.T) {
	dir := t.TempDir()
	cpu, mem := filepath.Join(dir, "cpu.out"), filepath.Join(dir, "mem.out")
	t.Setenv("ASYNC2GO_CPUPROFILE", cpu)
	t.Setenv("ASYNC2GO_MEMPROFILE", mem)
	stop := startProfiles()
	var keep [][]byte
	for i := 0; i < 100; i++ {
		keep = append(keep, make([]byte, 1<<10))
	}
	stop()
	_ = keep
	for _, path := range []string{cpu, mem} {
		b, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.HasPrefix(b, []byte{0x1f, 0x8b}) {
			t.Errorf("%s: not a gzipped profile (%d bytes)", filepath.Base(path), len(b))
		}
	}
}
