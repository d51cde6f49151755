"""Record CPython 3.12's symtable and compile() results for corpus.py.txt.

Chunks are separated by lines '---'. Writes corpus.json: for each chunk,
either {"error": [msg, lineno, offset]} or {"table": tree}.
Run: python3.12 testdata/symtable/record.py
"""
import json, os, symtable, sys

here = os.path.dirname(os.path.abspath(__file__))


def tree(t):
    syms = {}
    for name, flags in t._table.symbols.items():
        syms[name] = flags
    params = list(t._table.varnames) if t._table.type not in (1, 2) else []
    return {"type": t._table.type, "name": t.get_name(), "symbols": syms, "params": params,
            "children": [tree(c) for c in t.get_children()]}


def record(src):
    try:
        t = symtable.symtable(src, "x.py", "exec")
        compile(src, "x.py", "exec")
    except SyntaxError as e:
        return {"error": [e.msg, e.lineno, e.offset]}
    return {"table": tree(t)}


def main():
    path = sys.argv[1] if len(sys.argv) > 1 else os.path.join(here, "corpus.py.txt")
    chunks = open(path).read().split("\n---\n")
    out = [record(c) for c in chunks]
    if len(sys.argv) > 1:
        json.dump(out, sys.stdout)
        return
    with open(os.path.join(here, "corpus.json"), "w") as f:
        json.dump(out, f, indent=0, sort_keys=True)


main()
