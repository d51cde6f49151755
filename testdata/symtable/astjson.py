"""Print CPython's ast.parse output for each '---' chunk of a file as JSON.

Nodes are objects with "_type" (the CPython class name) and their fields;
constants are {"_const": kind, "v": repr-or-value}.
Usage: python3.12 astjson.py FILE > FILE.ast.json
"""
import ast, json, sys


def conv(x):
    if isinstance(x, ast.AST):
        d = {"_type": type(x).__name__}
        for f in x._fields + tuple(a for a in x._attributes if hasattr(x, a)):
            v = getattr(x, f, None)
            if isinstance(x, ast.Constant) and f == "value":
                v = const(v)
            else:
                v = conv(v)
            d[f] = v
        return d
    if isinstance(x, list):
        return [conv(v) for v in x]
    return x


def const(v):
    if v is None:
        return {"_const": "None"}
    if v is Ellipsis:
        return {"_const": "Ellipsis"}
    if isinstance(v, bool):
        return {"_const": "bool", "v": v}
    if isinstance(v, int):
        return {"_const": "int", "v": str(v)}
    if isinstance(v, float):
        return {"_const": "float", "v": repr(v)}
    if isinstance(v, complex):
        return {"_const": "complex", "v": repr(v.imag)}
    if isinstance(v, bytes):
        return {"_const": "bytes", "v": v.decode("latin-1")}
    return {"_const": "str", "v": v.encode("utf-16", "surrogatepass").decode("utf-16", "replace")}


chunks = open(sys.argv[1]).read().split("\n---\n")
json.dump([conv(ast.parse(c)) for c in chunks], sys.stdout)
