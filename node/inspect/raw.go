package inspect

import (
	"math"
	"sort"
	"strings"

	"github.com/dop251/goja"
)

// noCtor is getConstructorName's null: no prototype at the end of the chain.
const noCtor = "\x00null"

// constructorName is Node's getConstructorName: the name of the first
// constructor on o's prototype chain that o is an instance of.
func (c *ctx) constructorName(o *goja.Object, k kind, tag string, recurseTimes int) string {
	var firstProto *goja.Object
	first := true
	ctorKey := c.r.rt.ToValue("constructor")
	for obj, n := o, 0; obj != nil && n < 10000; n++ {
		p := c.ownProp(obj, ctorKey)
		if f, ok := p.value.(*goja.Object); ok {
			if _, isFn := goja.AssertFunction(f); isFn {
				if name := f.Get("name"); name != nil && name.String() != "" && c.instanceOf(o, f) {
					return name.String()
				}
			}
		}
		obj = obj.Prototype()
		if first {
			firstProto, first = obj, false
		}
	}
	if firstProto == nil {
		return noCtor
	}
	res := k.v8Name(tag)
	if recurseTimes > c.opts.Depth {
		return res + " <Complex prototype>"
	}
	protoCtor := c.constructorName(firstProto, kindObject, "", recurseTimes+1)
	if protoCtor == noCtor {
		sub := c.in.newCtx(c.opts)
		sub.opts.CustomInspect = false
		sub.opts.Depth = -1
		return res + " <" + sub.formatValue(firstProto, 0, false) + ">"
	}
	return res + " <" + protoCtor + ">"
}

func (c *ctx) instanceOf(o, ctor *goja.Object) (res bool) {
	ex := c.r.rt.Try(func() { res = c.r.rt.InstanceOf(o, ctor) })
	return ex == nil && res
}

// prefix is Node's getPrefix.
func prefix(ctor, tag, fallback, size string) string {
	if ctor == noCtor {
		if tag != "" && fallback != tag {
			return "[" + fallback + size + ": null prototype] [" + tag + "] "
		}
		return "[" + fallback + size + ": null prototype] "
	}
	if tag != "" && ctor != tag {
		return ctor + size + " [" + tag + "] "
	}
	return ctor + size + " "
}

// ctxStyle is Node's getCtxStyle.
func ctxStyle(k kind, ktag, ctor, tag string) string {
	fallback := ""
	if ctor == noCtor {
		fallback = k.v8Name(ktag)
		if fallback == tag {
			fallback = "Object"
		}
	}
	return prefix(ctor, tag, fallback, "")
}

// formatter produces the entries of an object before its keyed properties.
type formatter func(recurseTimes int) []string

// formatRaw is Node's formatRaw.
func (c *ctx) formatRaw(o *goja.Object, recurseTimes int, typedArray bool) string {
	if c.nesting >= maxNesting {
		return c.stylize("[Object: Inspection interrupted prematurely. Maximum call stack size exceeded.]", styleSpecial)
	}
	c.nesting++
	defer func() { c.nesting-- }()

	k, ktag := c.classify(o)
	ctor := c.constructorName(o, k, ktag, recurseTimes)
	tag := ""
	if t := o.GetSymbol(goja.SymToStringTag); t != nil && goja.IsString(t) && t.String() != "" {
		tag = t.String()
		var own bool
		if c.opts.ShowHidden {
			own = call(c.r.hasOwn, o, goja.SymToStringTag).ToBoolean()
		} else {
			own = call(c.r.propIsEnum, o, goja.SymToStringTag).ToBoolean()
		}
		if own {
			tag = ""
		}
	}

	var (
		keys       []propKey
		base       string
		braces     [2]string
		format     formatter = func(int) []string { return nil }
		extrasType           = objectType
		numeric    func() bool
	)
	noIterator := true
	if k.iterable() || ctor == noCtor {
		noIterator = false
		switch k {
		case kindArray:
			length := arrayLength(o)
			p := ""
			if ctor != "Array" || tag != "" {
				p = prefix(ctor, tag, "Array", "("+itoa(length)+")")
			}
			keys = c.nonIndexKeys(o, length)
			braces = [2]string{p + "[", "]"}
			if length == 0 && len(keys) == 0 {
				return braces[0] + "]"
			}
			extrasType = arrayExtrasType
			format = func(rt int) []string {
				out, num := c.formatArray(o, length, rt)
				numeric = num
				return out
			}
		case kindSet:
			size := int(call(c.r.setSize, o).ToInteger())
			p := prefix(ctor, tag, "Set", "("+itoa(size)+")")
			keys = c.getKeys(o)
			format = func(rt int) []string { return c.formatSet(o, size, rt) }
			if size == 0 && len(keys) == 0 {
				return p + "{}"
			}
			braces = [2]string{p + "{", "}"}
		case kindMap:
			size := int(call(c.r.mapSize, o).ToInteger())
			p := prefix(ctor, tag, "Map", "("+itoa(size)+")")
			keys = c.getKeys(o)
			format = func(rt int) []string { return c.formatMap(o, size, rt) }
			if size == 0 && len(keys) == 0 {
				return p + "{}"
			}
			braces = [2]string{p + "{", "}"}
		case kindTypedArray:
			ta := typedArrayOf(o)
			keys = c.nonIndexKeys(o, ta.length())
			fallback := ""
			if ctor == noCtor {
				fallback = ktag
			}
			p := prefix(ctor, tag, fallback, "("+itoa(ta.length())+")")
			braces = [2]string{p + "[", "]"}
			if ta.length() == 0 && len(keys) == 0 && !c.opts.ShowHidden {
				return braces[0] + "]"
			}
			format = func(rt int) []string { return c.formatTypedArray(o, ta, rt) }
			extrasType = arrayExtrasType
		default:
			noIterator = true
		}
	}
	if noIterator {
		keys = c.getKeys(o)
		braces = [2]string{"{", "}"}
		switch {
		case k == kindFunction:
			base = c.functionBase(o, ctor, tag)
			if len(keys) == 0 {
				return c.stylize(base, styleSpecial)
			}
		case ctor == "Object":
			if k == kindArguments {
				braces[0] = "[Arguments] {"
			} else if tag != "" {
				braces[0] = prefix(ctor, tag, "Object", "") + "{"
			}
			if len(keys) == 0 {
				return braces[0] + "}"
			}
		case k == kindRegExp:
			base = call(c.r.regexpToString, o).String()
			if p := prefix(ctor, tag, "RegExp", ""); p != "RegExp " {
				base = p + base
			}
			if len(keys) == 0 || recurseTimes > c.opts.Depth {
				return c.stylize(base, styleRegExp)
			}
		case k == kindDate:
			if t := call(c.r.dateGetTime, o).ToFloat(); math.IsNaN(t) {
				base = call(c.r.dateToString, o).String()
			} else {
				base = call(c.r.dateToISO, o).String()
			}
			if p := prefix(ctor, tag, "Date", ""); p != "Date " {
				base = p + base
			}
			if len(keys) == 0 {
				return c.stylize(base, styleDate)
			}
		case k == kindError:
			base = c.formatError(o, ctor, tag, &keys)
			if len(keys) == 0 {
				return base
			}
		case k == kindArrayBuffer:
			p := prefix(ctor, tag, "ArrayBuffer", "")
			if !typedArray {
				format = func(int) []string { return c.formatArrayBuffer(o) }
			} else if len(keys) == 0 {
				return p + "{ byteLength: " + c.formatNumber(call(c.r.arrayBufferByteLength, o).ToFloat(), false) + " }"
			}
			braces[0] = p + "{"
			keys = append([]propKey{{s: "byteLength"}}, keys...)
		case k == kindDataView:
			braces[0] = prefix(ctor, tag, "DataView", "") + "{"
			keys = append([]propKey{{s: "byteLength"}, {s: "byteOffset"}, {s: "buffer"}}, keys...)
		case k == kindPromise:
			braces[0] = prefix(ctor, tag, "Promise", "") + "{"
			format = func(rt int) []string { return c.formatPromise(o, rt) }
		case k == kindWeakSet:
			braces[0] = prefix(ctor, tag, "WeakSet", "") + "{"
			format = func(int) []string { return []string{c.stylize("<items unknown>", styleSpecial)} }
		case k == kindWeakMap:
			braces[0] = prefix(ctor, tag, "WeakMap", "") + "{"
			format = func(int) []string { return []string{c.stylize("<items unknown>", styleSpecial)} }
		case k >= kindNumberObject && k <= kindSymbolObject:
			base = c.boxedBase(o, k, &keys, ctor, tag)
			if len(keys) == 0 {
				return base
			}
		default:
			if len(keys) == 0 {
				return ctxStyle(k, ktag, ctor, tag) + "{}"
			}
			braces[0] = ctxStyle(k, ktag, ctor, tag) + "{"
		}
	}

	if recurseTimes > c.opts.Depth {
		name := strings.TrimSuffix(ctxStyle(k, ktag, ctor, tag), " ")
		if ctor != noCtor {
			name = "[" + name + "]"
		}
		return c.stylize(name, styleSpecial)
	}
	recurseTimes++
	c.seen = append(c.seen, o)
	c.currentDepth = recurseTimes
	output := format(recurseTimes)
	for _, key := range keys {
		output = append(output, c.formatProperty(o, recurseTimes, key, extrasType, nil))
	}
	if c.circular != nil {
		if index, ok := c.circular[o]; ok {
			ref := c.stylize("<ref *"+itoa(index)+">", styleSpecial)
			if c.opts.Compact != CompactTrue {
				if base == "" {
					base = ref
				} else {
					base = ref + " " + base
				}
			} else {
				braces[0] = ref + " " + braces[0]
			}
		}
	}
	c.seen = c.seen[:len(c.seen)-1]

	if c.opts.Sorted {
		if extrasType == objectType {
			c.sortStrings(output)
		} else if len(keys) > 1 {
			c.sortStrings(output[len(output)-len(keys):])
		}
	}

	res := c.reduceToSingleString(output, base, braces, extrasType, recurseTimes, numeric)
	if c.budget == nil {
		c.budget = map[int]int{}
	}
	newLength := c.budget[c.indentationLvl] + len(res)
	c.budget[c.indentationLvl] = newLength
	if newLength > 1<<27 {
		c.opts.Depth = -1
	}
	return res
}

func (c *ctx) sortStrings(s []string) {
	if c.sortFn == nil {
		sort.Strings(s)
		return
	}
	sort.SliceStable(s, func(i, j int) bool {
		v := call(c.sortFn, goja.Undefined(), c.r.rt.ToValue(s[i]), c.r.rt.ToValue(s[j]))
		return v.ToFloat() < 0
	})
}

// arrayLength reads an array's length (an own data property of every
// array, so no getter runs).
func arrayLength(o *goja.Object) int {
	l := o.Get("length")
	if l == nil {
		return 0
	}
	return int(l.ToInteger())
}
