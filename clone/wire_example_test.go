package clone_test

import (
	"fmt"

	"github.com/dop251/goja"
	"github.com/jsrun/jsrun/clone"
)

// A value crosses to another process as bytes: AppendWire on one side,
// DecodeWire (which treats its input as hostile) on the other.
func ExampleSnapshot_AppendWire() {
	a := goja.New()
	v, _ := a.RunString(`const o = {n: 1n << 70n, when: new Date(0), tags: new Set(["x"])}; o.self = o; o`)
	snap, err := clone.SnapshotValue(a, v, "v", nil)
	if err != nil {
		panic(err)
	}
	data, err := snap.AppendWire(nil, nil)
	if err != nil {
		panic(err)
	}

	got, err := clone.DecodeWire(data, nil)
	if err != nil {
		panic(err)
	}
	b := goja.New()
	w, err := got.RestoreValue(b, nil)
	if err != nil {
		panic(err)
	}
	_ = b.Set("w", w)
	r, _ := b.RunString(`[w.self === w, w.n, w.when.toISOString(), w.tags.has("x")].join(" ")`)
	fmt.Println(r)

	_, err = clone.DecodeWire(data[:len(data)-2], nil)
	fmt.Println(err)
	// Output:
	// true 1180591620717411303424 1970-01-01T00:00:00.000Z true
	// wire form: root count 1 exceeds what the 0 bytes left can hold (at byte 60)
}
