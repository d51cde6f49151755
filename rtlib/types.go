package rtlib

import "strings"

// c3 is the C3 linearization of bases (the MRO of a class without the
// class itself); ok is false when no consistent order exists.
func c3(bases []*Type) ([]*Type, bool) {
	if len(bases) == 1 && len(bases[0].MRO) > 0 && bases[0].MRO[0] == bases[0] {
		// A single base's MRO, shared (MROs are never changed in place;
		// the capacity makes an append copy it).
		mro := bases[0].MRO
		return mro[:len(mro):len(mro)], true
	}
	var seqs [][]*Type
	for _, b := range bases {
		seqs = append(seqs, append([]*Type(nil), b.MRO...))
	}
	seqs = append(seqs, append([]*Type(nil), bases...))
	var out []*Type
	for {
		empty := true
		for _, s := range seqs {
			if len(s) > 0 {
				empty = false
				break
			}
		}
		if empty {
			return out, true
		}
		var cand *Type
		for _, s := range seqs {
			if len(s) == 0 {
				continue
			}
			h := s[0]
			inTail := false
			for _, t := range seqs {
				for _, x := range t[min(1, len(t)):] {
					if x == h {
						inTail = true
						break
					}
				}
				if inTail {
					break
				}
			}
			if !inTail {
				cand = h
				break
			}
		}
		if cand == nil {
			return nil, false
		}
		out = append(out, cand)
		for i, s := range seqs {
			if len(s) > 0 && s[0] == cand {
				seqs[i] = s[1:]
			}
		}
	}
}

// mroError is CPython's TypeError for bases without a consistent MRO.
func mroError(bases []*Type) *BaseException {
	names := make([]string, len(bases))
	for i, b := range bases {
		names[i] = b.Name
	}
	return Errorf(TypeErrorType, "Cannot create a consistent method resolution order (MRO) for bases %s", strings.Join(names, ", "))
}

// typeSpecialAttr is the attributes every type object has (__name__,
// __qualname__, __module__, __mro__, __bases__, __base__, __dict__, __doc__).
func typeSpecialAttr(t *Type, name string) (Object, bool) {
	switch name {
	case "__name__":
		return Str(t.Name), true
	case "__qualname__":
		if t.Qualname != "" {
			return Str(t.Qualname), true
		}
		return Str(t.Name), true
	case "__module__":
		return Str(t.Module), true
	case "__mro__":
		items := make([]Object, len(t.MRO))
		for i, m := range t.MRO {
			items[i] = m
		}
		return NewTuple(items...), true
	case "__bases__":
		items := make([]Object, len(t.Bases))
		for i, m := range t.Bases {
			items[i] = m
		}
		return NewTuple(items...), true
	case "__base__":
		if len(t.Bases) == 0 {
			return None, true
		}
		return t.Bases[0], true
	case "__dict__":
		return t.Dict, true
	case "__doc__":
		return None, true
	}
	return nil, false
}
