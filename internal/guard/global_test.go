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
