// Package all imports every module of the runtime library for its side
// effect (each registers itself with rtlib), for the tools and tests that
// look across all of them: lower/ir's gen_stdlibattrs.go and
// rtlib/mod/modtest. Translated programs import only the modules they use.
// modtest's TestCPythonOnlyNotProvided imports each module of
// lower/ir.ModulePackages through it, so a module missing here fails it.
package all
