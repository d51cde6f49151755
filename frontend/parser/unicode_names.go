package parser

import (
	"strings"
	"sync"

	"golang.org/x/text/unicode/runenames"
)

var (
	namesOnce sync.Once
	byName    map[string]rune
)

// lookupName resolves the name of a \N{...} escape (case-insensitively, as
// CPython's unicodedata.lookup does). The reverse table is built on first
// use only.
func lookupName(name string) (rune, bool) {
	namesOnce.Do(func() {
		byName = make(map[string]rune, 1<<16)
		for r := rune(0); r <= 0x10FFFF; r++ {
			if r >= 0xD800 && r <= 0xDFFF {
				continue
			}
			if n := runenames.Name(r); n != "" && !strings.HasPrefix(n, "<") {
				byName[n] = r
			}
		}
	})
	r, ok := byName[strings.ToUpper(name)]
	return r, ok
}

// writeSurrogate writes a lone surrogate code point (\ud800-\udfff) in
// WTF-8, the way a Python str that holds one is kept in a Go string.
func writeSurrogate(b *strings.Builder, r rune) {
	b.WriteByte(0xED)
	b.WriteByte(byte(0xA0 | (r>>6)&0x1F))
	b.WriteByte(byte(0x80 | r&0x3F))
}
