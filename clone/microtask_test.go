package clone

import (
	"testing"

	"github.com/dop251/goja"
)

// valueNeedingIntrinsics has a getter queue a promise job (into the global
// log), then makes the walk use every intrinsic a snapshot calls.
const valueNeedingIntrinsics = `({
		get first() { Promise.resolve().then(() => log.push("job")); return 1 },
		m: new Map([[1, {}]]), t: new Uint8Array(2), v: new DataView(new ArrayBuffer(2)),
		e: new Error("x", {cause: 2}), r: /x/gi, s: new String("s"), k: {"\ud800": 1},
	})`

// A clone started from plain Go (no JS on the stack) must not run promise
// jobs while it works: the job queued by the getter is still pending when
// Snapshot returns, and runs at the runtime's next entry.
func TestNoMicrotasksDuringSnapshot(t *testing.T) {
	t.Parallel()
	a := goja.New()
	v := run(t, a, `var log = []; `+valueNeedingIntrinsics)
	s, err := SnapshotValue(a, v, "v", nil)
	if err != nil {
		t.Fatal(err)
	}
	if n := len(a.Get("log").Export().([]any)); n != 0 {
		t.Fatalf("a promise job ran during the snapshot")
	}
	run(t, a, ``) // a host entry runs pending jobs
	if n := len(a.Get("log").Export().([]any)); n != 1 {
		t.Fatalf("the test's job never ran (%d)", n)
	}
	b := newRuntime(t)
	got, err := s.RestoreValue(b, nil)
	if err != nil {
		t.Fatal(err)
	}
	want := run(t, b, `({first: 1, m: new Map([[1, {}]]), t: new Uint8Array(2), v: new DataView(new ArrayBuffer(2)),
		e: new Error("x", {cause: 2}), r: /x/gi, s: new String("s"), k: {"\ud800": 1}})`)
	if d := diff(t, b, want, got); d != "" {
		t.Error(d)
	}
}

// The same for Restore: a Map that contains itself and a key a Go string
// cannot hold need intrinsic calls in the target.
func TestNoMicrotasksDuringRestore(t *testing.T) {
	t.Parallel()
	a := goja.New()
	s, err := SnapshotValue(a, run(t, a, `const m = new Map; m.set("self", m); ({m, k: {"\ud800": new Set([m])}})`), "v", nil)
	if err != nil {
		t.Fatal(err)
	}
	b := newRuntime(t)
	getter := run(t, b, `var log = []; ({get g() { Promise.resolve().then(() => log.push("job")) }})`)
	getter.(*goja.Object).Get("g") // queues a job without running it
	got, err := s.RestoreValue(b, nil)
	if err != nil {
		t.Fatal(err)
	}
	if n := len(b.Get("log").Export().([]any)); n != 0 {
		t.Fatalf("a promise job ran during the restore")
	}
	want := run(t, b, `const m = new Map; m.set("self", m); ({m, k: {"\ud800": new Set([m])}})`)
	if d := diff(t, b, want, got); d != "" {
		t.Error(d)
	}
}

// Started from a native function (JS on the stack), the clone calls
// intrinsics directly; the result is the same.
func TestSnapshotFromNativeFunction(t *testing.T) {
	t.Parallel()
	a := goja.New()
	var s *Snapshot
	a.Set("snap", func(c goja.FunctionCall) goja.Value {
		var err error
		if s, err = SnapshotValue(a, c.Argument(0), "arg", nil); err != nil {
			panic(a.NewGoError(err))
		}
		return goja.Undefined()
	})
	run(t, a, `var log = []; snap(`+valueNeedingIntrinsics+`); if (log.length) throw new Error("job ran inside snap")`)
	b := newRuntime(t)
	got, err := s.RestoreValue(b, nil)
	if err != nil {
		t.Fatal(err)
	}
	want := run(t, b, `({first: 1, m: new Map([[1, {}]]), t: new Uint8Array(2), v: new DataView(new ArrayBuffer(2)),
		e: new Error("x", {cause: 2}), r: /x/gi, s: new String("s"), k: {"\ud800": 1}})`)
	if d := diff(t, b, want, got); d != "" {
		t.Error(d)
	}
}
