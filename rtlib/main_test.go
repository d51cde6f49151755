package rtlib

import (
	"errors"
	"os"
	"os/exec"
	"strings"
	"testing"
)

// TestMainPanic: a Go panic in a translated program (a bug of ours) ends
// it with what it printed, a one-line internal error and exit status 70,
// not a Go stack trace; ASYNC2GO_PANIC=1 keeps the trace.
func TestMainPanic(t *testing.T) {
	if os.Getenv("RTLIB_TEST_PANIC") != "" {
		Main("p.py", func() *BaseException {
			stdout.WriteString("printed first\n")
			var m map[string]int
			m["x"] = 1 // a nil-map panic
			return nil
		})
		return
	}
	for _, keep := range []bool{false, true} {
		cmd := exec.Command(os.Args[0], "-test.run=^TestMainPanic$")
		cmd.Env = append(os.Environ(), "RTLIB_TEST_PANIC=1")
		if keep {
			cmd.Env = append(cmd.Env, "ASYNC2GO_PANIC=1")
		}
		var out, errb strings.Builder
		cmd.Stdout, cmd.Stderr = &out, &errb
		err := cmd.Run()
		var ee *exec.ExitError
		if !errors.As(err, &ee) {
			t.Fatalf("keep=%v: %v", keep, err)
		}
		if !strings.HasPrefix(out.String(), "printed first\n") {
			t.Errorf("keep=%v: stdout %q", keep, out.String())
		}
		trace := strings.Contains(errb.String(), "goroutine ")
		if keep {
			if !trace {
				t.Errorf("ASYNC2GO_PANIC=1: no Go stack in %q", errb.String())
			}
			continue
		}
		if ee.ExitCode() != 70 || trace || !strings.HasPrefix(errb.String(), "async2go: internal error: assignment to entry in nil map\n") {
			t.Errorf("exit %d, stderr %q", ee.ExitCode(), errb.String())
		}
	}
}
