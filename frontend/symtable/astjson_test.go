package symtable

import (
	"encoding/json"
	"fmt"
	"math/big"
	"os"
	"reflect"
	"strconv"
	"strings"
	"testing"

	"github.com/async2go/async2go/frontend/ast"
)

// loadAST turns the JSON of testdata/symtable/astjson.py (CPython's own
// ast.parse output) into frontend/ast nodes, so the pass can be tested
// without our parser.
func loadAST(v any) (reflect.Value, error) {
	m, ok := v.(map[string]any)
	if !ok {
		return reflect.Value{}, fmt.Errorf("not a node: %v", v)
	}
	name, _ := m["_type"].(string)
	typ, ok := astTypes[name]
	if !ok {
		return reflect.Value{}, fmt.Errorf("unknown node type %q", name)
	}
	ptr := reflect.New(typ)
	st := ptr.Elem()
	for key, val := range m {
		if key == "_type" || val == nil {
			continue
		}
		var f reflect.Value
		switch key {
		case "lineno":
			f = st.FieldByName("Line")
		case "col_offset":
			f = st.FieldByName("Col")
		case "end_lineno":
			f = st.FieldByName("EndLine")
		case "end_col_offset":
			f = st.FieldByName("EndCol")
		default:
			f = st.FieldByName(camel(key))
		}
		if !f.IsValid() {
			continue
		}
		if err := setField(f, val); err != nil {
			return reflect.Value{}, fmt.Errorf("%s.%s: %v", name, key, err)
		}
	}
	return ptr, nil
}

func camel(s string) string {
	var b strings.Builder
	for _, part := range strings.Split(s, "_") {
		if part != "" {
			b.WriteString(strings.ToUpper(part[:1]) + part[1:])
		}
	}
	return b.String()
}

func setField(f reflect.Value, val any) error {
	switch f.Kind() {
	case reflect.Int:
		n, _ := val.(float64)
		f.SetInt(int64(n))
	case reflect.String:
		s, _ := val.(string)
		f.SetString(s)
	case reflect.Uint8: // an enum: {"_type": "Load"}
		m, _ := val.(map[string]any)
		name, _ := m["_type"].(string)
		for i := 0; i < 32; i++ {
			e := reflect.New(f.Type()).Elem()
			e.SetUint(uint64(i))
			if s, ok := e.Interface().(fmt.Stringer); ok && func() (r bool) {
				defer func() { recover() }()
				return s.String() == name
			}() {
				f.Set(e)
				return nil
			}
		}
		return fmt.Errorf("unknown %s %q", f.Type(), name)
	case reflect.Slice:
		list, _ := val.([]any)
		out := reflect.MakeSlice(f.Type(), 0, len(list))
		for _, x := range list {
			e := reflect.New(f.Type().Elem()).Elem()
			if x != nil {
				if err := setField(e, x); err != nil {
					return err
				}
			}
			out = reflect.Append(out, e)
		}
		f.Set(out)
	case reflect.Interface, reflect.Pointer:
		if m, ok := val.(map[string]any); ok {
			if kind, ok := m["_const"].(string); ok {
				f.Set(reflect.ValueOf(constValue(kind, m["v"])))
				return nil
			}
		}
		n, err := loadAST(val)
		if err != nil {
			return err
		}
		if !n.Type().AssignableTo(f.Type()) {
			return fmt.Errorf("%s not assignable to %s", n.Type(), f.Type())
		}
		f.Set(n)
	}
	return nil
}

func constValue(kind string, v any) ast.Value {
	s, _ := v.(string)
	switch kind {
	case "None":
		return ast.NoneValue{}
	case "Ellipsis":
		return ast.EllipsisValue{}
	case "bool":
		b, _ := v.(bool)
		return b
	case "int":
		n, _ := new(big.Int).SetString(s, 10)
		return n
	case "float":
		x, _ := strconv.ParseFloat(s, 64)
		return x
	case "complex":
		x, _ := strconv.ParseFloat(s, 64)
		return complex(0, x)
	case "bytes":
		return ast.Bytes([]byte(s))
	}
	return s
}

// TestCorpusCPythonAST runs the corpus through Build on CPython's own trees
// (testdata/symtable/corpus.ast.json), independent of frontend/parser.
func TestCorpusCPythonAST(t *testing.T) {
	var trees []any
	data, err := os.ReadFile("../../testdata/symtable/corpus.ast.json")
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(data, &trees); err != nil {
		t.Fatal(err)
	}
	var want []recorded
	data, err = os.ReadFile("../../testdata/symtable/corpus.json")
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(data, &want); err != nil {
		t.Fatal(err)
	}
	if len(trees) != len(want) {
		t.Fatalf("%d trees, %d results: rerun astjson.py and record.py", len(trees), len(want))
	}
	pass := 0
	for i, tree := range trees {
		v, err := loadAST(tree)
		if err != nil {
			t.Fatalf("chunk %d: %v", i, err)
		}
		mod := v.Interface().(*ast.Module)
		if d := checkModule("chunk", mod, want[i]); len(d) > 0 {
			t.Errorf("chunk %d:\n%s", i, strings.Join(d, "\n"))
		} else {
			pass++
		}
	}
	t.Logf("%d/%d chunks agree with CPython (CPython's AST)", pass, len(trees))
}
