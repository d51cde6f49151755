package parser

import (
	"regexp"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/ianaindex"
)

// codingRE matches a PEP 263 source encoding declaration.
var codingRE = regexp.MustCompile(`^[ \t\f]*#.*?coding[:=][ \t]*([-\w.]+)`)

// decodeSource returns src decoded to UTF-8 following its PEP 263 encoding
// declaration (on line 1, or on line 2 after a comment or blank line 1). The
// second result is a non-empty encoding name that could not be decoded.
func decodeSource(src []byte) ([]byte, string) {
	name := ""
	rest := src
	for i := 0; i < 2 && len(rest) > 0; i++ {
		line := rest
		if j := indexNL(rest); j >= 0 {
			line, rest = rest[:j+1], rest[j+1:]
		} else {
			rest = nil
		}
		if m := codingRE.FindSubmatch(line); m != nil {
			name = string(m[1])
			break
		}
		t := strings.TrimLeft(string(line), " \t\f\r\n")
		if t != "" && t[0] != '#' {
			break
		}
	}
	if name == "" {
		return src, ""
	}
	norm := strings.ReplaceAll(strings.ToLower(name), "_", "-")
	switch {
	case norm == "utf-8" || strings.HasPrefix(norm, "utf-8-") || norm == "utf8":
		return src, ""
	case norm == "latin-1" || norm == "iso-8859-1" || norm == "iso-latin-1" ||
		strings.HasPrefix(norm, "latin-1-") || strings.HasPrefix(norm, "iso-8859-1-") || norm == "latin1":
		if utf8.Valid(src) && !hasHighBytes(src) {
			return src, ""
		}
		out := make([]byte, 0, len(src)+len(src)/8)
		for _, b := range src {
			out = utf8.AppendRune(out, rune(b))
		}
		return out, ""
	}
	if strings.HasPrefix(norm, "cp125") || strings.HasPrefix(norm, "windows-125") {
		norm = "windows-" + strings.TrimPrefix(strings.TrimPrefix(norm, "cp"), "windows-")
	}
	enc, err := ianaindex.IANA.Encoding(norm)
	if err != nil || enc == nil {
		return src, name
	}
	out, err := enc.NewDecoder().Bytes(src)
	if err != nil {
		return src, name
	}
	return out, ""
}

func indexNL(b []byte) int {
	for i, c := range b {
		if c == '\n' {
			return i
		}
	}
	return -1
}

func hasHighBytes(b []byte) bool {
	for _, c := range b {
		if c >= 0x80 {
			return true
		}
	}
	return false
}
