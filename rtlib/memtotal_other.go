//go:build !linux

package rtlib

// memTotal is the machine's memory in bytes, 0 if unknown (here).
func memTotal() uint64 { return 0 }
