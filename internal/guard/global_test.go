package guard_test

import (
	"testing"

	"github.com/dop251/goja"
	"github.com/jsrun/jsrun/internal/guard"
)

// The global object a guarded runtime shows scripts behaves as goja's own,
// but for what the package doc lists: each script runs in a plain and in a
// guarded runtime, as a script (top-level var and function declarations),
// and must give the same value.
var sameGlobals = []string{
	`typeof JSON + typeof Uint8Array + typeof Math + typeof undefinedName`,
	`[JSON.stringify({a: 1}), Math.max(1, 2), new Uint8Array(2).length].join()`,
	`globalThis === this && globalThis.globalThis === globalThis && (function () { return this })() === globalThis`,
	`var v1 = 1; function f1() { return 2 } [globalThis.v1, globalThis.f1(), Object.keys(globalThis).includes("v1"), delete globalThis.v1].join()`,
	`x2 = 3; [globalThis.x2, "x2" in globalThis, Object.getOwnPropertyDescriptor(globalThis, "x2").enumerable].join()`,
	`JSON = 5; [JSON, Object.getOwnPropertyDescriptor(globalThis, "JSON").enumerable, Object.getOwnPropertyDescriptor(globalThis, "JSON").writable].join()`,
	`Uint8Array = 1; typeof Uint8Array`,
	`undefined = 5; NaN = 1; Infinity = 0; [typeof undefined, NaN, Infinity].join()`,
	`"use strict"; try { undefined = 5; "assigned" } catch (e) { e.name }`,
	`typeof Math; delete globalThis.Math; typeof Math + ("Math" in globalThis)`,
	`Math.x = 1; delete globalThis.Math; globalThis.Math = 2; Math`,
	`JSON; delete globalThis.JSON; typeof JSON`,
	`delete globalThis.NaN`,
	`Object.defineProperty(globalThis, "Reflect", {value: 7, writable: false}); Reflect`,
	`Object.defineProperty(globalThis, "gx", {get() { return 42 }, configurable: true}); gx`,
	`let l1 = 1; const c1 = 2; [l1, c1, "l1" in globalThis].join()`,
	`"JSON" in globalThis && "ArrayBuffer" in globalThis && !("nothing" in globalThis)`,
	`typeof globalThis.toString + typeof hasOwnProperty + typeof globalThis.__proto__`,
	`Object.keys(globalThis).length`,
	`var Symbol2 = Symbol; Symbol2 === Symbol`,
	`(0, eval)("var ev = 9"); ev`,
	`new Function("return typeof JSON + typeof this.Uint8Array")()`,
	`Object.prototype.toString.call(globalThis)`,
	`globalThis instanceof Object`,
	`Reflect.ownKeys(JSON).length > 0`,
}

func TestGlobalSameAsUnguarded(t *testing.T) {
	run := func(guarded bool, src string) string {
		rt := goja.New()
		if guarded {
			guard.Install(rt)
		}
		v, err := rt.RunString(src)
		if err != nil {
			return "error: " + err.Error()
		}
		return v.String()
	}
	for _, src := range sameGlobals {
		want, got := run(false, src), run(true, src)
		if got != want {
			t.Errorf("%s\nguarded:   %s\nunguarded: %s", src, got, want)
		}
	}
}

// TestGlobalDifferences pins what a script can tell of the lazy global
// object (see global.go).
func TestGlobalDifferences(t *testing.T) {
	rt := goja.New()
	guard.Install(rt)
	if v, err := rt.RunString("WeakMap"); err != nil || v == nil {
		t.Fatal(err)
	}
	if v, err := rt.RunString("var WeakMap; typeof WeakMap"); err != nil || v.String() != "function" {
		t.Errorf("var WeakMap after a read: %v %v", v, err)
	}
	for _, c := range []struct{ src, want string }{
		// A built-in is an own property once read.
		{`[globalThis.hasOwnProperty("Int32Array"), typeof Int32Array, globalThis.hasOwnProperty("Int32Array")].join()`, "false,function,true"},
		// var at the top shadows a built-in not read yet, as in a module;
		// strict code cannot assign it, and deleting it leaves it.
		{`var Map; typeof Map`, "undefined"},
		{`"use strict"; try { Promise = 1 } catch (e) { e.name }`, "ReferenceError"},
		{`delete globalThis.Set; typeof Set`, "function"},
		// The proxy behind globalThis hands out no original.
		{`const p = Object.getPrototypeOf(globalThis); [Object.getOwnPropertyDescriptor(p, "Uint8Array"), Object.getOwnPropertyDescriptor(p, "NaN").value].join()`, ",NaN"},
		{`const p = Object.getPrototypeOf(globalThis); try { new (Reflect.get(p, "ArrayBuffer"))(2 ** 40) } catch (e) { e.message }`, "Array buffer allocation failed"},
		{`const p = Object.getPrototypeOf(globalThis); [Reflect.defineProperty(p, "JSON", {value: 1}), Reflect.deleteProperty(p, "JSON"), typeof JSON].join()`, "false,false,object"},
	} {
		rt := goja.New()
		guard.Install(rt)
		v, err := rt.RunString(c.src)
		if err != nil {
			t.Errorf("%s: %v", c.src, err)
			continue
		}
		if got := v.String(); got != c.want {
			t.Errorf("%s: got %q, want %q", c.src, got, c.want)
		}
	}
}

// TestLazyGlobal: a global given to Lazy is made on its first read (by
// name, typeof, globalThis.name or in), once; before that it is no own
// property; an assignment or a delete first means it is never made.
func TestLazyGlobal(t *testing.T) {
	for _, c := range []struct{ src, want string }{
		{`[made(), typeof Lazy, made(), Lazy.v, Lazy === globalThis.Lazy, made()].join()`, "0,object,1,1,true,1"},
		{`[globalThis.hasOwnProperty("Lazy"), "Lazy" in globalThis, made(), globalThis.Lazy.v, globalThis.hasOwnProperty("Lazy"), made()].join()`, "false,true,0,1,true,1"},
		{`Lazy = 5; [Lazy, made(), Object.getOwnPropertyDescriptor(globalThis, "Lazy").enumerable].join()`, "5,0,true"},
		// As for a built-in not read yet (goja's strict assignment looks
		// for an own property).
		{`"use strict"; try { Lazy = 6 } catch (e) { e.name }`, "ReferenceError"},
		{`const d = Object.getOwnPropertyDescriptor(globalThis, "Lazy"); const v = Lazy; const e = Object.getOwnPropertyDescriptor(globalThis, "Lazy"); [d, e.writable, e.enumerable, e.configurable].join()`, ",true,false,true"},
		{`typeof Other`, "undefined"},
		{`var Lazy; typeof Lazy`, "undefined"},
		{`Lazy; delete globalThis.Lazy; [typeof Lazy, made()].join()`, "undefined,1"},
	} {
		rt := goja.New()
		g := guard.Install(rt)
		n := 0
		g.Lazy("Lazy", func() goja.Value {
			n++
			o := rt.NewObject()
			_ = o.Set("v", n)
			return o
		})
		_ = rt.Set("made", func() int { return n })
		v, err := rt.RunString(c.src)
		if err != nil {
			t.Errorf("%s: %v", c.src, err)
			continue
		}
		if got := v.String(); got != c.want {
			t.Errorf("%s: got %q, want %q", c.src, got, c.want)
		}
	}
}
