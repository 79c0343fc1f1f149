package engine

import (
	"errors"
	"strings"

	"github.com/dop251/goja"
	"github.com/jsrun/jsrun/clone"
)

// snapshotThrown snapshots what a thread threw. An Error whose cause
// cannot be cloned crosses without it: its class, message and stack say
// what went wrong, and a missing cause must not turn them into a plain
// Error. Its message then ends with " (cause not cloned: <why>)", so that
// the loss is seen.
func (lib *library) snapshotThrown(v goja.Value) (*clone.Snapshot, error) {
	opts := lib.cloneOptions(true)
	snap, err := clone.SnapshotValue(lib.r.RT, v, "error", opts)
	var dce *clone.DataCloneError
	if err == nil || !errors.As(err, &dce) || !strings.HasPrefix(dce.Path, "error.cause") {
		return lib.r.group.env.stats.cloned(snap), err
	}
	stand := lib.withoutCause(v, " (cause not cloned: "+dce.Error()+")")
	if stand == nil {
		return nil, err
	}
	if snap, err := clone.SnapshotValue(lib.r.RT, stand, "error", opts); err == nil {
		return snap, nil
	}
	return nil, err
}

// withoutCause makes an Error like v (name, message with note appended,
// stack) but without its cause, or returns nil if v is no Error. v is the
// thread's own error: reading it runs at most its own getters, in its own
// runtime, and a throw there leaves the first failure to be reported.
func (lib *library) withoutCause(v goja.Value, note string) *goja.Object {
	obj, ok := v.(*goja.Object)
	if !ok || obj.ClassName() != "Error" {
		return nil
	}
	rt := lib.r.RT
	var name, message string
	var stack goja.Value = goja.Undefined()
	if ex := rt.Try(func() {
		name = "Error"
		if n := obj.Get("name"); n != nil && goja.IsString(n) {
			name = n.String()
		}
		if m := obj.Get("message"); m != nil && !goja.IsUndefined(m) {
			message = m.String()
		}
		if s := obj.Get("stack"); s != nil && goja.IsString(s) {
			stack = s
		}
	}); ex != nil {
		return nil
	}
	// Every property the clone reads is an own data property of the
	// stand-in, so nothing of its own prototype shows through; a stack
	// left undefined is not formatted from this Go call.
	e := rt.NewTypeError("")
	for _, p := range []struct {
		key string
		val goja.Value
	}{{"name", rt.ToValue(name)}, {"message", rt.ToValue(message + note)}, {"stack", stack}} {
		if err := e.DefineDataProperty(p.key, p.val, goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_FALSE); err != nil {
			return nil
		}
	}
	return e
}
