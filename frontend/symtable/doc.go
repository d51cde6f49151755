// Package symtable builds CPython 3.12's symbol tables for a parsed module
// and runs the compile-time checks CPython makes after parsing.
//
// Build mirrors Python/symtable.c: a first pass records, per scope (module,
// class, function, lambda, comprehension), every name with its definition
// flags (DEF_LOCAL, DEF_PARAM, USE, ...); a second pass resolves each name to
// LOCAL, GLOBAL_EXPLICIT, GLOBAL_IMPLICIT, FREE or CELL, exactly as the
// symtable module reports them (including PEP 709 inlining of list, set and
// dict comprehensions into their enclosing function, whose children are
// spliced into the parent). A third pass makes the checks of
// Python/compile.c ('await' outside function, 'break' outside loop, ...).
//
// Errors are *Error values carrying CPython's message and location.
package symtable
