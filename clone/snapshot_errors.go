package clone

// The walk of Error objects.

import (
	"github.com/dop251/goja"
	"github.com/dop251/goja/unistring"
	"slices"
)

// nativeErrors are the names HTML keeps; any other becomes "Error" unless
// Options.PreserveErrorNames.
var nativeErrors = [...]string{"Error", "EvalError", "RangeError", "ReferenceError", "SyntaxError", "TypeError", "URIError"}

func isNativeError(name string) bool { return slices.Contains(nativeErrors[:], name) }

// error copies an Error: name (read with Get, as the spec does), and the own
// data properties message (as a string), stack (when a string) and cause
// (any cloneable value). Accessors among those are not run, and other
// properties are dropped.
func (w *walker) error(o *goja.Object, l loc) error {
	d := &errorData{proto: "Error"}
	if nv := o.Get("name"); nv != nil && goja.IsString(nv) {
		name := nv.String()
		switch {
		case isNativeError(name):
			d.proto = name
		case w.opts.PreserveErrorNames:
			d.name = normalizeString(nv.(goja.String))
		}
	}
	msg, ok, err := w.ownData(o, "message", l)
	if err != nil {
		return err
	}
	if ok {
		d.message = normalizeString(w.toString(msg))
	}
	stack, ok, err := w.ownData(o, "stack", l)
	if err != nil {
		return err
	}
	if ok && goja.IsString(stack) {
		d.stack = normalizeString(stack.(goja.String))
	}
	cause, hasCause, err := w.ownData(o, "cause", l)
	if err != nil {
		return err
	}
	for _, v := range []goja.Value{d.name, d.message, d.stack} {
		if v != nil {
			if err := w.s.charge(int64(v.(goja.String).Length()), w.opts.MaxBytes, l); err != nil {
				return err
			}
		}
	}
	idx, err := w.newNode(o, l, node{kind: kError, extra: d})
	if err != nil {
		return err
	}
	if hasCause {
		slots, err := w.reserve(idx, 1, l)
		if err != nil {
			return err
		}
		w.push(frame{vals: []goja.Value{cause}, slots: slots, node: idx, n: 1})
	}
	return nil
}

// toString is the spec's ToString (goja's Value.ToString leaves numbers and
// the like as they are): it may run JS, and throws for a Symbol.
func (w *walker) toString(v goja.Value) goja.String {
	if o, ok := v.(*goja.Object); ok {
		v = o.ToString() // ToPrimitive with hint string, then as below
	}
	switch x := v.(type) {
	case goja.String:
		return x
	case *goja.Symbol:
		panic(w.rt.NewTypeError("Cannot convert a Symbol value to a string"))
	default:
		return w.rt.ToValue(x.String()).(goja.String)
	}
}

// ownData returns o's own data property name, without running an accessor.
func (w *walker) ownData(o *goja.Object, name string, l loc) (goja.Value, bool, error) {
	if tab, p := w.l.selfWords(o); tab != nil && tab == w.l.tabError {
		// What Object.getOwnPropertyDescriptor does, read directly. goja
		// adds an Error's stack property when it is first looked up
		// (formatting it reads name and message, as the descriptor lookup
		// would); Get makes it do that, and runs nothing else, since a
		// property goja just added is a data property.
		if name == "stack" && !w.l.stackAdded(p) && w.l.propMap(p)["stack"] == nil {
			o.Get("stack")
		}
		v, ok := w.l.ownDataFast(p, unistring.String(name))
		return v, ok, nil
	}
	dv, err := w.realm.call(inGetOwnPropertyDescriptor, goja.Undefined(), o, w.rt.ToValue(name))
	if err != nil {
		return nil, false, w.fail(l, err)
	}
	desc, ok := dv.(*goja.Object)
	if !ok {
		return nil, false, nil
	}
	// A data descriptor has a boolean writable; an accessor has none.
	if wr := desc.Get("writable"); wr == nil || !isBool(wr) {
		return nil, false, nil
	}
	v := desc.Get("value")
	if v == nil {
		v = goja.Undefined()
	}
	return v, true, nil
}

func isBool(v goja.Value) bool {
	_, ok := v.Export().(bool)
	return ok
}
