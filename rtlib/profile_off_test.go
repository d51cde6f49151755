//go:build !async2go_profile

package rtlib

import (
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestProfilesOff checks that a program built without profiling writes no
// profile, and says why on stderr.
func TestProfilesOff(t *testing.T) {
	cpu := filepath.Join(t.TempDir(), "cpu.out")
	t.Setenv("ASYNC2GO_CPUPROFILE", cpu)
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	saved := os.Stderr
	os.Stderr = w
	stop := startProfiles()
	stop()
	os.Stderr = saved
	w.Close()
	msg, _ := io.ReadAll(r)
	if want := "ASYNC2GO_CPUPROFILE is ignored: this program was built without profiling (async2go build -profile)"; !strings.Contains(string(msg), want) {
		t.Errorf("stderr %q, want it to contain %q", msg, want)
	}
	if _, err := os.Stat(cpu); err == nil {
		t.Errorf("%s written", cpu)
	}
}
