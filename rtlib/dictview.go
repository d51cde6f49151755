package rtlib

type viewKind uint8

const (
	viewKeys viewKind = iota
	viewValues
	viewItems
)

// dictView is what dict.keys(), dict.values() and dict.items() return: a
// live view of the dict.
type dictView struct {
	d    *Dict
	kind viewKind
}

var (
	dictKeysType   = newType("dict_keys", ObjectType)
	dictValuesType = newType("dict_values", ObjectType)
	dictItemsType  = newType("dict_items", ObjectType)
)

// Type returns dict_keys, dict_values or dict_items.
func (v *dictView) Type() *Type {
	return [...]*Type{dictKeysType, dictValuesType, dictItemsType}[v.kind]
}

// elems is the view's elements now, in the dict's order.
func (v *dictView) elems() []Object {
	out := make([]Object, 0, v.d.Len())
	v.d.Items(func(k, val Object) {
		switch v.kind {
		case viewKeys:
			out = append(out, k)
		case viewValues:
			out = append(out, val)
		default:
			out = append(out, NewTuple(k, val))
		}
	})
	return out
}

// Repr is dict_keys([...]) and the like.
func (v *dictView) Repr() (Str, *BaseException) {
	if reprActive[v] {
		return "...", nil
	}
	reprActive[v] = true
	defer delete(reprActive, v)
	return seqRepr(v.Type().Name+"([", "])", v.elems(), false)
}

// contains is `x in view`.
func (v *dictView) contains(x Object) (bool, *BaseException) {
	switch v.kind {
	case viewKeys:
		_, ok, exc := v.d.GetItem(x)
		return ok, exc
	case viewItems:
		t, ok := x.(*Tuple)
		if !ok || len(t.Items) != 2 {
			return false, nil
		}
		val, found, exc := v.d.GetItem(t.Items[0])
		if exc != nil || !found {
			return false, exc
		}
		return equal(val, t.Items[1])
	}
	return containsSeq(v.elems(), x)
}

// dictViewIter iterates a view; like CPython it fails when the dict changes
// size meanwhile.
type dictViewIter struct {
	v     *dictView
	items []Object
	n     int
	i     int
	rev   bool // items from the last (reversed())
}

func (it *dictViewIter) Type() *Type {
	k := 0
	switch it.v.kind {
	case viewValues:
		k = 1
	case viewItems:
		k = 2
	}
	if it.rev {
		return [...]*Type{dictRevKeyIterType, dictRevValueIterType, dictRevItemIterType}[k]
	}
	return [...]*Type{dictKeyIterType, dictValueIterType, dictItemIterType}[k]
}

func (it *dictViewIter) NextValue() (Object, bool, *BaseException) {
	if it.v.d.Len() != it.n {
		it.i = len(it.items)
		return nil, false, Errorf(RuntimeErrorType, "dictionary changed size during iteration")
	}
	if it.i >= len(it.items) {
		return nil, false, nil
	}
	it.i++
	return it.items[it.i-1], true, nil
}

// viewEqual is view == other for keys and items views (set equality).
func viewEqual(a, b Object) (bool, bool, *BaseException) {
	if !setLike(a) || !setLike(b) {
		return false, false, nil
	}
	if _, ok := a.(*dictView); !ok {
		if _, ok := b.(*dictView); !ok {
			return false, false, nil
		}
	}
	la, _ := Len(a)
	lb, _ := Len(b)
	if la != lb {
		return false, true, nil
	}
	sub, exc := allIn(a, b)
	return sub, true, exc
}

// allIn reports whether every element of a is in b.
func allIn(a, b Object) (bool, *BaseException) {
	items, exc := toSlice(a)
	if exc != nil {
		return false, exc
	}
	for _, k := range items {
		in, exc := Contains(b, k)
		if exc != nil || !in {
			return false, exc
		}
	}
	return true, nil
}

func installDictViews() {
	for _, m := range []struct {
		name string
		kind viewKind
	}{{"keys", viewKeys}, {"values", viewValues}, {"items", viewItems}} {
		kind := m.kind
		defMethod(DictType, m.name, func(self Object, args []Object, kw []KwArg) (Object, *BaseException) {
			if len(args) != 0 {
				return nil, Errorf(TypeErrorType, "dict.%s() takes no arguments (%d given)", []string{"keys", "values", "items"}[kind], len(args))
			}
			return &dictView{d: self.(*Dict), kind: kind}, nil
		})
	}
	for _, t := range []*Type{dictKeysType, dictItemsType} {
		defMethod(t, "isdisjoint", func(self Object, args []Object, kw []KwArg) (Object, *BaseException) {
			if exc := argCount("isdisjoint", args, 1, 1); exc != nil {
				return nil, exc
			}
			items, exc := toSlice(args[0])
			if exc != nil {
				return nil, exc
			}
			for _, k := range items {
				in, exc := self.(*dictView).contains(k)
				if exc != nil || in {
					return Bool(false), exc
				}
			}
			return Bool(true), nil
		})
	}
}

// MoveToEnd moves key to the end of the dict (last) or to its start
// (OrderedDict.move_to_end); found is false when key is absent.
func (d *Dict) MoveToEnd(key Object, last bool) (bool, *BaseException) {
	v, found, exc := d.GetItem(key)
	if exc != nil || !found {
		return false, exc
	}
	hk, exc := d.keyFor(key)
	if exc != nil {
		return false, exc
	}
	stored := d.keys[d.index[hk]]
	d.delAt(d.index[hk], hk)
	if last {
		return true, d.SetItem(stored, v)
	}
	keys, vals := d.keys, d.vals
	d.touch()
	d.keys, d.vals, d.index, d.live = nil, nil, nil, 0
	if exc := d.SetItem(stored, v); exc != nil {
		return true, exc
	}
	for i, k := range keys {
		if k == nil {
			continue
		}
		if exc := d.SetItem(k, vals[i]); exc != nil {
			return true, exc
		}
	}
	return true, nil
}

// FirstItem is the dict's first entry (ok false when it is empty).
func (d *Dict) FirstItem() (k, v Object, ok bool) {
	d.ensure()
	for i, key := range d.keys {
		if key != nil {
			return key, d.vals[i], true
		}
	}
	return nil, nil, false
}

// LastItem is the dict's last entry (ok false when it is empty).
func (d *Dict) LastItem() (k, v Object, ok bool) {
	d.ensure()
	for i := len(d.keys) - 1; i >= 0; i-- {
		if d.keys[i] != nil {
			return d.keys[i], d.vals[i], true
		}
	}
	return nil, nil, false
}
