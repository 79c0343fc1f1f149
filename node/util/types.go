package util

import (
	"sort"

	"github.com/dop251/goja"
	"github.com/jsrun/jsrun/internal/jsutil"
	"github.com/jsrun/jsrun/node/inspect"
)

// typeChecks maps each util.types function to the TypeTag values it
// accepts.
var typeChecks = map[string][]string{
	"isAnyArrayBuffer":    {"ArrayBuffer"},
	"isArrayBuffer":       {"ArrayBuffer"},
	"isArgumentsObject":   {"Arguments"},
	"isArrayBufferView":   append([]string{"DataView"}, typedArrays...),
	"isAsyncFunction":     {"AsyncFunction", "AsyncGeneratorFunction"},
	"isBigInt64Array":     {"BigInt64Array"},
	"isBigUint64Array":    {"BigUint64Array"},
	"isBooleanObject":     {"Boolean"},
	"isBoxedPrimitive":    {"Number", "String", "Boolean", "BigInt", "Symbol"},
	"isBigIntObject":      {"BigInt"},
	"isDataView":          {"DataView"},
	"isDate":              {"Date"},
	"isFloat32Array":      {"Float32Array"},
	"isFloat64Array":      {"Float64Array"},
	"isGeneratorFunction": {"GeneratorFunction", "AsyncGeneratorFunction"},
	"isGeneratorObject":   {"Generator"},
	"isInt8Array":         {"Int8Array"},
	"isInt16Array":        {"Int16Array"},
	"isInt32Array":        {"Int32Array"},
	"isMap":               {"Map"},
	"isMapIterator":       {"Map Iterator"},
	"isNativeError":       {"Error"},
	"isNumberObject":      {"Number"},
	"isPromise":           {"Promise"},
	"isProxy":             {"Proxy"},
	"isRegExp":            {"RegExp"},
	"isSet":               {"Set"},
	"isSetIterator":       {"Set Iterator"},
	"isStringObject":      {"String"},
	"isSymbolObject":      {"Symbol"},
	"isTypedArray":        typedArrays,
	"isUint8Array":        {"Uint8Array"},
	"isUint8ClampedArray": {"Uint8ClampedArray"},
	"isUint16Array":       {"Uint16Array"},
	"isUint32Array":       {"Uint32Array"},
	"isWeakMap":           {"WeakMap"},
	"isWeakSet":           {"WeakSet"},
	// What goja has none of.
	"isExternal":              nil,
	"isModuleNamespaceObject": nil,
	"isSharedArrayBuffer":     nil,
	"isKeyObject":             nil,
	"isCryptoKey":             nil,
}

var typedArrays = []string{"Uint8Array", "Uint8ClampedArray", "Uint16Array", "Uint32Array",
	"Int8Array", "Int16Array", "Int32Array", "Float32Array", "Float64Array",
	"BigInt64Array", "BigUint64Array"}

func newTypes(rt *goja.Runtime, in *inspect.Inspector) *goja.Object {
	o := rt.NewObject()
	names := make([]string, 0, len(typeChecks))
	for name := range typeChecks {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		tags := typeChecks[name]
		set := map[string]bool{}
		for _, t := range tags {
			set[t] = true
		}
		_ = o.Set(name, jsutil.Func(rt, name, func(c goja.FunctionCall) (v goja.Value) {
			inspect.Guard(rt, func() { v = rt.ToValue(set[in.TypeTag(c.Argument(0))]) })
			return v
		}))
	}
	return o
}
