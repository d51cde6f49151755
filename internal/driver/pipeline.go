package driver

import "errors"

// Translate runs the whole pipeline on one Python source file and returns the
// generated Go source. Errors are values whose Error() is the report to show
// the user: CPython's own format for syntax errors, FILE:LINE:COL: unsupported:
// … for constructs the translator does not handle yet.
func Translate(filename string, src []byte, opts Options) ([]byte, error) {
	return nil, errors.New("translator pipeline not wired yet")
}
