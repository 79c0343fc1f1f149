package inspect

import (
	"math"

	"github.com/dop251/goja"
	"github.com/jsrun/jsrun/internal/jsutil"
)

// InspectFunction returns the runtime's util.inspect: a JavaScript function
// inspect(value, options) (or the legacy inspect(value, showHidden, depth,
// colors)) with inspect.custom, inspect.defaultOptions, inspect.colors and
// inspect.styles. It is made once per Inspector.
func (in *Inspector) InspectFunction() *goja.Object {
	if in.jsFn != nil {
		return in.jsFn
	}
	rt := in.rt
	fn := jsutil.Func(rt, "inspect", func(c goja.FunctionCall) goja.Value {
		var s string
		Guard(rt, func() {
			opts, user, sortFn := in.OptionsFrom(c.Argument(1))
			if len(c.Arguments) > 2 {
				if d := c.Argument(2); !goja.IsUndefined(d) {
					opts.Depth = depthFrom(d)
				}
				if len(c.Arguments) > 3 && !goja.IsUndefined(c.Argument(3)) {
					opts.Colors = c.Argument(3).ToBoolean()
				}
			}
			cx := in.newCtx(opts)
			cx.userOptions, cx.sortFn = user, sortFn
			s = cx.formatValue(c.Argument(0), 0, false)
		})
		return rt.ToValue(s)
	})
	in.jsFn = fn
	r := in.r()
	_ = fn.DefineDataProperty("custom", r.custom, goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_TRUE)
	get := jsutil.Func(rt, "get defaultOptions", func(goja.FunctionCall) goja.Value {
		return in.optionsObject(*in.Defaults, nil)
	})
	set := jsutil.Func(rt, "set defaultOptions", func(c goja.FunctionCall) goja.Value {
		o, ok := c.Argument(0).(*goja.Object)
		if !ok {
			panic(rt.NewTypeError(`The "options" argument must be of type object.`))
		}
		opts, _, _ := in.OptionsFrom(o)
		*in.Defaults = opts
		return goja.Undefined()
	})
	_ = fn.DefineAccessorProperty("defaultOptions", get, set, goja.FLAG_TRUE, goja.FLAG_TRUE)
	colors := rt.NewObject()
	for name, code := range colorTable {
		_ = colors.Set(name, rt.NewArray(code[0], code[1]))
	}
	_ = fn.Set("colors", colors)
	styles := rt.NewObject()
	for name, st := range styleNames {
		if st != styleName {
			_ = styles.Set(name, styleColorNames[st])
		}
	}
	_ = fn.Set("styles", styles)
	return fn
}

var colorTable = map[string][2]int{
	"reset": {0, 0}, "bold": {1, 22}, "dim": {2, 22}, "italic": {3, 23}, "underline": {4, 24},
	"blink": {5, 25}, "inverse": {7, 27}, "hidden": {8, 28}, "strikethrough": {9, 29},
	"doubleunderline": {21, 24}, "black": {30, 39}, "red": {31, 39}, "green": {32, 39},
	"yellow": {33, 39}, "blue": {34, 39}, "magenta": {35, 39}, "cyan": {36, 39}, "white": {37, 39},
	"bgBlack": {40, 49}, "bgRed": {41, 49}, "bgGreen": {42, 49}, "bgYellow": {43, 49},
	"bgBlue": {44, 49}, "bgMagenta": {45, 49}, "bgCyan": {46, 49}, "bgWhite": {47, 49},
	"framed": {51, 54}, "overlined": {53, 55}, "gray": {90, 39}, "redBright": {91, 39},
	"greenBright": {92, 39}, "yellowBright": {93, 39}, "blueBright": {94, 39},
	"magentaBright": {95, 39}, "cyanBright": {96, 39}, "whiteBright": {97, 39},
}

var styleColorNames = map[style]string{
	styleSpecial: "cyan", styleNumber: "yellow", styleBigInt: "yellow", styleBoolean: "yellow",
	styleUndefined: "grey", styleNull: "bold", styleString: "green", styleSymbol: "green",
	styleDate: "magenta", styleRegExp: "red", styleModule: "underline",
}

// OptionsFrom reads util.inspect's options argument over the defaults:
// an options object, or a boolean (the legacy showHidden). It also returns
// the object itself (custom inspectors see its extra keys) and the sorted
// comparator when one is given.
func (in *Inspector) OptionsFrom(v goja.Value) (Options, *goja.Object, goja.Callable) {
	opts := *in.Defaults
	if v == nil || goja.IsUndefined(v) || goja.IsNull(v) {
		return opts, nil, nil
	}
	o, ok := v.(*goja.Object)
	if !ok {
		if v.ExportType() != nil && v.ExportType().Kind() == 1 { // reflect.Bool
			opts.ShowHidden = v.ToBoolean()
		}
		return opts, nil, nil
	}
	var sortFn goja.Callable
	get := func(name string) (goja.Value, bool) {
		x := o.Get(name)
		return x, x != nil && !goja.IsUndefined(x)
	}
	if x, ok := get("showHidden"); ok {
		opts.ShowHidden = x.ToBoolean()
	}
	if x, ok := o.Get("depth"), o.Get("depth") != nil; ok {
		if !goja.IsUndefined(x) {
			opts.Depth = depthFrom(x)
		}
	}
	if x, ok := get("colors"); ok {
		opts.Colors = x.ToBoolean()
	}
	if x, ok := get("customInspect"); ok {
		opts.CustomInspect = x.ToBoolean()
	}
	if x, ok := get("showProxy"); ok {
		opts.ShowProxy = x.ToBoolean()
	}
	if x := o.Get("maxArrayLength"); x != nil && !goja.IsUndefined(x) {
		opts.MaxArrayLength = limitFrom(x)
	}
	if x := o.Get("maxStringLength"); x != nil && !goja.IsUndefined(x) {
		opts.MaxStringLength = limitFrom(x)
	}
	if x, ok := get("breakLength"); ok {
		opts.BreakLength = limitFrom(x)
	}
	if x, ok := get("compact"); ok {
		switch {
		case x.ExportType() != nil && x.ExportType().Kind() == 1:
			if x.ToBoolean() {
				opts.Compact = CompactTrue
			} else {
				opts.Compact = 0
			}
		default:
			opts.Compact = int(x.ToInteger())
		}
	}
	if x, ok := get("sorted"); ok {
		if f, isFn := goja.AssertFunction(x); isFn {
			opts.Sorted, sortFn = true, f
		} else {
			opts.Sorted = x.ToBoolean()
		}
	}
	if x, ok := get("getters"); ok {
		switch {
		case goja.IsString(x) && (x.String() == "get" || x.String() == "set"):
			opts.Getters = x.String()
		case x.ToBoolean():
			opts.Getters = "true"
		default:
			opts.Getters = ""
		}
	}
	if x, ok := get("numericSeparator"); ok {
		opts.NumericSeparator = x.ToBoolean()
	}
	return opts, o, sortFn
}

func depthFrom(v goja.Value) int {
	if goja.IsNull(v) {
		return Unlimited
	}
	return limitFrom(v)
}

// limitFrom reads a numeric option where Infinity (and null) mean none.
func limitFrom(v goja.Value) int {
	if goja.IsNull(v) {
		return Unlimited
	}
	f := v.ToFloat()
	switch {
	case math.IsNaN(f):
		return 0
	case f >= float64(Unlimited) || math.IsInf(f, 1):
		return Unlimited
	case f <= -float64(Unlimited):
		return -Unlimited
	}
	return int(f)
}

func limitValue(n int) any {
	if n == Unlimited {
		return math.Inf(1)
	}
	return n
}

// optionsObject is the options object a custom inspector receives (and
// util.inspect.defaultOptions returns): the options, a stylize function,
// and the caller's own extra keys.
func (in *Inspector) optionsObject(opts Options, user *goja.Object) *goja.Object {
	rt := in.rt
	o := rt.NewObject()
	if user != nil {
		for _, k := range user.Keys() {
			_ = o.Set(k, user.Get(k))
		}
	}
	_ = o.Set("showHidden", opts.ShowHidden)
	_ = o.Set("depth", limitValue(opts.Depth))
	_ = o.Set("colors", opts.Colors)
	_ = o.Set("customInspect", opts.CustomInspect)
	_ = o.Set("showProxy", opts.ShowProxy)
	_ = o.Set("maxArrayLength", limitValue(opts.MaxArrayLength))
	_ = o.Set("maxStringLength", limitValue(opts.MaxStringLength))
	_ = o.Set("breakLength", limitValue(opts.BreakLength))
	switch opts.Compact {
	case CompactTrue:
		_ = o.Set("compact", true)
	case 0:
		_ = o.Set("compact", false)
	default:
		_ = o.Set("compact", opts.Compact)
	}
	_ = o.Set("sorted", opts.Sorted)
	switch opts.Getters {
	case "":
		_ = o.Set("getters", false)
	case "true":
		_ = o.Set("getters", true)
	default:
		_ = o.Set("getters", opts.Getters)
	}
	_ = o.Set("numericSeparator", opts.NumericSeparator)
	return o
}

func (c *ctx) userOptionsObject() *goja.Object {
	o := c.in.optionsObject(c.opts, c.userOptions)
	colors := c.opts.Colors
	_ = o.Set("stylize", jsutil.Func(c.r.rt, "stylize", func(call goja.FunctionCall) goja.Value {
		s := call.Argument(0).String()
		st, ok := styleNames[call.Argument(1).String()]
		if !colors || !ok {
			return c.r.rt.ToValue(s)
		}
		tmp := ctx{opts: Options{Colors: true}}
		return c.r.rt.ToValue(tmp.stylize(s, st))
	}))
	return o
}
