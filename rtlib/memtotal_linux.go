package rtlib

import (
	"bytes"
	"os"
	"strconv"
	"sync"
)

// memTotal is the machine's memory in bytes (MemTotal of /proc/meminfo),
// 0 if unknown.
var memTotal = sync.OnceValue(func() uint64 {
	info, err := os.ReadFile("/proc/meminfo")
	if err != nil {
		return 0
	}
	line, ok := bytes.CutPrefix(info, []byte("MemTotal:"))
	if !ok {
		return 0
	}
	if i := bytes.IndexByte(line, '\n'); i >= 0 {
		line = line[:i]
	}
	kb, err := strconv.ParseUint(string(bytes.TrimSuffix(bytes.TrimSpace(line), []byte(" kB"))), 10, 64)
	if err != nil {
		return 0
	}
	return kb << 10
})
