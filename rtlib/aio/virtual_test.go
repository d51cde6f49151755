package aio

import (
	"os"
	"os/exec"
	"testing"
	"time"

	rt "github.com/async2go/async2go/rtlib"
)

// TestVirtualClock re-runs the ordering tests with ASYNC2GO_CLOCK=virtual
// (the clock is chosen at program start) and checks they print the same.
func TestVirtualClock(t *testing.T) {
	if rt.VirtualClock() {
		t.Skip("already on the virtual clock")
	}
	cmd := exec.Command(os.Args[0], "-test.run=^(TestOrder|TestVirtualSleepsAreFree|TestTinySleepsProgress)", "-test.count=1")
	cmd.Env = append(os.Environ(), "ASYNC2GO_CLOCK=virtual")
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("on the virtual clock: %v\n%s", err, out)
	}
}

// TestVirtualSleepsAreFree sleeps an hour of virtual time.
func TestVirtualSleepsAreFree(t *testing.T) {
	if !rt.VirtualClock() {
		t.Skip("needs ASYNC2GO_CLOCK=virtual (run by TestVirtualClock)")
	}
	start := time.Now()
	l := NewLoop()
	t0 := l.Time()
	runMain(t, l, &sleeper{done: new(int), sub: sleep(rt.Int(3600)).(rt.Resumable)})
	if got := l.Time() - t0; got != 3600 {
		t.Errorf("virtual time moved by %v, want 3600", got)
	}
	if el := time.Since(start); el > time.Second {
		t.Errorf("an hour's virtual sleep took %v of real time", el)
	}
}

// TestTinySleepsProgress: a loop of sleep(1e-17) terminates on either
// clock (deadlines equal to now are due at once).
func TestTinySleepsProgress(t *testing.T) {
	l := NewLoop()
	n := 0
	body := &sleepLoopD{n: 10000, d: rt.Float(1e-17), count: &n}
	runMain(t, l, body)
	if n != 10000 {
		t.Fatalf("%d sleeps, want 10000", n)
	}
}

type sleepLoopD struct {
	n     int
	d     rt.Object
	count *int
	sub   rt.Resumable
}

func (s *sleepLoopD) Resume(sent rt.Object, thrown *rt.BaseException) (rt.Object, bool, *rt.BaseException) {
	for {
		if s.sub != nil {
			v, done, exc := s.sub.Resume(sent, thrown)
			if !done {
				return v, false, nil
			}
			s.sub = nil
			*s.count++
			if exc != nil {
				return nil, true, exc
			}
		}
		if s.n == 0 {
			return rt.None, true, nil
		}
		s.n--
		s.sub = sleep(s.d).(rt.Resumable)
		sent, thrown = rt.None, nil
	}
}
