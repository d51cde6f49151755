package aio

import (
	"testing"
	"unsafe"
)

// TestLayoutSizes pins the sizes of the records every task and every
// sleeping task carries (a million sleeping tasks carry a million of
// each): a field added to one of them moves it to a bigger size class of
// Go's allocator (…, 24, 32, 48, 64, 80, 96, …) and costs megabytes.
func TestLayoutSizes(t *testing.T) {
	for _, c := range []struct {
		name      string
		got, want uintptr
	}{
		{"Future", unsafe.Sizeof(Future{}), 40},
		{"Task", unsafe.Sizeof(Task{}), 80},
		{"timer", unsafe.Sizeof(timer{}), 24},
		{"sleepFrame", unsafe.Sizeof(sleepFrame{}), 24},
		{"readyItem", unsafe.Sizeof(readyItem{}), 16},
	} {
		if c.got != c.want {
			t.Errorf("unsafe.Sizeof(%s) = %d, want %d", c.name, c.got, c.want)
		}
	}
}
