#!/bin/sh
# bench_vs_cpython.sh compares `async2go ast -q` with CPython 3.12's
# ast.parse over the same files: CPython's Lib/ without its test suites.
# Each round times, back to back, `async2go ast -q -j 1` (one parsing
# thread), `async2go ast -q` (a worker per GOMAXPROCS) and one CPython
# process running ast.parse over every file; the script prints every round,
# the medians, and the median of the rounds' ratios (each ratio measured in
# one round, so under the same load).
# Usage: frontend/parser/bench_vs_cpython.sh [python3.12] [rounds]
set -e
PY=${1:-$(pyenv root)/versions/3.12.1/bin/python3}
ROUNDS=${2:-5}
LIB=$("$PY" -c 'import sysconfig; print(sysconfig.get_paths()["stdlib"])')
BIN=$(mktemp -d)/async2go
go build -o "$BIN" ./cmd/async2go
LIST=$(mktemp)
find "$LIB" -name '*.py' -not -path '*/site-packages/*' -not -path '*/test/*' \
	-not -path '*/tests/*' -not -path '*/idle_test/*' -not -path '*/lib2to3/tests/*' \
	-not -path '*/encoded_modules/*' | sort > "$LIST"
# Only files CPython parses.
"$PY" - "$LIST" <<'PYEOF'
import ast, sys
keep = []
for f in open(sys.argv[1]).read().split():
    try:
        ast.parse(open(f, "rb").read())
        keep.append(f)
    except Exception:
        pass
open(sys.argv[1], "w").write("\n".join(keep) + "\n")
PYEOF
echo "$(wc -l < "$LIST") files, $(cat "$LIST" | xargs cat | wc -c) bytes, GOMAXPROCS $(nproc)"
# The rounds: each command runs as a child process of this Python, which
# takes its wall time and, from wait4, its CPU time (user + system), the
# steadier figure on a loaded machine.
"$PY" - "$BIN" "$LIST" "$ROUNDS" <<'PYEOF'
import os, statistics, subprocess, sys, time
bin, lst, rounds = sys.argv[1], sys.argv[2], int(sys.argv[3])
files = open(lst).read().split()
cpython = [sys.executable, "-c", """
import ast, sys
for f in open(sys.argv[1]).read().split():
    ast.parse(open(f, "rb").read())
""", lst]
def run(argv):
    t = time.perf_counter()
    p = subprocess.Popen(argv)
    _, status, ru = os.wait4(p.pid, 0)
    wall = time.perf_counter() - t
    if status != 0:
        sys.exit(f"{argv[0]} failed")
    return wall, ru.ru_utime + ru.ru_stime
names = ["async2go ast -q -j 1", "async2go ast -q", "CPython ast.parse"]
cmds = [[bin, "ast", "-q", "-j", "1"] + files, [bin, "ast", "-q"] + files, cpython]
res = {n: [] for n in names}
for r in range(rounds):
    row = [run(c) for c in cmds]
    for n, x in zip(names, row):
        res[n].append(x)
    c = row[2]
    print("round %d: -j 1 %.2fs (cpu %.2fs)  parallel %.2fs (cpu %.2fs)  CPython %.2fs (cpu %.2fs)  wall ratios %.1fx %.1fx" %
          (r + 1, row[0][0], row[0][1], row[1][0], row[1][1], c[0], c[1], c[0] / row[0][0], c[0] / row[1][0]))
med = {n: (statistics.median(w for w, _ in v), statistics.median(u for _, u in v)) for n, v in res.items()}
ratio = lambda i, k: statistics.median(res[names[2]][j][k] / res[names[i]][j][k] for j in range(rounds))
print("medians of %d rounds (wall, cpu):" % rounds)
for n in names:
    print("  %-22s %.2fs  %.2fs" % (n, *med[n]))
print("CPython / async2go, median of the rounds' ratios: single-threaded %.1fx wall, %.1fx cpu; parallel %.1fx wall" %
      (ratio(0, 0), ratio(0, 1), ratio(1, 0)))
PYEOF
