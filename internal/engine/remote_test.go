package engine

import (
	"context"
	"errors"
	"strings"
	"sync"
	"testing"
	"time"
)

// loopback is a RemotePools whose items run in another Env of this
// process, through the wire forms, as a cluster worker would run them.
type loopback struct {
	worker *Env
	wg     sync.WaitGroup
	seed   []byte // the last seed opened
}

type loopPool struct {
	l    *loopback
	seed []byte
}

func (l *loopback) OpenPool(ctx context.Context, name string, seed []byte) (RemotePool, error) {
	l.seed = seed
	return &loopPool{l: l, seed: seed}, nil
}

func (l *loopback) OpenAtomic(ctx context.Context, name string, initial int64) (RemoteAtomic, error) {
	return nil, errors.New("no atomics here")
}

func (p *loopPool) Submit(ctx context.Context, arg []byte, done func(string, []byte, error)) (func(), error) {
	p.l.wg.Go(func() {
		st, data := p.l.worker.RunItem(context.Background(), string(p.seed), p.seed, arg)
		done(st, data, nil)
	})
	return nil, nil
}

func TestRemotePool(t *testing.T) {
	t.Parallel()
	l := &loopback{worker: NewEnv(Config{})}
	defer l.wg.Wait()
	got, err := evalJS(t, Config{Remote: l}, 20*time.Second, `
		const K = 10;
		function helper(x) { return x * K }
		const p = threads.Pool((x) => {
			if (x === 3) throw new RangeError("three");
			if (x === 4) return Promise.resolve(new Map([[x, [x]]]));
			return helper(x) + 1;
		}, {cluster: "t"});
		print(JSON.stringify(p.map([1, 2, 5])));
		try { p.submit(3).get() } catch (e) { print(e.name, e.message) }
		print(JSON.stringify([...p.submit(4).get()]));
		try { p.submit(new threads.Atomic(0)) } catch (e) { print(e.name, e.message) }
		p.close();
		print(p.pending);
	`)
	if err != nil {
		t.Fatalf("%v\n%s", err, got)
	}
	want := `[11,21,51]
RangeError three
[[4,[4]]]
DataCloneError Pool.submit: argument 'item': threads objects (Queue, Atomic, Shared, Mutex, ThreadPromise, ...) cannot cross machines unless they are cluster objects
0`
	if got != want {
		t.Fatalf("got\n%s\nwant\n%s", got, want)
	}
}

func TestRemotePoolWithoutCluster(t *testing.T) {
	t.Parallel()
	got, err := evalJS(t, Config{}, 20*time.Second, `
		try { threads.Pool((x) => x, {cluster: "jobs"}) } catch (e) { print(e.name + ": " + e.message) }
		try { threads.Pool((x) => x, {cluster: 5}) } catch (e) { print(e.name + ": " + e.message) }
	`)
	if err != nil {
		t.Fatal(err)
	}
	want := `Error: threads.Pool: option 'cluster' names pool "jobs", but no cluster is configured (host.WithNATS, or jsrun --nats URL)
TypeError: threads.Pool: option 'cluster' must be a non-empty string naming a cluster pool`
	if got != want {
		t.Fatalf("got\n%s\nwant\n%s", got, want)
	}
}

// Hostile seeds and arguments are failed items, never a panic.
func TestRunItemHostile(t *testing.T) {
	t.Parallel()
	env := NewEnv(Config{})
	for _, c := range []struct {
		seed, arg []byte
		want      string
	}{
		{[]byte("junk"), nil, "malformed seed: bad magic"},
		{[]byte("S\x01\x00\x01\x00\xff\xff\xff"), nil, "malformed seed"},
		{[]byte("S\x01\x00\x00\x00"), nil, "malformed seed: no function"},
	} {
		st, data := env.RunItem(context.Background(), string(c.seed), c.seed, c.arg)
		if st != RemoteFailed || !strings.Contains(string(data), c.want) {
			t.Errorf("%q: got %s %q, want failed with %q", c.seed, st, data, c.want)
		}
	}
}

// gated holds items until two are in flight, and records whether a
// submit ever came with more in flight than queueDepth (2).
type gated struct {
	loopback
	mu       sync.Mutex
	inflight int
	over     bool
}

func (g *gated) OpenPool(ctx context.Context, name string, seed []byte) (RemotePool, error) {
	return &gatedPool{g: g, seed: seed}, nil
}

type gatedPool struct {
	g    *gated
	seed []byte
}

func (p *gatedPool) Submit(ctx context.Context, arg []byte, done func(string, []byte, error)) (func(), error) {
	g := p.g
	g.mu.Lock()
	if g.inflight >= 2 {
		g.over = true
	}
	g.inflight++
	g.mu.Unlock()
	g.wg.Go(func() {
		st, data := g.worker.RunItem(context.Background(), string(p.seed), p.seed, arg)
		g.mu.Lock()
		g.inflight--
		g.mu.Unlock()
		done(st, data, nil)
	})
	return nil, nil
}

func TestRemotePoolBackpressure(t *testing.T) {
	t.Parallel()
	g := &gated{loopback: loopback{worker: NewEnv(Config{})}}
	defer g.wg.Wait()
	got, err := evalJS(t, Config{Remote: g}, 20*time.Second, `
		const p = threads.Pool((x) => x + 1, {cluster: "t", queueDepth: 2});
		const ps = [];
		for (let i = 0; i < 40; i++) ps.push(p.submit(i));
		print(ps.map((q) => q.get()).reduce((a, b) => a + b));
		p.close();
		try { p.submit(1) } catch (e) { print(e.name) }
	`)
	if err != nil {
		t.Fatal(err)
	}
	if got != "820\nPoolClosedError" {
		t.Fatalf("got %q", got)
	}
	if g.over {
		t.Fatal("more than queueDepth items were in flight")
	}
}

// A good seed with a hostile argument, or a seed cut short: failed items
// that say what was wrong; the Env serves the next item.
func TestRunItemHostileArgument(t *testing.T) {
	t.Parallel()
	l := &loopback{worker: NewEnv(Config{})}
	defer l.wg.Wait()
	if _, err := evalJS(t, Config{Remote: l}, 20*time.Second, `threads.Pool((x) => x + 1, {cluster: "h"})`); err != nil {
		t.Fatal(err)
	}
	env := NewEnv(Config{})
	for _, c := range []struct {
		seed, arg []byte
		want      string
	}{
		{l.seed, []byte("JW\x01\x00\x01\x63"), "malformed argument: wire form: unknown value tag 99 for root 0"},
		{l.seed, nil, "malformed argument: wire form: not a jsrun wire form"},
		{l.seed[:len(l.seed)-3], []byte("JW\x01\x00\x01\x00"), "malformed seed"},
	} {
		st, data := env.RunItem(context.Background(), string(c.seed), c.seed, c.arg)
		if st != RemoteFailed || !strings.Contains(string(data), c.want) {
			t.Errorf("got %s %q, want failed with %q", st, data, c.want)
		}
	}
	// A good item after them: the argument 41 (wire form of an int).
	st, data := env.RunItem(context.Background(), string(l.seed), l.seed, []byte("JW\x01\x00\x01\x04\x52"))
	if st != RemoteOK || string(data) != "JW\x01\x00\x01\x04\x54" {
		t.Fatalf("got %s %q", st, data)
	}
}
