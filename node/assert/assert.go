// Package assert is Node's assert module (and assert/strict):
// AssertionError (code ERR_ASSERTION) with Node's messages, including the
// line diff of strictEqual and deepStrictEqual; ok, equal, notEqual,
// strictEqual, notStrictEqual, deepEqual, notDeepEqual, deepStrictEqual,
// notDeepStrictEqual, throws, doesNotThrow, rejects, doesNotReject,
// match, doesNotMatch, ifError, fail and strict. It is written in
// JavaScript (assert.js).
//
// Values in messages are formatted by util.inspect, which the host gives
// as the Inspector (jsmod.PlaceholderInspect stands in). Where Node
// prints the source line of a failed assert.ok(value) without a message,
// jsrun prints what Node prints when it cannot read the source:
// "false == true".
package assert

import (
	_ "embed"

	"github.com/dop251/goja"
	"github.com/dop251/goja_nodejs/require"
	"github.com/jsrun/jsrun/internal/jsmod"
)

//go:embed assert.js
var assertJS string

var (
	source = jsmod.New("node:assert", assertJS)
	key    = goja.NewSymbol("jsrun.assert")
)

func of(rt *goja.Runtime, inspect jsmod.Inspector) (*goja.Object, error) {
	return jsmod.PerRuntime(rt, key, func() (*goja.Object, error) {
		exports := rt.NewObject()
		if err := source.Load(rt, exports, jsmod.Natives(rt, inspect)); err != nil {
			return nil, err
		}
		return exports, nil
	})
}

// Loader is the loader of "assert" (and "node:assert"); inspect formats
// values in messages (util.inspect; a stand-in if nil).
func Loader(inspect jsmod.Inspector) require.ModuleLoader {
	return func(rt *goja.Runtime, module *goja.Object) {
		exports, err := of(rt, inspect)
		jsmod.Throw(rt, "assert", err)
		_ = module.Set("exports", exports.Get("assert"))
	}
}

// StrictLoader is the loader of "assert/strict" (and its node: name):
// assert.strict.
func StrictLoader(inspect jsmod.Inspector) require.ModuleLoader {
	return func(rt *goja.Runtime, module *goja.Object) {
		exports, err := of(rt, inspect)
		jsmod.Throw(rt, "assert", err)
		_ = module.Set("exports", exports.Get("assert").ToObject(rt).Get("strict"))
	}
}
