// Package driver runs the translator's stages in order (parse, symbol
// tables, lowering, code generation) and builds translated programs with the
// go command against the runtime embedded in the async2go binary.
package driver
