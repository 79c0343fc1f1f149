package engine

import (
	"github.com/dop251/goja"
	"github.com/jsrun/jsrun/clone"
	"github.com/jsrun/jsrun/internal/jsutil"
)

// Queue's [Symbol.asyncIterator]: `for await (const x of q)` takes items
// as getAsync does, without blocking the loop, and ends when the queue is
// closed and drained. goja has no Symbol.asyncIterator: every runtime
// gets it (and Symbol.dispose, Symbol.asyncDispose) as the symbols
// esbuild's lowered for-await and using fall back to,
// Symbol.for("Symbol.<name>"), so that code lowered by transform and
// this library agree on them.

func init() { queueClass.asyncIterate = queueAsyncIterator }

// wellKnownSymbols are the symbols goja lacks that lowered code uses.
var wellKnownSymbols = []string{"asyncIterator", "dispose", "asyncDispose"}

// installSymbols defines the wellKnownSymbols goja lacks on sym, rt's Symbol.
// A runtime makes Symbol on the first read of its global, which costs a
// thread that never reads it about a quarter of its runtime's making: the
// guard runs installSymbols then (guard.OnBuiltin), not at every start.
func installSymbols(rt *goja.Runtime, sym *goja.Object) {
	forFn, ok := goja.AssertFunction(sym.Get("for"))
	if !ok {
		return
	}
	for _, name := range wellKnownSymbols {
		if v := sym.Get(name); v != nil && !goja.IsUndefined(v) {
			continue
		}
		s, err := forFn(sym, rt.ToValue("Symbol."+name))
		if err != nil {
			continue
		}
		_ = sym.DefineDataProperty(name, s, goja.FLAG_FALSE, goja.FLAG_FALSE, goja.FLAG_FALSE)
	}
}

// asyncIteratorSymbol is Symbol.asyncIterator in rt.
func asyncIteratorSymbol(rt *goja.Runtime) *goja.Symbol {
	if sym, ok := rt.Get("Symbol").(*goja.Object); ok {
		if s, ok := sym.Get("asyncIterator").(*goja.Symbol); ok {
			return s
		}
	}
	return nil
}

// queueAsyncIterator returns an async iterator over this Queue: each
// next() is a promise of the next item, or of {done: true} once the queue
// is closed and empty.
func queueAsyncIterator(lib *library, this goja.Value) goja.Value {
	q := queueThis(lib, this, "[Symbol.asyncIterator]")
	rt := lib.r.RT
	it := rt.NewObject()
	result := func(v goja.Value, done bool) goja.Value {
		res := rt.NewObject()
		_ = res.Set("value", v)
		_ = res.Set("done", done)
		return res
	}
	_ = it.Set("next", jsutil.Func(rt, "next", func(goja.FunctionCall) goja.Value {
		return lib.getPromise(q, "Queue[Symbol.asyncIterator]().next",
			func(v goja.Value) goja.Value { return result(v, false) },
			func() (goja.Value, error) { return result(goja.Undefined(), true), nil })
	}))
	if s := asyncIteratorSymbol(rt); s != nil {
		_ = it.SetSymbol(s, jsutil.Func(rt, "[Symbol.asyncIterator]", func(c goja.FunctionCall) goja.Value { return c.This }))
	}
	return it
}

// getPromise is a promise of q's next item: item makes the value it
// resolves to from the item, closed settles it once q is closed and
// empty, and name names the call in a cancellation.
func (lib *library) getPromise(q *Queue, name string, item func(goja.Value) goja.Value, closed func() (goja.Value, error)) goja.Value {
	if q.remote != nil {
		return q.remoteGetAsync(lib, name, func(v goja.Value, isClosed bool) (goja.Value, error) {
			if isClosed {
				return closed()
			}
			return item(v), nil
		})
	}
	p, settle := lib.asyncResult()
	q.q.getAsync(lib.r.ctx, func(take func() (*clone.Snapshot, fifoError, bool)) {
		settle(func() (goja.Value, error) {
			snap, e, ok := take()
			switch {
			case !ok:
				return nil, cancelFault(lib.r.ctx, name)
			case e != fifoOK:
				return closed()
			}
			v, err := snap.RestoreValue(lib.r.RT, lib.codec)
			if err != nil {
				return nil, err
			}
			return item(v), nil
		})
	})
	return p
}
