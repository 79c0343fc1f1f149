//go:build jsrun_cluster

package host

import (
	"context"
	"errors"
	"sync"
	"sync/atomic"

	"github.com/jsrun/jsrun/cluster"
	"github.com/jsrun/jsrun/internal/engine"
	"github.com/nats-io/nats.go"
)

// This file is built with the jsrun_cluster tag only: without it the
// host (and every program that imports it) links no NATS code, which
// costs about 3 ms and 5 MiB at every start. cluster_off.go stands in.

// WithNATS names the NATS connection (with JetStream) of the cluster:
// threads.Pool(fn, {cluster: name}) then runs its items on the workers of
// the cluster pool name (`jsrun worker --pool name`), wherever they are.
// The caller owns nc: Close does not close it. Without this option such a
// Pool is an Error that says no cluster is configured.
func WithNATS(nc *nats.Conn) Option {
	return func(o *options) {
		if nc == nil {
			o.fail("WithNATS: a nil connection")
			return
		}
		o.cluster = &remotePools{nc: nc}
	}
}

// remotePools opens cluster pools for the engine over one cluster.Client,
// made on first use.
type remotePools struct {
	nc     *nats.Conn
	mu     sync.Mutex
	client *cluster.Client
	closed bool
}

func (rp *remotePools) OpenPool(ctx context.Context, name string, seed []byte) (engine.RemotePool, error) {
	c, err := rp.clientFor(ctx)
	if err != nil {
		return nil, err
	}
	p, err := c.Pool(ctx, name, seed, cluster.PoolOptions{})
	if err != nil {
		return nil, err
	}
	return remotePool{p}, nil
}

func (rp *remotePools) OpenAtomic(ctx context.Context, name string, initial int64) (engine.RemoteAtomic, error) {
	c, err := rp.clientFor(ctx)
	if err != nil {
		return nil, err
	}
	return c.Atomic(ctx, name, initial)
}

func (rp *remotePools) OpenQueue(ctx context.Context, name string, max int) (engine.RemoteQueue, error) {
	c, err := rp.clientFor(ctx)
	if err != nil {
		return nil, err
	}
	q, err := c.Queue(ctx, name, max)
	if err != nil {
		return nil, err
	}
	return remoteQueue{q}, nil
}

// remoteQueue is a cluster Queue for the engine: the cluster's
// ErrQueueClosed becomes the engine's.
type remoteQueue struct{ q *cluster.Queue }

func queueErr(err error) error {
	if errors.Is(err, cluster.ErrQueueClosed) {
		return engine.ErrRemoteQueueClosed
	}
	return err
}

func (q remoteQueue) Put(ctx context.Context, item []byte, wait bool) (bool, error) {
	ok, err := q.q.Put(ctx, item, wait)
	return ok, queueErr(err)
}

func (q remoteQueue) Get(ctx context.Context, wait bool) ([]byte, func(bool), error) {
	item, ack, err := q.q.Get(ctx, wait)
	return item, ack, queueErr(err)
}

func (q remoteQueue) Size(ctx context.Context) (int, error) { return q.q.Size(ctx) }

func (q remoteQueue) Closed(ctx context.Context) (bool, error) { return q.q.Closed(ctx) }

func (q remoteQueue) Close(ctx context.Context) error { return q.q.Close(ctx) }

// clientFor returns the client, made on first use.
func (rp *remotePools) clientFor(ctx context.Context) (*cluster.Client, error) {
	rp.mu.Lock()
	defer rp.mu.Unlock()
	if rp.closed {
		return nil, ErrClosed
	}
	if rp.client == nil {
		c, err := cluster.NewClient(ctx, rp.nc)
		if err != nil {
			return nil, err
		}
		rp.client = c
	}
	return rp.client, nil
}

// close stops receiving results: the items still pending fail.
func (rp *remotePools) close() {
	rp.mu.Lock()
	c := rp.client
	rp.client, rp.closed = nil, true
	rp.mu.Unlock()
	if c != nil {
		c.Close()
	}
}

type remotePool struct{ p *cluster.Pool }

// Submit reports the item's result, or ctx's end if that comes first (the
// evaluation waits for every item it sent), once, with no goroutine per
// item.
func (p remotePool) Submit(ctx context.Context, arg []byte, done func(string, []byte, error)) (func(), error) {
	var once atomic.Bool
	var stop atomic.Pointer[func() bool]
	call, err := p.p.SubmitFunc(ctx, arg, func(res cluster.Result, err error) {
		if once.CompareAndSwap(false, true) {
			if f := stop.Load(); f != nil {
				(*f)()
			}
			done(string(res.Status), res.Data, err)
		}
	})
	if err != nil {
		return nil, err
	}
	f := context.AfterFunc(ctx, func() {
		if once.CompareAndSwap(false, true) {
			done("", nil, context.Cause(ctx))
		}
	})
	stop.Store(&f)
	if once.Load() { // settled before AfterFunc was stored
		f()
	}
	return func() { _ = call.Cancel() }, nil
}

// ClusterRunner returns what runs cluster items under this host's
// configuration (file system, memory limit, limits): `jsrun worker`
// serves a pool with it. It runs the items of one seed and one caller on
// a runtime seeded once (a slot), one item at a time, as a local Pool's
// worker does: an item sees the globals earlier items of that pool left
// on that slot, nothing else. An item that ends its slot (cancelled, timed
// out, out of memory, process.exit) takes a fresh one next time. RunWorker
// closes it (io.Closer) when it returns, and Close ends its slots too.
func (h *Host) ClusterRunner() cluster.Runner { return &clusterRunner{h: h} }

// maxIdleSlots bounds the seeded runtimes a runner keeps between items.
const maxIdleSlots = 64

type clusterRunner struct {
	h    *Host
	mu   sync.Mutex
	idle []idleSlot // oldest first
}

type idleSlot struct {
	key string // seed key and caller
	sl  *engine.ItemSlot
}

func (r *clusterRunner) RunItem(ctx context.Context, it cluster.Item, seed []byte) cluster.Result {
	key := it.Seed + " " + it.Reply
	for range 2 { // a slot that ended while idle did not run the item: once more, on a new one
		sl := r.take(key)
		if sl == nil {
			var err error
			if sl, err = r.newSlot(it.Seed, seed); err != nil {
				return cluster.Failed(it.ID, err.Error())
			}
		}
		st, data, alive, ran := sl.Run(ctx, it.Arg)
		if alive {
			r.put(key, sl)
		} else {
			sl.Close()
		}
		if ran || st != "" {
			return cluster.Result{ID: it.ID, Status: cluster.Status(st), Data: data}
		}
	}
	return cluster.Failed(it.ID, "the worker's runtimes kept ending before the item ran")
}

// newSlot starts a slot: an evaluation of the host's, until the slot ends.
func (r *clusterRunner) newSlot(key string, seed []byte) (*engine.ItemSlot, error) {
	h := r.h
	end, err := h.life.begin()
	if err != nil {
		return nil, err
	}
	ctx, _ := withEvalState(context.Background())
	ctx, _, unwatch := h.watchMemory(ctx)
	sl, err := h.env.NewItemSlot(ctx, key, seed)
	if err != nil {
		unwatch()
		end()
		return nil, err
	}
	go func() {
		<-sl.Done()
		unwatch()
		end()
	}()
	return sl, nil
}

// take returns an idle slot of key, or nil.
func (r *clusterRunner) take(key string) *engine.ItemSlot {
	r.mu.Lock()
	defer r.mu.Unlock()
	for i := len(r.idle) - 1; i >= 0; i-- {
		if r.idle[i].key == key {
			sl := r.idle[i].sl
			r.idle = append(r.idle[:i], r.idle[i+1:]...)
			return sl
		}
	}
	return nil
}

// put keeps sl idle, ending the oldest idle slot past maxIdleSlots.
func (r *clusterRunner) put(key string, sl *engine.ItemSlot) {
	r.mu.Lock()
	r.idle = append(r.idle, idleSlot{key, sl})
	var old *engine.ItemSlot
	if len(r.idle) > maxIdleSlots {
		old = r.idle[0].sl
		r.idle = r.idle[1:]
	}
	r.mu.Unlock()
	if old != nil {
		old.Close()
	}
}

// Close ends the idle slots.
func (r *clusterRunner) Close() error {
	r.mu.Lock()
	idle := r.idle
	r.idle = nil
	r.mu.Unlock()
	for _, s := range idle {
		s.sl.Close()
	}
	return nil
}
