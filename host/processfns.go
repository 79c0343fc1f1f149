package host

import (
	"math/big"
	"runtime"
	"runtime/debug"
	"strings"
	"sync"
	"time"

	"github.com/dop251/goja"
	"github.com/jsrun/jsrun/node/util"
)

// Version is jsrun's version: process.version is "v" + Version, and
// process.versions.jsrun is Version.
const Version = "0.1.0"

// processStart is when the process started, near enough: the clock of
// process.uptime() and process.hrtime().
var processStart = time.Now()

// gojaVersion is the version of goja this program was built with, as
// process.versions.goja gives it (without Go's "v").
var gojaVersion = sync.OnceValue(func() string {
	if bi, ok := debug.ReadBuildInfo(); ok {
		for _, d := range bi.Deps {
			if d.Path == "github.com/dop251/goja" {
				if d.Replace != nil {
					d = d.Replace
				}
				return strings.TrimPrefix(d.Version, "v")
			}
		}
	}
	return "unknown"
})

// nodeArch is process.arch: Node's name for the processor.
func nodeArch() string {
	switch a := runtime.GOARCH; a {
	case "amd64":
		return "x64"
	case "386":
		return "ia32"
	case "ppc64le":
		return "ppc64"
	default:
		return a
	}
}

// nodePlatform is process.platform: Node's name for the system.
func nodePlatform() string {
	if runtime.GOOS == "windows" {
		return "win32"
	}
	return runtime.GOOS
}

// hrtime is process.hrtime([time]) with hrtime.bigint().
func (p *process) hrtime() goja.Value {
	rt := p.rt
	fn := p.fn("hrtime", func(c goja.FunctionCall) goja.Value {
		now := time.Since(processStart).Nanoseconds()
		sec, nsec := now/1e9, now%1e9
		if prev := c.Argument(0); !goja.IsUndefined(prev) {
			o, ok := prev.(*goja.Object)
			if !ok || o.ClassName() != "Array" {
				panic(util.InvalidArgType(rt, "time", "an instance of Array", prev))
			}
			if n := o.Get("length").ToInteger(); n != 2 {
				e := newError(rt, "RangeError", `The value of "time" is out of range. It must be 2. Received `+o.Get("length").String())
				_ = e.Set("code", "ERR_OUT_OF_RANGE")
				panic(e)
			}
			sec -= o.Get("0").ToInteger()
			nsec -= o.Get("1").ToInteger()
			if nsec < 0 {
				sec, nsec = sec-1, nsec+1e9
			}
		}
		return rt.NewArray(sec, nsec)
	})
	_ = fn.Set("bigint", p.fn("bigint", func(goja.FunctionCall) goja.Value {
		return rt.ToValue(big.NewInt(time.Since(processStart).Nanoseconds()))
	}))
	return fn
}

// memoryUsage is process.memoryUsage() with memoryUsage.rss(), from Go's
// heap: rss is the memory the Go runtime holds from the system, heapTotal
// and heapUsed its heap, external and arrayBuffers 0 (goja keeps an
// ArrayBuffer's bytes on the Go heap).
func (p *process) memoryUsage() goja.Value {
	rt := p.rt
	fn := p.fn("memoryUsage", func(goja.FunctionCall) goja.Value {
		var ms runtime.MemStats
		runtime.ReadMemStats(&ms)
		o := rt.NewObject()
		_ = o.Set("rss", ms.Sys-ms.HeapReleased)
		_ = o.Set("heapTotal", ms.HeapSys-ms.HeapReleased)
		_ = o.Set("heapUsed", ms.HeapAlloc)
		_ = o.Set("external", 0)
		_ = o.Set("arrayBuffers", 0)
		return o
	})
	_ = fn.Set("rss", p.fn("rss", func(goja.FunctionCall) goja.Value {
		var ms runtime.MemStats
		runtime.ReadMemStats(&ms)
		return rt.ToValue(ms.Sys - ms.HeapReleased)
	}))
	return fn
}

// emitWarning is process.emitWarning(warning[, type | options][, code]):
// the warning is an Error named after its type; on the next tick it is
// emitted as 'warning' and printed to stderr as Node prints it, without
// Node's "(node:PID) " prefix.
func (p *process) emitWarning(c goja.FunctionCall) goja.Value {
	rt := p.rt
	warning := c.Argument(0)
	typ, code, detail := goja.Value(rt.ToValue("Warning")), goja.Undefined(), goja.Undefined()
	if o, ok := c.Argument(1).(*goja.Object); ok && o.ClassName() != "Function" {
		if t := o.Get("type"); t != nil && !goja.IsUndefined(t) {
			typ = t
		}
		if v := o.Get("code"); v != nil {
			code = v
		}
		if v := o.Get("detail"); v != nil {
			detail = v
		}
	} else {
		if t := c.Argument(1); goja.IsString(t) {
			typ = t
		}
		code = c.Argument(2)
	}
	if o, ok := warning.(*goja.Object); ok && o.ClassName() == "Error" {
		p.emitWarningValue(o)
		return goja.Undefined()
	}
	{
		if !goja.IsString(warning) {
			panic(util.InvalidArgType(rt, "warning", "string or an instance of Error", warning))
		}
		if !goja.IsString(typ) {
			panic(util.InvalidArgType(rt, "type", "string", typ))
		}
		c, d := "", ""
		if goja.IsString(code) {
			c = code.String()
		}
		if goja.IsString(detail) {
			d = detail.String()
		}
		p.warning(typ.String(), c, warning.String(), d)
	}
	return goja.Undefined()
}

// warning emits a warning made of its parts (see emitWarning).
func (p *process) warning(name, code, message string, detail ...string) {
	w := newError(p.rt, "Error", message)
	_ = w.Set("name", name)
	if code != "" {
		_ = w.Set("code", code)
	}
	if len(detail) > 0 && detail[0] != "" {
		_ = w.Set("detail", detail[0])
	}
	p.emitWarningValue(w)
}

// emitWarningValue emits w on the next tick and prints it to stderr.
func (p *process) emitWarningValue(w *goja.Object) {
	p.ticks.addGo(p, func() {
		p.events.emit("warning", w)
		p.h.printer.WriteLine(true, warningText(w))
	})
}

// warningText is how Node prints a warning: "[code] Name: message", and
// the detail on the next line.
func warningText(w *goja.Object) string {
	text := func(k string) string {
		v := w.Get(k)
		if v == nil || goja.IsUndefined(v) || goja.IsNull(v) {
			return ""
		}
		return v.String()
	}
	s := text("name") + ": " + text("message")
	if code := text("code"); code != "" {
		s = "[" + code + "] " + s
	}
	if d := text("detail"); d != "" {
		s += "\n" + d
	}
	return s
}
