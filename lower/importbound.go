package lower

import "github.com/async2go/async2go/lower/ir"

// importBound fills p.ImportBound: the module globals whose every binding
// is an import of one module (`import asyncio`, `import asyncio as aio`,
// `import asyncio.tasks`), never deleted, in a program that cannot bind
// its globals by name (globals(), exec, sys.modules: reachesGlobalsByName).
// Importing a module again gives the same object, so such a global, once
// bound, holds that module for the rest of the run: a call site's cache
// filled from it needs no test that the global still holds what it was
// filled from (rt.AttrCache.Yield0Bound, StartBound).
func importBound(p *ir.Program) {
	module := map[string]string{} // global -> the module its imports bind
	bad := map[string]bool{}
	for _, f := range p.Funcs {
		imports := map[ir.Temp]string{} // temporaries defined by an import
		defs := map[ir.Temp]int{}
		for _, b := range f.Blocks {
			for _, in := range b.Instrs {
				if reachesGlobalsByName(in) {
					return
				}
				if in.Dst >= 0 {
					defs[in.Dst]++
					if in.Op == ir.OpImport {
						imports[in.Dst] = in.Name
					}
				}
			}
		}
		for _, b := range f.Blocks {
			for _, in := range b.Instrs {
				if in.Var == nil || in.Var.Kind != ir.Global {
					continue
				}
				name := in.Var.Name
				switch in.Op {
				case ir.OpStore:
					t, ok := in.Args[0].(ir.Temp)
					mod, imported := imports[t]
					switch {
					case !ok || !imported || defs[t] != 1:
						bad[name] = true
					case module[name] == "":
						module[name] = mod
					case module[name] != mod:
						bad[name] = true
					}
				case ir.OpDelete:
					bad[name] = true
				}
			}
		}
	}
	for name := range module {
		if !bad[name] {
			if p.ImportBound == nil {
				p.ImportBound = map[string]bool{}
			}
			p.ImportBound[name] = true
		}
	}
}
