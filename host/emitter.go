package host

import (
	"slices"

	"github.com/dop251/goja"
	"github.com/jsrun/jsrun/node/util"
)

// emitter is process's own EventEmitter: its listeners by event, with
// Node's methods (on, once, off, emit, ...) and their order of calls.
type emitter struct {
	p      *process
	events map[string][]listener
	names  []string // events with listeners, in the order first added
	exited bool     // 'exit' was emitted
}

type listener struct {
	fn   goja.Value // what the script gave
	call goja.Callable
	once bool
}

// method makes the emitter method name, or returns nil.
func (e *emitter) method(name string) goja.Value {
	p := e.p
	rt := p.rt
	add := func(once, prepend bool) func(goja.FunctionCall) goja.Value {
		return func(c goja.FunctionCall) goja.Value {
			e.add(c.Argument(0), c.Argument(1), once, prepend)
			return p.obj
		}
	}
	switch name {
	case "on", "addListener":
		return p.fn(name, add(false, false))
	case "prependListener":
		return p.fn(name, add(false, true))
	case "once":
		return p.fn(name, add(true, false))
	case "prependOnceListener":
		return p.fn(name, add(true, true))
	case "off", "removeListener":
		return p.fn(name, func(c goja.FunctionCall) goja.Value {
			e.remove(eventName(c.Argument(0)), c.Argument(1))
			return p.obj
		})
	case "removeAllListeners":
		return p.fn(name, func(c goja.FunctionCall) goja.Value {
			if goja.IsUndefined(c.Argument(0)) {
				e.events, e.names = nil, nil
			} else {
				e.drop(eventName(c.Argument(0)))
			}
			return p.obj
		})
	case "emit":
		return p.fn(name, func(c goja.FunctionCall) goja.Value {
			var args []goja.Value
			if len(c.Arguments) > 1 {
				args = c.Arguments[1:]
			}
			return rt.ToValue(e.emit(eventName(c.Argument(0)), args...))
		})
	case "listeners":
		return p.fn(name, func(c goja.FunctionCall) goja.Value {
			ls := e.events[eventName(c.Argument(0))]
			out := make([]any, len(ls))
			for i, l := range ls {
				out[i] = l.fn
			}
			return rt.NewArray(out...)
		})
	case "listenerCount":
		return p.fn(name, func(c goja.FunctionCall) goja.Value {
			return rt.ToValue(len(e.events[eventName(c.Argument(0))]))
		})
	case "eventNames":
		return p.fn(name, func(goja.FunctionCall) goja.Value {
			out := make([]any, len(e.names))
			for i, n := range e.names {
				out[i] = n
			}
			return rt.NewArray(out...)
		})
	}
	return nil
}

// eventName is an event's key (symbols are not supported: their text).
func eventName(v goja.Value) string { return v.String() }

func (e *emitter) add(name, fn goja.Value, once, prepend bool) {
	call, ok := goja.AssertFunction(fn)
	if !ok {
		panic(util.InvalidArgType(e.p.rt, "listener", "function", fn))
	}
	key := eventName(name)
	if e.events == nil {
		e.events = map[string][]listener{}
	}
	if len(e.events[key]) == 0 {
		e.names = append(e.names, key)
	}
	l := listener{fn: fn, call: call, once: once}
	if prepend {
		e.events[key] = slices.Insert(e.events[key], 0, l)
	} else {
		e.events[key] = append(e.events[key], l)
	}
}

// remove removes the listener fn added last for name, as Node does.
func (e *emitter) remove(name string, fn goja.Value) {
	ls := e.events[name]
	for i := len(ls) - 1; i >= 0; i-- {
		if ls[i].fn.SameAs(fn) {
			e.events[name] = slices.Delete(slices.Clone(ls), i, i+1)
			if len(e.events[name]) == 0 {
				e.drop(name)
			}
			return
		}
	}
}

func (e *emitter) drop(name string) {
	delete(e.events, name)
	if i := slices.Index(e.names, name); i >= 0 {
		e.names = slices.Delete(e.names, i, i+1)
	}
}

// emit calls name's listeners in order with args, this being process;
// an exception in one propagates to emit's caller. An 'error' with no
// listener throws its argument, as Node does.
func (e *emitter) emit(name string, args ...goja.Value) bool {
	ls := e.events[name]
	if len(ls) == 0 {
		if name == "error" {
			if len(args) > 0 {
				panic(args[0])
			}
			err := newError(e.p.rt, "Error", "Unhandled error.")
			_ = err.Set("code", "ERR_UNHANDLED_ERROR")
			panic(err)
		}
		return false
	}
	ls = slices.Clone(ls) // listeners added or removed now wait for the next emit
	for _, l := range ls {
		if l.once {
			e.remove(name, l.fn)
		}
		if _, err := l.call(e.p.obj, args...); err != nil {
			panic(err)
		}
	}
	return true
}
