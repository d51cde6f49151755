"""Regenerates the expected outputs of the chunked files in this directory
(*.txt) with CPython 3.12: the syntax error each chunk's source raises, as
CPython prints it (traceback.format_exception_only: the file and line, the
source line, the carets, the message).

Each file holds chunks separated by a line "---". A chunk is Python source,
then a line "###", then the expected output.

Run: $(pyenv root)/versions/3.12.1/bin/python3 record.py
"""
import ast
import glob
import sys
import traceback
import warnings

assert sys.version_info[:2] == (3, 12), sys.version
warnings.simplefilter("ignore")  # invalid escape sequences

for name in sorted(glob.glob("*.txt")):
    chunks = open(name, encoding="utf-8").read().split("\n---\n")
    out = []
    for chunk in chunks:
        src = chunk.split("\n###\n")[0].rstrip("\n") + "\n"
        try:
            ast.parse(src, "x.py")
            want = "OK"
        except SyntaxError as e:
            want = "".join(traceback.format_exception_only(e)).rstrip("\n")
        out.append(src + "###\n" + want)
    open(name, "w", encoding="utf-8").write("\n---\n".join(out) + "\n")
