"""Records CPython 3.12's verdict for each chunk of errors.py.txt into
errors.golden (one line per chunk: Kind<TAB>line<TAB>msg, or OK).

Run: $(pyenv root)/versions/3.12.1/bin/python3 record_errors.py
"""
import sys
assert sys.version_info[:2] == (3, 12)
chunks = open("errors.py.txt").read().split("\n---\n")
out = []
for src in chunks:
    try:
        compile(src + ("\n" if not src.endswith("\n") else ""), "x.py", "exec")
        out.append("OK")
    except SyntaxError as e:
        out.append(f"{type(e).__name__}\t{e.lineno}\t{e.msg}")
open("errors.golden", "w").write("\n".join(out) + "\n")
