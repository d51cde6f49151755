#!/usr/bin/env bash
# Runs each bench/*/prog.py under CPython 3.12 and as a translated program,
# checks that both print the same checksum, and prints wall times (median of
# 3 runs) and the ratio. Usage: bench/run.sh   (from the repo root)
set -euo pipefail
cd "$(dirname "$0")/.."
py=${PY312:-$(pyenv root 2>/dev/null)/versions/3.12.1/bin/python3}
[[ -x $py ]] || { echo "bench: CPython 3.12 not found (set PY312)" >&2; exit 1; }
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
go build -o "$tmp/async2go" ./cmd/async2go
median() { sort -n | sed -n 2p; }
timeit() { # prints seconds of wall time of "$@" 3 times
  for _ in 1 2 3; do
    local s e
    s=$(date +%s.%N); "$@" >"$tmp/out" 2>&1; e=$(date +%s.%N)
    echo "$e - $s" | bc
  done
}
printf '%-10s %12s %12s %8s  %s\n' workload cpython_s translated_s ratio checksum
for prog in bench/*/prog.py; do
  name=$(basename "$(dirname "$prog")")
  "$tmp/async2go" build -o "$tmp/$name" "$prog"
  want=$("$py" "$prog"); got=$("$tmp/$name")
  [[ $want == "$got" ]] || { echo "$name: checksums differ: CPython $want, translated $got" >&2; exit 1; }
  c=$(timeit "$py" "$prog" | median); g=$(timeit "$tmp/$name" | median)
  printf '%-10s %12.3f %12.3f %7.1fx  %s\n' "$name" "$c" "$g" "$(echo "$c / $g" | bc -l)" "$got"
done
