package codegen_test

import (
	"bytes"
	"flag"
	"go/format"
	goparser "go/parser"
	"go/token"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/async2go/async2go/codegen"
	"github.com/async2go/async2go/frontend/parser"
	"github.com/async2go/async2go/lower"
	rt "github.com/async2go/async2go/rtlib"
	"golang.org/x/tools/txtar"
)

var update = flag.Bool("update", false, "rewrite the expected Go of testdata/*.txtar")

func generate(t *testing.T, name string, src []byte) []byte {
	t.Helper()
	mod, err := parser.ParseFile(name, src)
	if err != nil {
		t.Fatal(err)
	}
	prog, err := lower.Lower(mod, name, src)
	if err != nil {
		t.Fatal(err)
	}
	out, err := codegen.Generate(prog, codegen.Options{Builtins: func(n string) bool { _, ok := rt.LookupBuiltin(n); return ok }})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// TestGolden compares the Go generated for each testdata/*.txtar's in.py
// with its expected go file (-update rewrites them), and checks that the
// output is gofmt-clean, starts with the generated-code header and is the
// same bytes when generated twice.
func TestGolden(t *testing.T) {
	files, _ := filepath.Glob("testdata/*.txtar")
	if len(files) == 0 {
		t.Fatal("no golden files")
	}
	for _, file := range files {
		a, err := txtar.ParseFile(file)
		if err != nil {
			t.Fatal(err)
		}
		var src []byte
		goIndex := -1
		for i, f := range a.Files {
			switch f.Name {
			case "in.py":
				src = f.Data
			case "go":
				goIndex = i
			}
		}
		got := generate(t, "in.py", src)
		if again := generate(t, "in.py", src); !bytes.Equal(got, again) {
			t.Errorf("%s: generating twice gives different bytes", file)
		}
		if formatted, err := format.Source(got); err != nil || !bytes.Equal(formatted, got) {
			t.Errorf("%s: output is not gofmt-clean (%v)", file, err)
		}
		if !strings.HasPrefix(string(got), codegen.Header+"\n") {
			t.Errorf("%s: missing the generated-code header", file)
		}
		if *update {
			if goIndex < 0 {
				a.Files = append(a.Files, txtar.File{Name: "go"})
				goIndex = len(a.Files) - 1
			}
			a.Files[goIndex].Data = got
			os.WriteFile(file, txtar.Format(a), 0o644)
			continue
		}
		if goIndex < 0 || !bytes.Equal(a.Files[goIndex].Data, got) {
			t.Errorf("%s: generated Go differs (run go test ./codegen -update and review the diff)", file)
		}
	}
}

// TestCorpusFormatted generates Go for every program of the e2e tests and of
// the conformance corpus that the lowering accepts, and checks that the
// output parses, is gofmt-clean and is the same bytes when generated twice.
func TestCorpusFormatted(t *testing.T) {
	e2e, _ := filepath.Glob("../cmd/async2go/testdata/e2e/*.txtar")
	conf, _ := filepath.Glob("../../shared/conformance/*.py")
	n := 0
	for _, file := range append(e2e, conf...) {
		src, _ := os.ReadFile(file)
		if strings.HasSuffix(file, ".txtar") {
			for _, f := range txtar.Parse(src).Files {
				if f.Name == "prog.py" {
					src = f.Data
				}
			}
		}
		mod, err := parser.ParseFile(file, src)
		if err != nil {
			t.Errorf("%s: %v", file, err)
			continue
		}
		prog, err := lower.Lower(mod, file, src)
		if err != nil {
			if _, ok := err.(*lower.UnsupportedError); !ok {
				t.Errorf("%s: %v", file, err)
			}
			continue
		}
		opts := codegen.Options{Builtins: func(n string) bool { _, ok := rt.LookupBuiltin(n); return ok }}
		got, err := codegen.Generate(prog, opts)
		if err != nil {
			t.Errorf("%s: %v", file, err)
			continue
		}
		prog2, _ := lower.Lower(mod, file, src)
		if again, _ := codegen.Generate(prog2, opts); !bytes.Equal(got, again) {
			t.Errorf("%s: generating twice gives different bytes", file)
		}
		if _, err := goparser.ParseFile(token.NewFileSet(), "out.go", got, 0); err != nil {
			t.Errorf("%s: generated Go does not parse: %v", file, err)
		}
		if formatted, err := format.Source(got); err != nil || !bytes.Equal(formatted, got) {
			t.Errorf("%s: output is not gofmt-clean (%v)", file, err)
		}
		n++
	}
	t.Logf("generated %d programs", n)
}
