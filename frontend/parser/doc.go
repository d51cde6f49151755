// Package parser turns Python 3.12 source into the syntax tree of
// frontend/ast, reporting syntax errors as CPython does.
//
// The files, one job each: encoding.go decodes a file by its PEP 263
// declaration; scan.go tokenizes it, f-strings as PEP 701 does (a start
// token, literal pieces and the replacement fields' own tokens, an end
// token, so that a field may hold the f-string's quote, other f-strings,
// backslashes and comments); parse.go parses statements, match.go the
// patterns of match statements, expr.go expressions, literal.go string,
// bytes and number literals, fstring.go f-strings from their tokens;
// arena.go allocates frequent nodes in chunks; errors.go builds the
// SyntaxError values and the source lines they quote; unicode_names.go
// resolves \N{...} escapes.
package parser
