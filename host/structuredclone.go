package host

import (
	"errors"
	"regexp"
	"strconv"
	"strings"

	"github.com/dop251/goja"
	"github.com/jsrun/jsrun/clone"
	"github.com/jsrun/jsrun/internal/abort"
	"github.com/jsrun/jsrun/internal/engine"
	"github.com/jsrun/jsrun/internal/jsmod"
	"github.com/jsrun/jsrun/internal/jsutil"
)

// structuredClone is the global structuredClone(value[, {transfer}]):
// clone's structured clone (the one threads use, without their
// extensions: a function or a threads object is a DataCloneError, a
// DOMException as in Node) within one runtime, bounded by
// WithMaxCloneBytes. The ArrayBuffers in transfer are detached after the
// copy, as transferred ones are.
func (h *Host) structuredClone(r *engine.Runtime) goja.Value {
	rt := r.RT
	dataCloneError := func(msg string) *goja.Object {
		a, err := abort.For(rt, r.Loop)
		jsmod.Throw(rt, "structuredClone", err)
		return a.DOMException(msg, "DataCloneError")
	}
	return jsutil.Func(rt, "structuredClone", func(c goja.FunctionCall) goja.Value {
		if len(c.Arguments) == 0 {
			e := rt.NewTypeError("The value argument must be specified")
			_ = e.Set("code", "ERR_MISSING_ARGS")
			panic(e)
		}
		var transfer []goja.ArrayBuffer
		switch opts := c.Argument(1); {
		case goja.IsUndefined(opts) || goja.IsNull(opts):
		case jsutil.TypeOf(opts) != "object" && jsutil.TypeOf(opts) != "array" && jsutil.TypeOf(opts) != "function":
			e := rt.NewTypeError("The options argument must be either an object or undefined")
			_ = e.Set("code", "ERR_INVALID_ARG_TYPE")
			panic(e)
		default:
			transfer = transferList(rt, opts.(*goja.Object).Get("transfer"), dataCloneError)
		}
		snap, err := clone.SnapshotValue(rt, c.Argument(0), "value", &clone.Options{MaxBytes: h.opts.maxCloneBytes})
		if err == nil {
			var v goja.Value
			if v, err = snap.RestoreValue(rt, nil); err == nil {
				for _, ab := range transfer {
					ab.Detach()
				}
				return v
			}
		}
		var dce *clone.DataCloneError
		if errors.As(err, &dce) {
			msg := dce.Error()
			if v, ok := valueAt(rt, c.Argument(0), dce.Path); ok {
				msg = describeUncloneable(rt, v) + " could not be cloned."
			}
			panic(dataCloneError(msg))
		}
		panic(err)
	})
}

// transferList reads the transfer option: ArrayBuffers only.
func transferList(rt *goja.Runtime, v goja.Value, dataCloneError func(string) *goja.Object) []goja.ArrayBuffer {
	if v == nil || goja.IsUndefined(v) || goja.IsNull(v) {
		return nil
	}
	o, ok := v.(*goja.Object)
	if !ok {
		panic(rt.NewTypeError("The transfer option must be an iterable"))
	}
	var out []goja.ArrayBuffer
	n := o.Get("length")
	if n == nil || jsutil.TypeOf(o) != "array" {
		panic(rt.NewTypeError("The transfer option must be an array"))
	}
	for i := int64(0); i < n.ToInteger(); i++ {
		ab, ok := o.Get(strconv.FormatInt(i, 10)).Export().(goja.ArrayBuffer)
		if !ok || ab.Detached() {
			panic(dataCloneError("Value not transferable"))
		}
		out = append(out, ab)
	}
	return out
}

// pathSegment is one step of clone's path of a value: .key, ["key"] or
// [index].
var pathSegment = regexp.MustCompile(`^(?:\.([A-Za-z_$][A-Za-z0-9_$]*)|\[("(?:[^"\\]|\\.)*")\]|\[(\d+)\])`)

// valueAt finds the value at clone's path inside root ("value.a[2]"), for
// Node's message; false for a path through a Map or Set, or a getter
// (which must not run twice).
func valueAt(rt *goja.Runtime, root goja.Value, path string) (goja.Value, bool) {
	rest, ok := strings.CutPrefix(path, "value")
	if !ok {
		return nil, false
	}
	v := root
	for rest != "" {
		m := pathSegment.FindStringSubmatch(rest)
		o, isObj := v.(*goja.Object)
		if m == nil || !isObj {
			return nil, false
		}
		key := m[1] + m[3]
		if m[2] != "" {
			k, err := strconv.Unquote(m[2])
			if err != nil {
				return nil, false
			}
			key = k
		}
		if isAccessor(rt, o, key) {
			return nil, false
		}
		if v = o.Get(key); v == nil {
			return nil, false
		}
		rest = rest[len(m[0]):]
	}
	return v, true
}

// isAccessor tells whether o's own key is a getter.
func isAccessor(rt *goja.Runtime, o *goja.Object, key string) bool {
	desc, _ := goja.AssertFunction(rt.Get("Object").ToObject(rt).Get("getOwnPropertyDescriptor"))
	d, err := desc(goja.Undefined(), o, rt.ToValue(key))
	if err != nil {
		return true
	}
	dd, ok := d.(*goja.Object)
	return !ok || dd.Get("get") != nil && !goja.IsUndefined(dd.Get("get"))
}

// describeUncloneable is how V8 names a value it cannot clone: a
// function's source, a symbol's text, "#<Class>" for an object.
func describeUncloneable(rt *goja.Runtime, v goja.Value) string {
	if o, ok := v.(*goja.Object); ok {
		if _, isFn := goja.AssertFunction(o); isFn {
			return o.String()
		}
		name := "Object"
		if c, ok := o.Get("constructor").(*goja.Object); ok {
			if n := c.Get("name"); n != nil && n.String() != "" {
				name = n.String()
			}
		}
		return "#<" + name + ">"
	}
	if sym, ok := v.(*goja.Symbol); ok {
		return "Symbol(" + sym.String() + ")"
	}
	return v.String()
}
