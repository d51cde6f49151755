"""Writes format_cases.tsv: format(value, spec) and repr(value) of CPython 3.12
for a grid of values and format specs. Run with CPython 3.12:
    $(pyenv root)/versions/3.12.1/bin/python3 gen_format.py
"""
import sys
assert sys.version_info[:2] == (3, 12)
values = [0, 7, -42, 255, 10**20, -(2**70), 1234567, True,
          0.0, -0.0, 0.1, 1.5, 2.5, -3.14159, 1e16, 1e-5, 123456.789, 1e300, float("inf"), float("nan"), 2/3,
          "", "abc", "héllo"]
specs = ["", "d", "x", "#x", "X", "o", "#o", "b", "#b", "08b", ",", "_", "+d", " d", ">8", "<8", "^9", "*^9", "=+10",
         "010", "c", ".2f", ".0f", "10.3f", "e", ".3e", "E", "g", ".4g", "G", "%", ".1%", ",.2f", "+.3f", "n", "s",
         ".2", "r", ">10.3", "#.0f", ".10g"]
out = []
for v in values:
    out.append("\t".join(["repr", repr(v), repr(repr(v))]))
    for s in specs:
        try:
            r = format(v, s)
        except (ValueError, TypeError, OverflowError) as e:
            r = "!" + type(e).__name__
        out.append("\t".join([s, repr(v), repr(r)]))
open("format_cases.tsv", "w").write("\n".join(out) + "\n")
