package rtlib

import (
	"bufio"
	"math"
	"math/big"
	"os"
	"strconv"
	"strings"
	"testing"
)

// parseValue reads the Python literal of a test value.
func parseValue(t *testing.T, lit string) Object {
	switch lit {
	case "True":
		return Bool(true)
	case "inf":
		return Float(math.Inf(1))
	case "nan":
		return Float(math.NaN())
	}
	if strings.HasPrefix(lit, "'") || strings.HasPrefix(lit, `"`) {
		body := lit[1 : len(lit)-1]
		body = strings.ReplaceAll(body, `"`, `\"`)
		body = strings.ReplaceAll(body, `\'`, `'`)
		s, err := strconv.Unquote(`"` + body + `"`)
		if err != nil {
			t.Fatalf("bad literal %s: %v", lit, err)
		}
		return Str(s)
	}
	if lit == "-0.0" {
		return Float(math.Copysign(0, -1))
	}
	if strings.ContainsAny(lit, ".e") {
		f, err := strconv.ParseFloat(lit, 64)
		if err != nil {
			t.Fatalf("bad literal %s", lit)
		}
		return Float(f)
	}
	v, ok := new(big.Int).SetString(lit, 10)
	if !ok {
		t.Fatalf("bad literal %s", lit)
	}
	return normBig(v)
}

// TestFormatAgainstCPython checks format(value, spec) and repr(value) for
// the grid in testdata/format_cases.tsv, recorded from CPython 3.12 by
// testdata/gen_format.py. An expected "!ValueError" means CPython raises.
func TestFormatAgainstCPython(t *testing.T) {
	f, err := os.Open("testdata/format_cases.tsv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	n, bad := 0, 0
	for sc.Scan() {
		parts := strings.Split(sc.Text(), "\t")
		spec, lit, wantLit := parts[0], parts[1], parts[2]
		want := string(parseValue(t, wantLit).(Str))
		v := parseValue(t, lit)
		var r Str
		var exc *BaseException
		if spec == "repr" {
			r, exc = Repr(v)
		} else {
			r, exc = Format(v, spec)
		}
		got := string(r)
		if exc != nil {
			got = "!" + exc.Class.Name
		}
		n++
		if got != want {
			bad++
			t.Errorf("format(%s, %q) = %q, CPython %q", lit, spec, got, want)
		}
	}
	t.Logf("%d cases, %d differ", n, bad)
}
