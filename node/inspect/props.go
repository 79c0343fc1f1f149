package inspect

import (
	"strconv"
	"strings"

	"github.com/dop251/goja"
)

// propKey is a property key: a string or a symbol.
type propKey struct {
	s   string
	sym *goja.Symbol
}

func (c *ctx) keyValue(k propKey) goja.Value {
	if k.sym != nil {
		return k.sym
	}
	return c.r.rt.ToValue(k.s)
}

// prop is an own property as Object.getOwnPropertyDescriptor shows it.
type prop struct {
	exists         bool
	accessor       bool
	value          goja.Value // data properties
	getter, setter goja.Value // accessors; nil when undefined
	enumerable     bool
}

// ownProp reads o's own property k without running a getter.
func (c *ctx) ownProp(o *goja.Object, k goja.Value) prop {
	d := call(c.r.gopd, goja.Undefined(), o, k)
	desc, ok := d.(*goja.Object)
	if !ok {
		return prop{}
	}
	p := prop{exists: true}
	if v := desc.Get("value"); v != nil {
		p.value = v
	} else if desc.Get("writable") == nil {
		p.accessor = true
		if g := desc.Get("get"); g != nil && !goja.IsUndefined(g) {
			p.getter = g
		}
		if s := desc.Get("set"); s != nil && !goja.IsUndefined(s) {
			p.setter = s
		}
	} else {
		p.value = goja.Undefined()
	}
	p.enumerable = desc.Get("enumerable").ToBoolean()
	return p
}

// getKeys is Node's getKeys: own enumerable string keys then enumerable
// symbols, or with showHidden every own key.
func (c *ctx) getKeys(o *goja.Object) []propKey {
	var names []string
	if c.opts.ShowHidden {
		names = o.GetOwnPropertyNames()
	} else {
		names = o.Keys()
	}
	keys := make([]propKey, len(names), len(names)+1)
	for i, n := range names {
		keys[i] = propKey{s: n}
	}
	return c.appendSymbols(o, keys)
}

func (c *ctx) appendSymbols(o *goja.Object, keys []propKey) []propKey {
	if c.opts.ShowHidden {
		syms := call(c.r.ownSymbols, goja.Undefined(), o).(*goja.Object)
		n := int(syms.Get("length").ToInteger())
		for i := 0; i < n; i++ {
			if s, ok := syms.Get(strconv.Itoa(i)).(*goja.Symbol); ok {
				keys = append(keys, propKey{sym: s})
			}
		}
		return keys
	}
	for _, s := range o.Symbols() {
		keys = append(keys, propKey{sym: s})
	}
	return keys
}

// nonIndexKeys is getOwnNonIndexProperties: the keys of an array or typed
// array that are not indices. An array longer than bigArray is not listed
// (that would list every index): it shows no extra properties.
func (c *ctx) nonIndexKeys(o *goja.Object, length int) []propKey {
	if length > bigArray {
		return nil
	}
	var names []string
	if c.opts.ShowHidden {
		names = o.GetOwnPropertyNames()
	} else {
		names = o.Keys()
	}
	var keys []propKey
	for _, n := range names {
		if !isArrayIndex(n) {
			keys = append(keys, propKey{s: n})
		}
	}
	return c.appendSymbols(o, keys)
}

// bigArray is the longest array whose extra named properties are listed:
// goja lists an array's keys only with every index (O(length)).
const bigArray = 1 << 16

func isArrayIndex(s string) bool {
	if s == "" || len(s) > 10 || (s[0] == '0' && len(s) > 1) {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	n, err := strconv.ParseUint(s, 10, 64)
	return err == nil && n < 1<<32-1
}

// propType is Node's kObjectType, kArrayType, kArrayExtrasType.
type propType uint8

const (
	objectType propType = iota
	arrayType
	arrayExtrasType
)

// formatProperty is Node's formatProperty. p is the property when the
// caller has read it already; otherwise it is read here, and a key that is
// not own (byteLength on an ArrayBuffer, say) is read with Get.
func (c *ctx) formatProperty(o *goja.Object, recurseTimes int, k propKey, typ propType, p *prop) string {
	var desc prop
	if p != nil {
		desc = *p
	} else {
		desc = c.ownProp(o, c.keyValue(k))
		if !desc.exists {
			var v goja.Value
			if k.sym != nil {
				v = o.GetSymbol(k.sym)
			} else {
				v = o.Get(k.s)
			}
			if v == nil {
				v = goja.Undefined()
			}
			desc = prop{exists: true, value: v, enumerable: true}
		}
	}
	var str string
	extra := " "
	switch {
	case desc.value != nil && !goja.IsUndefined(desc.value):
		diff := 2
		if c.opts.Compact == CompactTrue && typ == objectType {
			diff = 3
		}
		c.indentationLvl += diff
		str = c.formatValue(desc.value, recurseTimes, false)
		if diff == 3 && c.opts.BreakLength < stringWidth(str, c.opts.Colors) {
			extra = "\n" + strings.Repeat(" ", c.indentationLvl)
		}
		c.indentationLvl -= diff
	case desc.getter != nil:
		str = c.formatGetter(o, desc, recurseTimes)
	case desc.setter != nil:
		str = c.stylize("[Setter]", styleSpecial)
	default:
		str = c.stylize("undefined", styleUndefined)
	}
	if typ == arrayType {
		return str
	}
	var name string
	switch {
	case k.sym != nil:
		name = "[" + c.stylize(escapeKey(call(c.r.symbolToString, k.sym).String()), styleSymbol) + "]"
	case k.s == "__proto__":
		name = "['__proto__']"
	case !desc.enumerable:
		name = "[" + escapeKey(k.s) + "]"
	case isIdentifier(k.s):
		name = c.stylize(k.s, styleName)
	default:
		name = c.stylize(strEscape(jsString{s: k.s}), styleString)
	}
	return name + ":" + extra + str
}

// formatGetter prints an accessor: [Getter], [Getter/Setter], or with the
// getters option its value as well.
func (c *ctx) formatGetter(o *goja.Object, desc prop, recurseTimes int) string {
	label := "Getter"
	if desc.setter != nil {
		label = "Getter/Setter"
	}
	g := c.opts.Getters
	if g == "true" || (g == "get" && desc.setter == nil) || (g == "set" && desc.setter != nil) {
		fn, _ := goja.AssertFunction(desc.getter)
		v, err := fn(o)
		if err != nil {
			ex, ok := err.(*goja.Exception)
			if !ok {
				panic(err)
			}
			msg := ""
			if eo, ok := ex.Value().(*goja.Object); ok {
				if m := eo.Get("message"); m != nil {
					msg = m.String()
				}
			}
			return c.stylize("["+label+":", styleSpecial) + " <Inspection threw (" + msg + ")>" + c.stylize("]", styleSpecial)
		}
		c.indentationLvl += 2
		defer func() { c.indentationLvl -= 2 }()
		switch {
		case goja.IsNull(v):
			return c.stylize("["+label+":", styleSpecial) + " " + c.stylize("null", styleNull) + c.stylize("]", styleSpecial)
		case isObject(v):
			return c.stylize("["+label+"]", styleSpecial) + " " + c.formatValue(v, recurseTimes, false)
		}
		return c.stylize("["+label+":", styleSpecial) + " " + c.formatPrimitive(v) + c.stylize("]", styleSpecial)
	}
	return c.stylize("["+label+"]", styleSpecial)
}

func isObject(v goja.Value) bool {
	_, ok := v.(*goja.Object)
	return ok
}

// isIdentifier is Node's keyStrRegExp: /^[a-zA-Z_][a-zA-Z_0-9]*$/.
func isIdentifier(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (i > 0 && c >= '0' && c <= '9') {
			continue
		}
		return false
	}
	return true
}
