#!/bin/sh
# bench_vs_cpython.sh compares `async2go ast -q` with CPython 3.12's
# ast.parse over the same files: CPython's Lib/ without its test suites.
# Each round times, back to back, `async2go ast -q -j 1` (one thread),
# `async2go ast -q` (a worker per GOMAXPROCS) and one CPython process
# running ast.parse over every file; it prints every round and the medians.
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
TIMES=$(mktemp)
for r in $(seq "$ROUNDS"); do
	t0=$(date +%s.%N)
	xargs "$BIN" ast -q -j 1 < "$LIST"
	t1=$(date +%s.%N)
	xargs "$BIN" ast -q < "$LIST"
	t2=$(date +%s.%N)
	"$PY" -c '
import ast, sys
for f in open(sys.argv[1]).read().split():
    ast.parse(open(f, "rb").read())
' "$LIST"
	t3=$(date +%s.%N)
	echo "$t0 $t1 $t2 $t3" | awk '{s=$2-$1; p=$3-$2; c=$4-$3; printf "%.3f %.3f %.3f\n", s, p, c}' | tee -a "$TIMES" |
		awk '{printf "round: async2go -j 1 %.2fs  async2go %.2fs  CPython %.2fs  ratios %.1fx %.1fx\n", $1, $2, $3, $3/$1, $3/$2}'
done
median() { cut -d' ' -f"$1" "$TIMES" | sort -n | awk '{v[NR]=$1} END{print (NR%2 ? v[(NR+1)/2] : (v[NR/2]+v[NR/2+1])/2)}'; }
S=$(median 1); P=$(median 2); C=$(median 3)
echo "median of $ROUNDS: async2go ast -q -j 1: ${S}s  async2go ast -q: ${P}s  CPython ast.parse: ${C}s" 
echo "$S $P $C" | awk '{printf "ratio to CPython: single-threaded %.1fx, parallel %.1fx\n", $3/$1, $3/$2}'
