package rtlib

// A set iterates in the order of CPython's hash table (Objects/setobject.c):
// the table is simulated slot for slot, with CPython's hashes (numeric
// hashes, the xxHash of tuples, the constant hash of None), linear probing,
// perturbation, dummies and resizing, so that {3, 1, 2} prints {1, 2, 3}.
// Membership is answered by the dict d; the table only gives the order.

const (
	setMinSize      = 8
	setLinearProbes = 9
	setPerturbShift = 5
)

type setSlot struct {
	key   Object // nil: unused
	hash  int64
	dummy bool
}

func (s *Set) table() []setSlot {
	if s.tab == nil {
		s.tab = make([]setSlot, setMinSize)
	}
	return s.tab
}

// items is the elements in table order.
func (s *Set) items() []Object {
	out := make([]Object, 0, s.d.Len())
	for _, e := range s.tab {
		if e.key != nil && !e.dummy {
			out = append(out, e.key)
		}
	}
	return out
}

// add is set.add(k).
func (s *Set) add(k Object) *BaseException {
	if _, ok, exc := s.d.GetItem(k); exc != nil || ok {
		return exc
	}
	h, exc := Hash(k)
	if exc != nil {
		return exc
	}
	if exc := s.d.SetItem(k, None); exc != nil {
		return exc
	}
	s.addEntry(k, h)
	return nil
}

// addEntry is set_add_entry for a key not in the set.
func (s *Set) addEntry(k Object, h int64) {
	tab := s.table()
	mask := uint64(len(tab) - 1)
	i := uint64(h) & mask
	perturb := uint64(h)
	free := -1
	for {
		probes := 0
		if i+setLinearProbes <= mask {
			probes = setLinearProbes
		}
		for j := i; j <= i+uint64(probes); j++ {
			e := &tab[j]
			if e.key == nil {
				if free >= 0 {
					tab[free] = setSlot{key: k, hash: h}
					s.used++
					return
				}
				*e = setSlot{key: k, hash: h}
				s.fill++
				s.used++
				if uint64(s.fill)*5 >= mask*3 {
					n := s.used * 4
					if s.used > 50000 {
						n = s.used * 2
					}
					s.resize(n)
				}
				return
			}
			if e.dummy && free < 0 {
				free = int(j)
			}
		}
		perturb >>= setPerturbShift
		i = (i*5 + 1 + perturb) & mask
	}
}

func insertClean(tab []setSlot, k Object, h int64) {
	mask := uint64(len(tab) - 1)
	i := uint64(h) & mask
	perturb := uint64(h)
	for {
		if tab[i].key == nil {
			tab[i] = setSlot{key: k, hash: h}
			return
		}
		if i+setLinearProbes <= mask {
			for j := i + 1; j <= i+setLinearProbes; j++ {
				if tab[j].key == nil {
					tab[j] = setSlot{key: k, hash: h}
					return
				}
			}
		}
		perturb >>= setPerturbShift
		i = (i*5 + 1 + perturb) & mask
	}
}

// resize is set_table_resize.
func (s *Set) resize(minused int) {
	n := setMinSize
	for n <= minused {
		n <<= 1
	}
	old := s.table()
	s.tab = make([]setSlot, n)
	for _, e := range old {
		if e.key != nil && !e.dummy {
			insertClean(s.tab, e.key, e.hash)
		}
	}
	s.fill = s.used
}

// discard is set.discard(k); it reports whether k was there.
func (s *Set) discard(k Object) (bool, *BaseException) {
	hk, exc := s.d.keyFor(k)
	if exc != nil {
		return false, exc
	}
	idx, ok := s.d.index[hk]
	if !ok {
		return false, nil
	}
	stored := s.d.keys[idx]
	s.d.delAt(idx, hk)
	if i := s.slotOf(stored); i >= 0 {
		s.tab[i] = setSlot{key: s.tab[i].key, hash: -1, dummy: true}
	}
	s.used--
	return true, nil
}

// slotOf is the table slot holding key (found along its probe sequence,
// as set_lookkey does), or -1.
func (s *Set) slotOf(key Object) int {
	h, exc := Hash(key)
	if exc != nil || len(s.tab) == 0 {
		return s.scanFor(key)
	}
	tab := s.tab
	mask := uint64(len(tab) - 1)
	i := uint64(h) & mask
	perturb := uint64(h)
	for tries := 0; tries <= len(tab); tries++ {
		probes := 0
		if i+setLinearProbes <= mask {
			probes = setLinearProbes
		}
		for j := i; j <= i+uint64(probes); j++ {
			e := &tab[j]
			if e.key == nil {
				return s.scanFor(key)
			}
			if !e.dummy && e.hash == h && sameObject(e.key, key) {
				return int(j)
			}
		}
		perturb >>= setPerturbShift
		i = (i*5 + 1 + perturb) & mask
	}
	return s.scanFor(key)
}

func (s *Set) scanFor(key Object) int {
	for i := range s.tab {
		if e := &s.tab[i]; e.key != nil && !e.dummy && sameObject(e.key, key) {
			return i
		}
	}
	return -1
}

func sameObject(a, b Object) bool {
	defer func() { recover() }()
	if f, ok := a.(Float); ok {
		g, ok := b.(Float)
		return ok && (f == g || f != f && g != g)
	}
	return a == b
}

// clear is set.clear().
func (s *Set) clear() {
	s.d = NewDict()
	s.tab, s.fill, s.used, s.finger = nil, 0, 0, 0
}

// pop is set.pop().
func (s *Set) pop() (Object, *BaseException) {
	if s.used == 0 {
		return nil, Errorf(KeyErrorType, "pop from an empty set")
	}
	tab := s.table()
	i := s.finger & (len(tab) - 1)
	for tab[i].key == nil || tab[i].dummy {
		i++
		if i >= len(tab) {
			i = 0
		}
	}
	k := tab[i].key
	if _, exc := s.discard(k); exc != nil {
		return nil, exc
	}
	s.finger = i + 1
	return k, nil
}

// merge is set_merge: the elements of another set, in its table order.
func (s *Set) merge(o *Set) *BaseException {
	if o == s || o.used == 0 {
		return nil
	}
	tab := s.table()
	if (s.fill+o.used)*5 >= (len(tab)-1)*3 {
		s.resize((s.used + o.used) * 2)
	}
	if s.fill == 0 && len(s.tab) == len(o.tab) && o.fill == o.used {
		for i, e := range o.tab {
			if e.key != nil {
				s.tab[i] = setSlot{key: e.key, hash: e.hash}
				if exc := s.d.SetItem(e.key, None); exc != nil {
					return exc
				}
			}
		}
		s.fill, s.used = o.fill, o.used
		return nil
	}
	if s.fill == 0 {
		for _, e := range o.tab {
			if e.key != nil && !e.dummy {
				insertClean(s.tab, e.key, e.hash)
				if exc := s.d.SetItem(e.key, None); exc != nil {
					return exc
				}
			}
		}
		s.fill, s.used = o.used, o.used
		return nil
	}
	for _, e := range o.tab {
		if e.key != nil && !e.dummy {
			if exc := s.add(e.key); exc != nil {
				return exc
			}
		}
	}
	return nil
}

// update is set_update_internal: add the elements of any iterable.
func (s *Set) update(it Object) *BaseException {
	switch o := it.(type) {
	case *Set:
		return s.merge(o)
	case *Dict:
		if o.Class == nil {
			if (s.fill+o.Len())*5 >= (len(s.table())-1)*3 {
				s.resize((s.used + o.Len()) * 2)
			}
		}
	case *dictView:
		if o.kind == viewKeys && o.d.Class == nil {
			return s.update(o.d)
		}
	}
	items, exc := toSlice(it)
	if exc != nil {
		return exc
	}
	for _, k := range items {
		if exc := s.add(k); exc != nil {
			return exc
		}
	}
	return nil
}

// newSetFrom is set(iterable) (frozenset when frozen).
func newSetFrom(it Object, frozen bool) (*Set, *BaseException) {
	s := &Set{d: NewDict(), frozen: frozen}
	if it != nil {
		if exc := s.update(it); exc != nil {
			return nil, exc
		}
	}
	return s, nil
}

// copySet is set_copy (a result of the type of s).
func copySet(s *Set) *Set {
	r := &Set{d: NewDict(), frozen: s.frozen}
	r.merge(s)
	return r
}

func (s *Set) contains(k Object) (bool, *BaseException) {
	_, ok, exc := s.d.GetItem(k)
	return ok, exc
}

// intersection is set_intersection.
func (s *Set) intersection(other Object) (*Set, *BaseException) {
	r := &Set{d: NewDict(), frozen: s.frozen}
	if o, ok := other.(*Set); ok {
		big, small := s, o
		if o.used > s.used {
			big, small = o, s
		}
		for _, k := range small.items() {
			in, exc := big.contains(k)
			if exc != nil {
				return nil, exc
			}
			if in {
				if exc := r.add(k); exc != nil {
					return nil, exc
				}
			}
		}
		return r, nil
	}
	items, exc := toSlice(other)
	if exc != nil {
		return nil, exc
	}
	for _, k := range items {
		in, exc := s.contains(k)
		if exc != nil {
			return nil, exc
		}
		if in {
			if exc := r.add(k); exc != nil {
				return nil, exc
			}
		}
	}
	return r, nil
}

// differenceUpdate is set_difference_update_internal.
func (s *Set) differenceUpdate(other Object) *BaseException {
	var items []Object
	if o, ok := other.(*Set); ok {
		items = o.items()
	} else {
		var exc *BaseException
		if items, exc = toSlice(other); exc != nil {
			return exc
		}
	}
	for _, k := range items {
		if _, exc := s.discard(k); exc != nil {
			return exc
		}
	}
	return nil
}

// difference is set_difference.
func (s *Set) difference(other Object) (*Set, *BaseException) {
	o, ok := other.(*Set)
	if !ok || s.used>>2 > o.used {
		r := copySet(s)
		return r, r.differenceUpdate(other)
	}
	r := &Set{d: NewDict(), frozen: s.frozen}
	for _, k := range s.items() {
		in, exc := o.contains(k)
		if exc != nil {
			return nil, exc
		}
		if !in {
			if exc := r.add(k); exc != nil {
				return nil, exc
			}
		}
	}
	return r, nil
}

// symmetricDifferenceUpdate is set_symmetric_difference_update.
func (s *Set) symmetricDifferenceUpdate(other Object) *BaseException {
	o, ok := other.(*Set)
	if !ok {
		var exc *BaseException
		if o, exc = newSetFrom(other, false); exc != nil {
			return exc
		}
	}
	if o == s {
		s.clear()
		return nil
	}
	for _, k := range o.items() {
		had, exc := s.discard(k)
		if exc != nil {
			return exc
		}
		if !had {
			if exc := s.add(k); exc != nil {
				return exc
			}
		}
	}
	return nil
}

// symmetricDifference is set_symmetric_difference.
func (s *Set) symmetricDifference(other Object) (*Set, *BaseException) {
	r, exc := newSetFrom(other, s.frozen)
	if exc != nil {
		return nil, exc
	}
	return r, r.symmetricDifferenceUpdate(s)
}

// union is set_or / set.union.
func (s *Set) union(other Object) (*Set, *BaseException) {
	r := copySet(s)
	return r, r.update(other)
}

// NewSetConst is a set display of constants, {1, 2, 3}: CPython compiles it
// to a frozenset constant built from the items in order, then updates an
// empty set from it (which gives the set the frozenset's order).
func NewSetConst(items ...Object) (Object, *BaseException) {
	f, exc := newSetFrom(NewTuple(items...), true)
	if exc != nil {
		return nil, exc
	}
	s := &Set{d: NewDict()}
	return s, s.merge(f)
}
