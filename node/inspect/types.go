package inspect

import (
	"github.com/dop251/goja"
)

// TypeTag names what kind of value v is, for util.types: "Proxy",
// "Array", "Function", "AsyncFunction", "GeneratorFunction", "Error"
// (native errors only), "Date", "RegExp", "Map", "Set", "WeakMap",
// "WeakSet", "Promise", "ArrayBuffer", "DataView", a typed array's name
// ("Uint8Array", ...), "Number", "String", "Boolean", "BigInt", "Symbol"
// (boxed primitives), "Arguments", "Map Iterator", "Set Iterator",
// "Generator", "Object" for any other object and "" for a primitive.
// Like V8's checks it looks at what the object is, not at its prototype:
// a proxy is only a "Proxy".
func (in *Inspector) TypeTag(v goja.Value) (tag string) {
	o, ok := v.(*goja.Object)
	if !ok {
		return ""
	}
	if o.ExportType() == typeProxy {
		return "Proxy"
	}
	c := in.newCtx(*in.Defaults)
	k, ta := c.classify(o)
	switch k {
	case kindFunction:
		return c.functionType(o)
	case kindError:
		if o.ClassName() != "Error" {
			return "Object"
		}
	case kindTypedArray:
		return ta
	case kindArguments:
		return "Arguments"
	case kindObject:
		for p := o.Prototype(); p != nil; p = p.Prototype() {
			switch {
			case p.SameAs(c.r.mapIterProto):
				return "Map Iterator"
			case p.SameAs(c.r.setIterProto):
				return "Set Iterator"
			case p.SameAs(c.r.generatorProto):
				return "Generator"
			}
		}
		return "Object"
	}
	return k.v8Name(ta)
}
