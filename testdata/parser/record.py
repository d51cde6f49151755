"""Regenerates the expected outputs of the chunked golden files in this
directory (*.txt) with CPython 3.12.

Each file holds chunks separated by a line "---". A chunk is Python source,
then a line "###", then the expected output: ast.dump(ast.parse(src),
include_attributes=True), or for a syntax error "Kind<TAB>line<TAB>msg".

Run: $(pyenv root)/versions/3.12.1/bin/python3 record.py
"""
import ast
import glob
import sys

assert sys.version_info[:2] == (3, 12), sys.version

for name in sorted(glob.glob("*.txt")):
    chunks = open(name, encoding="utf-8").read().split("\n---\n")
    out = []
    for chunk in chunks:
        src = chunk.split("\n###\n")[0].rstrip("\n") + "\n"
        try:
            want = ast.dump(ast.parse(src), include_attributes=True)
        except SyntaxError as e:
            want = f"{type(e).__name__}\t{e.lineno}\t{e.msg}"
        out.append(src + "###\n" + want)
    open(name, "w", encoding="utf-8").write("\n---\n".join(out) + "\n")
