package inspect

import (
	"strings"

	"github.com/dop251/goja"
)

// Format is util.format(...args), and with opts util.formatWithOptions:
// printf-like %s %d %i %f %j %o %O %c %% in a first string argument, the
// rest joined by spaces, non-strings inspected.
func (in *Inspector) Format(opts *Options, args []goja.Value) string {
	if len(args) == 0 {
		return ""
	}
	base := *in.Defaults
	if opts != nil {
		base = *opts
	}
	var b strings.Builder
	a := 0
	join := ""
	if first, ok := args[0].(goja.String); ok {
		if len(args) == 1 {
			return first.String()
		}
		f := first.String()
		lastPos := 0
		for i := 0; i < len(f)-1; i++ {
			if f[i] != '%' {
				continue
			}
			i++
			next := f[i]
			if a+1 != len(args) {
				var s string
				switch next {
				case 's':
					a++
					s = in.formatS(args[a], base)
				case 'j':
					a++
					s = in.formatJ(args[a])
				case 'd':
					a++
					s = in.formatD(args[a], base, false)
				case 'i':
					a++
					s = in.formatD(args[a], base, true)
				case 'f':
					a++
					s = in.formatF(args[a], base)
				case 'O':
					a++
					s = in.Inspect(args[a], base)
				case 'o':
					a++
					o := base
					o.ShowHidden, o.ShowProxy, o.Depth = true, true, 4
					s = in.Inspect(args[a], o)
				case 'c':
					a++
				case '%':
					b.WriteString(f[lastPos:i])
					lastPos = i + 1
					continue
				default:
					continue
				}
				if lastPos != i-1 {
					b.WriteString(f[lastPos : i-1])
				}
				b.WriteString(s)
				lastPos = i + 1
			} else if next == '%' {
				b.WriteString(f[lastPos:i])
				lastPos = i + 1
			}
		}
		if lastPos != 0 {
			a++
			join = " "
			if lastPos < len(f) {
				b.WriteString(f[lastPos:])
			}
		}
	}
	for ; a < len(args); a++ {
		b.WriteString(join)
		if s, ok := args[a].(goja.String); ok {
			b.WriteString(s.String())
		} else {
			b.WriteString(in.Inspect(args[a], base))
		}
		join = " "
	}
	return b.String()
}

func (in *Inspector) formatS(v goja.Value, opts Options) string {
	c := in.newCtx(opts)
	c.opts.Colors = false
	switch {
	case goja.IsNumber(v):
		return c.formatNumber(v.ToFloat(), opts.NumericSeparator)
	case goja.IsBigInt(v):
		return c.formatBigInt(v.String(), opts.NumericSeparator)
	}
	o, ok := v.(*goja.Object)
	if ok {
		if _, isFn := goja.AssertFunction(o); isFn {
			ok = false
		}
	}
	if !ok || !in.hasBuiltInToString(o) {
		return call(in.r().toStringCall, goja.Undefined(), v).String()
	}
	o2 := opts
	o2.Compact, o2.Colors, o2.Depth = 3, false, 0
	return in.Inspect(v, o2)
}

// hasBuiltInToString is Node's check that an object's toString (or
// Symbol.toPrimitive) is a built-in's, so %s inspects it rather than
// calling a user's toString.
func (in *Inspector) hasBuiltInToString(o *goja.Object) bool {
	r := in.r()
	if o.ExportType() == typeProxy {
		t := o.Export().(goja.Proxy).Target()
		if t == nil {
			return true
		}
		o = t
	}
	hasOwn := func(obj *goja.Object, k goja.Value) bool { return call(r.hasOwn, obj, k).ToBoolean() }
	toStringKey := in.rt.ToValue("toString")
	checkToString, checkPrim := true, true
	if _, ok := goja.AssertFunction(o.Get("toString")); !ok {
		if _, ok := goja.AssertFunction(o.GetSymbol(goja.SymToPrimitive)); !ok {
			return true
		} else if hasOwn(o, goja.SymToPrimitive) {
			return false
		}
		checkToString = false
	} else if hasOwn(o, toStringKey) {
		return false
	} else if _, ok := goja.AssertFunction(o.GetSymbol(goja.SymToPrimitive)); !ok {
		checkPrim = false
	} else if hasOwn(o, goja.SymToPrimitive) {
		return false
	}
	p := o
	for {
		p = p.Prototype()
		if p == nil {
			return true
		}
		if (checkToString && hasOwn(p, toStringKey)) || (checkPrim && hasOwn(p, goja.SymToPrimitive)) {
			break
		}
	}
	c := in.newCtx(*in.Defaults)
	d := c.ownProp(p, in.rt.ToValue("constructor"))
	f, ok := d.value.(*goja.Object)
	if !ok {
		return false
	}
	if _, isFn := goja.AssertFunction(f); !isFn {
		return false
	}
	name := f.Get("name")
	return name != nil && builtInObjects[name.String()]
}

// builtInObjects are the global constructors Node counts as built-in
// (the capitalised names of its global object).
var builtInObjects = map[string]bool{
	"Object": true, "Function": true, "Array": true, "Number": true, "Boolean": true,
	"String": true, "Symbol": true, "Date": true, "Promise": true, "RegExp": true,
	"Error": true, "AggregateError": true, "EvalError": true, "RangeError": true,
	"ReferenceError": true, "SyntaxError": true, "TypeError": true, "URIError": true,
	"ArrayBuffer": true, "Uint8Array": true, "Int8Array": true, "Uint16Array": true,
	"Int16Array": true, "Uint32Array": true, "Int32Array": true, "Float32Array": true,
	"Float64Array": true, "Uint8ClampedArray": true, "BigUint64Array": true,
	"BigInt64Array": true, "DataView": true, "Map": true, "BigInt": true, "Set": true,
	"WeakMap": true, "WeakSet": true, "Proxy": true, "Reflect": true, "WeakRef": true,
	"FinalizationRegistry": true, "SharedArrayBuffer": true, "Atomics": true,
	"JSON": true, "Math": true, "Intl": true, "WebAssembly": true,
}

func (in *Inspector) formatJ(v goja.Value) string {
	r := in.r()
	res, err := r.jsonStringify(goja.Undefined(), v)
	if err != nil {
		if ex, ok := err.(*goja.Exception); ok {
			if eo, ok := ex.Value().(*goja.Object); ok {
				if n := eo.Get("name"); n != nil && n.String() == "TypeError" {
					if m := eo.Get("message"); m != nil && strings.Contains(strings.ToLower(m.String()), "circular") {
						return "[Circular]"
					}
				}
			}
		}
		panic(err)
	}
	if res == nil || goja.IsUndefined(res) {
		return "undefined"
	}
	return res.String()
}

func (in *Inspector) formatD(v goja.Value, opts Options, integer bool) string {
	c := in.newCtx(opts)
	c.opts.Colors = false
	if goja.IsBigInt(v) {
		return c.formatBigInt(v.String(), opts.NumericSeparator)
	}
	if _, ok := v.(*goja.Symbol); ok {
		return "NaN"
	}
	var n goja.Value
	if integer {
		n = call(in.r().parseInt, goja.Undefined(), v)
	} else {
		n = call(in.r().toNumber, goja.Undefined(), v)
	}
	return c.formatNumber(n.ToFloat(), opts.NumericSeparator)
}

func (in *Inspector) formatF(v goja.Value, opts Options) string {
	if _, ok := v.(*goja.Symbol); ok {
		return "NaN"
	}
	c := in.newCtx(opts)
	c.opts.Colors = false
	return c.formatNumber(call(in.r().parseFloat, goja.Undefined(), v).ToFloat(), opts.NumericSeparator)
}
