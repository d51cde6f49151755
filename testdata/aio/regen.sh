#!/bin/sh
# Re-records the expected output of every scenario in this directory with
# CPython 3.12.
set -e
cd "$(dirname "$0")"
PY=${PYTHON:-$(pyenv root)/versions/3.12.1/bin/python3}
for f in *.py; do
	"$PY" "$f" >"${f%.py}.out"
done
