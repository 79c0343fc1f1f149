package rewrite

import "github.com/dop251/goja"

// numeric is ToNumeric: what goja's operators make of an operand before
// computing. An object goes through toPrimitive with the "number" hint; a
// primitive BigInt or Number stays as it is; anything else becomes a
// Number by goja's own ToNumber (which throws goja's TypeError for a
// Symbol).
func (h *helpers) numeric(v goja.Value) goja.Value {
	if o, ok := v.(*goja.Object); ok {
		v = h.toPrimitive(o, h.hintNumber)
	}
	if goja.IsNumber(v) || goja.IsBigInt(v) {
		return v
	}
	return v.ToNumber()
}

// toPrimitive is ToPrimitive as goja's operators do it, through goja's
// public API: the object's Symbol.toPrimitive method if it has one,
// called with hint, else valueOf then toString, each looked up and called
// once, in that order.
// An error a method throws goes on unchanged.
func (h *helpers) toPrimitive(o *goja.Object, hint goja.Value) goja.Value {
	if exotic := o.GetSymbol(goja.SymToPrimitive); exotic != nil && !goja.IsUndefined(exotic) && !goja.IsNull(exotic) {
		fn, ok := goja.AssertFunction(exotic)
		if !ok {
			panic(h.rt.NewTypeError("%s is not a method", exotic.String()))
		}
		v, err := fn(o, hint)
		if err != nil {
			panic(err)
		}
		if _, isObject := v.(*goja.Object); isObject {
			panic(h.rt.NewTypeError("Cannot convert object to primitive value"))
		}
		return v
	}
	for _, name := range [...]string{"valueOf", "toString"} {
		if fn, ok := goja.AssertFunction(o.Get(name)); ok {
			v, err := fn(o)
			if err != nil {
				panic(err)
			}
			if _, isObject := v.(*goja.Object); !isObject {
				return v
			}
		}
	}
	panic(h.rt.NewTypeError("Cannot convert object to primitive value"))
}
