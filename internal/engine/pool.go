package engine

import (
	"strconv"
	"sync/atomic"

	"github.com/dop251/goja"
	"github.com/jsrun/jsrun/clone"
	"github.com/jsrun/jsrun/internal/jsutil"
)

// Pool is threads.Pool: long-lived worker runtimes, each seeded once with
// workerFn and the top-level bindings it uses (as threads.run seeds a
// thread), that take items from a bounded FIFO. submit blocks only while
// queueDepth items wait, and holds no lock while it does.
type Pool struct {
	group   *Group
	seed    *seed
	workers int
	depth   int
	jobs    fifo[*poolItem]
	// closed mirrors jobs.closed, so that submit refuses an item for a
	// closed pool before cloning it (put would refuse it too, after).
	closed   atomic.Bool
	inflight WaitGroup // items submitted and not yet settled: what pending reports
	// remote, for a cluster pool, takes the items (remote.go).
	remote RemotePool
}

// poolItem is one submitted item and the handle its result settles.
type poolItem struct {
	arg *clone.Snapshot
	num goja.Value // a number argument, passed as itself (see number.go)
	t   *thread
}

// submission is a local item and its handle in one allocation, where two
// cost a good part of a small item's submission.
type submission struct {
	thread thread
	item   poolItem
}

func (p *Pool) face(lib *library) *goja.Object { return lib.newFace(poolClass) }

func poolThis(lib *library, this goja.Value, m string) *Pool {
	return thisOf[*Pool](lib, this, "Pool", m)
}

// parsePoolOptions reads Pool(fn, 4) and Pool(fn, {workers, queueDepth}).
func (lib *library) parsePoolOptions(v goja.Value) (workers, depth int) {
	const what = "threads.Pool"
	workers = 4
	var depthVal goja.Value
	switch jsutil.TypeOf(v) {
	case "undefined", "null":
	case "number", "bigint":
		workers = int(lib.boundedInt(v, 1, 4096, what+": argument 'workers'"))
	case "object":
		obj := v.(*goja.Object)
		if w := obj.Get("workers"); w != nil && !goja.IsUndefined(w) {
			workers = int(lib.boundedInt(w, 1, 4096, what+": option 'workers'"))
		}
		depthVal = obj.Get("queueDepth")
	default:
		lib.typeError("%s: argument 'options' must be a number of workers or an object like {workers, queueDepth}, got %s", what, jsutil.TypeOf(v))
	}
	depth = workers * 2
	if depthVal != nil && !goja.IsUndefined(depthVal) {
		depth = int(lib.boundedInt(depthVal, 1, 1<<31, what+": option 'queueDepth'"))
	}
	return workers, depth
}

// boundedInt is intArg within [lo, hi], a RangeError outside.
func (lib *library) boundedInt(v goja.Value, lo, hi int64, what string) int64 {
	n := lib.intArg(v, what)
	if n < lo || n > hi {
		lib.rangeError("%s must be between %d and %d, got %d", what, lo, hi, n)
	}
	return n
}

var poolClass = &class{
	name: "Pool",
	construct: func(lib *library, c goja.FunctionCall) refHolder {
		_, fn := lib.functionArg(c.Argument(0), "threads.Pool: argument 'workerFn'")
		workers, depth := lib.parsePoolOptions(c.Argument(1))
		if name := lib.clusterOption(c.Argument(1)); name != "" {
			return lib.newRemotePool(name, fn, workers, remoteDepth(c.Argument(1), depth))
		}
		g := lib.r.group
		if limit := int64(g.env.cfg.MaxThreads); g.live.Load()+int64(workers) > limit {
			lib.rangeError("threads.Pool: %d workers would pass the limit of %d threads alive at once", workers, limit)
		}
		s, err := lib.prepare(fn, "workerFn", nil)
		if err != nil {
			lib.throw(err)
		}
		p := &Pool{group: g, seed: s, workers: workers, depth: depth}
		p.jobs.max = depth
		p.jobs.idlePool = p
		for range workers {
			p.startWorker()
		}
		return p
	},
	methods: []method{
		{"submit", func(lib *library, this goja.Value, c goja.FunctionCall) goja.Value {
			p := poolThis(lib, this, "submit")
			a := lib.signalOption(c.Argument(1), "Pool.submit")
			return lib.newPromiseView(p.submitStop(lib, c.Argument(0), opSubmit, a), true).obj
		}},
		{"map", func(lib *library, this goja.Value, c goja.FunctionCall) goja.Value {
			p := poolThis(lib, this, "map")
			items := p.submitAll(lib, c.Argument(0), opMap)
			out := make([]any, len(items))
			v := &promiseView{} // one for all: none outlives its turn
			for i, t := range items {
				*v = promiseView{t: t, lib: lib}
				v.await("Pool.map")
				out[i] = v.result()
			}
			return lib.r.RT.NewArray(out...)
		}},
		{"mapAsync", func(lib *library, this goja.Value, c goja.FunctionCall) goja.Value {
			p := poolThis(lib, this, "mapAsync")
			items := p.submitAll(lib, c.Argument(0), opMapAsync)
			promise, settle := lib.asyncResult()
			left := atomic.Int64{}
			left.Store(int64(len(items)))
			finish := func() {
				settle(func() (goja.Value, error) {
					out := make([]any, len(items))
					for i, t := range items {
						v := &promiseView{t: t, lib: lib}
						val, thrown := v.outcome()
						if thrown {
							return nil, &thrownValue{val}
						}
						out[i] = val
					}
					return lib.r.RT.NewArray(out...), nil
				})
			}
			if len(items) == 0 {
				finish()
			}
			for _, t := range items {
				t.subscribe(func() {
					if left.Add(-1) == 0 {
						finish()
					}
				})
			}
			return promise
		}},
		{"close", func(lib *library, this goja.Value, c goja.FunctionCall) goja.Value {
			p := poolThis(lib, this, "close")
			if lib.r.pool == p {
				lib.throwFault(&Fault{Name: "Error", Message: "Pool.close: called from one of the pool's own workers, it would wait for itself; close the pool from outside it"})
			}
			p.closed.Store(true)
			p.jobs.close()
			p.inflight.wait(lib, "Pool.close", 0)
			return goja.Undefined()
		}},
	},
	getters: []method{
		{"workers", func(lib *library, this goja.Value, c goja.FunctionCall) goja.Value {
			return lib.r.RT.ToValue(poolThis(lib, this, "workers").workers)
		}},
		{"pending", func(lib *library, this goja.Value, c goja.FunctionCall) goja.Value {
			return lib.r.RT.ToValue(poolThis(lib, this, "pending").inflight.count())
		}},
		{"closed", func(lib *library, this goja.Value, c goja.FunctionCall) goja.Value {
			return lib.r.RT.ToValue(poolThis(lib, this, "closed").closed.Load())
		}},
	},
}

// thrownValue carries a value to throw through an error return.
type thrownValue struct{ v goja.Value }

func (t *thrownValue) Error() string { return t.v.String() }

// catchThrown, deferred in a settle function, turns a JavaScript value
// thrown by goja's panic (lib.throw and friends) into that function's
// error, so the promise rejects with the value itself. Any other panic
// goes on.
func catchThrown(res *goja.Value, err *error) {
	if x := recover(); x != nil {
		v, ok := x.(goja.Value)
		if !ok {
			panic(x)
		}
		*res, *err = nil, &thrownValue{v}
	}
}

// poolOp is one of Pool's submitting methods, with the labels its errors
// use made once: building them per item allocated on every submission.
type poolOp struct {
	method, label, item string // "map", "Pool.map", "Pool.map: argument 'item'"
}

func newPoolOp(method string) *poolOp {
	return &poolOp{method: method, label: "Pool." + method, item: "Pool." + method + ": argument 'item'"}
}

var (
	opSubmit   = newPoolOp("submit")
	opMap      = newPoolOp("map")
	opMapAsync = newPoolOp("mapAsync")
)

// submit queues one item, blocking while queueDepth items wait.
func (p *Pool) submit(lib *library, item goja.Value, op *poolOp) *thread {
	return p.submitStop(lib, item, op, nil)
}

// submitStop is submit whose wait for room a {signal} also ends.
func (p *Pool) submitStop(lib *library, item goja.Value, op *poolOp, a *abortWatch) *thread {
	if p.closed.Load() {
		lib.throwFault(&Fault{Name: PoolClosedError, Message: op.label + ": the pool is closed"})
	}
	if p.remote != nil {
		return p.submitRemote(lib, item, op)
	}
	var arg *clone.Snapshot
	var num goja.Value
	if lib.passNumber(item, lib.cloneOptions(false)) {
		num = item
	} else {
		arg = lib.snapshot(item, op.item)
	}
	g := p.group
	sub := &submission{
		thread: thread{id: g.nextID.Add(1), group: g, ctx: g.ctx, cancel: noCancel, poolItem: true},
		item:   poolItem{arg: arg, num: num},
	}
	t := &sub.thread
	sub.item.t = t
	if err := p.inflight.add(1); err != nil {
		lib.rangeError("%s: too many items in flight", op.label)
	}
	switch e := p.jobs.putStop(lib.r, &sub.item, op.label, 0, true, a.stop()); e {
	case fifoOK:
		g.env.stats.poolQueued.Add(1)
		return t
	case fifoAborted:
		p.itemDone()
		lib.throwAborted(a)
	case fifoClosed:
		p.itemDone()
		lib.throwFault(&Fault{Name: PoolClosedError, Message: op.label + ": the pool is closed"})
	default:
		p.itemDone()
		lib.throwFault(cancelFault(lib.r.ctx, op.label))
	}
	return nil
}

// submitAll submits every item of an iterable, in order. An array is read
// by index: goja's iterator protocol costs most of a small item's
// submission (a result object per step).
func (p *Pool) submitAll(lib *library, items goja.Value, op *poolOp) []*thread {
	switch jsutil.TypeOf(items) {
	case "array":
		arr := items.(*goja.Object)
		n := arr.Get("length").ToInteger()
		out := make([]*thread, 0, n)
		for i := int64(0); i < n; i++ {
			out = append(out, p.submit(lib, arr.Get(strconv.FormatInt(i, 10)), op))
		}
		return out
	case "object":
	default:
		lib.typeError("%s: argument 'items' must be an array or another iterable, got %s", op.label, jsutil.TypeOf(items))
	}
	var out []*thread
	lib.r.RT.ForOf(items, func(v goja.Value) bool {
		out = append(out, p.submit(lib, v, op))
		return true
	})
	return out
}

func noCancel(error) {}

func (p *Pool) itemDone() {
	_ = p.inflight.add(-1) // cannot go negative: one done per counted item
}

// shutdown closes the pool when nothing can submit to it any more.
func (p *Pool) shutdown() {
	p.closed.Store(true)
	p.jobs.close()
}

func (p *Pool) startWorker() {
	g := p.group
	id := g.nextID.Add(1)
	g.live.Add(1)
	g.env.stats.threadStarted()
	g.threads.Add(1)
	g.enter()
	go p.work("thread " + strconv.FormatInt(id, 10) + " (Pool worker)")
}

// work is one worker: a runtime seeded once, taking items until the pool
// closes or the evaluation ends.
func (p *Pool) work(name string) {
	g := p.group
	gone := func() {
		g.live.Add(-1)
		g.env.stats.threadEnded()
		g.leave()
		g.threads.Done()
	}
	tk := g.env.watchTask(g.ctx, gone) // see task: a worker stuck in an item
	defer func() {
		if tk.end() {
			gone()
		}
	}()
	r, err := g.newRuntime(g.ctx, name, false)
	if err != nil {
		g.Stop(err)
		return
	}
	r.pool = p
	err = r.Loop.Run(g.ctx, func() error {
		fn, _, err := p.seed.plant(r, false)
		if err != nil {
			return err
		}
		p.next(r, fn)
		return nil
	})
	if err != nil && g.ctx.Err() == nil {
		g.Stop(err)
	}
}

// next runs items until one returns a pending promise (then it goes on when
// that settles) or the pool is closed and drained.
func (p *Pool) next(r *Runtime, fn goja.Callable) {
	for {
		it, e := p.jobs.get(r, "Pool worker: waiting for items", 0, true)
		if e != fifoOK {
			return
		}
		if !r.group.env.stats.poolItemStarted(it.t) || it.t.settled.Load() { // cancelled while it waited
			p.itemDone()
			continue
		}
		arg, err := it.num, error(nil)
		if arg == nil {
			arg, err = it.arg.RestoreValue(r.RT, r.lib.codec)
		}
		it.arg, it.num = nil, nil // the handle outlives the item: let the argument go
		var ret goja.Value
		if err == nil {
			ret, err = fn(goja.Undefined(), arg)
		}
		if err != nil {
			if r.ctx.Err() != nil {
				return
			}
			it.t.settleError(r, err)
			p.itemDone()
			continue
		}
		if obj, pr := asPromise(ret); pr != nil {
			if pr.State() == goja.PromiseStatePending {
				it.t.settleLater(r, obj, pr, func() {
					p.itemDone()
					p.next(r, fn)
				})
				return
			}
			it.t.settleLater(r, obj, pr, nil)
			p.itemDone()
			continue
		}
		it.t.settleValue(r, ret)
		p.itemDone()
	}
}
