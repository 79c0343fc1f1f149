package engine

// Pools whose items run on other machines (threads.Pool(fn, {cluster})).
// The engine knows nothing of the cluster: the host gives it a
// RemotePools (Config.Remote) and runs the items it is sent with RunItem.

import (
	"context"
	"fmt"
	"sync"
	"sync/atomic"

	"github.com/dop251/goja"
	"github.com/jsrun/jsrun/clone"
)

// Outcomes of a remote item, as RemotePool reports them and RunItem
// returns them.
const (
	RemoteOK     = "ok"     // data: the wire form of the value returned
	RemoteThrown = "thrown" // data: the wire form of the value thrown
	RemoteFailed = "failed" // data: why the item did not run or end
)

// RemotePools opens the cluster pools a script names.
type RemotePools interface {
	// OpenPool makes or joins the pool name whose items run seed (the
	// wire form of workerFn and its bindings).
	OpenPool(ctx context.Context, name string, seed []byte) (RemotePool, error)
	// OpenAtomic makes or joins the cluster Atomic name, made with
	// initial if it does not exist yet.
	OpenAtomic(ctx context.Context, name string, initial int64) (RemoteAtomic, error)
	// OpenQueue makes or joins the cluster Queue name, made with the
	// bound max (0: none) if it does not exist yet.
	OpenQueue(ctx context.Context, name string, max int) (RemoteQueue, error)
}

// RemoteAtomic is a cluster Atomic: every change is a compare-and-set on
// the server.
type RemoteAtomic interface {
	Load(ctx context.Context) (int64, error)
	// Update sets the value to f(old) atomically (f may run more than
	// once); ok false from f leaves it. It returns the old value.
	Update(ctx context.Context, f func(old int64) (n int64, ok bool, err error)) (old int64, changed bool, err error)
}

// RemotePool submits items to one cluster pool.
type RemotePool interface {
	// Submit queues an item, its argument in clone's wire form, and
	// calls done once, from any goroutine, with its outcome (one of the
	// Remote constants and its data) or with err when it will have none.
	// cancel asks the worker running the item to stop it; done is still
	// called.
	Submit(ctx context.Context, arg []byte, done func(status string, data []byte, err error)) (cancel func(), err error)
}

// errNoCluster is the error of Pool(fn, {cluster}) with no cluster.
const errNoCluster = "threads.Pool: option 'cluster' names pool %q, but no cluster is configured (host.WithNATS, or jsrun --nats URL)"

// clusterOption returns the pool name of Pool(fn, {cluster}), or "".
func (lib *library) clusterOption(v goja.Value) string {
	obj, ok := v.(*goja.Object)
	if !ok {
		return ""
	}
	c := obj.Get("cluster")
	if c == nil || goja.IsUndefined(c) {
		return ""
	}
	if !goja.IsString(c) || c.String() == "" {
		lib.typeError("threads.Pool: option 'cluster' must be a non-empty string naming a cluster pool")
	}
	return c.String()
}

// newRemotePool makes the Pool of Pool(fn, {cluster: name}): no local
// workers; its items go to the cluster.
func (lib *library) newRemotePool(name string, fn *goja.Object, workers, depth int) *Pool {
	g := lib.r.group
	if g.env.cfg.Remote == nil {
		lib.throwFault(&Fault{Name: "Error", Message: fmt.Sprintf(errNoCluster, name)})
	}
	s, err := lib.prepare(fn, "workerFn", nil)
	if err != nil {
		lib.throw(err)
	}
	data, err := g.env.encodeSeed(s)
	if err != nil {
		lib.throw(err)
	}
	rp, err := g.env.cfg.Remote.OpenPool(g.ctx, name, data)
	if err != nil {
		lib.throwFault(&Fault{Name: "Error", Message: "threads.Pool: cluster pool " + name + ": " + err.Error()})
	}
	p := &Pool{group: g, workers: workers, depth: depth, remote: rp}
	p.jobs.max = depth
	return p
}

// defaultRemoteDepth is the items a cluster pool keeps in flight when its
// queueDepth is not given: enough to cover the round trip to the workers.
const defaultRemoteDepth = 1000

// remoteDepth is the queueDepth of a cluster pool: as given, else
// defaultRemoteDepth.
func remoteDepth(opts goja.Value, depth int) int {
	if obj, ok := opts.(*goja.Object); ok {
		if d := obj.Get("queueDepth"); d != nil && !goja.IsUndefined(d) {
			return depth
		}
	}
	return defaultRemoteDepth
}

// submitRemote sends one item to the cluster; its thread settles when the
// result arrives.
func (p *Pool) submitRemote(lib *library, item goja.Value, op *poolOp) *thread {
	if p.closed.Load() {
		lib.throwFault(&Fault{Name: PoolClosedError, Message: op.label + ": the pool is closed"})
	}
	arg := lib.snapshot(item, op.item)
	data, err := arg.AppendWire(nil, wireFuncs{p.group.env})
	if err != nil {
		lib.throw(err)
	}
	g := p.group
	// cancel() on the item's promise reaches the worker running it.
	var stop atomic.Pointer[func()]
	t := &thread{id: g.nextID.Add(1), group: g, ctx: g.ctx, done: make(chan struct{}), poolItem: true,
		cancel: func(error) {
			if f := stop.Load(); f != nil {
				(*f)()
			}
		}}
	// Backpressure: the fifo holds a token per item in flight, so this
	// put blocks (as a local Pool's submit does) while queueDepth items
	// are; each result takes one out.
	switch e := p.jobs.put(lib.r, &poolItem{t: t}, op.label, 0, true); e {
	case fifoOK:
	case fifoClosed:
		lib.throwFault(&Fault{Name: PoolClosedError, Message: op.label + ": the pool is closed"})
	default:
		lib.throwFault(cancelFault(lib.r.ctx, op.label))
	}
	if err := p.inflight.add(1); err != nil {
		p.untoken()
		lib.rangeError("%s: too many items in flight", op.label)
	}
	// An item in flight counts as a running runtime for the deadlock
	// detector (its result wakes whoever waits for it), and as a thread
	// the evaluation waits for: the RemotePool reports every item, with
	// an error when the evaluation's context ends first.
	g.enter()
	g.threads.Add(1)
	gone := func() {
		p.untoken()
		p.itemDone()
		g.leave()
		g.threads.Done()
	}
	cancel, err := p.remote.Submit(g.ctx, data, func(status string, data []byte, err error) {
		t.settle(remoteOutcome(t, status, data, err))
		gone()
	})
	if cancel != nil {
		stop.Store(&cancel)
	}
	if err != nil {
		gone()
		lib.throwFault(&Fault{Name: "Error", Message: op.label + ": " + err.Error()})
	}
	return t
}

// untoken takes one in-flight token out, admitting a blocked submit.
func (p *Pool) untoken() {
	p.jobs.mu.Lock()
	p.jobs.getNow()
	p.jobs.mu.Unlock()
}

// remoteOutcome is the outcome of a remote item's result.
func remoteOutcome(t *thread, status string, data []byte, err error) outcome {
	if err != nil {
		return outcome{fault: &Fault{Name: "Error", Message: t.name() + " got no result from the cluster: " + err.Error()}}
	}
	if status == RemoteFailed {
		return outcome{fault: &Fault{Name: "Error", Message: t.name() + " failed on a cluster worker: " + string(data)}}
	}
	snap, derr := clone.DecodeWire(data, nil)
	if derr != nil {
		return outcome{fault: &Fault{Name: DataCloneError, Message: t.name() + ": its result cannot be read: " + derr.Error()}}
	}
	if status == RemoteThrown {
		return outcome{thrown: snap}
	}
	return outcome{value: snap}
}

// seedCache keeps the seeds a worker decoded, by key: decoding compiles
// the pool's functions.
type seedCache struct {
	mu sync.Mutex
	m  map[string]*seed
}

const maxCachedSeeds = 64

// RunItem runs one cluster item in an evaluation of its own (a slot used
// once: see ItemSlot), under the Env's configuration (the host's limits
// and sandbox): it plants the seed (decoded once per seedKey), calls
// workerFn with the argument, waits for a Promise it returns, and returns
// the outcome (a Remote constant) and its data. It never panics:
// malformed input, a throw, a timeout (ctx) or a limit are outcomes like
// any other.
func (e *Env) RunItem(ctx context.Context, seedKey string, seedData, arg []byte) (status string, data []byte) {
	sl, err := e.NewItemSlot(ctx, seedKey, seedData)
	if err != nil {
		return RemoteFailed, []byte(err.Error())
	}
	defer sl.Close()
	status, data, _, ran := sl.Run(ctx, arg)
	if !ran && status == "" {
		return RemoteFailed, []byte("the item's evaluation ended before it ran")
	}
	return status, data
}

func (e *Env) remoteSeed(key string, data []byte) (*seed, error) {
	c := &e.seeds
	c.mu.Lock()
	s := c.m[key]
	c.mu.Unlock()
	if s != nil {
		return s, nil
	}
	s, err := e.decodeSeed(data)
	if err != nil {
		return nil, err
	}
	c.mu.Lock()
	if c.m == nil || len(c.m) >= maxCachedSeeds {
		c.m = map[string]*seed{}
	}
	c.m[key] = s
	c.mu.Unlock()
	return s, nil
}
