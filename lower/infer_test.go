package lower_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/async2go/async2go/frontend/parser"
	"github.com/async2go/async2go/lower"
	"github.com/async2go/async2go/lower/ir"
)

// TestInferTypes checks what the type inference proves (and, as much, what
// it must not): each case is a program and the expected types of locals,
// written func.var=type.
func TestInferTypes(t *testing.T) {
	cases := []struct {
		src  string
		want string
	}{
		// Literals, operators, range and known builtins.
		{`
def f():
    x = 1
    acc = 0.0
    for i in range(10):
        x = x * 3 + i
        acc += x / 7
        ok = x < 100
        if ok:
            acc += 1
    n = len("abc")
    m = int(acc)
    return x, acc, n, m
`, "f.x=int f.acc=float f.i=int f.ok=bool f.n=int f.m=int"},
		// A variable assigned values of two types stays boxed; so does one
		// read where it may be unbound, or deleted.
		{`
def f(c):
    a = 1
    a = "s"
    for i in range(3):
        last = i
    b = 2
    del b
    return a, last
`, "f.a=object f.i=int f.last=object f.b=object f.c=object"},
		// Parameters of a module-level function called only directly take
		// the join of the argument types at its calls.
		{`
def g(n, m):
    return n + 1, m
def h(v):
    return v
def k(p):
    return p
g(3, 1)
g(4, 2.5)
h(1)
k(1)
print(k)
`, "g.n=int g.m=object h.v=int k.p=object"},
		// A program that can reach its functions by name (globals(), …)
		// has no stable functions.
		{`
def g(n):
    return n + 1
g(3)
print(globals()["g"](2.5))
`, "g.n=object"},
		// Pow and int/float mixes that can be anything stay boxed; a
		// comparison of non-numbers is boxed (its __eq__ may return anything).
		{`
def f(s):
    a = 2 ** 3
    b = 1 + 2.0
    c = s == "x"
    d = -b
    return a, b, c, d
`, "f.a=object f.b=float f.c=object f.d=float f.s=object"},
		// A coroutine's locals are typed as well.
		{`
async def w(k):
    total = 0
    for j in range(k):
        total += j ^ k
    return total
async def main():
    return await w(600)
`, "w.k=int w.total=int w.j=int"},
		// A module global takes the join of everything stored into it,
		// from the module or under `global`: N and STEP are ints wherever
		// they are read; MIXED holds an int and a str; GONE is deleted.
		{`
N = 10
STEP = 1
MIXED = 1
GONE = 2
def bump():
    global STEP, MIXED
    STEP += 1
    MIXED = "s"
def f():
    total = 0
    for i in range(N):
        total += i * STEP
    a = MIXED
    b = GONE
    return total, a, b
del GONE
`, "f.total=int f.i=int f.a=object f.b=object"},
		// Globals reachable by name (globals(), `import __main__`,
		// sys.modules) have no type.
		{`
N = 10
def f():
    a = N
    return a
globals()["N"] = "x"
`, "f.a=object"},
		{`
import sys
N = 10
def f():
    a = N
    return a
if hasattr(sys, "modules"):  # (the runtime has no sys.modules: unsupported unguarded)
    setattr(sys.modules[__name__], "N", "x")
`, "f.a=object"},
		{`
import sys
N = 10
def f():
    a = N
    return a
setattr(getattr(sys, "modules")[__name__], "N", "x")
`, "f.a=object"},
		// Strs: literals, str + str, str * int, f-strings, str(), repr(),
		// str % …, methods that return a str; comparisons of two strs and
		// `in` between strs are bools, len() of one an int. A str mixed
		// with anything else, or + of a str and an unknown, stays boxed.
		{`
def f(o, n):
    s = "ab"
    t = s + "c"
    u = s * 3
    v = 2 * s
    w = f"{s}-{n!r}:{o:>4}"
    x = str(o) + repr(o)
    y = "%d items" % n
    z = s.upper().replace("A", "b").strip()
    j = ",".join([s, t])
    lt = s < t
    eq = s == o
    has = "a" in s
    hasnt = s not in "xyz"
    k = len(s)
    m = s + o
    mixed = "a"
    mixed = 1
    for i in range(3):
        s += str(i)
    return s
f(1, 2)
`, "f.s=object f.t=str f.u=str f.v=str f.w=str f.x=str f.y=str f.z=str f.j=str " +
			"f.lt=bool f.eq=object f.has=bool f.hasnt=bool f.k=int f.m=object f.mixed=object f.o=int f.n=int"},
		// (s above is read by generic code more often than a computed str
		// is stored into it: kept boxed, see strStorage.) A str read
		// mostly by typed operations is kept unboxed; one only passed on to
		// generic code (a dict key, print) is kept boxed.
		{`
async def typed(name, n):
    acc = ""
    for i in range(n):
        piece = f"{name}-{i}"
        acc = acc + piece
        if acc > name and "9" in piece:
            acc = ""
    return len(acc)
async def passed(name, n, d):
    for i in range(n):
        d[name] = d.get(name, 0) + 1
        print(name)
    return d
typed("a", 3)
passed(f"k{1}", 3, {})
`, "typed.name=str typed.acc=str typed.piece=str passed.name=object"},
		// A str parameter of a function called directly, a str global, and
		// a method of an unknown receiver (boxed).
		{`
SEP = ", "
def g(a, b):
    c = a + SEP + b
    d = b.upper()
    return c, d
def h(p):
    return p.upper()
g("x", "y")
g(f"{1}", "z")
h("q")
h(3)
`, "g.a=str g.b=str g.c=str g.d=str h.p=object"},
		// Typed lists: made here by a display, [] or a comprehension, and
		// only appended to, indexed, assigned by index, iterated, measured,
		// summed and tested.
		{`
import asyncio
async def f(n):
    xs = [i * 2 for i in range(n)]
    ys = []
    ys.append(3)
    await asyncio.sleep(0)
    xs[-1] = 5
    if xs:
        ys.append(len(xs) + sum(xs) + xs[0])
    for x in xs:
        ys.append(x)
    fs = [1.5, 2.0]
    fs.append(0.5)
    t = sum(fs)
    ss = ["a"]
    ss[0] = "b"
    bs = [True]
    bs.append(False)
    zs = [y + 1 for y in xs]
    return sum(ys), ss[0], bs[-1], zs
def g():
    acc = []
    for i in range(3):
        acc.append(i * 1.5)
    acc = [0.5]
    return acc[0]
`, "f.xs=list[int] f.ys=list[int] f.x=int f.fs=list[float] f.t=object f.ss=list[str] f.bs=list[bool] f.zs=object g.acc=list[float]"},
		// The items of a Direct function's list typed from its parameter's
		// type, known only once the call sites are joined.
		{`
def stats(n, x):
    sq = [i * n for i in range(n)]
    ys = []
    ys.append(x)
    return sum(sq), ys[0]
stats(4, 1.5)
stats(2, 2.5)
`, "stats.sq=list[int] stats.ys=list[float]"},
		// min and max of ints, floats and strs; of bools the list stays boxed.
		{`
def f():
    xs = [3, 1]
    ss = ["a"]
    bs = [True]
    return min(xs), max(ss), min(bs)
`, "f.xs=list[int] f.ss=list[str] f.bs=object"},
		// Disqualified look-alikes: escaping (print, return, alias, any other
		// call or method, a closure), mixed or unknown items, a non-int
		// index, a sum of strs, a list never given items, a deletion, a
		// parameter, a binding that is not a list made here.
		{`
def f(p, q):
    a = [1, 2]
    print(a)
    b = [1, 2]
    c = b
    d = [1, "x"]
    e = [1]
    e.append(p)
    g = [1]
    h = g[p]
    k = ["a"]
    m = sum(k)
    n = []
    o = [1]
    del o
    q.append(1)
    r = [1]
    r = list(r)
    s = [1]
    s.sort()
    u = [1]
    v = lambda: u
    w = [1]
    w.append(w[0])
    x = [1]
    if not x:
        pass
    return b, c, d, h, m, n, v, w[0], x
print(f)
def f2():
    t = [1, 2]
    return t
`, "f.a=object f.b=object f.c=object f.d=object f.e=object f.g=object f.k=object f.n=object f.o=object f.p=object f.q=object f.r=object f.s=object f.w=list[int] f.x=object f2.t=object"},
		// A program that can reach a function's locals by name types no list.
		{`
def f3():
    xs = [1, 2]
    ys = [1, 2]
    return locals()
def f4():
    zs = [1]
    return zs[0]
`, "f3.xs=object f3.ys=object f4.zs=object"},
		// A global named like a builtin reads the builtin while unbound.
		{`
def f():
    a = max
    return a
max = 3
`, "f.a=object"},
	}
	for i, c := range cases {
		t.Run(fmt.Sprint(i), func(t *testing.T) {
			src := []byte(strings.TrimLeft(c.src, "\n"))
			mod, err := parser.ParseFile("t.py", src)
			if err != nil {
				t.Fatal(err)
			}
			prog, err := lower.Lower(mod, "t.py", src)
			if err != nil {
				t.Fatal(err)
			}
			got := map[string]string{}
			for _, f := range prog.Funcs {
				for _, v := range f.Locals {
					if v.Kind == ir.Local {
						got[f.Name+"."+v.Name] = v.Type.String()
					}
				}
			}
			for _, w := range strings.Fields(c.want) {
				name, typ, _ := strings.Cut(w, "=")
				if got[name] != typ {
					t.Errorf("%s: got %q, want %q", name, got[name], typ)
				}
			}
		})
	}
}

// TestInferCatch checks that the exception a catch takes is typed ir.Exc
// (codegen keeps it as a *rt.BaseException, in the frame across the awaits
// of an `async with` exit) and that it does not make a variable, a global or
// a parameter it is stored into anything but boxed.
func TestInferCatch(t *testing.T) {
	src := []byte(`import asyncio
E = None
def g(x):
    return x
async def f(lock):
    global E
    async with lock:
        await asyncio.sleep(0)
    try:
        1 / 0
    except ZeroDivisionError as e:
        E = e
        g(e)
        keep = e
    return keep
`)
	mod, err := parser.ParseFile("t.py", src)
	if err != nil {
		t.Fatal(err)
	}
	prog, err := lower.Lower(mod, "t.py", src)
	if err != nil {
		t.Fatal(err)
	}
	catches := 0
	for _, f := range prog.Funcs {
		for _, b := range f.Blocks {
			for _, in := range b.Instrs {
				if in.Op == ir.OpCatch && in.Dst >= 0 {
					catches++
					if got := f.TempType(in.Dst); got != ir.Exc {
						t.Errorf("%s: catch t%d is %v, want exc", f.Name, in.Dst, got)
					}
				}
			}
		}
		for _, v := range f.Locals {
			if v.Type != ir.Boxed {
				t.Errorf("%s.%s is %v, want object", f.Name, v.Name, v.Type)
			}
		}
	}
	if catches < 2 {
		t.Errorf("found %d catches, want the async with's and the try's", catches)
	}
}
