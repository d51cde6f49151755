// Package symtable builds CPython 3.12's symbol tables for a parsed module
// and runs the compile-time checks CPython makes after parsing.
//
// Build first makes Python/future.c's checks: the `from __future__`
// imports that open the module (after its docstring) name known features
// ("future feature x is not defined", "not a chance"), and a later one
// anywhere is "from __future__ imports must occur at the beginning of the
// file". Under `from __future__ import annotations` annotations are kept as
// strings: their names are in no scope, as in CPython.
//
// Build mirrors Python/symtable.c: a first pass records, per scope (module,
// class, function, lambda, comprehension, PEP 695 type-parameter scopes),
// every name with its definition flags (DefLocal, DefParam, Use, ...); a
// second pass resolves each name to Local, GlobalExplicit, GlobalImplicit,
// Free or Cell, exactly as the symtable module reports them. A third pass
// makes the checks of Python/compile.c ('await' outside function, 'break'
// outside loop, default 'except:' must be last, too many statically nested
// blocks, ...). The first error is returned as an *Error with CPython's
// message, line and 1-based byte column.
//
// # Using the tables
//
// Table.ScopeOf maps a FunctionDef, AsyncFunctionDef, Lambda, ClassDef,
// comprehension, TypeAlias or the Module to its *Scope. In a scope:
//
//   - Lookup(name).Scope says where a name lives: Local (a plain local),
//     Cell (a local captured by an inner scope: it must live in a cell),
//     Free (captured from an enclosing function: read through the closure),
//     GlobalExplicit (declared global) or GlobalImplicit (module global or
//     builtin, looked up at run time).
//   - CellVars and FreeVars give the cells and free names sorted, like
//     co_cellvars and co_freevars.
//   - Params lists the parameters in CPython's order (positional-only,
//     positional, keyword-only, *args, **kwargs).
//   - Async, Coroutine, Generator and IsAsyncGenerator classify functions.
//   - A class scope with NeedsClassCell has methods using super() or
//     __class__; they see __class__ as Free.
//
// PEP 709: list, set and dict comprehensions are inlined into their
// enclosing function as CPython 3.12 does. Their names (except the hidden
// ".0" parameter) are merged into the enclosing scope, their Scope has
// Inlined set and is dropped from Children (its own children are spliced
// into the parent), but ScopeOf still returns it. Generator expressions
// stay separate function scopes.
//
// # Testing
//
// The tests compare every scope, symbol, flag word and resolved scope with
// CPython's symtable module: over testdata/symtable/corpus.py.txt (chunks
// separated by "---"; CPython's results recorded in corpus.json by
// testdata/symtable/record.py, and CPython's own trees in corpus.ast.json by
// astjson.py, so Build is also checked independently of frontend/parser),
// and, when CPython 3.12 is installed, over a sample of its Lib directory.
// After editing the corpus, rerun with python3.12:
//
//	python3.12 testdata/symtable/record.py
//	python3.12 testdata/symtable/astjson.py testdata/symtable/corpus.py.txt > testdata/symtable/corpus.ast.json
package symtable
