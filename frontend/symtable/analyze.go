package symtable

type set = map[string]bool

func copySet(s set) set {
	out := make(set, len(s))
	for k := range s {
		out[k] = true
	}
	return out
}

// analyzeBlock resolves the scopes of s's names (symtable.c analyze_block).
// bound is nil at module level. It returns the names free in s or its
// descendants.
func (b *builder) analyzeBlock(s *Scope, bound, global, free set, classEntry *Scope) {
	local := set{}
	scopes := map[string]ScopeKind{}
	newGlobal, newFree, newBound := set{}, set{}, set{}
	if s.Type == ClassBlock {
		for k := range global {
			newGlobal[k] = true
		}
		for k := range bound {
			newBound[k] = true
		}
	}
	for _, y := range s.Symbols {
		b.analyzeName(s, scopes, y.Name, y.Flags, bound, local, free, global, classEntry)
	}
	if s.Type != ClassBlock {
		if s.Type.functionLike() {
			for k := range local {
				newBound[k] = true
			}
		}
		for k := range bound {
			newBound[k] = true
		}
		for k := range global {
			newGlobal[k] = true
		}
	} else {
		newBound["__class__"] = true
		newBound["__classdict__"] = true
	}
	allFree := set{}
	inlinedCells := set{}
	for _, c := range s.Children {
		childFree := copySet(newFree)
		var ce *Scope
		if c.canSeeClass {
			if s.Type == ClassBlock {
				ce = s
			} else {
				ce = classEntry
			}
		}
		b.analyzeBlock(c, copySet(newBound), copySet(newGlobal), childFree, ce)
		if c.Comprehension != "" && !c.Generator {
			inlineComprehension(s, c, scopes, childFree, inlinedCells)
			c.Inlined = true
		}
		for k := range childFree {
			allFree[k] = true
		}
		if c.HasFree || c.ChildFree {
			s.ChildFree = true
		}
	}
	for k := range allFree {
		newFree[k] = true
	}
	var kids []*Scope
	for _, c := range s.Children {
		if c.Inlined {
			kids = append(kids, c.Children...)
		} else {
			kids = append(kids, c)
		}
	}
	s.Children = kids
	if s.Type.functionLike() {
		for name, sc := range scopes {
			if sc == Local && newFree[name] {
				scopes[name] = Cell
				delete(newFree, name)
			}
		}
		for name := range inlinedCells {
			if scopes[name] == Local && newFree[name] {
				scopes[name] = Cell
				delete(newFree, name)
			}
		}
	} else if s.Type == ClassBlock {
		if newFree["__class__"] {
			delete(newFree, "__class__")
			s.NeedsClassCell = true
		}
		if newFree["__classdict__"] {
			delete(newFree, "__classdict__")
			s.NeedsClassDict = true
		}
	}
	// update_symbols
	for _, y := range s.Symbols {
		if inlinedCells[y.Name] {
			y.Flags |= DefCompCell
		}
		y.Scope = scopes[y.Name]
	}
	for name := range newFree {
		if y := s.byName[name]; y != nil {
			if s.Type == ClassBlock || s.canSeeClass {
				y.Flags |= DefFreeClass
			}
			continue
		}
		if bound != nil && !bound[name] {
			continue
		}
		s.set(name, 0)
		s.byName[name].Scope = Free
	}
	for k := range newFree {
		free[k] = true
	}
}

func (b *builder) analyzeName(s *Scope, scopes map[string]ScopeKind, name string, flags int, bound, local, free, global set, classEntry *Scope) {
	if flags&(DefGlobal|DefNonlocal|DefBound) == 0 && classEntry != nil {
		cf := classEntry.flags(name)
		if cf&DefGlobal != 0 {
			scopes[name] = GlobalExplicit
			return
		}
		if cf&DefBound != 0 && cf&DefNonlocal == 0 {
			scopes[name] = GlobalImplicit
			return
		}
	}
	switch {
	case flags&DefGlobal != 0:
		if flags&DefNonlocal != 0 {
			b.errAt(s.directives[name], "name '%s' is nonlocal and global", name)
		}
		scopes[name] = GlobalExplicit
		global[name] = true
		if bound != nil {
			delete(bound, name)
		}
	case flags&DefNonlocal != 0:
		if bound == nil {
			b.errAt(s.directives[name], "nonlocal declaration not allowed at module level")
		}
		if !bound[name] {
			b.errAt(s.directives[name], "no binding for nonlocal '%s' found", name)
		}
		scopes[name] = Free
		s.HasFree = true
		free[name] = true
	case flags&DefBound != 0:
		scopes[name] = Local
		local[name] = true
		delete(global, name)
	case bound != nil && bound[name]:
		scopes[name] = Free
		s.HasFree = true
		free[name] = true
	case global != nil && global[name]:
		scopes[name] = GlobalImplicit
	default:
		if s.Nested {
			s.HasFree = true
		}
		scopes[name] = GlobalImplicit
	}
}

func isFreeInAnyChild(c *Scope, name string) bool {
	for _, k := range c.Children {
		if y := k.byName[name]; y != nil && y.Scope == Free {
			return true
		}
	}
	return false
}

func inlineComprehension(s, c *Scope, scopes map[string]ScopeKind, compFree, inlinedCells set) {
	for _, y := range c.Symbols {
		if y.Flags&DefParam != 0 {
			continue
		}
		if y.Scope == Cell || y.Flags&DefCompCell != 0 {
			inlinedCells[y.Name] = true
		}
		existing := s.byName[y.Name]
		if existing == nil {
			sc, flags := y.Scope, y.Flags
			if sc == Free && s.Type == ClassBlock && y.Name == "__class__" {
				sc = GlobalImplicit
				flags &^= DefFree
				delete(compFree, y.Name)
			}
			s.set(y.Name, flags)
			scopes[y.Name] = sc
		} else if existing.Flags&DefBound != 0 && !isFreeInAnyChild(c, y.Name) && s.Type != ClassBlock {
			delete(compFree, y.Name)
		}
	}
}
