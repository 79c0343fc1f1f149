package cluster

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"
	"sync"
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
}

// AllPools, as WorkerConfig.Pool, serves every pool: those on the server
// when the worker starts and those clients open later (`jsrun --cluster
// local` runs its workers so).
const AllPools = "*"

// RunWorker serves pool items on nc until ctx ends: each item runs at most
// Concurrency at a time, extends its lease (InProgress) every third of
// AckWait while it runs, and is acknowledged only once its result is
// stored on the server. So an item runs at least once: a worker that dies
// mid-item has it redelivered after AckWait. A malformed item is reported
// failed (when it says where its result goes) and removed, never retried.
func RunWorker(ctx context.Context, nc *nats.Conn, cfg WorkerConfig) error {
	if cfg.Runner == nil {
		return errors.New("cluster: RunWorker needs a Runner")
	}
	js, err := jetstream.New(nc)
	if err != nil {
		return fmt.Errorf("cluster: %w", err)
	}
	if err := ensureResults(ctx, js); err != nil {
		return err
	}
	kv, err := seedStore(ctx, js)
	if err != nil {
		return err
	}
	n := max(cfg.Concurrency, 1)
	w := &worker{js: js, kv: kv, runner: cfg.Runner, seeds: map[string][]byte{},
		running: map[string]context.CancelCauseFunc{}, cancelled: map[string]bool{},
		sem: make(chan struct{}, n), serving: map[string]jetstream.ConsumeContext{}}
	sub, err := nc.Subscribe(cancelPrefix+">", func(m *nats.Msg) { w.cancel(m.Subject[len(cancelPrefix):]) })
	if err != nil {
		return fmt.Errorf("cluster: subscribe to cancels: %w", err)
	}
	defer func() { _ = sub.Unsubscribe() }()
	if c, ok := cfg.Runner.(io.Closer); ok {
		defer func() { _ = c.Close() }()
	}
	defer w.stopAll()
	if cfg.Pool != AllPools {
		return w.serveUntil(ctx, cfg)
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
			if err := w.serve(ctx, pool, cfg); err != nil {
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
			if err := w.serve(ctx, pool, cfg); err != nil {
				if ctx.Err() != nil {
					return nil
				}
				return err
			}
		}
	}
}

// serveUntil serves cfg.Pool until ctx ends.
func (w *worker) serveUntil(ctx context.Context, cfg WorkerConfig) error {
	if err := w.serve(ctx, cfg.Pool, cfg); err != nil {
		return err
	}
	<-ctx.Done()
	return nil
}

// serve starts consuming pool, once.
func (w *worker) serve(ctx context.Context, pool string, cfg WorkerConfig) error {
	if _, ok := w.serving[pool]; ok {
		return nil
	}
	cons, err := ensurePool(ctx, w.js, pool, cfg.AckWait, cfg.MaxDeliver)
	if err != nil {
		return err
	}
	info := cons.CachedInfo()
	pc := poolConsumer{ackWait: info.Config.AckWait, maxDeliver: info.Config.MaxDeliver, timeout: cfg.ItemTimeout}
	cc, err := cons.Consume(func(m jetstream.Msg) {
		w.sem <- struct{}{}
		w.busy.Add(1)
		go func() {
			defer func() { <-w.sem; w.busy.Done() }()
			w.handle(ctx, m, pc)
		}()
	}, jetstream.PullMaxMessages(cap(w.sem)))
	if err != nil {
		return fmt.Errorf("cluster: consume pool %q: %w", pool, err)
	}
	w.serving[pool] = cc
	return nil
}

// stopAll stops consuming and waits for the items running.
func (w *worker) stopAll() {
	for _, cc := range w.serving {
		cc.Stop()
		<-cc.Closed()
	}
	w.busy.Wait()
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
	sem     chan struct{} // one slot per item running
	busy    sync.WaitGroup
	serving map[string]jetstream.ConsumeContext // by pool; RunWorker's goroutine only
	mu      sync.Mutex
	seeds   map[string][]byte // seeds fetched, by key
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
	// The lease: while the item runs, tell the server it is in progress.
	stop := make(chan struct{})
	var lease sync.WaitGroup
	lease.Go(func() {
		t := time.NewTicker(max(pc.ackWait/3, 10*time.Millisecond))
		defer t.Stop()
		for {
			select {
			case <-stop:
				return
			case <-t.C:
				_ = m.InProgress()
			}
		}
	})
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
	close(stop)
	lease.Wait()
	if ctx.Err() != nil {
		return // cut short: the server redelivers it
	}
	res.ID = it.ID
	w.report(ctx, m, reply, res)
}

// report stores the result, then acknowledges the item: a worker that dies
// in between makes the item run again, and the caller drops the second
// result by its id. The item's slot is free as soon as the result is sent:
// the acknowledgement waits for the server on a goroutine of its own.
func (w *worker) report(ctx context.Context, m jetstream.Msg, reply string, res Result) {
	fut, err := w.js.PublishMsgAsync(resultMsg(reply, res), jetstream.WithMsgID("r."+res.ID))
	if err != nil {
		_ = m.Nak() // try again, here or elsewhere
		return
	}
	w.busy.Go(func() {
		select {
		case <-fut.Ok():
			_ = m.Ack()
		case <-fut.Err():
			_ = m.Nak()
		case <-ctx.Done():
			// Unacknowledged: redelivered, and its second result dropped.
		}
	})
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
