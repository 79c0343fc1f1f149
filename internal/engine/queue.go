package engine

import (
	"context"

	"github.com/dop251/goja"
	"github.com/jsrun/jsrun/clone"
	"github.com/jsrun/jsrun/internal/jsutil"
)

// Queue is threads.Queue: a FIFO of structured clones shared by every
// runtime that holds it. maxsize <= 0 means unbounded.
type Queue struct {
	q fifo[*clone.Snapshot]
	// remote, for threads.Queue(n, {cluster: name}), holds the items
	// instead of q (remote_queue.go).
	remote RemoteQueue
	name   string
}

func (q *Queue) face(lib *library) *goja.Object { return lib.newFace(queueClass) }

func queueThis(lib *library, this goja.Value, m string) *Queue {
	return thisOf[*Queue](lib, this, "Queue", m)
}

// fail throws the error for a fifo outcome of Queue.method.
func (lib *library) failQueue(e fifoError, method string) {
	switch e {
	case fifoClosed:
		lib.throwFault(&Fault{Name: QueueClosedError, Message: "Queue." + method + ": the queue is closed"})
	case fifoTimeout:
		lib.throwFault(&Fault{Name: TimeoutError, Message: "Queue." + method + ": timed out"})
	case fifoStopped:
		lib.throwFault(cancelFault(lib.r.ctx, "Queue."+method))
	case fifoLimit:
		lib.rangeError("Queue.%s: the queues of this evaluation hold %d items, the host's limit (MaxQueuedItems)", method, lib.r.group.env.cfg.MaxQueuedItems)
	}
}

// queueOp is one of Queue's put and get methods, with the labels its
// errors use made once: building them per call allocated on every put
// and get.
type queueOp struct {
	method, label, item string // "put", "Queue.put", "Queue.put: argument 'item'"
	block               bool
}

func newQueueOp(method string, block bool) *queueOp {
	return &queueOp{method: method, label: "Queue." + method, item: "Queue." + method + ": argument 'item'", block: block}
}

var (
	opPut    = newQueueOp("put", true)
	opTryPut = newQueueOp("tryPut", false)
	opGet    = newQueueOp("get", true)
	opTryGet = newQueueOp("tryGet", false)
)

func (lib *library) queuePut(this goja.Value, c goja.FunctionCall, op *queueOp) fifoError {
	q := queueThis(lib, this, op.method)
	if q.remote != nil {
		return q.remotePut(lib, c, op)
	}
	timeout := lib.timeoutOption(c.Argument(1), op.label)
	a := lib.signalOption(c.Argument(1), op.label)
	item := lib.snapshot(c.Argument(0), op.item)
	e := q.q.putStop(lib.r, item, op.label, timeout, op.block, a.stop())
	if e == fifoAborted {
		lib.throwAborted(a)
	}
	if e != fifoFull {
		lib.failQueue(e, op.method)
	}
	return e
}

func (lib *library) queueGet(this goja.Value, c goja.FunctionCall, op *queueOp) (goja.Value, fifoError) {
	q := queueThis(lib, this, op.method)
	if q.remote != nil {
		return q.remoteGet(lib, c, op)
	}
	timeout := lib.timeoutOption(c.Argument(0), op.label)
	a := lib.signalOption(c.Argument(0), op.label)
	item, e := q.q.getStop(lib.r, op.label, timeout, op.block, a.stop())
	if e == fifoAborted {
		lib.throwAborted(a)
	}
	if e == fifoEmpty {
		return nil, e
	}
	lib.failQueue(e, op.method)
	return lib.restoreOrThrow(item), fifoOK
}

var queueClass = &class{
	name: "Queue",
	construct: func(lib *library, c goja.FunctionCall) refHolder {
		max := lib.optionalInt(c.Argument(0), 0, "threads.Queue: argument 'maxsize'")
		if max > 1<<31 {
			lib.rangeError("threads.Queue: argument 'maxsize' must be at most 2^31, got %d", max)
		}
		g := lib.r.group
		q := &Queue{q: fifo[*clone.Snapshot]{max: int(max), queued: &g.queued, limit: g.env.cfg.MaxQueuedItems}}
		lib.openRemoteQueue(q, max, c.Argument(1))
		return q
	},
	methods: []method{
		{"put", func(lib *library, this goja.Value, c goja.FunctionCall) goja.Value {
			lib.queuePut(this, c, opPut)
			return goja.Undefined()
		}},
		{"tryPut", func(lib *library, this goja.Value, c goja.FunctionCall) goja.Value {
			return lib.r.RT.ToValue(lib.queuePut(this, c, opTryPut) == fifoOK)
		}},
		{"get", func(lib *library, this goja.Value, c goja.FunctionCall) goja.Value {
			v, _ := lib.queueGet(this, c, opGet)
			return v
		}},
		{"tryGet", func(lib *library, this goja.Value, c goja.FunctionCall) goja.Value {
			v, e := lib.queueGet(this, goja.FunctionCall{}, opTryGet)
			if e == fifoEmpty {
				return c.Argument(0) // the fallback, undefined by default
			}
			return v
		}},
		{"putAsync", func(lib *library, this goja.Value, c goja.FunctionCall) goja.Value {
			q := queueThis(lib, this, "putAsync")
			if q.remote != nil {
				return q.remotePutAsync(lib, c)
			}
			item := lib.snapshot(c.Argument(0), "Queue.putAsync: argument 'item'")
			p, settle := lib.asyncResult()
			q.q.putAsync(lib.r.ctx, item, func(e fifoError) {
				settle(func() (goja.Value, error) {
					switch e {
					case fifoLimit:
						return nil, &Fault{Name: "RangeError", Message: "Queue.putAsync: the queues of this evaluation hold as many items as the host allows (MaxQueuedItems)"}
					case fifoClosed:
						return nil, &Fault{Name: QueueClosedError, Message: "Queue.putAsync: the queue is closed"}
					case fifoStopped:
						return nil, cancelFault(lib.r.ctx, "Queue.putAsync")
					}
					return goja.Undefined(), nil
				})
			})
			return p
		}},
		{"getAsync", func(lib *library, this goja.Value, c goja.FunctionCall) goja.Value {
			q := queueThis(lib, this, "getAsync")
			return lib.getPromise(q, "Queue.getAsync", func(v goja.Value) goja.Value { return v }, func() (goja.Value, error) {
				return nil, &Fault{Name: QueueClosedError, Message: "Queue.getAsync: the queue is closed"}
			})
		}},
		{"size", func(lib *library, this goja.Value, c goja.FunctionCall) goja.Value {
			q := queueThis(lib, this, "size")
			if q.remote != nil {
				return lib.r.RT.ToValue(remoteCall(lib, q, "Queue.size", q.remote.Size))
			}
			return lib.r.RT.ToValue(q.q.size())
		}},
		{"close", func(lib *library, this goja.Value, c goja.FunctionCall) goja.Value {
			q := queueThis(lib, this, "close")
			if q.remote != nil {
				remoteCall(lib, q, "Queue.close", func(ctx context.Context) (struct{}, error) { return struct{}{}, q.remote.Close(ctx) })
				return goja.Undefined()
			}
			q.q.close()
			return goja.Undefined()
		}},
	},
	getters: []method{
		{"closed", func(lib *library, this goja.Value, c goja.FunctionCall) goja.Value {
			q := queueThis(lib, this, "closed")
			if q.remote != nil {
				return lib.r.RT.ToValue(remoteCall(lib, q, "Queue.closed", q.remote.Closed))
			}
			return lib.r.RT.ToValue(q.q.isClosed())
		}},
	},
	iterate: func(lib *library, this goja.Value) goja.Value {
		q := queueThis(lib, this, "[Symbol.iterator]")
		rt := lib.r.RT
		it := rt.NewObject()
		_ = it.Set("next", jsutil.Func(rt, "next", func(goja.FunctionCall) goja.Value {
			res := rt.NewObject()
			if q.remote != nil {
				v, closed := q.remoteNext(lib)
				_ = res.Set("done", closed)
				_ = res.Set("value", v)
				return res
			}
			item, e := q.q.get(lib.r, "Queue iteration", 0, true)
			if e == fifoClosed {
				_ = res.Set("done", true)
				_ = res.Set("value", goja.Undefined())
				return res
			}
			lib.failQueue(e, "[Symbol.iterator]().next")
			_ = res.Set("done", false)
			_ = res.Set("value", lib.restoreOrThrow(item))
			return res
		}))
		return it
	},
}

// asyncResult makes a Promise in this runtime that the returned settle
// function settles later, from any goroutine: settle posts make to the
// runtime's loop, which keeps running (and alive) until then.
func (lib *library) asyncResult() (goja.Value, func(make func() (goja.Value, error))) {
	rt := lib.r.RT
	p, resolve, reject := rt.NewPromise()
	report := lib.r.Loop.RegisterCallback()
	return rt.ToValue(p), func(make func() (goja.Value, error)) {
		report(func() error {
			v, err := make()
			if err != nil {
				return reject(lib.errorValue(err))
			}
			return resolve(v)
		})
	}
}
