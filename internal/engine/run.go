package engine

import (
	"github.com/dop251/goja"
)

// run is threads.run(fn, ...args).
func (lib *library) run(c goja.FunctionCall) goja.Value {
	_, fn := lib.functionArg(c.Argument(0), "threads.run: argument 'fn'")
	r := lib.r
	if err := r.ctx.Err(); err != nil {
		lib.throwFault(cancelFault(r.ctx, "threads.run"))
	}
	g := r.group
	if limit := int64(g.env.cfg.MaxThreads); g.live.Load() >= limit {
		lib.rangeError("threads.run: too many threads alive at once (the limit is %d); wait for some to finish, or raise the host's MaxThreads", limit)
	}
	var args []goja.Value
	if len(c.Arguments) > 1 {
		args = c.Arguments[1:]
	}
	s, err := lib.prepare(fn, "fn", args)
	if err != nil {
		lib.throw(err)
	}
	t := g.start(r.thread, s)
	t.origin, t.hasOrigin = lib.caller()
	return lib.newPromiseView(t, true).obj
}

// caller is the frame of the script code calling the native function
// running now. Its position is formatted only if an error needs it.
func (lib *library) caller() (goja.StackFrame, bool) {
	var buf [3]goja.StackFrame
	for _, f := range lib.r.RT.CaptureCallStack(3, buf[:0]) {
		if f.SrcName() != "<native>" {
			return f, true
		}
	}
	return goja.StackFrame{}, false
}
