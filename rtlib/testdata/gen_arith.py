"""Writes arith_cases.tsv: repr(a OP b) of CPython 3.12 (or !ErrorName) for a
grid of ints, big ints, bools and floats. Run with CPython 3.12:
    $(pyenv root)/versions/3.12.1/bin/python3 gen_arith.py
"""
import operator, sys
assert sys.version_info[:2] == (3, 12)
values = [0, 1, -1, 7, -7, 3, 2**62, -(2**63), 2**64 + 1, True, 0.0, -0.0, 2.5, -2.5, 1e308, 0.1]
ops = {"+": operator.add, "-": operator.sub, "*": operator.mul, "/": operator.truediv, "//": operator.floordiv,
       "%": operator.mod, "**": operator.pow, "<": operator.lt, "==": operator.eq, ">=": operator.ge,
       "&": operator.and_, "|": operator.or_, "^": operator.xor, "<<": operator.lshift, ">>": operator.rshift}
out = []
for a in values:
    for b in values:
        for name, fn in ops.items():
            if name == "**" and isinstance(b, int) and b > 64:
                continue
            if name == "<<" and isinstance(b, int) and b > 64:
                continue
            try:
                r = repr(fn(a, b))
            except Exception as e:
                r = "!" + type(e).__name__
            out.append("\t".join([repr(a), name, repr(b), r]))
open("arith_cases.tsv", "w").write("\n".join(out) + "\n")
