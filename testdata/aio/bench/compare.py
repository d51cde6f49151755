"""Joins `go test -bench` output (file 1) and bench.py output (file 2) into
a table of ns/op and the speed-up of the Go runtime over CPython 3.12."""
import re
import sys

go, py = {}, {}
for line in open(sys.argv[1]):
    m = re.match(r"(Benchmark\w+?)(?:-\d+)?\s+\d+\s+([\d.]+) ns/op(.*)", line)
    if m:
        go[m.group(1)] = (float(m.group(2)), m.group(3).strip())
    m = re.search(r"(\d+) sleeping tasks: ([\d.]+) MB", line)
    if m:
        go["MillionSleepers"] = (float(m.group(2)) * 1_000_000 / int(m.group(1)), "")
for line in open(sys.argv[2]):
    name, v = line.split()
    py[name] = float(v)
print(f"{'workload':28} {'Go':>10} {'CPython':>10} {'ratio':>8}  Go allocs")
for name, (g, extra) in go.items():
    p = py.get(name)
    unit = "MB" if name == "MillionSleepers" else "ns/op"
    ratio = f"{p / g:.1f}x" if p else "-"
    print(f"{name:28} {g:>10.1f} {p if p else '-':>10} {ratio:>8}  {unit} {extra}")
