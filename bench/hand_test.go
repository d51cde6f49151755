// Package bench holds the whole-program benchmarks (see README.md); this test
// checks that each hand-written Go version prints the checksum recorded from
// CPython 3.12 in bench/<workload>/checksum.
package bench

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

func TestHandChecksums(t *testing.T) {
	for _, w := range []string{"switch", "pingpong", "timers", "fanout", "arith", "million"} {
		t.Run(w, func(t *testing.T) {
			if w == "million" && testing.Short() {
				t.Skip("million: 1 s of sleeping and 180 MB")
			}
			want, err := os.ReadFile(filepath.Join(w, "checksum"))
			if err != nil {
				t.Fatal(err)
			}
			bin := filepath.Join(t.TempDir(), w)
			if out, err := exec.Command("go", "build", "-o", bin, "./"+w+"/hand").CombinedOutput(); err != nil {
				t.Fatalf("build: %v\n%s", err, out)
			}
			got, err := exec.Command(bin).Output()
			if err != nil {
				t.Fatal(err)
			}
			if strings.TrimSpace(string(got)) != strings.TrimSpace(string(want)) {
				t.Errorf("checksum %q, CPython printed %q", strings.TrimSpace(string(got)), strings.TrimSpace(string(want)))
			}
		})
	}
}
