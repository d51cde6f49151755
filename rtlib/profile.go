//go:build async2go_profile

package rtlib

import (
	"fmt"
	"os"
	"runtime"
	"runtime/pprof"
)

// A program built with profiling (`async2go build -profile`, the build tag
// async2go_profile) writes pprof profiles when its environment asks: with
// ASYNC2GO_CPUPROFILE=FILE, Main writes a CPU profile of the whole run to
// FILE; with ASYNC2GO_MEMPROFILE=FILE, a heap profile taken when the program
// ends. Read them with `go tool pprof BINARY FILE`. docs/performance.md uses
// them. Without the tag (profile_off.go) runtime/pprof is not linked: it
// and the compressors it brings cost every program ~0.7 ms of start-up.

// startProfiles starts what the environment asks for and returns the function
// that finishes the profiles; Main calls it before the process exits.
func startProfiles() (stop func()) {
	cpuPath := os.Getenv("ASYNC2GO_CPUPROFILE")
	memPath := os.Getenv("ASYNC2GO_MEMPROFILE")
	if cpuPath == "" && memPath == "" {
		return func() {}
	}
	var cpu *os.File
	if cpuPath != "" {
		f, err := os.Create(cpuPath)
		if err != nil {
			fmt.Fprintf(os.Stderr, "async2go: ASYNC2GO_CPUPROFILE: %v\n", err)
		} else if err := pprof.StartCPUProfile(f); err != nil {
			fmt.Fprintf(os.Stderr, "async2go: ASYNC2GO_CPUPROFILE: %v\n", err)
			f.Close()
		} else {
			cpu = f
		}
	}
	return func() {
		if cpu != nil {
			pprof.StopCPUProfile()
			cpu.Close()
		}
		if memPath != "" {
			f, err := os.Create(memPath)
			if err != nil {
				fmt.Fprintf(os.Stderr, "async2go: ASYNC2GO_MEMPROFILE: %v\n", err)
				return
			}
			runtime.GC()
			if err := pprof.Lookup("allocs").WriteTo(f, 0); err != nil {
				fmt.Fprintf(os.Stderr, "async2go: ASYNC2GO_MEMPROFILE: %v\n", err)
			}
			f.Close()
		}
	}
}
