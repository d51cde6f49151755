package parser

import (
	"fmt"
	"math"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

type tokKind uint8

const (
	tEOF tokKind = iota
	tName
	tNumber
	tString
	tOp
	tNewline
	tIndent
	tDedent
	// PEP 701: an f-string is FSTRING_START (its prefix and opening quote),
	// then FSTRING_MIDDLE literal pieces and the replacement fields as
	// ordinary tokens ('{', the expression, '=', '!', ':', '}'), then
	// FSTRING_END (its closing quote).
	tFStart
	tFMiddle
	tFEnd
)

// A token holds no pointers, so that the garbage collector need not scan
// token buffers: its text is src[off:end] of the source it was scanned
// from, or names[^off] (off < 0) for an identifier whose NFKC
// normalization differs from the source. The parser's text method gives it.
type token struct {
	kind            tokKind
	off, end        int32
	line, col       int // col: byte offset in line
	endLine, endCol int
}

type scanner struct {
	src       string // the source, CRLF folded; token texts are substrings of it
	filename  string
	lines     *lines
	pos       int
	line      int
	lineStart int
	indents   []int
	parens    []byte
	parenPos  []token
	toks      []token
	names     []string // normalized identifiers (see token)
	atBOL     bool
	err       *Error
	fstrings  []fmode // the f-strings being scanned, innermost last
}

// fmode is the state of an f-string being scanned (CPython's
// tokenizer_mode).
type fmode struct {
	quote     byte
	triple    bool
	raw       bool
	inExpr    bool // scanning a replacement field's tokens, not literal text
	parenBase int  // len(scanner.parens) when the f-string began
	// exprStart is the bracket depth (within this f-string) of the
	// innermost open replacement field's '{', -1 when none is open
	// (curly_bracket_expr_start_depth): 0 for a field, 1 for a field in
	// its format spec, 2 for one in that field's spec.
	exprStart           int
	startLine, startCol int // where the f-string's prefix is
}

// maxExprNesting is CPython's MAX_EXPR_NESTING: replacement fields nest
// (in format specs) less deep than this.
const maxExprNesting = 3

// maxFStringLevel is CPython's MAXFSTRINGLEVEL: f-strings nest less deep
// than this.
const maxFStringLevel = 150

// scan decodes a file's source (BOM, PEP 263 declaration) and tokenizes it.
func scan(filename string, src []byte) ([]token, []string, *lines, *Error) {
	if len(src) >= 3 && src[0] == 0xEF && src[1] == 0xBB && src[2] == 0xBF {
		src = src[3:]
	} else if decoded, bad := decodeSource(src); bad != "" {
		return []token{{kind: tEOF, line: 1}}, nil, newLines(""), &Error{Kind: "SyntaxError", Filename: filename, Line: 1, Msg: "unknown encoding: " + bad}
	} else {
		src = decoded
	}
	text := strings.ReplaceAll(string(src), "\r\n", "\n")
	ls := newLines(text)
	if !utf8.ValidString(text) {
		for i, line := range strings.Split(text, "\n") {
			if !utf8.ValidString(line) {
				j := 0
				for j < len(line) {
					r, n := utf8.DecodeRuneInString(line[j:])
					if r == utf8.RuneError && n <= 1 {
						break
					}
					j += n
				}
				err := &Error{Kind: "SyntaxError", Filename: filename, Line: i + 1,
					Msg: fmt.Sprintf("Non-UTF-8 code starting with '\\x%02x' in file %s on line %d, but no encoding declared; see https://peps.python.org/pep-0263/ for details", line[j], filename, i+1)}
				return []token{{kind: tEOF, line: i + 1}}, nil, ls, err
			}
		}
	}
	if len(text) > math.MaxInt32 {
		return []token{{kind: tEOF, line: 1}}, nil, ls, &Error{Kind: "SyntaxError", Filename: filename, Line: 1, Msg: "source too long"}
	}
	toks, names, err := scanText(filename, text, ls, getTokens(len(text)/5+16))
	return toks, names, ls, err
}

// scanText tokenizes text (UTF-8, LF line ends), appending to toks; ls
// gives the source lines that errors quote.
func scanText(filename, text string, ls *lines, toks []token) ([]token, []string, *Error) {
	s := &scanner{src: text, filename: filename, line: 1, indents: []int{0}, atBOL: true, lines: ls, toks: toks}
	s.run()
	if s.err != nil {
		// The parser still runs over the tokens before the error.
		s.toks = append(s.toks, token{kind: tEOF, line: s.line, col: s.col(), endLine: s.line, endCol: s.col()})
	}
	return s.toks, s.names, s.err
}

// tokenPool recycles token buffers between files: a file's tokens are dead
// once it is parsed (the tree holds substrings of the source, not tokens),
// and allocating a fresh buffer per file was most of the parser's garbage.
var tokenPool sync.Pool

func getTokens(n int) []token {
	if b, ok := tokenPool.Get().(*[]token); ok && cap(*b) >= n {
		return (*b)[:0]
	}
	return make([]token, 0, n)
}

func putTokens(toks []token) {
	toks = toks[:0]
	tokenPool.Put(&toks)
}

// emit appends a token whose text is src[off:end].
func (s *scanner) emit(kind tokKind, off, end int, line, col, endLine, endCol int) {
	s.toks = append(s.toks, token{kind, int32(off), int32(end), line, col, endLine, endCol})
}

func (s *scanner) col() int { return s.pos - s.lineStart }

func (s *scanner) run() {
	for s.err == nil {
		if len(s.fstrings) > 0 && !s.fstrings[len(s.fstrings)-1].inExpr {
			s.fstringMiddle()
			continue
		}
		if s.atBOL && len(s.parens) == 0 {
			if !s.indentation() {
				continue
			}
		}
		if s.pos >= len(s.src) {
			break
		}
		c := s.src[s.pos]
		switch {
		case c == ' ' || c == '\t' || c == '\f':
			s.pos++
		case c == '#':
			for s.pos < len(s.src) && s.src[s.pos] != '\n' {
				s.pos++
			}
		case c == '\\':
			if s.pos+1 < len(s.src) && s.src[s.pos+1] == '\n' {
				s.pos += 2
				s.line++
				s.lineStart = s.pos
			} else {
				// CPython's caret is on the character after the backslash.
				c := s.col()
				if s.pos+1 < len(s.src) {
					c++
				}
				s.errorAt("SyntaxError", "unexpected character after line continuation character", s.line, c, c+1)
			}
		case c == '\n':
			if len(s.parens) == 0 {
				s.emit(tNewline, s.pos, s.pos+1, s.line, s.col(), s.line, s.col()+1)
				s.atBOL = true
			}
			s.pos++
			s.line++
			s.lineStart = s.pos
		case isIdentStart(c):
			s.nameOrString()
		case c >= '0' && c <= '9' || (c == '.' && s.pos+1 < len(s.src) && isDigit(s.src[s.pos+1])):
			s.number()
		case c == '"' || c == '\'':
			s.str(s.pos)
		default:
			s.op()
		}
	}
	if s.err != nil {
		return
	}
	if len(s.parens) > 0 {
		p := s.parenPos[len(s.parenPos)-1]
		s.errorAt("SyntaxError", fmt.Sprintf("'%c' was never closed", s.parens[len(s.parens)-1]), p.line, p.col, p.col+1)
		return
	}
	if n := len(s.toks); n > 0 && s.toks[n-1].kind != tNewline && s.toks[n-1].kind != tDedent {
		s.emit(tNewline, s.pos, s.pos, s.line, s.col(), s.line, s.col())
	}
	for len(s.indents) > 1 {
		s.indents = s.indents[:len(s.indents)-1]
		s.emit(tDedent, s.pos, s.pos, s.line, 0, s.line, 0)
	}
	s.emit(tEOF, s.pos, s.pos, s.line, 0, s.line, 0)
}

// indentation handles the start of a line; it returns false when the line
// was blank and has been consumed.
func (s *scanner) indentation() bool {
	width := 0
	p := s.pos
	for p < len(s.src) {
		switch s.src[p] {
		case ' ':
			width++
		case '\t':
			width = (width/8 + 1) * 8
		case '\f':
			width = 0
		default:
			goto done
		}
		p++
	}
done:
	if p >= len(s.src) {
		s.pos = p
		s.atBOL = false
		return true
	}
	if s.src[p] == '\n' || s.src[p] == '#' {
		for p < len(s.src) && s.src[p] != '\n' {
			p++
		}
		if p < len(s.src) {
			p++
		}
		s.pos = p
		s.line++
		s.lineStart = p
		if p >= len(s.src) {
			s.atBOL = false
		}
		return false
	}
	s.pos = p
	s.atBOL = false
	cur := s.indents[len(s.indents)-1]
	switch {
	case width > cur:
		if len(s.toks) == 0 || s.toks[len(s.toks)-1].kind != tNewline || s.lastSignificantIsColon() == false {
			s.errorAt("IndentationError", "unexpected indent", s.line, s.col(), s.col()+1)
			return true
		}
		s.indents = append(s.indents, width)
		s.emit(tIndent, s.pos, s.pos, s.line, 0, s.line, s.col())
	case width < cur:
		for width < s.indents[len(s.indents)-1] {
			s.indents = s.indents[:len(s.indents)-1]
			s.emit(tDedent, s.pos, s.pos, s.line, s.col(), s.line, s.col())
		}
		if width != s.indents[len(s.indents)-1] {
			s.errorAt("IndentationError", "unindent does not match any outer indentation level", s.line, s.col(), s.col()+1)
		}
	}
	return true
}

// lastSignificantIsColon reports whether the logical line before the
// pending NEWLINE ended in ':' (a block opener).
func (s *scanner) lastSignificantIsColon() bool {
	n := len(s.toks)
	return n >= 2 && s.toks[n-2].kind == tOp && s.src[s.toks[n-2].off] == ':' && s.toks[n-2].end-s.toks[n-2].off == 1
}

// asciiIdent holds the ASCII bytes an identifier may continue with.
var asciiIdent = func() (t [256]bool) {
	for c := 0; c < 0x80; c++ {
		t[c] = isIdentStart(byte(c)) || isDigit(byte(c))
	}
	return
}()

func isIdentStart(c byte) bool {
	return c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= 0x80
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

func (s *scanner) nameOrString() {
	start := s.pos
	nonASCII := false
	for s.pos < len(s.src) && asciiIdent[s.src[s.pos]] {
		s.pos++
	}
	for s.pos < len(s.src) {
		c := s.src[s.pos]
		if c < 0x80 {
			if !(isIdentStart(c) || isDigit(c)) {
				break
			}
			s.pos++
			continue
		}
		r, n := utf8.DecodeRuneInString(s.src[s.pos:])
		if !unicode.In(r, unicode.L, unicode.Nl, unicode.Mn, unicode.Mc, unicode.Nd, unicode.Pc, unicode.Other_ID_Start, unicode.Other_ID_Continue) {
			break
		}
		nonASCII = true
		s.pos += n
	}
	if s.pos == start {
		r, n := utf8.DecodeRuneInString(s.src[s.pos:])
		s.errorAt("SyntaxError", fmt.Sprintf("invalid character '%c' (U+%04X)", r, r), s.line, s.col(), s.col()+n)
		s.pos += n
		return
	}
	word := s.src[start:s.pos]
	if s.pos < len(s.src) && (s.src[s.pos] == '"' || s.src[s.pos] == '\'') && len(word) <= 2 && strings.Trim(strings.ToLower(word), "rbuf") == "" {
		s.str(start)
		return
	}
	if nonASCII {
		// PEP 3131: identifiers are NFKC-normalized.
		if n := norm.NFKC.String(word); n != word {
			s.names = append(s.names, n)
			s.emit(tName, ^(len(s.names) - 1), 0, s.line, start-s.lineStart, s.line, s.pos-s.lineStart)
			return
		}
	}
	s.emit(tName, start, s.pos, s.line, start-s.lineStart, s.line, s.pos-s.lineStart)
}

func (s *scanner) number() {
	start := s.pos
	startCol := s.col()
	hex := s.pos+1 < len(s.src) && s.src[s.pos] == '0' && (s.src[s.pos+1] == 'x' || s.src[s.pos+1] == 'X')
	radix := s.pos+1 < len(s.src) && s.src[s.pos] == '0' && strings.IndexByte("xXoObB", s.src[s.pos+1]) >= 0
	if radix {
		s.pos += 2
	}
	seenDot, seenExp := false, false
	for s.pos < len(s.src) {
		c := s.src[s.pos]
		switch {
		case isDigit(c) || c == '_':
		case hex && (c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F'):
		case !radix && c == '.' && !seenDot && !seenExp:
			seenDot = true
		case !radix && (c == 'e' || c == 'E') && !seenExp:
			seenExp = true
			if s.pos+1 < len(s.src) && (s.src[s.pos+1] == '+' || s.src[s.pos+1] == '-') {
				s.pos++
			}
		case !radix && (c == 'j' || c == 'J'):
			s.pos++
			seenDot = true // not an integer
			goto done
		default:
			goto done
		}
		s.pos++
	}
done:
	if !radix && !seenDot && !seenExp && s.src[start] == '0' && strings.Trim(s.src[start:s.pos], "0_") != "" {
		// A tokenizer error in CPython (so it wins over a parser error
		// earlier in the file): the caret spans the leading zeros.
		z := start
		for s.src[z] == '0' || s.src[z] == '_' {
			z++
		}
		s.errorAt("SyntaxError", "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers", s.line, startCol, z-s.lineStart)
		return
	}
	if s.pos < len(s.src) && isIdentStart(s.src[s.pos]) {
		s.errorAt("SyntaxError", "invalid decimal literal", s.line, s.col()-1, s.col())
		return
	}
	s.emit(tNumber, start, s.pos, s.line, startCol, s.line, s.col())
}

// str scans a string literal whose prefix starts at start; an f-string
// only begins (see fstringStart).
func (s *scanner) str(start int) {
	startLine, startCol := s.line, start-s.lineStart
	q := s.src[s.pos]
	triple := s.pos+2 < len(s.src) && s.src[s.pos+1] == q && s.src[s.pos+2] == q
	if start < s.pos && (s.src[s.pos-1]|0x20 == 'f' || start+1 < s.pos && s.src[start]|0x20 == 'f') {
		s.fstringStart(start, q, triple)
		return
	}
	if triple {
		s.pos += 3
	} else {
		s.pos++
	}
	for {
		if s.pos >= len(s.src) || s.src[s.pos] == '\n' && !triple {
			if n := len(s.fstrings); n > 0 && s.fstrings[n-1].quote == q && s.fstrings[n-1].triple == triple {
				// The closing quote of the f-string whose replacement
				// field this is: the field lacks its '}'.
				s.errorAt("SyntaxError", "f-string: expecting '}'", startLine, startCol, startCol+1)
				return
			}
			if triple {
				last := s.line
				if len(s.src) > 0 && s.src[len(s.src)-1] == '\n' {
					last--
				}
				s.errorAt("SyntaxError", fmt.Sprintf("unterminated triple-quoted string literal (detected at line %d)", last), startLine, startCol, startCol+1)
			} else {
				s.errorAt("SyntaxError", fmt.Sprintf("unterminated string literal (detected at line %d)", startLine), startLine, startCol, startCol+1)
			}
			return
		}
		c := s.src[s.pos]
		if c == '\\' {
			if s.pos+1 < len(s.src) && s.src[s.pos+1] == '\n' {
				s.line++
				s.lineStart = s.pos + 2
			}
			s.pos += 2
			continue
		}
		if c == '\n' {
			s.pos++
			s.line++
			s.lineStart = s.pos
			continue
		}
		if c == q {
			if !triple {
				s.pos++
				break
			}
			if s.pos+2 < len(s.src) && s.src[s.pos+1] == q && s.src[s.pos+2] == q {
				s.pos += 3
				break
			}
		}
		s.pos++
	}
	s.emit(tString, start, s.pos, startLine, startCol, s.line, s.col())
}

// fstringStart emits the FSTRING_START token of an f-string whose prefix
// starts at start and whose quote is at s.pos, and enters its literal text.
func (s *scanner) fstringStart(start int, q byte, triple bool) {
	startLine, startCol := s.line, start-s.lineStart
	if triple {
		s.pos += 3
	} else {
		s.pos++
	}
	if len(s.fstrings)+1 >= maxFStringLevel {
		s.errorAt("SyntaxError", "too many nested f-strings", s.line, s.col()-1, s.col())
		return
	}
	raw := strings.IndexAny(s.src[start:s.pos], "rR") >= 0
	s.fstrings = append(s.fstrings, fmode{quote: q, triple: triple, raw: raw, parenBase: len(s.parens), exprStart: -1, startLine: startLine, startCol: startCol})
	s.emit(tFStart, start, s.pos, startLine, startCol, s.line, s.col())
}

// fstringMiddle scans the literal text of the innermost f-string (or of a
// replacement field's format spec) up to a replacement field, the end of
// the spec or the closing quote (CPython's tok_get_fstring_mode). "{{" and
// "}}" end an FSTRING_MIDDLE token after their first brace.
func (s *scanner) fstringMiddle() {
	m := &s.fstrings[len(s.fstrings)-1]
	inSpec := m.exprStart >= 0
	start, line, col := s.pos, s.line, s.col()
	openField := func() {
		m.exprStart++
		if m.exprStart >= maxExprNesting {
			s.errorAt("SyntaxError", "f-string: expressions nested too deeply", s.line, s.col()-1, s.col())
			return
		}
		m.inExpr = true
	}
	if s.pos < len(s.src) && s.src[s.pos] == '{' && (s.pos+1 >= len(s.src) || s.src[s.pos+1] != '{') {
		// (In a format spec, "{{" opens a field after an empty
		// FSTRING_MIDDLE, below.)
		openField()
		return
	}
	if s.closesFString(m) {
		n := 1
		if m.triple {
			n = 3
		}
		s.emit(tFEnd, s.pos, s.pos+n, s.line, s.col(), s.line, s.col()+n)
		s.pos += n
		s.fstrings = s.fstrings[:len(s.fstrings)-1]
		return
	}
	middle := func(end int) {
		if end > start || inSpec {
			s.emit(tFMiddle, start, end, line, col, s.line, end-s.lineStart)
		}
	}
	// escapedBrace ends the token at the first brace of "{{" or "}}",
	// which its position covers.
	escapedBrace := func() {
		s.emit(tFMiddle, start, s.pos+1, line, col, s.line, s.pos+2-s.lineStart)
		s.pos += 2
	}
	unicodeEscape := false
	for {
		if s.pos >= len(s.src) || s.src[s.pos] == '\n' && !m.triple {
			if inSpec && s.pos < len(s.src) {
				// A newline ends a single-quoted f-string's format spec;
				// the field's tokens go on (and will lack their '}').
				middle(s.pos)
				m.inExpr = true
				return
			}
			last := s.line // the line of the end of the file, or of the newline
			if s.pos >= len(s.src) && len(s.src) > 0 && s.src[len(s.src)-1] == '\n' {
				last--
			}
			if m.triple {
				s.errorAt("SyntaxError", fmt.Sprintf("unterminated triple-quoted f-string literal (detected at line %d)", last), m.startLine, m.startCol, m.startCol+1)
			} else {
				s.errorAt("SyntaxError", fmt.Sprintf("unterminated f-string literal (detected at line %d)", last), m.startLine, m.startCol, m.startCol+1)
			}
			return
		}
		c := s.src[s.pos]
		switch c {
		case m.quote:
			if s.closesFString(m) {
				middle(s.pos)
				return
			}
		case '{':
			if !inSpec && s.pos+1 < len(s.src) && s.src[s.pos+1] == '{' {
				escapedBrace()
				return
			}
			middle(s.pos)
			openField()
			return
		case '}':
			if unicodeEscape {
				// The end of a \N{...} escape ends the token.
				s.pos++
				middle(s.pos)
				return
			}
			if !inSpec && s.pos+1 < len(s.src) && s.src[s.pos+1] == '}' {
				escapedBrace()
				return
			}
			// The end of a format spec, or a single '}' (an error the
			// regular mode reports).
			middle(s.pos)
			m.inExpr = true
			return
		case '\\':
			if s.pos+1 >= len(s.src) {
				break
			}
			switch d := s.src[s.pos+1]; {
			case d == '{' || d == '}':
				// A backslash does not escape a brace.
			case d == 'N' && !m.raw && s.pos+2 < len(s.src) && s.src[s.pos+2] == '{':
				unicodeEscape = true
				s.pos += 2
			case d == '\n':
				s.pos++
				s.line++
				s.lineStart = s.pos + 1
			default:
				s.pos++
			}
		case '\n':
			s.line++
			s.lineStart = s.pos + 1
		}
		s.pos++
	}
}

// closesFString reports whether m's closing quote is at s.pos.
func (s *scanner) closesFString(m *fmode) bool {
	if s.pos >= len(s.src) || s.src[s.pos] != m.quote {
		return false
	}
	return !m.triple || s.pos+2 < len(s.src) && s.src[s.pos+1] == m.quote && s.src[s.pos+2] == m.quote
}

// maxParenLevel is CPython's MAXLEVEL: brackets nest at most this deep.
const maxParenLevel = 200

// multiOpLen is the length of the longest operator rest starts with (1
// when it is a one-byte operator or none): **= //= >>= <<= ... ** // >>
// << <= >= == != -> += -= *= /= %= &= |= ^= @= :=.
func multiOpLen(rest string) int {
	if len(rest) < 2 {
		return 1
	}
	c, c1 := rest[0], rest[1]
	var c2 byte
	if len(rest) > 2 {
		c2 = rest[2]
	}
	switch c {
	case '*', '/', '<', '>':
		if c1 == c {
			if c2 == '=' {
				return 3
			}
			return 2
		}
		if c1 == '=' {
			return 2
		}
	case '.':
		if c1 == '.' && c2 == '.' {
			return 3
		}
	case '-':
		if c1 == '>' || c1 == '=' {
			return 2
		}
	case '+', '%', '&', '|', '^', '@', '=', '!', ':':
		if c1 == '=' {
			return 2
		}
	}
	return 1
}

func (s *scanner) op() {
	rest := s.src[s.pos:]
	var m *fmode // the f-string whose replacement field this is, if any
	if n := len(s.fstrings); n > 0 {
		m = &s.fstrings[n-1]
		if rest[0] == ':' && len(s.parens)-m.parenBase-1 == m.exprStart {
			// A ':' at the field's own bracket level begins its format
			// spec (even before '=': f"{x:=5}" pads x).
			s.emit(tOp, s.pos, s.pos+1, s.line, s.col(), s.line, s.col()+1)
			s.pos++
			m.inExpr = false
			return
		}
	}
	if n := multiOpLen(rest); n > 1 {
		s.emit(tOp, s.pos, s.pos+n, s.line, s.col(), s.line, s.col()+n)
		s.pos += n
		return
	}
	c := s.src[s.pos]
	if strings.IndexByte("()[]{}:,;.+-*/%&|^~<>=@!", c) < 0 {
		r, _ := utf8.DecodeRuneInString(rest)
		s.errorAt("SyntaxError", fmt.Sprintf("invalid character '%c' (U+%04X)", r, r), s.line, s.col(), s.col()+1)
		return
	}
	switch c {
	case '(', '[', '{':
		if len(s.parens) >= maxParenLevel {
			s.errorAt("SyntaxError", "too many nested parentheses", s.line, s.col(), s.col()+1)
			return
		}
		s.parens = append(s.parens, c)
		s.parenPos = append(s.parenPos, token{line: s.line, col: s.col()})
	case ')', ']', '}':
		open := byte('(')
		switch c {
		case ']':
			open = '['
		case '}':
			open = '{'
		}
		if m != nil && c == '}' && len(s.parens) == m.parenBase {
			s.errorAt("SyntaxError", "f-string: single '}' is not allowed", s.line, s.col(), s.col()+1)
			return
		}
		if len(s.parens) == 0 {
			s.errorAt("SyntaxError", fmt.Sprintf("unmatched '%c'", c), s.line, s.col(), s.col()+1)
			return
		}
		if top := s.parens[len(s.parens)-1]; top != open {
			if m != nil && top == '{' && len(s.parens)-m.parenBase-1 == m.exprStart {
				// The '{' is the replacement field's own.
				s.errorAt("SyntaxError", fmt.Sprintf("f-string: unmatched '%c'", c), s.line, s.col(), s.col()+1)
				return
			}
			p := s.parenPos[len(s.parenPos)-1]
			msg := fmt.Sprintf("closing parenthesis '%c' does not match opening parenthesis '%c'", c, top)
			if p.line != s.line {
				msg += fmt.Sprintf(" on line %d", p.line)
			}
			s.errorAt("SyntaxError", msg, s.line, s.col(), s.col()+1)
			return
		}
		s.parens = s.parens[:len(s.parens)-1]
		s.parenPos = s.parenPos[:len(s.parenPos)-1]
		if m != nil && c == '}' && len(s.parens)-m.parenBase == m.exprStart {
			// The field's closing brace: back to the literal text.
			s.emit(tOp, s.pos, s.pos+1, s.line, s.col(), s.line, s.col()+1)
			s.pos++
			m.exprStart--
			m.inExpr = false
			return
		}
	}
	s.emit(tOp, s.pos, s.pos+1, s.line, s.col(), s.line, s.col()+1)
	s.pos++
}
