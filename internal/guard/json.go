package guard

import (
	"strconv"

	"github.com/dop251/goja"
)

// JSON.parse recurses in Go once per nesting level, so "[".repeat(3e6)
// overflows the goroutine's stack. A text deeper than MaxDepth must be
// longer than MaxDepth, and only such a text is scanned before parsing.
func guardParse(s *state, orig func(goja.FunctionCall) goja.Value, call goja.FunctionCall) goja.Value {
	text := str(call.Argument(0))
	call = withConverted(call, 0, text)
	if t, ok := text.(goja.String); ok && t.Length() > MaxDepth && jsonDepth(text.String()) > MaxDepth {
		s.throwRange(msgStack)
	}
	return orig(call)
}

// jsonDepth is the deepest nesting of brackets in text outside strings,
// counted until it passes MaxDepth.
func jsonDepth(text string) int {
	depth, deepest, inString := 0, 0, false
	for i := 0; i < len(text); i++ {
		c := text[i]
		switch {
		case inString:
			if c == '\\' {
				i++
			} else if c == '"' {
				inString = false
			}
		case c == '"':
			inString = true
		case c == '[' || c == '{':
			depth++
			if depth > deepest {
				deepest = depth
				if deepest > MaxDepth {
					return deepest
				}
			}
		case c == ']' || c == '}':
			depth--
		}
	}
	return deepest
}

// JSON.stringify recurses in Go once per level too, and checks each
// object against every object above it, so a 100,000-deep array takes
// tens of seconds and a deeper one overflows the stack. goja calls a
// replacer function with each holder and value as it goes down, which is
// the one place to count levels: the guard passes its own replacer (which
// calls the script's, if any) and keeps the stack of holders.
func guardStringify(s *state, orig func(goja.FunctionCall) goja.Value, call goja.FunctionCall) goja.Value {
	if _, ok := call.Argument(0).(*goja.Object); !ok {
		return orig(call) // a primitive has no depth
	}
	c := &stringifyCtx{s: s}
	switch r := call.Argument(1).(type) {
	case *goja.Object:
		if fn, ok := goja.AssertFunction(r); ok {
			c.user = fn
		} else if r.ClassName() == "Array" {
			c.keys = s.propertyList(r)
		}
	}
	if s.replacer == nil {
		s.replacer = s.rt.ToValue(s.replace).(*goja.Object)
	}
	s.stringifying = append(s.stringifying, c)
	defer func() { s.stringifying = s.stringifying[:len(s.stringifying)-1] }()
	return orig(withArg(call, 1, s.replacer))
}

type stringifyCtx struct {
	s     *state
	user  goja.Callable // the script's replacer function
	keys  []string      // the script's replacer array, as a property list
	stack []*goja.Object
	// origs are the objects the substitutes made for keys stand for, to
	// find cycles through them.
	origs []*goja.Object
}

// replace is the replacer of every guarded stringify in the runtime; it
// serves the innermost one (a toJSON may call stringify again).
func (s *state) replace(call goja.FunctionCall) goja.Value {
	c := s.stringifying[len(s.stringifying)-1]
	holder, _ := call.This.(*goja.Object)
	for len(c.stack) > 0 && c.stack[len(c.stack)-1] != holder {
		c.pop()
	}
	if len(c.stack) == 0 {
		c.stack = append(c.stack, holder) // the wrapper {"": value}
	}
	v := call.Argument(1)
	if c.user != nil {
		var err error
		if v, err = c.user(holder, call.Argument(0), v); err != nil {
			panic(err)
		}
	}
	o, ok := v.(*goja.Object)
	if !ok {
		return v
	}
	if len(c.stack) > MaxDepth {
		s.throwRange(msgStack)
	}
	if c.keys != nil {
		if sub := c.substitute(o); sub != nil {
			c.stack = append(c.stack, sub)
			c.origs = append(c.origs, o)
			return sub
		}
	}
	c.stack = append(c.stack, o)
	if c.keys != nil {
		c.origs = append(c.origs, nil)
	}
	return v
}

func (c *stringifyCtx) pop() {
	c.stack = c.stack[:len(c.stack)-1]
	if c.keys != nil && len(c.origs) > 0 {
		c.origs = c.origs[:len(c.origs)-1]
	}
}

// substitute stands for an object serialized under a property list: a
// new object holding the listed properties, in the list's order, read
// once as goja would read them. It is nil for what the list does not
// apply to (arrays, functions, boxed primitives).
func (c *stringifyCtx) substitute(o *goja.Object) *goja.Object {
	switch o.ClassName() {
	case "Array", "Number", "String", "Boolean", "BigInt", "Function", "RawJSON":
		return nil
	}
	if _, isFn := goja.AssertFunction(o); isFn {
		return nil
	}
	for _, p := range c.origs {
		if p == o {
			panic(c.s.rt.NewTypeError("Converting circular structure to JSON"))
		}
	}
	sub := &listed{keys: c.keys, values: make([]goja.Value, len(c.keys))}
	for i, k := range c.keys {
		if v := o.Get(k); v != nil {
			sub.values[i] = v
		} else {
			sub.values[i] = goja.Undefined()
		}
	}
	return c.s.rt.NewDynamicObject(sub)
}

// listed is a substitute's properties: the list's, in its order (an
// ordinary object would put integer keys first).
type listed struct {
	keys   []string
	values []goja.Value
}

func (l *listed) Get(key string) goja.Value {
	for i, k := range l.keys {
		if k == key {
			return l.values[i]
		}
	}
	return nil
}

func (l *listed) Set(string, goja.Value) bool { return false }
func (l *listed) Has(key string) bool         { return l.Get(key) != nil }
func (l *listed) Delete(string) bool          { return false }
func (l *listed) Keys() []string              { return l.keys }

// propertyList is the property list a replacer array stands for: its
// strings and numbers (boxed or not) as strings, each once.
func (s *state) propertyList(a *goja.Object) []string {
	keys := []string{}
	seen := map[string]bool{}
	n, _ := s.checkLoop("JSON.stringify replacer", a)
	for i := 0; i < int(n); i++ {
		v := a.Get(strconv.Itoa(i))
		if v == nil {
			continue
		}
		switch x := v.(type) {
		case *goja.Object:
			if cn := x.ClassName(); cn != "String" && cn != "Number" {
				continue
			}
		case goja.String:
		default:
			if _, isNum := v.Export().(int64); !isNum {
				if _, isFloat := v.Export().(float64); !isFloat {
					continue
				}
			}
		}
		k := v.String()
		if !seen[k] {
			seen[k] = true
			keys = append(keys, k)
		}
	}
	return keys
}
