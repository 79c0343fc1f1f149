package cluster

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"
	"github.com/nats-io/nuid"
)

// ErrClosed fails the calls still pending when their Client closes.
var ErrClosed = errors.New("cluster: the client closed before the item's result arrived")

// Client submits items to cluster pools and receives their results, each
// exactly once: results arrive on a subject of the client's own, and the
// first result of an item settles its Call; any later one (the item ran
// again after a worker died before acknowledging it) is dropped.
type Client struct {
	nc      *nats.Conn
	js      jetstream.JetStream
	kv      jetstream.KeyValue
	id      string
	reply   string
	cc      jetstream.ConsumeContext
	seq     atomic.Uint64
	dropped atomic.Int64
	mu      sync.Mutex
	pending map[string]*Call
	closed  bool
	queues  queueSet // the cluster Queues opened (queue.go)
}

// Call is one submitted item.
type Call struct {
	c      *Client
	ID     string
	done   chan struct{}
	res    Result
	err    error
	notify func(Result, error) // SubmitFunc's

	cancelling atomic.Bool // Cancel is sending its message again
}

// settle sets the call's outcome, once: its pending entry is gone.
func (c *Call) settle(res Result, err error) {
	c.res, c.err = res, err
	if c.notify != nil {
		c.notify(res, err)
	}
	close(c.done)
}

// Done is closed when the result is in (or the client closed).
func (c *Call) Done() <-chan struct{} { return c.done }

// Result returns the item's result once Done is closed; err is ErrClosed
// when the client closed first.
func (c *Call) Result() (Result, error) {
	<-c.done
	return c.res, c.err
}

// Cancel asks the workers to stop the item: the one running it stops it
// and reports it failed; one that gets it later reports it failed without
// running it (workers remember recent cancels). The call still settles,
// with that result. A cancel is a core NATS message, at most once, so a
// worker that joins later would miss it: Cancel sends it again, 100 ms
// after the first and then at most every 2 s, until the call settles.
func (c *Call) Cancel() error {
	if err := c.c.nc.Publish(cancelPrefix+c.ID, nil); err != nil {
		return err
	}
	if c.cancelling.Swap(true) {
		return nil // already repeating
	}
	go c.repeatCancel()
	return nil
}

// repeatCancel sends the call's cancel again until the call settles.
func (c *Call) repeatCancel() {
	wait := cancelRepeatFirst
	t := time.NewTimer(wait)
	defer t.Stop()
	for {
		select {
		case <-c.done:
			return
		case <-t.C:
		}
		_ = c.c.nc.Publish(cancelPrefix+c.ID, nil) // a closed connection: the client fails the call
		wait = min(2*wait, cancelRepeatMax)
		t.Reset(wait)
	}
}

// How often Cancel sends its message again.
const (
	cancelRepeatFirst = 100 * time.Millisecond
	cancelRepeatMax   = 2 * time.Second
)

// NewClient makes a client on nc. Close it to stop receiving results.
func NewClient(ctx context.Context, nc *nats.Conn) (*Client, error) {
	c := &Client{nc: nc, id: nuid.Next(), pending: map[string]*Call{}}
	// Items are published without waiting for the server; one it refuses
	// fails its call here, with no goroutine per item.
	js, err := jetstream.New(nc, jetstream.WithPublishAsyncErrHandler(c.notQueued))
	if err != nil {
		return nil, fmt.Errorf("cluster: %w", err)
	}
	if err := ensureResults(ctx, js); err != nil {
		return nil, err
	}
	kv, err := seedStore(ctx, js)
	if err != nil {
		return nil, err
	}
	c.js, c.kv = js, kv
	c.reply = resultPrefix + c.id
	cons, err := js.OrderedConsumer(ctx, resultStream, jetstream.OrderedConsumerConfig{
		FilterSubjects: []string{c.reply},
	})
	if err != nil {
		return nil, fmt.Errorf("cluster: results consumer: %w", err)
	}
	c.cc, err = cons.Consume(c.receive)
	if err != nil {
		return nil, fmt.Errorf("cluster: results consumer: %w", err)
	}
	return c, nil
}

// receive settles the call of a result, the first time only.
func (c *Client) receive(m jetstream.Msg) {
	r, err := parseResult(m.Headers(), m.Data())
	if err != nil {
		c.dropped.Add(1)
		return
	}
	c.mu.Lock()
	call := c.pending[r.ID]
	delete(c.pending, r.ID)
	c.mu.Unlock()
	if call == nil {
		c.dropped.Add(1) // a duplicate, or not ours
		return
	}
	call.settle(r, nil)
}

// Close stops receiving results and fails the calls still pending with
// ErrClosed.
func (c *Client) Close() {
	c.queues.close()
	c.cc.Stop()
	<-c.cc.Closed()
	c.mu.Lock()
	c.closed = true
	pending := c.pending
	c.pending = map[string]*Call{}
	c.mu.Unlock()
	for _, call := range pending {
		call.settle(Result{}, ErrClosed)
	}
}

// Pool is a cluster pool as its caller sees it.
type Pool struct {
	c    *Client
	name string
	seed string
}

// PoolOptions configure the pool's consumer when this call makes it.
type PoolOptions struct {
	AckWait    time.Duration
	MaxDeliver int
}

// Pool makes (or joins) the pool name whose items run seed, the wire form
// of workerFn and its bindings, which it stores for the workers.
func (c *Client) Pool(ctx context.Context, name string, seed []byte, opts PoolOptions) (*Pool, error) {
	if _, err := ensurePool(ctx, c.js, name, opts.AckWait, opts.MaxDeliver); err != nil {
		return nil, err
	}
	key, err := putSeed(ctx, c.kv, seed)
	if err != nil {
		return nil, err
	}
	// For workers of every pool; one that misses it lists the streams
	// when it starts. Flush: the announcement precedes the first item.
	if err := c.nc.Publish(announceSubject, []byte(name)); err == nil {
		_ = c.nc.Flush()
	}
	return &Pool{c: c, name: name, seed: key}, nil
}

// Submit puts one item, its argument in the wire form, on the pool's work
// stream, without waiting for the server's acknowledgement (which would
// bound a caller to one item per round trip): a publish the server
// refuses fails the call. The server deduplicates the message by the
// item's id, so a publish retried after a lost acknowledgement queues it
// once. At most 4,000 publishes wait for the server at once; past that
// Submit waits.
func (p *Pool) Submit(ctx context.Context, arg []byte) (*Call, error) {
	return p.SubmitFunc(ctx, arg, nil)
}

// SubmitFunc is Submit that also calls done (if not nil) once, when the
// call settles, on a goroutine of the client's: it must not block.
func (p *Pool) SubmitFunc(ctx context.Context, arg []byte, done func(Result, error)) (*Call, error) {
	c := p.c
	call := &Call{c: c, ID: c.id + "." + strconv.FormatUint(c.seq.Add(1), 10), done: make(chan struct{}), notify: done}
	c.mu.Lock()
	if c.closed {
		c.mu.Unlock()
		return nil, ErrClosed
	}
	c.pending[call.ID] = call
	c.mu.Unlock()
	m := itemMsg(p.name, Item{ID: call.ID, Seed: p.seed, Arg: arg}, c.reply)
	if _, err := c.js.PublishMsgAsync(m, jetstream.WithMsgID(call.ID)); err != nil {
		c.forget(call)
		return nil, fmt.Errorf("cluster: submit to pool %q: %w", p.name, err)
	}
	return call, nil
}

// notQueued fails the call of an item the server did not store.
func (c *Client) notQueued(_ jetstream.JetStream, m *nats.Msg, err error) {
	id := m.Header.Get(hdrItem)
	c.mu.Lock()
	call := c.pending[id]
	c.mu.Unlock()
	if call != nil {
		c.fail(call, fmt.Errorf("cluster: submit to pool %q: %w", strings.TrimPrefix(m.Subject, poolSubjPre), err))
	}
}

// forget drops a call that was never sent.
func (c *Client) forget(call *Call) {
	c.mu.Lock()
	delete(c.pending, call.ID)
	c.mu.Unlock()
}

// fail settles a pending call with err, unless its result came first.
func (c *Client) fail(call *Call, err error) {
	c.mu.Lock()
	_, pending := c.pending[call.ID]
	delete(c.pending, call.ID)
	c.mu.Unlock()
	if pending {
		call.settle(Result{}, err)
	}
}

// Dropped counts the results dropped: duplicates of results already
// delivered, and malformed ones.
func (c *Client) Dropped() int64 { return c.dropped.Load() }
