package host

import (
	"errors"
	"strconv"

	"github.com/dop251/goja"
	"github.com/jsrun/jsrun/clone"
	"github.com/jsrun/jsrun/internal/jsutil"
)

// structuredClone is the global structuredClone(value[, {transfer}]):
// clone's structured clone (the one threads use, without their
// extensions: a function or a threads object is a DataCloneError, as in
// Node) within one runtime, bounded by WithMaxCloneBytes. The ArrayBuffers
// in transfer are detached after the copy, as transferred ones are.
func (h *Host) structuredClone(rt *goja.Runtime) goja.Value {
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
			transfer = transferList(rt, opts.(*goja.Object).Get("transfer"))
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
			panic(dataCloneError(rt, dce.Error()))
		}
		panic(err)
	})
}

// transferList reads the transfer option: ArrayBuffers only.
func transferList(rt *goja.Runtime, v goja.Value) []goja.ArrayBuffer {
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
			panic(dataCloneError(rt, "Value not transferable"))
		}
		out = append(out, ab)
	}
	return out
}

// dataCloneError is Node's DataCloneError: a DOMException named so, of
// code 25.
func dataCloneError(rt *goja.Runtime, msg string) *goja.Object {
	e := newNamedError(rt, "DataCloneError", "", msg)
	_ = e.Set("code", 25)
	return e
}
