package rtlib

import (
	"math/big"
	"strings"
)

// parseIntLiteral is int(s, base) for a str s, with CPython's rules
// (surrounding whitespace, a sign, base prefixes, single underscores
// between digits) and its ValueError message.
func parseIntLiteral(orig string, base int64) (Object, *BaseException) {
	if base != 0 && (base < 2 || base > 36) {
		return nil, Errorf(ValueErrorType, "int() base must be >= 2 and <= 36, or 0")
	}
	fail := func() (Object, *BaseException) {
		r, _ := Repr(Str(orig))
		return nil, Errorf(ValueErrorType, "invalid literal for int() with base %d: %s", base, r)
	}
	s := strings.TrimFunc(orig, pyIsSpace)
	neg := false
	if s != "" && (s[0] == '+' || s[0] == '-') {
		neg = s[0] == '-'
		s = s[1:]
	}
	b := base
	if len(s) >= 2 && s[0] == '0' {
		p := s[1] | 0x20
		switch {
		case p == 'x' && (b == 16 || b == 0):
			b, s = 16, s[2:]
		case p == 'o' && (b == 8 || b == 0):
			b, s = 8, s[2:]
		case p == 'b' && (b == 2 || b == 0):
			b, s = 2, s[2:]
		}
		if len(s) > 0 && s[0] == '_' && b != base || len(s) > 0 && s[0] == '_' && base == 0 {
			s = s[1:]
		}
	}
	if b == 0 {
		b = 10
		if len(s) > 1 && s[0] == '0' {
			if strings.Trim(s, "0_") != "" {
				return fail()
			}
		}
	}
	if s == "" || s[0] == '_' || s[len(s)-1] == '_' || strings.Contains(s, "__") {
		return fail()
	}
	s = strings.ReplaceAll(s, "_", "")
	for i := 0; i < len(s); i++ {
		c := s[i]
		var d int64
		switch {
		case c >= '0' && c <= '9':
			d = int64(c - '0')
		case c >= 'a' && c <= 'z':
			d = int64(c-'a') + 10
		case c >= 'A' && c <= 'Z':
			d = int64(c-'A') + 10
		default:
			return fail()
		}
		if d >= b {
			return fail()
		}
	}
	if exc := checkIntParseDigits(len(s), b); exc != nil {
		return nil, exc
	}
	v, ok := new(big.Int).SetString(s, int(b))
	if !ok {
		return fail()
	}
	if neg {
		v.Neg(v)
	}
	return normBig(v), nil
}
