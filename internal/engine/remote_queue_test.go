package engine

import (
	"context"
	"strings"
	"sync"
	"testing"
	"time"
)

// memQueues is a RemotePools whose Queues are in memory, as the cluster
// keeps them: wire forms, a bound, a close every handle sees.
type memQueues struct {
	loopback
	mu sync.Mutex
	m  map[string]*memQueue
}

func (l *loopback) OpenQueue(ctx context.Context, name string, max int) (RemoteQueue, error) {
	return nil, ErrRemoteQueueClosed
}

func (mq *memQueues) OpenQueue(ctx context.Context, name string, max int) (RemoteQueue, error) {
	mq.mu.Lock()
	defer mq.mu.Unlock()
	if mq.m == nil {
		mq.m = map[string]*memQueue{}
	}
	q := mq.m[name]
	if q == nil {
		q = &memQueue{max: max, changed: make(chan struct{})}
		mq.m[name] = q
	}
	return q, nil
}

type memQueue struct {
	mu      sync.Mutex
	items   [][]byte
	max     int
	closed  bool
	changed chan struct{} // closed and replaced at every change
}

func (q *memQueue) change() {
	close(q.changed)
	q.changed = make(chan struct{})
}

func (q *memQueue) Put(ctx context.Context, item []byte, wait bool) (bool, error) {
	for {
		q.mu.Lock()
		switch {
		case q.closed:
			q.mu.Unlock()
			return false, ErrRemoteQueueClosed
		case q.max == 0 || len(q.items) < q.max:
			q.items = append(q.items, item)
			q.change()
			q.mu.Unlock()
			return true, nil
		case !wait:
			q.mu.Unlock()
			return false, nil
		}
		ch := q.changed
		q.mu.Unlock()
		select {
		case <-ch:
		case <-ctx.Done():
			return false, context.Cause(ctx)
		}
	}
}

func (q *memQueue) Get(ctx context.Context, wait bool) ([]byte, func(bool), error) {
	for {
		q.mu.Lock()
		if len(q.items) > 0 {
			item := q.items[0]
			q.items = q.items[1:]
			q.change()
			q.mu.Unlock()
			return item, func(keep bool) {
				if !keep {
					q.mu.Lock()
					q.items = append([][]byte{item}, q.items...)
					q.change()
					q.mu.Unlock()
				}
			}, nil
		}
		if q.closed {
			q.mu.Unlock()
			return nil, nil, ErrRemoteQueueClosed
		}
		ch := q.changed
		q.mu.Unlock()
		if !wait {
			return nil, nil, nil
		}
		select {
		case <-ch:
		case <-ctx.Done():
			return nil, nil, context.Cause(ctx)
		}
	}
}

func (q *memQueue) Size(context.Context) (int, error) {
	q.mu.Lock()
	defer q.mu.Unlock()
	return len(q.items), nil
}

func (q *memQueue) Closed(context.Context) (bool, error) {
	q.mu.Lock()
	defer q.mu.Unlock()
	return q.closed, nil
}

func (q *memQueue) Close(context.Context) error {
	q.mu.Lock()
	defer q.mu.Unlock()
	if !q.closed {
		q.closed = true
		q.change()
	}
	return nil
}

// A cluster Queue has a local Queue's methods and errors: values cross
// in the wire form, a second handle of the same name (another machine)
// sees the same items, threads use it, and its waits end by timeout,
// signal and close.
func TestRemoteQueue(t *testing.T) {
	t.Parallel()
	mq := &memQueues{}
	got, err := evalJS(t, withAbort(Config{Remote: mq}), 20*time.Second, `
		const q = threads.Queue(2, {cluster: "jobs"});
		const other = threads.Queue(2, {cluster: "jobs"});
		q.put({a: [1, 2n, new Map([[1, "x"]])]});
		print(q.tryPut("second"), q.tryPut("third"), q.size());
		const v = other.get();
		print(v.a[0], v.a[1], v.a[2].get(1));
		print(other.tryGet(), other.tryGet("none"));
		try { q.get({timeout: 20}) } catch (e) { print(e.name + ": " + e.message) }
		q.put(1); q.put(2);
		try { q.put(3, {timeout: 20}) } catch (e) { print(e.name + ": " + e.message) }
		const g = threads.Group();
		g.run(() => { threads.sleep(5); throw new Error("stop"); });
		try { q.put(3, {signal: g.signal}) } catch (e) { print("put", e.message, e === g.signal.reason) }
		try { g.wait() } catch {}
		try { q.put(3, {signal: AbortSignal.abort(new Error("already"))}) } catch (e) { print("put", e.message) }
		print(q.get(), q.get());
		const t = threads.run((q) => q.get(), q);
		q.put("to a thread");
		print(t.get());
		try { q.put(new threads.Atomic(0)) } catch (e) { print(e.name + ": " + e.message) }
		q.put((x) => x + 1);
		print(other.get()(41));
		(async () => {
			await q.putAsync("a"); await q.putAsync("b");
			print(await other.getAsync());
			q.close();
			print(q.closed, other.closed, q.size());
			try { q.put(1) } catch (e) { print(e.name + ": " + e.message) }
			const it = other[Symbol.asyncIterator]();
			for (let r; !(r = await it.next()).done;) print("drained", r.value);
			try { other.get() } catch (e) { print(e.name + ": " + e.message) }
			try { await other.getAsync() } catch (e) { print(e.name + ": " + e.message) }
			for (const x of q) print("never", x);
			print(q.tryGet("fallback?"));
		})().catch((e) => print("uncaught", e));
	`)
	if err != nil {
		t.Fatalf("%v\n%s", err, got)
	}
	want := `true false 2
1 2 x
second none
TimeoutError: Queue.get: timed out
TimeoutError: Queue.put: timed out
put stop true
put already
1 2
to a thread
DataCloneError: Queue.put: argument 'item': threads objects (Queue, Atomic, Shared, Mutex, ThreadPromise, ...) cannot cross machines unless they are cluster objects
42
a
true true 1
QueueClosedError: Queue.put: the queue is closed
drained b
QueueClosedError: Queue.get: the queue is closed
QueueClosedError: Queue.getAsync: the queue is closed
uncaught QueueClosedError: Queue.tryGet: the queue is closed`
	if got != want {
		t.Fatalf("got\n%s\nwant\n%s", got, want)
	}
}

// Bad options are TypeErrors naming them; no cluster is an Error saying
// so; an item that cannot be read is a DataCloneError naming the queue,
// and the next item is read.
func TestRemoteQueueErrors(t *testing.T) {
	t.Parallel()
	got, err := evalJS(t, Config{}, 20*time.Second, `
		try { threads.Queue(0, {cluster: "jobs"}) } catch (e) { print(e.name + ": " + e.message) }
	`)
	if err != nil {
		t.Fatal(err)
	}
	want := `Error: threads.Queue: option 'cluster' names Queue "jobs", but no cluster is configured (host.WithNATS, or jsrun --nats URL)`
	if got != want {
		t.Fatalf("got\n%s\nwant\n%s", got, want)
	}
	mq := &memQueues{}
	mq.OpenQueue(context.Background(), "hostile", 0)
	mq.m["hostile"].items = [][]byte{[]byte("junk"), nil}
	got, err = evalJS(t, Config{Remote: mq}, 20*time.Second, `
		for (const o of [5, "x", {cluster: ""}, {cluster: "a b"}, {cluster: 7}, {cluster: "x".repeat(65)}])
			try { threads.Queue(0, o) } catch (e) { print(e.name + ": " + e.message) }
		const q = threads.Queue(0, {cluster: "hostile"});
		try { q.get() } catch (e) { print(e.name + ": " + e.message) }
		try { q.get() } catch (e) { print(e.name) }
		q.put("fine");
		print(q.get(), q.size());
		try { threads.select([{get: q}]) } catch (e) { print(e.name + ": " + e.message) }
		try { threads.selectAsync([{put: q, value: 1}]) } catch (e) { print(e.name + ": " + e.message) }
	`)
	if err != nil {
		t.Fatalf("%v\n%s", err, got)
	}
	want = `TypeError: threads.Queue: argument 'options' must be an object like {cluster: name}, got number
TypeError: threads.Queue: argument 'options' must be an object like {cluster: name}, got string
TypeError: threads.Queue: option 'cluster' must be a name of 1 to 64 letters, digits, '_' or '-', got ""
TypeError: threads.Queue: option 'cluster' must be a name of 1 to 64 letters, digits, '_' or '-', got "a b"
TypeError: threads.Queue: option 'cluster' must be a name of 1 to 64 letters, digits, '_' or '-', got number
TypeError: threads.Queue: option 'cluster' must be a name of 1 to 64 letters, digits, '_' or '-', got "` + strings.Repeat("x", 65) + `"
DataCloneError: Queue.get: an item of cluster Queue hostile cannot be read: wire form: not a jsrun wire form (bad magic) (at byte 0)
DataCloneError
fine 0
TypeError: threads.select: cases[0]: 'get' is a cluster Queue, which select cannot wait on (call its get or put)
TypeError: threads.selectAsync: cases[0]: 'put' is a cluster Queue, which select cannot wait on (call its get or put)`
	if got != want {
		t.Fatalf("got\n%s\nwant\n%s", got, want)
	}
}
