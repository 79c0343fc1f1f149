package inspect

import (
	"strings"

	"github.com/dop251/goja"
)

// Inspector formats the values of one runtime. Make it with New; its
// methods run on the runtime's goroutine.
type Inspector struct {
	rt    *goja.Runtime
	realm *realm
	// Defaults are the options util.inspect starts from (Node's
	// util.inspect.defaultOptions); console.log uses them too.
	Defaults *Options
	jsFn     *goja.Object // the util.inspect function, made on first use
}

// New returns an Inspector for rt. It reads rt's built-ins on first use,
// so making one costs nothing until something is printed.
func New(rt *goja.Runtime) *Inspector {
	d := Defaults()
	return &Inspector{rt: rt, Defaults: &d}
}

func (in *Inspector) r() *realm {
	if in.realm == nil {
		in.realm = newRealm(in.rt)
	}
	return in.realm
}

// Inspect is util.inspect(v, opts).
func (in *Inspector) Inspect(v goja.Value, opts Options) string {
	c := in.newCtx(opts)
	return c.formatValue(v, 0, false)
}

// ctx is Node's inspection context: the state of one inspect call.
type ctx struct {
	in             *Inspector
	r              *realm
	opts           Options
	sortFn         goja.Callable
	userOptions    *goja.Object // the caller's options object, for custom inspectors
	budget         map[int]int
	indentationLvl int
	seen           []*goja.Object
	currentDepth   int
	circular       map[*goja.Object]int
	nesting        int
}

func (in *Inspector) newCtx(opts Options) *ctx {
	return &ctx{in: in, r: in.r(), opts: opts}
}

// maxNesting bounds the Go recursion of one inspection, which depth:
// Infinity leaves to the value's own nesting.
const maxNesting = 1000

// formatValue is Node's formatValue.
func (c *ctx) formatValue(v goja.Value, recurseTimes int, typedArray bool) string {
	o, ok := v.(*goja.Object)
	if !ok {
		if v == nil || goja.IsUndefined(v) {
			return c.stylize("undefined", styleUndefined)
		}
		if goja.IsNull(v) {
			return c.stylize("null", styleNull)
		}
		return c.formatPrimitive(v)
	}
	context := o
	if o.ExportType() == typeProxy {
		target := o
		for target != nil && target.ExportType() == typeProxy {
			target = target.Export().(goja.Proxy).Target()
		}
		if target == nil {
			return c.stylize("<Revoked Proxy>", styleSpecial)
		}
		if c.opts.ShowProxy {
			return c.formatProxy(o, recurseTimes)
		}
		o = target
	}
	if c.opts.CustomInspect {
		if s, done := c.customInspect(o, context, recurseTimes); done {
			return s
		}
	}
	for _, s := range c.seen {
		if s == o {
			index := 1
			if c.circular == nil {
				c.circular = map[*goja.Object]int{o: 1}
			} else if i, ok := c.circular[o]; ok {
				index = i
			} else {
				index = len(c.circular) + 1
				c.circular[o] = index
			}
			return c.stylize("[Circular *"+itoa(index)+"]", styleSpecial)
		}
	}
	return c.formatRaw(o, recurseTimes, typedArray)
}

// formatProxy is showProxy's Proxy [ target, handler ].
func (c *ctx) formatProxy(p *goja.Object, recurseTimes int) string {
	if recurseTimes > c.opts.Depth {
		return c.stylize("Proxy [Array]", styleSpecial)
	}
	px := p.Export().(goja.Proxy)
	recurseTimes++
	c.indentationLvl += 2
	res := []string{c.formatValue(px.Target(), recurseTimes, false), c.formatValue(px.Handler(), recurseTimes, false)}
	c.indentationLvl -= 2
	return c.reduceToSingleString(res, "", [2]string{"Proxy [", "]"}, arrayExtrasType, recurseTimes, nil)
}

// customInspect calls value[util.inspect.custom] as Node does.
func (c *ctx) customInspect(o, context *goja.Object, recurseTimes int) (string, bool) {
	fv := o.GetSymbol(c.r.custom)
	fn, ok := goja.AssertFunction(fv)
	if !ok {
		return "", false
	}
	if c.in.jsFn != nil && fv.SameAs(c.in.jsFn) {
		return "", false
	}
	if p := c.ownProp(o, c.r.rt.ToValue("constructor")); p.value != nil {
		if ctor, ok := p.value.(*goja.Object); ok {
			if proto := ctor.Get("prototype"); proto != nil && proto.SameAs(o) {
				return "", false
			}
		}
	}
	var depth goja.Value = goja.Null()
	if c.opts.Depth != Unlimited {
		depth = c.r.rt.ToValue(c.opts.Depth - recurseTimes)
	}
	ret, err := fn(context, depth, c.userOptionsObject(), c.in.InspectFunction())
	if err != nil {
		panic(err)
	}
	if ro, ok := ret.(*goja.Object); ok && ro == context {
		return "", false
	}
	if !goja.IsString(ret) {
		return c.formatValue(ret, recurseTimes, false), true
	}
	return strings.ReplaceAll(ret.String(), "\n", "\n"+strings.Repeat(" ", c.indentationLvl)), true
}

// formatPrimitive is Node's formatPrimitive for a non-object value.
func (c *ctx) formatPrimitive(v goja.Value) string {
	switch {
	case v == nil || goja.IsUndefined(v):
		return c.stylize("undefined", styleUndefined)
	case goja.IsNull(v):
		return c.stylize("null", styleNull)
	case goja.IsString(v):
		return c.formatString(newJSString(v))
	case goja.IsNumber(v):
		return c.formatNumber(v.ToFloat(), c.opts.NumericSeparator)
	case goja.IsBigInt(v):
		return c.formatBigInt(v.String(), c.opts.NumericSeparator)
	}
	if s, ok := v.(*goja.Symbol); ok {
		return c.stylize(call(c.r.symbolToString, s).String(), styleSymbol)
	}
	return c.stylize(v.String(), styleBoolean)
}
