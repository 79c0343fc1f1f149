package cluster

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"
)

// Runner runs items; the host's implements it with local threads. RunItem
// must return (never panic) whatever the item holds: a malformed argument,
// a throw, a timeout or running out of memory is a Result like any other.
// ctx ends when the worker stops; an item cut short then is not reported
// (the server redelivers it).
//
// A Runner that keeps state between items (the host's keeps a seeded
// runtime per slot) may implement io.Closer: RunWorker closes it when it
// returns, after the items running have ended.
type Runner interface {
	RunItem(ctx context.Context, it Item, seed []byte) Result
}

// WorkerConfig configures RunWorker.
type WorkerConfig struct {
	Pool        string // the pool whose items to run
	Concurrency int    // items run at once; < 1 means 1
	// AckWait and MaxDeliver configure the pool's consumer when it is made
	// here; zero means DefaultAckWait and DefaultMaxDeliver.
	AckWait    time.Duration
	MaxDeliver int
	Runner     Runner
	// ItemTimeout bounds one item's run; past it the item is stopped and
	// reported failed. 0: no bound (a long item extends its lease).
	ItemTimeout time.Duration
	// Prefetch is how many items the worker takes from the server ahead
	// of its free slots, so that a slot finds its next item here rather
	// than a round trip away; their leases are extended while they wait.
	// 0 means DefaultPrefetch; < 0 takes only as many as slots are free.
	Prefetch int
}

// DefaultPrefetch is WorkerConfig.Prefetch's default: enough to cover a
// round trip to the server at tens of thousands of trivial items a
// second. Items taken ahead wait for this worker's slots while another
// worker may be idle: a pool of long items wants a small Prefetch.
const DefaultPrefetch = 64

// AllPools, as WorkerConfig.Pool, serves every pool: those on the server
// when the worker starts and those clients open later (`jsrun --cluster
// local` runs its workers so).
const AllPools = "*"

// RunWorker serves pool items on nc until ctx ends: Concurrency slots
// each run one item at a time; the worker takes up to Prefetch items more
// ahead of them and extends the lease of every item it holds
// (InProgress, every third of AckWait), whether it runs or waits; an item
// is acknowledged only once its result is stored on the server. So an
// item runs at least once: a worker that dies mid-item has it redelivered
// after AckWait, and so does one that stops with items queued. A
// malformed item is reported failed (when it says where its result goes)
// and removed, never retried.
func RunWorker(ctx context.Context, nc *nats.Conn, cfg WorkerConfig) error {
	if cfg.Runner == nil {
		return errors.New("cluster: RunWorker needs a Runner")
	}
	n := max(cfg.Concurrency, 1)
	ahead := cfg.Prefetch
	if ahead == 0 {
		ahead = DefaultPrefetch
	}
	ahead = max(ahead, 0)
	w := &worker{runner: cfg.Runner, seeds: map[string][]byte{},
		running: map[string]context.CancelCauseFunc{}, cancelled: map[string]bool{},
		queue: make(chan delivery, n+ahead), serving: map[string]jetstream.ConsumeContext{},
		held: map[jetstream.Msg]struct{}{}, rearm: make(chan struct{}, 1), results: map[*nats.Msg]jetstream.Msg{}}
	w.leaseEvery.Store(int64(DefaultAckWait / 3))
	// Results are published without waiting: the server's answer acks
	// (or gives back) the item in these handlers, with no goroutine per
	// item.
	js, err := jetstream.New(nc, jetstream.WithPublishAsyncAckHandler(w.stored),
		jetstream.WithPublishAsyncErrHandler(w.notStored))
	if err != nil {
		return fmt.Errorf("cluster: %w", err)
	}
	w.js = js
	if err := ensureResults(ctx, js); err != nil {
		return err
	}
	if w.kv, err = seedStore(ctx, js); err != nil {
		return err
	}
	sub, err := nc.Subscribe(cancelPrefix+">", func(m *nats.Msg) { w.cancel(m.Subject[len(cancelPrefix):]) })
	if err != nil {
		return fmt.Errorf("cluster: subscribe to cancels: %w", err)
	}
	defer func() { _ = sub.Unsubscribe() }()
	// The server knows of the subscription before any item is taken.
	if err := nc.Flush(); err != nil {
		return fmt.Errorf("cluster: subscribe to cancels: %w", err)
	}
	if c, ok := cfg.Runner.(io.Closer); ok {
		defer func() { _ = c.Close() }()
	}
	slotCtx, stopSlots := context.WithCancel(ctx)
	for range n {
		w.busy.Go(func() { w.slot(ctx, slotCtx) })
	}
	w.busy.Go(func() { w.leases(slotCtx) })
	defer w.stopAll(stopSlots)
	if cfg.Pool != AllPools {
		return w.serveUntil(ctx, cfg, n+ahead)
	}
	// Every pool: those opened from now on (announced), then those there.
	opened := make(chan string, 64)
	ann, err := nc.Subscribe(announceSubject, func(m *nats.Msg) {
		select { // blocks this subscription's goroutine only
		case opened <- string(m.Data):
		case <-ctx.Done():
		}
	})
	if err != nil {
		return fmt.Errorf("cluster: subscribe to pool announcements: %w", err)
	}
	defer func() { _ = ann.Unsubscribe() }()
	names := js.StreamNames(ctx)
	for name := range names.Name() {
		if pool, ok := strings.CutPrefix(name, poolStreamPre); ok {
			if err := w.serve(ctx, pool, cfg, n+ahead); err != nil {
				if ctx.Err() != nil {
					return nil
				}
				return err
			}
		}
	}
	if err := names.Err(); err != nil && !errors.Is(err, context.Canceled) {
		return fmt.Errorf("cluster: list pools: %w", err)
	}
	for {
		select {
		case <-ctx.Done():
			return nil
		case pool := <-opened:
			if CheckPoolName(pool) != nil {
				continue
			}
			if err := w.serve(ctx, pool, cfg, n+ahead); err != nil {
				if ctx.Err() != nil {
					return nil
				}
				return err
			}
		}
	}
}

// serveUntil serves cfg.Pool until ctx ends.
func (w *worker) serveUntil(ctx context.Context, cfg WorkerConfig, take int) error {
	if err := w.serve(ctx, cfg.Pool, cfg, take); err != nil {
		if ctx.Err() != nil {
			return nil // stopped while it set up: not a failure
		}
		return err
	}
	<-ctx.Done()
	return nil
}

// delivery is an item message and what the worker knows of its pool.
type delivery struct {
	m  jetstream.Msg
	pc poolConsumer
}

// serve starts consuming pool, once: its messages go to the worker's
// queue, held (their lease extended) until they are acknowledged.
func (w *worker) serve(ctx context.Context, pool string, cfg WorkerConfig, take int) error {
	if _, ok := w.serving[pool]; ok {
		return nil
	}
	cons, err := ensurePool(ctx, w.js, pool, cfg.AckWait, cfg.MaxDeliver)
	if err != nil {
		return err
	}
	info := cons.CachedInfo()
	pc := poolConsumer{ackWait: info.Config.AckWait, maxDeliver: info.Config.MaxDeliver, timeout: cfg.ItemTimeout}
	if every := int64(max(pc.ackWait/3, 10*time.Millisecond)); every < w.leaseEvery.Load() {
		w.leaseEvery.Store(every)
		select { // the lease loop rearms its timer
		case w.rearm <- struct{}{}:
		default:
		}
	}
	cc, err := cons.Consume(func(m jetstream.Msg) {
		w.hold(m)
		select {
		case w.queue <- delivery{m, pc}:
		case <-ctx.Done():
			w.release(m) // redelivered after AckWait
		}
	}, jetstream.PullMaxMessages(max(take, 1)))
	if err != nil {
		return fmt.Errorf("cluster: consume pool %q: %w", pool, err)
	}
	w.serving[pool] = cc
	return nil
}

// slot runs the queue's items one at a time until stop ends; ctx is the
// worker's (an item cut short by its end is not reported).
func (w *worker) slot(ctx, stop context.Context) {
	for {
		select {
		case d := <-w.queue:
			w.handle(ctx, d.m, d.pc)
		case <-stop.Done():
			return
		}
	}
}

// leases extends the lease of every item held, every third of the
// shortest AckWait of the pools served, until ctx ends.
func (w *worker) leases(ctx context.Context) {
	t := time.NewTimer(time.Duration(w.leaseEvery.Load()))
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-w.rearm:
			t.Reset(time.Duration(w.leaseEvery.Load()))
			continue
		case <-t.C:
		}
		w.mu.Lock()
		ms := make([]jetstream.Msg, 0, len(w.held))
		for m := range w.held {
			ms = append(ms, m)
		}
		w.mu.Unlock()
		for _, m := range ms {
			_ = m.InProgress()
		}
		t.Reset(time.Duration(w.leaseEvery.Load()))
	}
}

// stopAll stops consuming and waits for the items running. The items
// still queued here are left unacknowledged: the server redelivers them
// after AckWait. (Giving them back with Nak does not help: the pull
// requests of the consumer just stopped are still open on the server,
// which delivers them there again.)
func (w *worker) stopAll(stopSlots context.CancelFunc) {
	for _, cc := range w.serving {
		cc.Stop()
		<-cc.Closed()
	}
	stopSlots()
	w.busy.Wait()
	for {
		select {
		case d := <-w.queue:
			w.release(d.m)
		default:
			return
		}
	}
}

// hold counts m among the items whose lease the worker extends.
func (w *worker) hold(m jetstream.Msg) {
	w.mu.Lock()
	w.held[m] = struct{}{}
	w.mu.Unlock()
}

// release stops extending m's lease.
func (w *worker) release(m jetstream.Msg) {
	w.mu.Lock()
	delete(w.held, m)
	w.mu.Unlock()
}

// giveBack returns an item the worker will not run to the server, for
// another worker (or this one) at once.
func (w *worker) giveBack(m jetstream.Msg) {
	w.release(m)
	_ = m.Nak()
}

// poolConsumer is what a worker knows of a pool's consumer.
type poolConsumer struct {
	ackWait    time.Duration
	maxDeliver int
	timeout    time.Duration // WorkerConfig.ItemTimeout
}

// maxSeeds bounds the seeds a worker keeps.
const maxSeeds = 64

type worker struct {
	js      jetstream.JetStream
	kv      jetstream.KeyValue
	runner  Runner
	queue   chan delivery // items taken, waiting for a slot
	busy    sync.WaitGroup
	serving map[string]jetstream.ConsumeContext // by pool; RunWorker's goroutine only
	// leaseEvery is how often held items' leases are extended (ns);
	// rearm tells the lease loop it changed.
	leaseEvery atomic.Int64
	rearm      chan struct{}
	mu         sync.Mutex
	seeds      map[string][]byte // seeds fetched, by key
	// held are the items taken and not yet acknowledged or given back;
	// results maps a result published to its item, until the server
	// stores it.
	held    map[jetstream.Msg]struct{}
	results map[*nats.Msg]jetstream.Msg
	// running stops the items running here, by id; cancelled holds the
	// ids of recent cancels of items not running here (yet).
	running   map[string]context.CancelCauseFunc
	cancelled map[string]bool
}

// maxCancelled bounds the cancels a worker remembers.
const maxCancelled = 4096

// errCancelled ends an item its caller cancelled; errTimedOut one that
// ran past the worker's ItemTimeout.
var (
	errCancelled = errors.New("cancelled by its caller")
	errTimedOut  = errors.New("timed out")
)

// cancel stops item id if it runs here, else remembers the cancel.
func (w *worker) cancel(id string) {
	w.mu.Lock()
	defer w.mu.Unlock()
	if stop := w.running[id]; stop != nil {
		stop(errCancelled)
		return
	}
	if len(w.cancelled) >= maxCancelled {
		clear(w.cancelled)
	}
	w.cancelled[id] = true
}

// start registers item id as running, unless it was cancelled already.
func (w *worker) start(ctx context.Context, id string) (context.Context, func(), bool) {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.cancelled[id] {
		delete(w.cancelled, id)
		return nil, nil, false
	}
	ctx, stop := context.WithCancelCause(ctx)
	w.running[id] = stop
	return ctx, func() {
		w.mu.Lock()
		delete(w.running, id)
		w.mu.Unlock()
		stop(nil)
	}, true
}

// handle runs one delivered item and reports it.
func (w *worker) handle(ctx context.Context, m jetstream.Msg, pc poolConsumer) {
	it, reply, err := parseItem(m.Headers(), m.Data())
	if err != nil {
		if reply != "" {
			w.report(ctx, m, reply, Failed(it.ID, err.Error()))
			return
		}
		w.release(m)
		_ = m.Term() // nobody to tell: drop it rather than retry it
		return
	}
	if md, err := m.Metadata(); err == nil && pc.maxDeliver > 0 && md.NumDelivered >= uint64(pc.maxDeliver) {
		w.report(ctx, m, reply, Failed(it.ID, fmt.Sprintf(
			"delivered %d times: the workers running it stopped before it ended (out of memory, or killed)", md.NumDelivered)))
		return
	}
	seed, err := w.seed(ctx, it.Seed)
	if err != nil {
		w.report(ctx, m, reply, Failed(it.ID, err.Error()))
		return
	}
	itemCtx, done, ok := w.start(ctx, it.ID)
	var res Result
	if ok {
		runCtx, cancel := itemCtx, context.CancelFunc(func() {})
		if pc.timeout > 0 {
			runCtx, cancel = context.WithTimeoutCause(itemCtx, pc.timeout, errTimedOut)
		}
		res = w.runner.RunItem(runCtx, it, seed)
		switch {
		case ctx.Err() != nil:
		case context.Cause(runCtx) == errCancelled:
			res = Failed(it.ID, "cancelled by its caller while it ran")
		case context.Cause(runCtx) == errTimedOut:
			res = Failed(it.ID, fmt.Sprintf("timed out after %v (the worker's item timeout)", pc.timeout))
		}
		cancel()
		done()
	} else {
		res = Failed(it.ID, "cancelled by its caller before it ran")
	}
	if ctx.Err() != nil {
		w.release(m)
		return // cut short: the server redelivers it after AckWait
	}
	res.ID = it.ID
	w.report(ctx, m, reply, res)
}

// report stores the result, then acknowledges the item: a worker that dies
// in between makes the item run again, and the caller drops the second
// result by its id. The slot is free as soon as the result is sent: the
// server's answer acknowledges the item (stored) or gives it back
// (notStored).
func (w *worker) report(ctx context.Context, m jetstream.Msg, reply string, res Result) {
	rm := resultMsg(reply, res)
	w.mu.Lock()
	w.results[rm] = m
	w.mu.Unlock()
	if _, err := w.js.PublishMsgAsync(rm, jetstream.WithMsgID("r."+res.ID)); err != nil {
		w.mu.Lock()
		delete(w.results, rm)
		w.mu.Unlock()
		w.giveBack(m) // try again, here or elsewhere
	}
}

// stored acknowledges the item of a result the server stored. It runs on
// the publisher's goroutine: Ack only queues a message.
func (w *worker) stored(_ jetstream.JetStream, rm *nats.Msg, _ *jetstream.PubAck) {
	if m := w.resultItem(rm); m != nil {
		w.release(m)
		_ = m.Ack()
	}
}

// notStored gives back the item of a result the server did not store.
func (w *worker) notStored(_ jetstream.JetStream, rm *nats.Msg, _ error) {
	if m := w.resultItem(rm); m != nil {
		w.giveBack(m)
	}
}

func (w *worker) resultItem(rm *nats.Msg) jetstream.Msg {
	w.mu.Lock()
	defer w.mu.Unlock()
	m := w.results[rm]
	delete(w.results, rm)
	return m
}

// seed returns the seed of key, fetched once.
func (w *worker) seed(ctx context.Context, key string) ([]byte, error) {
	w.mu.Lock()
	s, ok := w.seeds[key]
	w.mu.Unlock()
	if ok {
		return s, nil
	}
	e, err := w.kv.Get(ctx, key)
	if err != nil {
		return nil, fmt.Errorf("seed %s of the item: %w", key, err)
	}
	s = e.Value()
	if SeedKey(s) != key {
		return nil, fmt.Errorf("seed %s of the item does not match its key", key)
	}
	w.mu.Lock()
	if len(w.seeds) >= maxSeeds {
		clear(w.seeds) // a worker serves one pool: more is churn, not a working set
	}
	w.seeds[key] = s
	w.mu.Unlock()
	return s, nil
}
