//go:build !async2go_profile

package rtlib

import (
	"os"
)

// startProfiles, in a program built without profiling (see profile.go),
// says so if the environment asks for a profile.
func startProfiles() (stop func()) {
	for _, name := range []string{"ASYNC2GO_CPUPROFILE", "ASYNC2GO_MEMPROFILE"} {
		if os.Getenv(name) != "" {
			os.Stderr.WriteString("async2go: " + name + " is ignored: this program was built without profiling (async2go build -profile)\n")
		}
	}
	return func() {}
}
