package host

import (
	"github.com/dop251/goja"
	"github.com/jsrun/jsrun/eventloop"
	"github.com/jsrun/jsrun/node/util"
)

// ticks is a runtime's process.nextTick queue. It is drained by one
// microtask, queued when the first callback arrives, which also runs the
// callbacks queued while it runs, in order. An exception in one ends the
// runtime's loop as an uncaught exception, as in Node.
type ticks struct {
	queue     []tick
	scheduled bool
	then      goja.Callable // the built-in Promise.prototype.then
}

type tick struct {
	cb   goja.Callable
	args []goja.Value
	gofn func() // or a Go job (emitWarning's)
}

func (p *process) nextTick(c goja.FunctionCall) goja.Value {
	cb, ok := goja.AssertFunction(c.Argument(0))
	if !ok {
		panic(util.InvalidArgType(p.rt, "callback", "function", c.Argument(0)))
	}
	var args []goja.Value
	if len(c.Arguments) > 1 {
		args = append(args, c.Arguments[1:]...)
	}
	p.ticks.add(p, cb, args)
	return goja.Undefined()
}

func (t *ticks) add(p *process, cb goja.Callable, args []goja.Value) {
	t.queue = append(t.queue, tick{cb: cb, args: args})
	t.schedule(p)
}

func (t *ticks) addGo(p *process, f func()) {
	t.queue = append(t.queue, tick{gofn: f})
	t.schedule(p)
}

func (t *ticks) schedule(p *process) {
	if t.scheduled {
		return
	}
	rt := p.rt
	if t.then == nil {
		// Read now, not at the runtime's making (most never tick); a
		// script that replaced Promise.prototype.then before its first
		// nextTick is not protected from itself.
		proto := rt.Get("Promise").ToObject(rt).Get("prototype").ToObject(rt)
		t.then, _ = goja.AssertFunction(proto.Get("then"))
	}
	t.scheduled = true
	pr, resolve, _ := rt.NewPromise()
	// Left with its Go name: only the built-in then sees this function.
	if _, err := t.then(rt.ToValue(pr), rt.ToValue(func(goja.FunctionCall) goja.Value {
		t.drain(p)
		return goja.Undefined()
	})); err != nil {
		t.scheduled = false
		panic(err)
	}
	_ = resolve(goja.Undefined())
}

// drain runs the queue, including what the callbacks add to it.
func (t *ticks) drain(p *process) {
	defer func() { t.scheduled = false }()
	for len(t.queue) > 0 {
		next := t.queue[0]
		t.queue[0] = tick{}
		t.queue = t.queue[1:]
		if next.gofn != nil {
			next.gofn()
			continue
		}
		if _, err := next.cb(goja.Undefined(), next.args...); err != nil {
			t.queue = nil
			p.r.Loop.Fail(eventloop.CallError(err))
			return
		}
	}
	t.queue = nil
}
