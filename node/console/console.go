package console

import (
	"log/slog"
	"slices"
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
	// Logger, when set, takes every line instead of the Printer, as a
	// record at the level of the method that wrote it (see logger.go),
	// uncoloured, with Attrs.
	Logger *slog.Logger
	Attrs  []slog.Attr
}

// console is one runtime's console state.
type console struct {
	rt     *goja.Runtime
	p      *Printer
	opts   Options
	in     *inspect.Inspector // made on first use: see inspector
	indent string
	counts map[string]int
	timers map[string]time.Time
	// hasOwnFn is Object.prototype.hasOwnProperty, for console.table.
	hasOwnFn goja.Callable
	method   string // the method running, for the level of a log record
}

// methods are the console's methods, in the order Node lists them.
var methods = []struct {
	name string
	f    func(c *console, args []goja.Value)
}{
	{"log", toStdout},
	{"warn", toStderr},
	{"dir", (*console).dir},
	{"time", (*console).time},
	{"timeEnd", (*console).timeEnd},
	{"timeLog", (*console).timeLog},
	{"trace", (*console).trace},
	{"assert", (*console).assert},
	{"clear", func(*console, []goja.Value) {}},
	{"count", (*console).count},
	{"countReset", (*console).countReset},
	{"group", (*console).group},
	{"groupEnd", func(c *console, _ []goja.Value) { c.indent = c.indent[:max(0, len(c.indent)-groupWidth)] }},
	{"table", (*console).table},
	{"debug", toStdout},
	{"info", toStdout},
	{"dirxml", toStdout},
	{"error", toStderr},
	{"groupCollapsed", (*console).group},
}

func toStdout(c *console, args []goja.Value) { c.write(false, c.format(false, args)) }
func toStderr(c *console, args []goja.Value) { c.write(true, c.format(true, args)) }

var methodIndex = func() map[string]int {
	m := make(map[string]int, len(methods))
	for i, x := range methods {
		m[x.name] = i
	}
	return m
}()

// New returns a console object for rt writing through p. It is cheap:
// each method is made on its first read (a thread that names console
// usually calls one or two), and nothing is formatted or looked up until
// a method is called.
func New(rt *goja.Runtime, p *Printer, opts Options) *goja.Object {
	if opts.Now == nil {
		opts.Now = time.Now
	}
	c := &console{rt: rt, p: p, opts: opts}
	return rt.NewDynamicObject(&object{c: c})
}

// object is the console object: a goja DynamicObject whose methods are
// made on first read. Scripts may replace, add and delete members.
type object struct {
	c       *console
	made    map[string]goja.Value // made or set so far
	deleted map[string]bool       // methods the script deleted
	added   []string              // members the script added, in order
}

func (o *object) Get(key string) goja.Value {
	if v, ok := o.made[key]; ok {
		return v
	}
	i, ok := methodIndex[key]
	if !ok || o.deleted[key] {
		return nil
	}
	c, f := o.c, methods[i].f
	v := jsutil.Func(c.rt, key, func(call goja.FunctionCall) goja.Value {
		c.method = key
		inspect.Guard(c.rt, func() { f(c, call.Arguments) })
		return goja.Undefined()
	})
	if o.made == nil {
		o.made = make(map[string]goja.Value, 4)
	}
	o.made[key] = v
	return v
}

func (o *object) Set(key string, v goja.Value) bool {
	if _, ok := o.made[key]; !ok && !o.Has(key) {
		o.added = append(o.added, key)
	}
	if o.made == nil {
		o.made = map[string]goja.Value{}
	}
	o.made[key] = v
	delete(o.deleted, key)
	return true
}

func (o *object) Has(key string) bool {
	if _, ok := o.made[key]; ok {
		return true
	}
	_, ok := methodIndex[key]
	return ok && !o.deleted[key]
}

func (o *object) Delete(key string) bool {
	delete(o.made, key)
	if _, ok := methodIndex[key]; ok {
		if o.deleted == nil {
			o.deleted = map[string]bool{}
		}
		o.deleted[key] = true
	}
	if i := slices.Index(o.added, key); i >= 0 {
		o.added = slices.Delete(o.added, i, i+1)
	}
	return true
}

func (o *object) Keys() []string {
	keys := make([]string, 0, len(methods)+len(o.added))
	for _, m := range methods {
		if !o.deleted[m.name] {
			keys = append(keys, m.name)
		}
	}
	return append(keys, o.added...)
}

// inspector is rt's Inspector, looked up on first use.
func (c *console) inspector() *inspect.Inspector {
	if c.in == nil {
		c.in = inspect.For(c.rt)
	}
	return c.in
}

// groupWidth is Node's default groupIndentation.
const groupWidth = 2

func (c *console) colors(toStderr bool) bool {
	if c.opts.Logger != nil {
		return false
	}
	if toStderr {
		return c.opts.ColorStderr
	}
	return c.opts.ColorStdout
}

// format is util.formatWithOptions with the stream's colours.
func (c *console) format(toStderr bool, args []goja.Value) string {
	if !c.colors(toStderr) {
		return c.inspector().Format(nil, args)
	}
	o := *c.inspector().Defaults
	o.Colors = true
	return c.inspector().Format(&o, args)
}

// write prints s with the group indentation on each of its lines.
func (c *console) write(toStderr bool, s string) {
	if c.indent != "" {
		if strings.Contains(s, "\n") {
			s = strings.ReplaceAll(s, "\n", "\n"+c.indent)
		}
		s = c.indent + s
	}
	if c.opts.Logger != nil {
		c.log(toStderr, s)
		return
	}
	c.p.WriteLine(toStderr, s)
}

func (c *console) warning(msg string) {
	if c.opts.Logger != nil {
		c.log(true, "Warning: "+msg)
		return
	}
	c.p.WriteLine(true, "Warning: "+msg)
}

func arg(args []goja.Value, i int) goja.Value {
	if i < len(args) {
		return args[i]
	}
	return goja.Undefined()
}

func (c *console) dir(args []goja.Value) {
	opts := *c.inspector().Defaults
	opts.CustomInspect = false
	opts.Colors = c.opts.ColorStdout
	if o, ok := arg(args, 1).(*goja.Object); ok {
		saved := *c.inspector().Defaults
		*c.inspector().Defaults = opts
		opts, _, _ = c.inspector().OptionsFrom(o)
		*c.inspector().Defaults = saved
	}
	c.write(false, c.inspector().Inspect(arg(args, 0), opts))
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
	if c.counts == nil {
		c.counts = map[string]int{}
	}
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
