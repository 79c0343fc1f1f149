package console

import (
	"strings"
	"time"

	"github.com/dop251/goja"
	"github.com/jsrun/jsrun/internal/jsutil"
	"github.com/jsrun/jsrun/node/inspect"
)

// Options configure one runtime's console.
type Options struct {
	// ColorStdout and ColorStderr colour inspected values written to
	// each stream (Node: the stream is a terminal and NO_COLOR is unset).
	ColorStdout, ColorStderr bool
	// Now is the clock of console.time; nil means time.Now.
	Now func() time.Time
}

// console is one runtime's console state.
type console struct {
	rt     *goja.Runtime
	p      *Printer
	opts   Options
	in     *inspect.Inspector
	indent string
	counts map[string]int
	timers map[string]time.Time
	// hasOwnFn is Object.prototype.hasOwnProperty, for console.table.
	hasOwnFn goja.Callable
}

// New returns a console object for rt writing through p. It is cheap:
// nothing is formatted or looked up until a method is called.
func New(rt *goja.Runtime, p *Printer, opts Options) *goja.Object {
	if opts.Now == nil {
		opts.Now = time.Now
	}
	c := &console{rt: rt, p: p, opts: opts, in: inspect.For(rt), counts: map[string]int{}, timers: map[string]time.Time{}}
	obj := rt.NewObject()
	method := func(name string, f func(args []goja.Value)) {
		_ = obj.Set(name, jsutil.Func(rt, name, func(call goja.FunctionCall) goja.Value {
			inspect.Guard(rt, func() { f(call.Arguments) })
			return goja.Undefined()
		}))
	}
	toStdout := func(args []goja.Value) { c.write(false, c.format(false, args)) }
	toStderr := func(args []goja.Value) { c.write(true, c.format(true, args)) }
	method("log", toStdout)
	method("warn", toStderr)
	method("dir", c.dir)
	method("time", c.time)
	method("timeEnd", c.timeEnd)
	method("timeLog", c.timeLog)
	method("trace", c.trace)
	method("assert", c.assert)
	method("clear", func([]goja.Value) {})
	method("count", c.count)
	method("countReset", c.countReset)
	method("group", c.group)
	method("groupEnd", func([]goja.Value) { c.indent = c.indent[:max(0, len(c.indent)-groupWidth)] })
	method("table", c.table)
	method("debug", toStdout)
	method("info", toStdout)
	method("dirxml", toStdout)
	method("error", toStderr)
	method("groupCollapsed", c.group)
	return obj
}

// groupWidth is Node's default groupIndentation.
const groupWidth = 2

func (c *console) colors(toStderr bool) bool {
	if toStderr {
		return c.opts.ColorStderr
	}
	return c.opts.ColorStdout
}

// format is util.formatWithOptions with the stream's colours.
func (c *console) format(toStderr bool, args []goja.Value) string {
	if !c.colors(toStderr) {
		return c.in.Format(nil, args)
	}
	o := *c.in.Defaults
	o.Colors = true
	return c.in.Format(&o, args)
}

// write prints s with the group indentation on each of its lines.
func (c *console) write(toStderr bool, s string) {
	if c.indent != "" {
		if strings.Contains(s, "\n") {
			s = strings.ReplaceAll(s, "\n", "\n"+c.indent)
		}
		s = c.indent + s
	}
	c.p.WriteLine(toStderr, s)
}

func (c *console) warning(msg string) {
	c.p.WriteLine(true, "Warning: "+msg)
}

func arg(args []goja.Value, i int) goja.Value {
	if i < len(args) {
		return args[i]
	}
	return goja.Undefined()
}

func (c *console) dir(args []goja.Value) {
	opts := *c.in.Defaults
	opts.CustomInspect = false
	opts.Colors = c.opts.ColorStdout
	if o, ok := arg(args, 1).(*goja.Object); ok {
		saved := *c.in.Defaults
		*c.in.Defaults = opts
		opts, _, _ = c.in.OptionsFrom(o)
		*c.in.Defaults = saved
	}
	c.write(false, c.in.Inspect(arg(args, 0), opts))
}

// label is `${label}` with 'default' for undefined.
func (c *console) label(args []goja.Value) string {
	v := arg(args, 0)
	if goja.IsUndefined(v) {
		return "default"
	}
	if _, ok := v.(*goja.Symbol); ok {
		panic(c.rt.NewTypeError("Cannot convert a Symbol value to a string"))
	}
	return v.String()
}

func (c *console) count(args []goja.Value) {
	l := c.label(args)
	c.counts[l]++
	c.write(false, l+": "+itoa(c.counts[l]))
}

func (c *console) countReset(args []goja.Value) {
	l := c.label(args)
	if _, ok := c.counts[l]; !ok {
		c.warning("Count for '" + l + "' does not exist")
		return
	}
	delete(c.counts, l)
}

func (c *console) group(args []goja.Value) {
	if len(args) > 0 {
		c.write(false, c.format(false, args))
	}
	c.indent += strings.Repeat(" ", groupWidth)
}

func (c *console) assert(args []goja.Value) {
	if arg(args, 0).ToBoolean() {
		return
	}
	rest := append([]goja.Value(nil), args[min(1, len(args)):]...)
	if len(rest) == 0 {
		rest = []goja.Value{c.rt.ToValue("Assertion failed")}
	} else {
		if _, ok := rest[0].(*goja.Symbol); ok {
			panic(c.rt.NewTypeError("Cannot convert a Symbol value to a string"))
		}
		rest[0] = c.rt.ToValue("Assertion failed: " + rest[0].String())
	}
	c.write(true, c.format(true, rest))
}
