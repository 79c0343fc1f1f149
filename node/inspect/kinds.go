package inspect

import (
	"math/big"
	"reflect"

	"github.com/dop251/goja"
)

// kind is what formatRaw needs to know about an object: Node's isX checks.
type kind uint8

const (
	kindObject kind = iota
	kindArray
	kindFunction
	kindError
	kindDate
	kindRegExp
	kindMap
	kindSet
	kindWeakMap
	kindWeakSet
	kindPromise
	kindArrayBuffer
	kindDataView
	kindTypedArray
	kindNumberObject
	kindStringObject
	kindBooleanObject
	kindBigIntObject
	kindSymbolObject
	kindArguments
)

var (
	typeMapExport = reflect.TypeOf([][2]interface{}{})
	typeSetExport = reflect.TypeOf([]interface{}{})
	typePromise   = reflect.TypeOf((*goja.Promise)(nil))
	typeBuffer    = reflect.TypeOf(goja.ArrayBuffer{})
	typeProxy     = reflect.TypeOf(goja.Proxy{})
	typeBigInt    = reflect.TypeOf((*big.Int)(nil))
	typeSymbol    = reflect.TypeOf((*goja.Symbol)(nil))
)

// classify finds o's kind from what goja's Go API shows: the class name,
// the type Export would give, and for the rest the prototype chain,
// confirmed with a built-in that only accepts the real thing. tag is the
// typed array's name for kindTypedArray.
func (c *ctx) classify(o *goja.Object) (k kind, tag string) {
	if _, ok := goja.AssertFunction(o); ok {
		return kindFunction, ""
	}
	switch o.ClassName() {
	case "Array":
		return kindArray, ""
	case "Error":
		return kindError, ""
	case "Date":
		return kindDate, ""
	case "RegExp":
		return kindRegExp, ""
	case "Arguments":
		return kindArguments, ""
	case "Number":
		return kindNumberObject, ""
	case "String":
		return kindStringObject, ""
	case "Boolean":
		return kindBooleanObject, ""
	}
	t := o.ExportType()
	switch t {
	case typeMapExport:
		return kindMap, ""
	case typeSetExport:
		if _, ok := try(c.r.setSize, o); ok {
			return kindSet, ""
		}
	case typePromise:
		return kindPromise, ""
	case typeBuffer:
		return kindArrayBuffer, ""
	case typeBigInt:
		return kindBigIntObject, ""
	case typeSymbol:
		return kindSymbolObject, ""
	}
	if t != nil && t.Kind() == reflect.String {
		if _, ok := try(c.r.valueOf[kindSymbolObject-kindNumberObject], o); ok {
			return kindSymbolObject, ""
		}
	}
	if t != nil && t.Kind() == reflect.Slice {
		if v, ok := try(c.r.typedArrayTag, o); ok && goja.IsString(v) {
			return kindTypedArray, v.String()
		}
	}
	for p, n := o.Prototype(), 0; p != nil && n < 1000; p, n = p.Prototype(), n+1 {
		switch {
		case p.SameAs(c.r.errorProto):
			return kindError, ""
		case p.SameAs(c.r.weakMapProto):
			if _, ok := try(c.r.weakMapHas, o, o); ok {
				return kindWeakMap, ""
			}
		case p.SameAs(c.r.weakSetProto):
			if _, ok := try(c.r.weakSetHas, o, o); ok {
				return kindWeakSet, ""
			}
		case p.SameAs(c.r.dataViewProto):
			if _, ok := try(c.r.dataViewByteLength, o); ok {
				return kindDataView, ""
			}
		}
	}
	return kindObject, ""
}

// hasIterator is Node's `Symbol.iterator in value` for the kinds where it
// decides the branch.
func (k kind) iterable() bool {
	switch k {
	case kindArray, kindMap, kindSet, kindTypedArray:
		return true
	}
	return false
}

// v8Name is what V8's internal constructor name gives for a null-prototype
// object of this kind.
func (k kind) v8Name(tag string) string {
	switch k {
	case kindArray:
		return "Array"
	case kindFunction:
		return "Function"
	case kindError:
		return "Error"
	case kindDate:
		return "Date"
	case kindRegExp:
		return "RegExp"
	case kindMap:
		return "Map"
	case kindSet:
		return "Set"
	case kindWeakMap:
		return "WeakMap"
	case kindWeakSet:
		return "WeakSet"
	case kindPromise:
		return "Promise"
	case kindArrayBuffer:
		return "ArrayBuffer"
	case kindDataView:
		return "DataView"
	case kindTypedArray:
		return tag
	case kindNumberObject:
		return "Number"
	case kindStringObject:
		return "String"
	case kindBooleanObject:
		return "Boolean"
	case kindBigIntObject:
		return "BigInt"
	case kindSymbolObject:
		return "Symbol"
	}
	return "Object"
}
