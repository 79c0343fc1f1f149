package clone

import (
	"testing"

	"github.com/dop251/goja"
)

func TestSmoke(t *testing.T) {
	a := goja.New()
	v, err := a.RunString(`const o = {x: 1, s: "\ud800", arr: [1,,3], m: new Map([[1, {}]]), d: new Date(5), r: /a/gi, u: new Uint8Array([1,2,3]).subarray(1), e: new TypeError("boom", {cause: 4}), w: Object(-0)}; o.self = o; o`)
	if err != nil {
		t.Fatal(err)
	}
	s, err := SnapshotValue(a, v, "v", nil)
	if err != nil {
		t.Fatal(err)
	}
	b := goja.New()
	out, err := s.RestoreValue(b, nil)
	if err != nil {
		t.Fatal(err)
	}
	b.Set("out", out)
	res, err := b.RunString(`JSON.stringify([Object.keys(out), out.self === out, out.s === "\ud800", out.arr, 1 in out.arr, [...out.m], out.d.getTime(), String(out.r), [...out.u], out.u.byteOffset, out.e instanceof TypeError, out.e.message, out.e.cause, Object.is(out.w.valueOf(), -0), out.e.stack])`)
	if err != nil {
		t.Fatal(err)
	}
	t.Log(res, s.Size())
}
