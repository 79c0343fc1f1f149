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

// installSymbols defines the wellKnownSymbols goja lacks on Symbol.
func installSymbols(rt *goja.Runtime) {
	sym, ok := rt.Get("Symbol").(*goja.Object)
	if !ok {
		return
	}
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
		if q.remote != nil {
			return q.remoteGetAsync(lib, "Queue[Symbol.asyncIterator]().next", func(v goja.Value, closed bool) (goja.Value, error) {
				if closed {
					return result(goja.Undefined(), true), nil
				}
				return result(v, false), nil
			})
		}
		p, settle := lib.asyncResult()
		q.q.getAsync(lib.r.ctx, func(take func() (*clone.Snapshot, fifoError, bool)) {
			settle(func() (goja.Value, error) {
				item, e, ok := take()
				switch {
				case !ok:
					return nil, cancelFault(lib.r.ctx, "Queue[Symbol.asyncIterator]().next")
				case e != fifoOK:
					return result(goja.Undefined(), true), nil
				}
				v, err := item.RestoreValue(rt, lib.codec)
				if err != nil {
					return nil, err
				}
				return result(v, false), nil
			})
		})
		return p
	}))
	if s := asyncIteratorSymbol(rt); s != nil {
		_ = it.SetSymbol(s, jsutil.Func(rt, "[Symbol.asyncIterator]", func(c goja.FunctionCall) goja.Value { return c.This }))
	}
	return it
}
