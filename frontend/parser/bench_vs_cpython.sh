#!/bin/sh
# bench_vs_cpython.sh compares `async2go ast -q` with CPython 3.12's
# ast.parse over the same files: CPython's Lib/ without its test suites.
# Usage: frontend/parser/bench_vs_cpython.sh [python3.12]
set -e
PY=${1:-$(pyenv root)/versions/3.12.1/bin/python3}
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
echo "$(wc -l < "$LIST") files"
start=$(date +%s.%N)
xargs "$BIN" ast -q < "$LIST"
mid=$(date +%s.%N)
"$PY" -c '
import ast, sys
for f in open(sys.argv[1]).read().split():
    ast.parse(open(f, "rb").read())
' "$LIST"
end=$(date +%s.%N)
echo "$start $mid $end" | awk '{g=$2-$1; c=$3-$2; printf "async2go ast -q: %.2fs  CPython ast.parse: %.2fs  ratio: %.1fx\n", g, c, c/g}'
