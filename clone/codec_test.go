package clone

import (
	"errors"
	"fmt"
	"testing"

	"github.com/dop251/goja"
)

func TestFunctionsThroughCodec(t *testing.T) {
	t.Parallel()
	codec := &fakeCodec{}
	a := goja.New()
	v := run(t, a, `function add(x, y) { return x + y } ({cb: add, list: [1, add, (n) => n * 2], nested: {m: new Map([["f", add]])}})`)
	s, err := SnapshotValue(a, v, "args[0]", &Options{Codec: codec})
	if err != nil {
		t.Fatal(err)
	}
	// Called once per function object, at the path where it was first met.
	if got := fmt.Sprint(codec.paths); got != "[args[0].cb args[0].list[2]]" {
		t.Errorf("SnapshotFunction paths %s", got)
	}
	b := newRuntime(t)
	got, err := s.RestoreValue(b, codec)
	if err != nil {
		t.Fatal(err)
	}
	if codec.restored != 2 {
		t.Errorf("RestoreFunction called %d times, want 2", codec.restored)
	}
	b.Set("got", got)
	if r := run(t, b, `got.cb(2, 3) === 5 && got.list[1] === got.cb && got.nested.m.get("f") === got.cb && got.list[2](4) === 8`); !r.ToBoolean() {
		t.Error("restored functions wrong")
	}
	// A nil codec at restore time is a DataCloneError naming the function.
	_, err = s.RestoreValue(b, nil)
	if err == nil || err.Error() != "args[0].cb: functions and host objects cannot be restored without a Codec" {
		t.Errorf("restore without codec: %v", err)
	}
}

func TestCodecErrors(t *testing.T) {
	t.Parallel()
	a := goja.New()
	// A plain error from the codec is wrapped, path first.
	v := run(t, a, `function f() {} f.nope = 1; ({x: [f]})`)
	_, err := SnapshotValue(a, v, "v", &Options{Codec: &fakeCodec{}})
	var dce *DataCloneError
	if !errors.As(err, &dce) || err.Error() != "v.x[0]: refusing v.x[0]" || dce.Unwrap() == nil {
		t.Errorf("got %v", err)
	}
	// A DataCloneError from the codec is kept, its path filled in.
	_, err = SnapshotValue(a, v, "v", &Options{Codec: dceCodec{}})
	if !errors.As(err, &dce) || err.Error() != "v.x[0]: closure over local variable n" {
		t.Errorf("got %v", err)
	}
	// An exception from the codec is returned unchanged.
	_, err = SnapshotValue(a, v, "v", &Options{Codec: exCodec{}})
	var ex *goja.Exception
	if !errors.As(err, &ex) {
		t.Errorf("got %v (%T)", err, err)
	}
}

type dceCodec struct{ *fakeCodec }

func (dceCodec) SnapshotFunction(*goja.Runtime, *goja.Object, string) (any, error) {
	return nil, &DataCloneError{Reason: "closure over local variable n"}
}

type exCodec struct{ *fakeCodec }

func (exCodec) SnapshotFunction(rt *goja.Runtime, _ *goja.Object, _ string) (any, error) {
	_, err := rt.RunString(`throw new TypeError("from codec")`)
	return nil, err
}

func TestAttachByReference(t *testing.T) {
	t.Parallel()
	a := goja.New()
	host := &hostThing{id: 7}
	obj := a.NewObject()
	Attach(a, obj, host)
	a.Set("host", obj)
	// A Promise with a ref travels by reference: RefOf is checked first.
	p, _, _ := a.NewPromise()
	pobj := a.ToValue(p).(*goja.Object)
	Attach(a, pobj, &hostThing{id: 8})
	a.Set("hostPromise", pobj)

	if ref, ok := RefOf(obj); !ok || ref != host {
		t.Fatalf("RefOf(host) = %v, %v", ref, ok)
	}
	for _, src := range []string{`({})`, `Object.create(host)`, `new Proxy(host, {})`, `[host]`, `(() => { const o = {}; o[Object.getOwnPropertySymbols(host)[0]] = 1; return o })()`} {
		if ref, ok := RefOf(run(t, a, src).(*goja.Object)); ok {
			t.Errorf("RefOf(%s) = %v, want none", src, ref)
		}
	}
	// Invisible from JS but for getOwnPropertySymbols.
	if r := run(t, a, `JSON.stringify(host) + Object.keys(host).length + Object.getOwnPropertyNames(host).length + Object.getOwnPropertySymbols(host).length`).String(); r != "{}001" {
		t.Errorf("visible mark: %s", r)
	}
	if r := run(t, a, `const d = Object.getOwnPropertyDescriptor(host, Object.getOwnPropertySymbols(host)[0]); [d.writable, d.enumerable, d.configurable, JSON.stringify(d.value), Object.keys(d.value).length].join()`).String(); r != "false,false,false,{},0" {
		t.Errorf("mark attributes: %s", r)
	}
	// A script can copy the mark onto another object, but the copy does
	// not make that object pass for the host object: the mark knows its owner.
	if ref, ok := RefOf(run(t, a, `(() => { const s = Object.getOwnPropertySymbols(host)[0]; const o = {}; Object.defineProperty(o, s, {value: host[s]}); return o })()`).(*goja.Object)); ok {
		t.Errorf("copied mark counted: %v", ref)
	}

	v := run(t, a, `({h: host, again: [host], child: Object.create(host), p: hostPromise})`)
	if _, err := SnapshotValue(a, v, "v", nil); err == nil || err.Error() != "v.h: host objects cannot be cloned without a Codec" {
		t.Errorf("no codec: %v", err)
	}
	codec := &fakeCodec{}
	s, err := SnapshotValue(a, v, "v", &Options{Codec: codec})
	if err != nil {
		t.Fatal(err)
	}
	b := newRuntime(t)
	got, err := s.RestoreValue(b, codec)
	if err != nil {
		t.Fatal(err)
	}
	if codec.restored != 2 {
		t.Errorf("RestoreRef called %d times, want 2", codec.restored)
	}
	b.Set("got", got)
	if r := run(t, b, `[got.h.id, got.again[0] === got.h, got.p.id, JSON.stringify(got.child)].join()`).String(); r != "7,true,8,{}" {
		t.Errorf("restored refs: %s", r)
	}
	if ref, ok := RefOf(got.(*goja.Object).Get("h").(*goja.Object)); !ok || ref != host {
		t.Errorf("restored host lost its ref: %v %v", ref, ok)
	}
}

func TestAttachTwicePanics(t *testing.T) {
	t.Parallel()
	a := goja.New()
	obj := a.NewObject()
	Attach(a, obj, 1)
	defer func() {
		if recover() == nil {
			t.Error("second Attach did not panic")
		}
	}()
	Attach(a, obj, 2)
}
