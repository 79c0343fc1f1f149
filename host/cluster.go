//go:build jsrun_cluster

package host

import (
	"context"
	"errors"
	"sync"

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
// evaluation waits for every item it sent).
func (p remotePool) Submit(ctx context.Context, arg []byte, done func(string, []byte, error)) (func(), error) {
	call, err := p.p.Submit(ctx, arg)
	if err != nil {
		return nil, err
	}
	go func() {
		select {
		case <-call.Done():
			res, err := call.Result()
			done(string(res.Status), res.Data, err)
		case <-ctx.Done():
			done("", nil, context.Cause(ctx))
		}
	}()
	return func() { _ = call.Cancel() }, nil
}

// ClusterRunner returns what runs cluster items under this host's
// configuration (file system, memory limit, limits): each item is an
// evaluation of its own. `jsrun worker` serves a pool with it.
func (h *Host) ClusterRunner() cluster.Runner { return clusterRunner{h} }

type clusterRunner struct{ h *Host }

func (r clusterRunner) RunItem(ctx context.Context, it cluster.Item, seed []byte) cluster.Result {
	h := r.h
	end, err := h.life.begin()
	if err != nil {
		return cluster.Failed(it.ID, err.Error())
	}
	defer end()
	ctx, _, unwatch := h.watchMemory(ctx)
	defer unwatch()
	evalCtx, _ := withEvalState(ctx)
	st, data := h.env.RunItem(evalCtx, it.Seed, seed, it.Arg)
	return cluster.Result{ID: it.ID, Status: cluster.Status(st), Data: data}
}
