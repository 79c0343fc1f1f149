package cluster

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"
	"github.com/nats-io/nuid"
)

// echo is a Runner that returns its argument, prefixed, and counts runs.
type echo struct {
	runs  atomic.Int64
	block func(ctx context.Context, it Item) bool // true: cut short (a dying worker)
}

func (e *echo) RunItem(ctx context.Context, it Item, seed []byte) Result {
	e.runs.Add(1)
	if e.block != nil && e.block(ctx, it) {
		<-ctx.Done()
		return Failed(it.ID, "stopped")
	}
	if string(it.Arg) == "throw" {
		return Result{Status: StatusThrown, Data: []byte("boom")}
	}
	return Result{Status: StatusOK, Data: append(append([]byte{}, seed...), it.Arg...)}
}

// startWorker runs a worker until the test ends (or stop is called).
func startWorker(t *testing.T, cfg WorkerConfig) (stop func()) {
	t.Helper()
	nc := connect(t)
	ctx, cancel := context.WithCancel(context.Background())
	var wg sync.WaitGroup
	wg.Go(func() {
		if err := RunWorker(ctx, nc, cfg); err != nil {
			t.Errorf("worker: %v", err)
		}
	})
	var once sync.Once
	stop = func() { once.Do(func() { cancel(); wg.Wait() }) }
	t.Cleanup(stop)
	return stop
}

func newClient(t *testing.T) *Client {
	t.Helper()
	c, err := NewClient(context.Background(), connect(t))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(c.Close)
	return c
}

func TestItemsRoundTrip(t *testing.T) {
	t.Parallel()
	roundtripPool := uniqueName("roundtrip")
	ctx := context.Background()
	c := newClient(t)
	p, err := c.Pool(ctx, roundtripPool, []byte("seed:"), PoolOptions{})
	if err != nil {
		t.Fatal(err)
	}
	r := &echo{}
	startWorker(t, WorkerConfig{Pool: roundtripPool, Concurrency: 4, Runner: r})
	startWorker(t, WorkerConfig{Pool: roundtripPool, Concurrency: 4, Runner: r})
	const n = 200
	calls := make([]*Call, n)
	for i := range calls {
		arg := fmt.Sprint(i)
		if i == 7 {
			arg = "throw"
		}
		if calls[i], err = p.Submit(ctx, []byte(arg)); err != nil {
			t.Fatal(err)
		}
	}
	for i, call := range calls {
		res, err := call.Result()
		if err != nil {
			t.Fatal(err)
		}
		want := Result{ID: call.ID, Status: StatusOK, Data: []byte(fmt.Sprint("seed:", i))}
		if i == 7 {
			want = Result{ID: call.ID, Status: StatusThrown, Data: []byte("boom")}
		}
		if res.ID != want.ID || res.Status != want.Status || string(res.Data) != string(want.Data) {
			t.Fatalf("item %d: got %+v, want %+v", i, res, want)
		}
	}
	if got := r.runs.Load(); got != n {
		t.Errorf("%d runs for %d items", got, n)
	}
}

// A message put on the work stream by hand: one with no reply subject is
// dropped, one that names an unknown seed fails with a clear error, and
// the worker serves the next item.
func TestHostileItems(t *testing.T) {
	t.Parallel()
	hostilePool := uniqueName("hostile")
	ctx := context.Background()
	c := newClient(t)
	p, err := c.Pool(ctx, hostilePool, []byte("s"), PoolOptions{})
	if err != nil {
		t.Fatal(err)
	}
	startWorker(t, WorkerConfig{Pool: hostilePool, Runner: &echo{}})
	nc := connect(t)
	junk := nats.NewMsg(poolSubject(hostilePool))
	junk.Data = []byte("\x00\xff garbage")
	if err := nc.PublishMsg(junk); err != nil {
		t.Fatal(err)
	}
	// One that looks like the client's own, with a seed nobody stored.
	c.mu.Lock()
	bad := &Call{ID: c.id + ".bad", done: make(chan struct{})}
	c.pending[bad.ID] = bad
	c.mu.Unlock()
	if err := nc.PublishMsg(itemMsg(hostilePool, Item{ID: bad.ID, Seed: strings.Repeat("0", 64)}, c.reply)); err != nil {
		t.Fatal(err)
	}
	res, err := bad.Result()
	if err != nil {
		t.Fatal(err)
	}
	if e := res.Err(); e == nil || !strings.Contains(e.Error(), "seed "+strings.Repeat("0", 64)+" of the item") {
		t.Fatalf("got %+v (%v)", res, e)
	}
	call, err := p.Submit(ctx, []byte("after"))
	if err != nil {
		t.Fatal(err)
	}
	if res, err := call.Result(); err != nil || string(res.Data) != "safter" {
		t.Fatalf("after the hostile items: %+v, %v", res, err)
	}
}

func TestParseItemRejects(t *testing.T) {
	t.Parallel()
	good := itemMsg("p", Item{ID: "a.1", Seed: strings.Repeat("a", 64)}, "jsrun.result.c1")
	if _, _, err := parseItem(good.Header, nil); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ hdr, val, want string }{
		{hdrReply, "elsewhere", "is not a result subject"},
		{hdrItem, "", "is not an item id"},
		{hdrItem, "a b", "is not an item id"},
		{hdrItem, strings.Repeat("i", 129), "is not an item id"},
		{hdrSeed, "xyz", "is not a seed key"},
		{hdrSeed, strings.Repeat("A", 64), "is not a seed key"},
		{hdrReply, "jsrun.result.", "is not a result subject"},
		{hdrReply, "jsrun.result.a.b", "is not a result subject"},
	} {
		m := itemMsg("p", Item{ID: "a.1", Seed: strings.Repeat("a", 64)}, "jsrun.result.c1")
		m.Header.Set(c.hdr, c.val)
		if _, _, err := parseItem(m.Header, nil); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s=%q: got %v", c.hdr, c.val, err)
		}
	}
}

// Pool names are 1 to 64 letters, digits, '_' or '-'.
func TestCheckPoolName(t *testing.T) {
	t.Parallel()
	for name, ok := range map[string]bool{
		"jobs": true, "a_b-C9": true, strings.Repeat("p", 64): true,
		"": false, strings.Repeat("p", 65): false, "a.b": false, "a b": false, "é": false, "*": false,
	} {
		if err := CheckPoolName(name); (err == nil) != ok {
			t.Errorf("CheckPoolName(%q) = %v, want ok %v", name, err, ok)
		}
	}
}

// A worker that stops mid-item (as one killed would) leaves the item
// unacknowledged: another worker gets it after AckWait, and the caller
// gets one result.
func TestRedeliveryAfterWorkerDies(t *testing.T) {
	t.Parallel()
	redeliverPool := uniqueName("redeliver")
	ctx := context.Background()
	c := newClient(t)
	p, err := c.Pool(ctx, redeliverPool, []byte("s"), PoolOptions{AckWait: 200 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	started := make(chan struct{})
	dying := &echo{block: func(ctx context.Context, it Item) bool { close(started); return true }}
	stop := startWorker(t, WorkerConfig{Pool: redeliverPool, Runner: dying})
	call, err := p.Submit(ctx, []byte("x"))
	if err != nil {
		t.Fatal(err)
	}
	<-started
	stop()
	healthy := &echo{}
	startWorker(t, WorkerConfig{Pool: redeliverPool, Runner: healthy})
	res, err := call.Result()
	if err != nil || res.Status != StatusOK || string(res.Data) != "sx" {
		t.Fatalf("got %+v, %v", res, err)
	}
	if healthy.runs.Load() != 1 {
		t.Fatalf("healthy worker ran it %d times", healthy.runs.Load())
	}
}

// An item whose workers keep dying is reported failed on its last
// delivery instead of being lost.
func TestMaxDeliverFails(t *testing.T) {
	t.Parallel()
	maxdeliverPool := uniqueName("maxdeliver")
	ctx := context.Background()
	c := newClient(t)
	p, err := c.Pool(ctx, maxdeliverPool, []byte("s"), PoolOptions{AckWait: 100 * time.Millisecond, MaxDeliver: 2})
	if err != nil {
		t.Fatal(err)
	}
	started := make(chan struct{})
	stop := startWorker(t, WorkerConfig{Pool: maxdeliverPool, Runner: &echo{block: func(context.Context, Item) bool { close(started); return true }}})
	call, err := p.Submit(ctx, []byte("x"))
	if err != nil {
		t.Fatal(err)
	}
	<-started
	stop()
	next := &echo{}
	startWorker(t, WorkerConfig{Pool: maxdeliverPool, Runner: next})
	res, err := call.Result()
	if err != nil {
		t.Fatal(err)
	}
	if e := res.Err(); e == nil || !strings.Contains(e.Error(), "delivered 2 times") {
		t.Fatalf("got %+v", res)
	}
	if next.runs.Load() != 0 {
		t.Fatal("the last delivery ran the item")
	}
}

// A long item extends its lease: it runs once though it outlasts AckWait
// several times.
func TestLeaseExtension(t *testing.T) {
	t.Parallel()
	leasePool := uniqueName("lease")
	ctx := context.Background()
	c := newClient(t)
	p, err := c.Pool(ctx, leasePool, []byte("s"), PoolOptions{AckWait: 300 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	r := &echo{block: func(ctx context.Context, it Item) bool {
		select {
		case <-time.After(time.Second):
		case <-ctx.Done():
		}
		return false
	}}
	startWorker(t, WorkerConfig{Pool: leasePool, Concurrency: 2, Runner: r})
	call, err := p.Submit(ctx, []byte("x"))
	if err != nil {
		t.Fatal(err)
	}
	if res, err := call.Result(); err != nil || res.Status != StatusOK {
		t.Fatalf("got %+v, %v", res, err)
	}
	if n := r.runs.Load(); n != 1 {
		t.Fatalf("ran %d times", n)
	}
}

// A result that arrives twice (the item ran again) reaches the caller once.
func TestDuplicateResultDropped(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	c := newClient(t)
	nc := connect(t)
	c.mu.Lock()
	call := &Call{ID: c.id + ".dup", done: make(chan struct{})}
	c.pending[call.ID] = call
	c.mu.Unlock()
	for _, data := range []string{"first", "second"} {
		if _, err := c.js.PublishMsg(ctx, resultMsg(c.reply, Result{ID: call.ID, Status: StatusOK, Data: []byte(data)})); err != nil {
			t.Fatal(err)
		}
	}
	res, err := call.Result()
	if err != nil || string(res.Data) != "first" {
		t.Fatalf("got %+v, %v", res, err)
	}
	// A marker after the duplicate: once it is dropped, so was the duplicate.
	if err := nc.Publish(c.reply, nil); err != nil {
		t.Fatal(err)
	}
	for c.Dropped() < 2 {
		time.Sleep(5 * time.Millisecond)
	}
	if got := c.Dropped(); got != 2 {
		t.Fatalf("dropped %d", got)
	}
}

func TestPoolNames(t *testing.T) {
	t.Parallel()
	c := newClient(t)
	for _, bad := range []string{"", "a.b", "a b", strings.Repeat("x", 65), "*"} {
		if _, err := c.Pool(context.Background(), bad, nil, PoolOptions{}); err == nil || !strings.Contains(err.Error(), "cluster pool name") {
			t.Errorf("%q: %v", bad, err)
		}
	}
}

func TestCloseFailsPending(t *testing.T) {
	t.Parallel()
	noworkersPool := uniqueName("noworkers")
	c, err := NewClient(context.Background(), connect(t))
	if err != nil {
		t.Fatal(err)
	}
	p, err := c.Pool(context.Background(), noworkersPool, []byte("s"), PoolOptions{})
	if err != nil {
		t.Fatal(err)
	}
	call, err := p.Submit(context.Background(), []byte("x"))
	if err != nil {
		t.Fatal(err)
	}
	c.Close()
	if _, err := call.Result(); err != ErrClosed {
		t.Fatalf("got %v", err)
	}
	if _, err := p.Submit(context.Background(), nil); err != ErrClosed {
		t.Fatalf("submit after close: %v", err)
	}
}

// uniqueName names a pool for one run of one test: -count=N runs do not
// meet the streams of earlier runs on the shared server.
func uniqueName(prefix string) string { return prefix + "-" + nuid.Next() }

// Cancel stops a running item, which reports failed; a cancel that comes
// before the item is fetched makes the worker skip it.
func TestCancel(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	cancelPool := uniqueName("cancel")
	c := newClient(t)
	p, err := c.Pool(ctx, cancelPool, []byte("s"), PoolOptions{})
	if err != nil {
		t.Fatal(err)
	}
	started := make(chan struct{}, 1)
	r := &echo{block: func(ctx context.Context, it Item) bool {
		if string(it.Arg) != "long" {
			return false
		}
		started <- struct{}{}
		return true // waits for ctx: the cancel
	}}
	startWorker(t, WorkerConfig{Pool: cancelPool, Runner: r})
	call, err := p.Submit(ctx, []byte("long"))
	if err != nil {
		t.Fatal(err)
	}
	<-started
	if err := call.Cancel(); err != nil {
		t.Fatal(err)
	}
	res, err := call.Result()
	if err != nil || res.Err() == nil || !strings.Contains(res.Err().Error(), "cancelled by its caller while it ran") {
		t.Fatalf("got %+v, %v", res, err)
	}
	// Cancelled before any worker has it: skipped when it comes.
	w := &worker{running: map[string]context.CancelCauseFunc{}, cancelled: map[string]bool{}}
	w.cancel("x.1")
	if _, _, ok := w.start(ctx, "x.1"); ok {
		t.Fatal("a cancelled item started")
	}
	if _, done, ok := w.start(ctx, "x.2"); !ok {
		t.Fatal("an item not cancelled did not start")
	} else {
		done()
	}
}

// A worker of every pool serves the pools there when it starts and those
// opened later. Not parallel: it would serve the other tests' pools.
func TestAllPools(t *testing.T) {
	ctx := context.Background()
	c := newClient(t)
	before, err := c.Pool(ctx, uniqueName("before"), []byte("b:"), PoolOptions{})
	if err != nil {
		t.Fatal(err)
	}
	startWorker(t, WorkerConfig{Pool: AllPools, Concurrency: 2, Runner: &echo{}})
	after, err := c.Pool(ctx, uniqueName("after"), []byte("a:"), PoolOptions{})
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range []*Pool{before, after} {
		call, err := p.Submit(ctx, []byte("x"))
		if err != nil {
			t.Fatal(err)
		}
		if res, err := call.Result(); err != nil || res.Status != StatusOK || !strings.HasSuffix(string(res.Data), ":x") {
			t.Fatalf("got %+v, %v", res, err)
		}
	}
}

// Three clients add to one Atomic at once: no update is lost.
func TestAtomicConcurrentAdds(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	name := uniqueName("hits")
	const clients, adds = 3, 100
	var wg sync.WaitGroup
	for range clients {
		c := newClient(t)
		a, err := c.Atomic(ctx, name, 0)
		if err != nil {
			t.Fatal(err)
		}
		wg.Go(func() {
			for range adds {
				if _, _, err := a.Update(ctx, func(old int64) (int64, bool, error) { return old + 1, true, nil }); err != nil {
					t.Error(err)
					return
				}
			}
		})
	}
	wg.Wait()
	a, err := newClient(t).Atomic(ctx, name, 42)
	if err != nil {
		t.Fatal(err)
	}
	if v, err := a.Load(ctx); err != nil || v != clients*adds {
		t.Fatalf("got %d, %v; want %d", v, err, clients*adds)
	}
}

// An item past the worker's ItemTimeout is stopped and reported failed;
// the worker serves the next.
func TestItemTimeout(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	timeoutPool := uniqueName("timeout")
	c := newClient(t)
	p, err := c.Pool(ctx, timeoutPool, []byte("s"), PoolOptions{})
	if err != nil {
		t.Fatal(err)
	}
	r := &echo{block: func(ctx context.Context, it Item) bool { return string(it.Arg) == "forever" }}
	startWorker(t, WorkerConfig{Pool: timeoutPool, Runner: r, ItemTimeout: 50 * time.Millisecond})
	call, err := p.Submit(ctx, []byte("forever"))
	if err != nil {
		t.Fatal(err)
	}
	if res, err := call.Result(); err != nil || res.Err() == nil || !strings.Contains(res.Err().Error(), "timed out after 50ms") {
		t.Fatalf("got %+v, %v", res, err)
	}
	call, err = p.Submit(ctx, []byte("next"))
	if err != nil {
		t.Fatal(err)
	}
	if res, err := call.Result(); err != nil || string(res.Data) != "snext" {
		t.Fatalf("got %+v, %v", res, err)
	}
}

// A publish the server refuses (the pool's stream is full) fails its call
// through the client's async error handler, and SubmitFunc's callback
// hears each outcome once.
func TestSubmitRefused(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	c := newClient(t)
	name := uniqueName("refused")
	p, err := c.Pool(ctx, name, []byte("s"), PoolOptions{})
	if err != nil {
		t.Fatal(err)
	}
	st, err := c.js.Stream(ctx, poolStream(name))
	if err != nil {
		t.Fatal(err)
	}
	cfg := st.CachedInfo().Config
	cfg.MaxMsgs, cfg.Discard = 1, jetstream.DiscardNew
	if _, err := c.js.UpdateStream(ctx, cfg); err != nil {
		t.Fatal(err)
	}
	var heard atomic.Int64
	var calls []*Call
	for _, arg := range []string{"fits", "refused"} {
		call, err := p.SubmitFunc(ctx, []byte(arg), func(_ Result, err error) {
			if err != nil {
				heard.Add(1)
			}
		})
		if err != nil {
			t.Fatal(err)
		}
		calls = append(calls, call)
	}
	if _, err := calls[1].Result(); err == nil || !strings.Contains(err.Error(), "submit to pool") {
		t.Fatalf("got %v, want the publish's error", err)
	}
	if n := heard.Load(); n != 1 {
		t.Fatalf("the callback heard %d errors, want 1", n)
	}
}

// Items a worker holds while they wait for its one slot (prefetched) have
// their lease extended too: each runs once though it waits past AckWait.
func TestLeaseOfQueuedItems(t *testing.T) {
	t.Parallel()
	name := uniqueName("queued")
	ctx := context.Background()
	c := newClient(t)
	p, err := c.Pool(ctx, name, []byte("s"), PoolOptions{AckWait: 300 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	r := &echo{block: func(ctx context.Context, it Item) bool {
		select {
		case <-time.After(400 * time.Millisecond):
		case <-ctx.Done():
		}
		return false
	}}
	startWorker(t, WorkerConfig{Pool: name, Concurrency: 1, Runner: r})
	var calls []*Call
	for _, arg := range []string{"a", "b"} {
		call, err := p.Submit(ctx, []byte(arg))
		if err != nil {
			t.Fatal(err)
		}
		calls = append(calls, call)
	}
	for _, call := range calls {
		if res, err := call.Result(); err != nil || res.Status != StatusOK {
			t.Fatalf("got %+v, %v", res, err)
		}
	}
	if n := r.runs.Load(); n != 2 {
		t.Fatalf("2 items ran %d times", n)
	}
}
