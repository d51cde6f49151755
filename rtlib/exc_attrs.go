package rtlib

// excAttr is the attributes builtin exception classes derive from their
// args: StopIteration.value, SystemExit.code, OSError.errno/strerror,
// KeyError-free name/obj of AttributeError and NameError, and the context
// flags (__suppress_context__, __traceback__).
func excAttr(e *BaseException, name string) (Object, bool) {
	if e.Attrs != nil {
		if v, ok := e.Attrs.GetStr(name); ok {
			return v, true
		}
	}
	arg := func(i int) Object {
		if e.Args != nil && len(e.Args.Items) > i {
			return e.Args.Items[i]
		}
		return None
	}
	switch name {
	case "__suppress_context__":
		return Bool(e.SuppressContext), true
	case "__traceback__":
		return None, true
	case "value":
		if e.Class.IsSubtype(StopIterationType) || e.Class.IsSubtype(StopAsyncIterationType) {
			return arg(0), true
		}
	case "code":
		if e.Class.IsSubtype(SystemExitType) {
			if e.Args != nil && len(e.Args.Items) > 1 {
				return e.Args, true
			}
			return arg(0), true
		}
	case "errno", "strerror":
		if e.Class.IsSubtype(OSErrorType) {
			if e.Args == nil || len(e.Args.Items) < 2 {
				return None, true
			}
			if name == "errno" {
				return arg(0), true
			}
			return arg(1), true
		}
	case "msg":
		if e.Class.IsSubtype(ImportErrorType) {
			return arg(0), true
		}
	case "name", "obj", "path":
		if e.Class.IsSubtype(AttributeErrorType) || e.Class.IsSubtype(NameErrorType) || e.Class.IsSubtype(ImportErrorType) {
			return None, true
		}
	}
	return nil, false
}
