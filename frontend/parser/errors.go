package parser

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// Error is a syntax error, reported in CPython's format.
type Error struct {
	Kind     string // SyntaxError, IndentationError, TabError
	Msg      string
	Filename string
	Line     int // 1-based
	Col      int // 1-based, in characters, like SyntaxError.offset
	EndCol   int
	Text     string // the source line

	inFString bool // a tokenizer error met inside an f-string
}

func (e *Error) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "  File \"%s\", line %d\n", e.Filename, e.Line)
	if e.Text != "" {
		text := strings.TrimRight(e.Text, "\r\n")
		trimmed := strings.TrimLeft(text, " \t\f")
		indent := utf8.RuneCountInString(text) - utf8.RuneCountInString(trimmed)
		fmt.Fprintf(&b, "    %s\n", trimmed)
		col := e.Col - indent
		if col < 1 {
			col = 1
		}
		width := 1
		if e.EndCol > e.Col {
			width = e.EndCol - e.Col
		}
		fmt.Fprintf(&b, "    %s%s\n", strings.Repeat(" ", col-1), strings.Repeat("^", width))
	}
	fmt.Fprintf(&b, "%s: %s", e.Kind, e.Msg)
	return b.String()
}

func (s *scanner) errorAt(kind, msg string, line, col, endCol int) {
	if s.err != nil {
		return
	}
	text := s.lines.line(line)
	s.err = &Error{Kind: kind, Msg: msg, Filename: s.filename, Line: line, Col: charCol(text, col) + 1, EndCol: charCol(text, endCol) + 1, Text: text, inFString: len(s.fstrings) > 0}
}

// charCol converts a byte offset within line to a character offset.
func charCol(line string, col int) int {
	if col > len(line) {
		return utf8.RuneCountInString(line) + (col - len(line))
	}
	return utf8.RuneCountInString(line[:col])
}

// lines finds the text of a source line for error messages; the line index
// is built on first use, as most files never need it.
type lines struct {
	text   string
	starts []int // byte offset of each line's start
}

func newLines(text string) *lines { return &lines{text: text} }

// line is the text of line n (1-based) without its newline, or "" past the end.
func (l *lines) line(n int) string {
	if l.starts == nil {
		l.starts = append(make([]int, 0, 64), 0)
		for i := 0; i < len(l.text); i++ {
			if l.text[i] == '\n' {
				l.starts = append(l.starts, i+1)
			}
		}
	}
	if n < 1 || n > len(l.starts) {
		return ""
	}
	end := len(l.text)
	if n < len(l.starts) {
		end = l.starts[n] - 1
	}
	return l.text[l.starts[n-1]:end]
}

type bail struct{ err *Error }

func (p *parser) failAt(t token, kind, msg string) {
	text := p.lines.line(t.line)
	end := t.endCol
	if t.endLine != t.line || end <= t.col {
		end = t.col + 1
	}
	panic(bail{&Error{Kind: kind, Msg: msg, Filename: p.filename, Line: t.line, Col: charCol(text, t.col) + 1, EndCol: charCol(text, end) + 1, Text: text}})
}

func (p *parser) fail(msg string) { p.failAt(p.peek(), "SyntaxError", msg) }
