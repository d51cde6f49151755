package rtlib

// list.sort as CPython 3.12's listobject.c does it (timsort with the
// powersort merge policy and galloping; see its listsort.txt): the same
// comparisons, in the same order and with the same operands, so that a
// __lt__ with side effects, or the TypeError of two keys that do not
// compare ('<' not supported between instances of 'int' and 'str'), shows
// what CPython shows. The result of any stable sort would be the same.

// sortRun is a pending run: keys[base:base+n], and its powersort power.
type sortRun struct {
	base, n, power int
}

// mergeState is listobject.c's MergeState over parallel key and value
// slices (vals is nil without a key function: the keys are the values).
type mergeState struct {
	keys, vals []Object
	minGallop  int
	pending    []sortRun
	tmpK, tmpV []Object
}

const minGallop = 7

// lt is ISLT: keys[x] < keys[y] as CPython's compare functions test it.
func lt(x, y Object) (bool, *BaseException) {
	r, exc := Lt(x, y)
	if exc != nil {
		return false, exc
	}
	if b, ok := r.(Bool); ok {
		return bool(b), nil
	}
	return Truth(r)
}

// move copies n entries from (srcK, srcV)[j:] to (dstK, dstV)[i:], keys and
// values alike (sortslice_memmove).
func (ms *mergeState) move(dstK, dstV []Object, i int, srcK, srcV []Object, j, n int) {
	copy(dstK[i:i+n], srcK[j:j+n])
	if ms.vals != nil {
		copy(dstV[i:i+n], srcV[j:j+n])
	}
}

func reverseObjects(s []Object) {
	for i, j := 0, len(s)-1; i < j; i, j = i+1, j-1 {
		s[i], s[j] = s[j], s[i]
	}
}

// binarySort sorts [lo, hi) by binary insertion; [lo, start) is sorted.
func (ms *mergeState) binarySort(lo, hi, start int) *BaseException {
	if lo == start {
		start++
	}
	for ; start < hi; start++ {
		l, r := lo, start
		pivot := ms.keys[r]
		for l < r {
			p := l + (r-l)>>1
			less, exc := lt(pivot, ms.keys[p])
			if exc != nil {
				return exc
			}
			if less {
				r = p
			} else {
				l = p + 1
			}
		}
		copy(ms.keys[l+1:start+1], ms.keys[l:start])
		ms.keys[l] = pivot
		if ms.vals != nil {
			pv := ms.vals[start]
			copy(ms.vals[l+1:start+1], ms.vals[l:start])
			ms.vals[l] = pv
		}
	}
	return nil
}

// countRun is the length of the run at lo in [lo, hi): non-descending, or
// strictly descending (descending true).
func (ms *mergeState) countRun(lo, hi int) (int, bool, *BaseException) {
	lo++
	if lo == hi {
		return 1, false, nil
	}
	n := 2
	less, exc := lt(ms.keys[lo], ms.keys[lo-1])
	if exc != nil {
		return 0, false, exc
	}
	if less {
		for lo++; lo < hi; lo, n = lo+1, n+1 {
			less, exc := lt(ms.keys[lo], ms.keys[lo-1])
			if exc != nil {
				return 0, false, exc
			}
			if !less {
				break
			}
		}
		return n, true, nil
	}
	for lo++; lo < hi; lo, n = lo+1, n+1 {
		less, exc := lt(ms.keys[lo], ms.keys[lo-1])
		if exc != nil {
			return 0, false, exc
		}
		if less {
			break
		}
	}
	return n, false, nil
}

// gallopLeft is the k in 0..n with a[k-1] < key <= a[k], searched from
// hint (a is a[0:n]).
func gallopLeft(key Object, a []Object, n, hint int) (int, *BaseException) {
	lastofs, ofs := 0, 1
	less, exc := lt(a[hint], key)
	if exc != nil {
		return 0, exc
	}
	if less {
		maxofs := n - hint
		for ofs < maxofs {
			less, exc := lt(a[hint+ofs], key)
			if exc != nil {
				return 0, exc
			}
			if !less {
				break
			}
			lastofs = ofs
			ofs = ofs<<1 + 1
		}
		ofs = min(ofs, maxofs)
		lastofs += hint
		ofs += hint
	} else {
		maxofs := hint + 1
		for ofs < maxofs {
			less, exc := lt(a[hint-ofs], key)
			if exc != nil {
				return 0, exc
			}
			if less {
				break
			}
			lastofs = ofs
			ofs = ofs<<1 + 1
		}
		ofs = min(ofs, maxofs)
		lastofs, ofs = hint-ofs, hint-lastofs
	}
	for lastofs++; lastofs < ofs; {
		m := lastofs + (ofs-lastofs)>>1
		less, exc := lt(a[m], key)
		if exc != nil {
			return 0, exc
		}
		if less {
			lastofs = m + 1
		} else {
			ofs = m
		}
	}
	return ofs, nil
}

// gallopRight is the k in 0..n with a[k-1] <= key < a[k].
func gallopRight(key Object, a []Object, n, hint int) (int, *BaseException) {
	lastofs, ofs := 0, 1
	less, exc := lt(key, a[hint])
	if exc != nil {
		return 0, exc
	}
	if less {
		maxofs := hint + 1
		for ofs < maxofs {
			less, exc := lt(key, a[hint-ofs])
			if exc != nil {
				return 0, exc
			}
			if !less {
				break
			}
			lastofs = ofs
			ofs = ofs<<1 + 1
		}
		ofs = min(ofs, maxofs)
		lastofs, ofs = hint-ofs, hint-lastofs
	} else {
		maxofs := n - hint
		for ofs < maxofs {
			less, exc := lt(key, a[hint+ofs])
			if exc != nil {
				return 0, exc
			}
			if less {
				break
			}
			lastofs = ofs
			ofs = ofs<<1 + 1
		}
		ofs = min(ofs, maxofs)
		lastofs += hint
		ofs += hint
	}
	for lastofs++; lastofs < ofs; {
		m := lastofs + (ofs-lastofs)>>1
		less, exc := lt(key, a[m])
		if exc != nil {
			return 0, exc
		}
		if less {
			ofs = m
		} else {
			lastofs = m + 1
		}
	}
	return ofs, nil
}

// tmp returns the temporary arrays with room for n entries.
func (ms *mergeState) tmp(n int) ([]Object, []Object) {
	if len(ms.tmpK) < n {
		ms.tmpK = make([]Object, n)
		if ms.vals != nil {
			ms.tmpV = make([]Object, n)
		}
	}
	return ms.tmpK, ms.tmpV
}

// mergeLo merges the na entries at a with the nb at b = a+na (na <= nb);
// keys[a+na-1] belongs at the end of the merge.
func (ms *mergeState) mergeLo(a, na, b, nb int) (exc *BaseException) {
	tk, tv := ms.tmp(na)
	ms.move(tk, tv, 0, ms.keys, ms.vals, a, na)
	dest := a
	pa := 0 // index into the temporary copy of run a
	pb := b
	defer func() {
		if exc != nil && na > 0 {
			ms.move(ms.keys, ms.vals, dest, tk, tv, pa, na)
		}
	}()
	copyB := func() {
		ms.move(ms.keys, ms.vals, dest, ms.keys, ms.vals, pb, nb)
		ms.move(ms.keys, ms.vals, dest+nb, tk, tv, pa, 1)
		na = 0
	}
	ms.move(ms.keys, ms.vals, dest, ms.keys, ms.vals, pb, 1)
	dest, pb, nb = dest+1, pb+1, nb-1
	if nb == 0 {
		ms.move(ms.keys, ms.vals, dest, tk, tv, pa, na)
		return nil
	}
	if na == 1 {
		copyB()
		return nil
	}
	mg := ms.minGallop
	for {
		acount, bcount := 0, 0
		for {
			less, exc := lt(ms.keys[pb], tk[pa])
			if exc != nil {
				return exc
			}
			if less {
				ms.move(ms.keys, ms.vals, dest, ms.keys, ms.vals, pb, 1)
				dest, pb, nb = dest+1, pb+1, nb-1
				bcount++
				acount = 0
				if nb == 0 {
					ms.move(ms.keys, ms.vals, dest, tk, tv, pa, na)
					return nil
				}
				if bcount >= mg {
					break
				}
			} else {
				ms.move(ms.keys, ms.vals, dest, tk, tv, pa, 1)
				dest, pa, na = dest+1, pa+1, na-1
				acount++
				bcount = 0
				if na == 1 {
					copyB()
					return nil
				}
				if acount >= mg {
					break
				}
			}
		}
		mg++
		for {
			if mg > 1 {
				mg--
			}
			ms.minGallop = mg
			k, exc := gallopRight(ms.keys[pb], tk[pa:], na, 0)
			if exc != nil {
				return exc
			}
			acount = k
			if k > 0 {
				ms.move(ms.keys, ms.vals, dest, tk, tv, pa, k)
				dest, pa, na = dest+k, pa+k, na-k
				if na == 1 {
					copyB()
					return nil
				}
				if na == 0 {
					return nil
				}
			}
			ms.move(ms.keys, ms.vals, dest, ms.keys, ms.vals, pb, 1)
			dest, pb, nb = dest+1, pb+1, nb-1
			if nb == 0 {
				ms.move(ms.keys, ms.vals, dest, tk, tv, pa, na)
				return nil
			}
			k, exc = gallopLeft(tk[pa], ms.keys[pb:], nb, 0)
			if exc != nil {
				return exc
			}
			bcount = k
			if k > 0 {
				ms.move(ms.keys, ms.vals, dest, ms.keys, ms.vals, pb, k)
				dest, pb, nb = dest+k, pb+k, nb-k
				if nb == 0 {
					ms.move(ms.keys, ms.vals, dest, tk, tv, pa, na)
					return nil
				}
			}
			ms.move(ms.keys, ms.vals, dest, tk, tv, pa, 1)
			dest, pa, na = dest+1, pa+1, na-1
			if na == 1 {
				copyB()
				return nil
			}
			if acount < minGallop && bcount < minGallop {
				break
			}
		}
		mg++
		ms.minGallop = mg
	}
}

// mergeHi merges the na entries at a with the nb at b = a+na (na >= nb),
// from the right; keys[a+na-1] belongs at the end of the merge.
func (ms *mergeState) mergeHi(a, na, b, nb int) (exc *BaseException) {
	tk, tv := ms.tmp(nb)
	ms.move(tk, tv, 0, ms.keys, ms.vals, b, nb)
	dest := b + nb - 1 // where the next largest entry goes
	pa := a + na - 1   // the last entry of run a, in place
	pb := nb - 1       // the last entry of run b, in the copy
	defer func() {
		if exc != nil && nb > 0 {
			ms.move(ms.keys, ms.vals, dest-(nb-1), tk, tv, 0, nb)
		}
	}()
	copyA := func() {
		// The first entry of run b belongs at the front of the merge.
		ms.move(ms.keys, ms.vals, dest+1-na, ms.keys, ms.vals, pa+1-na, na)
		dest, pa = dest-na, pa-na
		ms.move(ms.keys, ms.vals, dest, tk, tv, pb, 1)
		nb = 0
	}
	ms.move(ms.keys, ms.vals, dest, ms.keys, ms.vals, pa, 1)
	dest, pa, na = dest-1, pa-1, na-1
	if na == 0 {
		ms.move(ms.keys, ms.vals, dest-(nb-1), tk, tv, 0, nb)
		return nil
	}
	if nb == 1 {
		copyA()
		return nil
	}
	mg := ms.minGallop
	for {
		acount, bcount := 0, 0
		for {
			less, exc := lt(tk[pb], ms.keys[pa])
			if exc != nil {
				return exc
			}
			if less {
				ms.move(ms.keys, ms.vals, dest, ms.keys, ms.vals, pa, 1)
				dest, pa, na = dest-1, pa-1, na-1
				acount++
				bcount = 0
				if na == 0 {
					ms.move(ms.keys, ms.vals, dest-(nb-1), tk, tv, 0, nb)
					return nil
				}
				if acount >= mg {
					break
				}
			} else {
				ms.move(ms.keys, ms.vals, dest, tk, tv, pb, 1)
				dest, pb, nb = dest-1, pb-1, nb-1
				bcount++
				acount = 0
				if nb == 1 {
					copyA()
					return nil
				}
				if bcount >= mg {
					break
				}
			}
		}
		mg++
		for {
			if mg > 1 {
				mg--
			}
			ms.minGallop = mg
			k, exc := gallopRight(tk[pb], ms.keys[a:], na, na-1)
			if exc != nil {
				return exc
			}
			k = na - k
			acount = k
			if k > 0 {
				dest, pa = dest-k, pa-k
				ms.move(ms.keys, ms.vals, dest+1, ms.keys, ms.vals, pa+1, k)
				na -= k
				if na == 0 {
					ms.move(ms.keys, ms.vals, dest-(nb-1), tk, tv, 0, nb)
					return nil
				}
			}
			ms.move(ms.keys, ms.vals, dest, tk, tv, pb, 1)
			dest, pb, nb = dest-1, pb-1, nb-1
			if nb == 1 {
				copyA()
				return nil
			}
			k, exc = gallopLeft(ms.keys[pa], tk, nb, nb-1)
			if exc != nil {
				return exc
			}
			k = nb - k
			bcount = k
			if k > 0 {
				dest, pb = dest-k, pb-k
				ms.move(ms.keys, ms.vals, dest+1, tk, tv, pb+1, k)
				nb -= k
				if nb == 1 {
					copyA()
					return nil
				}
				if nb == 0 {
					return nil
				}
			}
			ms.move(ms.keys, ms.vals, dest, ms.keys, ms.vals, pa, 1)
			dest, pa, na = dest-1, pa-1, na-1
			if na == 0 {
				ms.move(ms.keys, ms.vals, dest-(nb-1), tk, tv, 0, nb)
				return nil
			}
			if acount < minGallop && bcount < minGallop {
				break
			}
		}
		mg++
		ms.minGallop = mg
	}
}

// mergeAt merges the pending runs i and i+1.
func (ms *mergeState) mergeAt(i int) *BaseException {
	p := ms.pending
	a, na := p[i].base, p[i].n
	b, nb := p[i+1].base, p[i+1].n
	p[i].n = na + nb
	if i == len(p)-3 {
		p[i+1] = p[i+2]
	}
	ms.pending = p[:len(p)-1]
	k, exc := gallopRight(ms.keys[b], ms.keys[a:], na, 0)
	if exc != nil {
		return exc
	}
	a, na = a+k, na-k
	if na == 0 {
		return nil
	}
	nb, exc = gallopLeft(ms.keys[a+na-1], ms.keys[b:], nb, nb-1)
	if exc != nil || nb <= 0 {
		return exc
	}
	if na <= nb {
		return ms.mergeLo(a, na, b, nb)
	}
	return ms.mergeHi(a, na, b, nb)
}

// powerLoop is the powersort power of the run at s1 (n1 entries) followed
// by one of n2, in a list of n.
func powerLoop(s1, n1, n2, n int) int {
	result := 0
	a := 2*s1 + n1
	b := a + n1 + n2
	for {
		result++
		if a >= n {
			a -= n
			b -= n
		} else if b >= n {
			break
		}
		a <<= 1
		b <<= 1
	}
	return result
}

// foundNewRun merges the pending runs of greater power than the top one's
// now that a run of n2 follows it.
func (ms *mergeState) foundNewRun(n2 int) *BaseException {
	if len(ms.pending) == 0 {
		return nil
	}
	top := ms.pending[len(ms.pending)-1]
	power := powerLoop(top.base, top.n, n2, len(ms.keys))
	for len(ms.pending) > 1 && ms.pending[len(ms.pending)-2].power > power {
		if exc := ms.mergeAt(len(ms.pending) - 2); exc != nil {
			return exc
		}
	}
	ms.pending[len(ms.pending)-1].power = power
	return nil
}

func (ms *mergeState) forceCollapse() *BaseException {
	for len(ms.pending) > 1 {
		n := len(ms.pending) - 2
		if n > 0 && ms.pending[n-1].n < ms.pending[n+1].n {
			n--
		}
		if exc := ms.mergeAt(n); exc != nil {
			return exc
		}
	}
	return nil
}

func minRun(n int) int {
	r := 0
	for n >= 64 {
		r |= n & 1
		n >>= 1
	}
	return n + r
}

// timsort sorts keys in place, and vals (if not nil) along with them.
func timsort(keys, vals []Object) *BaseException {
	ms := &mergeState{keys: keys, vals: vals, minGallop: minGallop}
	remaining := len(keys)
	if remaining < 2 {
		return nil
	}
	mr := minRun(remaining)
	lo := 0
	for remaining > 0 {
		n, desc, exc := ms.countRun(lo, lo+remaining)
		if exc != nil {
			return exc
		}
		if desc {
			reverseObjects(keys[lo : lo+n])
			if vals != nil {
				reverseObjects(vals[lo : lo+n])
			}
		}
		if n < mr {
			force := min(remaining, mr)
			if exc := ms.binarySort(lo, lo+force, lo+n); exc != nil {
				return exc
			}
			n = force
		}
		if exc := ms.foundNewRun(n); exc != nil {
			return exc
		}
		ms.pending = append(ms.pending, sortRun{base: lo, n: n})
		lo += n
		remaining -= n
	}
	return ms.forceCollapse()
}

// sortList is list.sort(key=…, reverse=…) (list_sort_impl): the list is
// empty while the key function and the comparisons run, and a change to
// it meanwhile is a ValueError; a reverse sort reverses before and after a
// forward one, which keeps it stable.
func sortList(l *List, key, reverse Object) *BaseException {
	items := l.Items
	l.Items = nil
	rev := false
	if reverse != nil {
		var exc *BaseException
		if rev, exc = Truth(reverse); exc != nil {
			l.Items = items
			return exc
		}
	}
	keys, vals := items, []Object(nil)
	if key != nil && key != None {
		keys, vals = make([]Object, len(items)), items
		for i, it := range items {
			k, exc := Call(key, []Object{it}, nil)
			if exc != nil {
				l.Items = items
				return exc
			}
			keys[i] = k
		}
	}
	if rev {
		reverseObjects(keys)
		if vals != nil {
			reverseObjects(vals)
		}
	}
	exc := timsort(keys, vals)
	if exc == nil && l.Items != nil {
		exc = Errorf(ValueErrorType, "list modified during sort")
	}
	if rev && len(items) > 1 {
		reverseObjects(items)
	}
	l.Items = items
	return exc
}
