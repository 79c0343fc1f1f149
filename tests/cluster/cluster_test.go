//go:build jsrun_cluster

// The tests run cluster pools end to end in one process: a
// host whose script makes threads.Pool(fn, {cluster}), and workers that
// serve the pool with hosts of their own, on one embedded NATS server.
package cluster_test

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"strings"
	"sync"
	"testing"

	"github.com/jsrun/jsrun/cluster"
	"github.com/jsrun/jsrun/host"
	"github.com/jsrun/jsrun/internal/natstest"
	"github.com/nats-io/nats.go"
	"github.com/nats-io/nuid"
)

func TestMain(m *testing.M) { os.Exit(natstest.Main(m)) }

func connect(t testing.TB) *nats.Conn {
	t.Helper()
	nc, err := nats.Connect(natstest.URL)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(nc.Close)
	return nc
}

// serve runs a worker of pool with a host of its own until the test ends.
func serve(t testing.TB, pool string, opts ...host.Option) {
	t.Helper()
	h, err := host.New(opts...)
	if err != nil {
		t.Fatal(err)
	}
	nc := connect(t)
	ctx, cancel := context.WithCancel(context.Background())
	var wg sync.WaitGroup
	wg.Go(func() {
		if err := cluster.RunWorker(ctx, nc, cluster.WorkerConfig{Pool: pool, Concurrency: 2, Runner: h.ClusterRunner()}); err != nil {
			t.Errorf("worker: %v", err)
		}
	})
	t.Cleanup(func() {
		cancel()
		wg.Wait()
		_ = h.Close()
	})
}

// evalCluster runs src with a host on the cluster and returns its output.
func evalCluster(t *testing.T, src string) string {
	t.Helper()
	var out bytes.Buffer
	h, err := host.New(host.WithNATS(connect(t)), host.WithStdout(&out))
	if err != nil {
		t.Fatal(err)
	}
	defer h.Close()
	if _, err := h.Eval(context.Background(), src); err != nil {
		t.Fatalf("%v\noutput:\n%s", err, out.String())
	}
	return out.String()
}

func TestClusterPool(t *testing.T) {
	t.Parallel()
	pool := "pool-" + nuid.Next()
	serve(t, pool)
	serve(t, pool)
	got := evalCluster(t, `
		const scale = 3;
		function f(x) { return x * scale }
		const p = threads.Pool(async (x) => {
			if (x < 0) throw new TypeError("negative " + x);
			return {x, y: f(x), big: 2n ** 70n};
		}, {cluster: "`+pool+`"});
		const items = Array.from({length: 50}, (_, i) => i);
		const res = p.map(items);
		console.log(res.every((r, i) => r.x === i && r.y === 3 * i && r.big === 2n ** 70n));
		p.submit(-1).then(null, (e) => console.log(e.name, e.message));
		console.log(JSON.stringify(p.submit(7).get().y));
		p.close();
		console.log(p.pending);
	`)
	want := "true\n21\n0\nTypeError negative -1\n"
	if got != want {
		t.Fatalf("got\n%s\nwant\n%s", got, want)
	}
}

// A worker reports what it cannot send back as a failed item and goes on.
func TestClusterPoolFailedItems(t *testing.T) {
	t.Parallel()
	pool := "fail-" + nuid.Next()
	serve(t, pool)
	got := evalCluster(t, `
		const p = threads.Pool((x) => x === 1 ? new WeakMap : x + 1, {cluster: "`+pool+`"});
		try { p.submit(1).get() } catch (e) { console.log(e.name + ": " + e.message) }
		console.log(p.submit(2).get());
	`)
	want := "Error: Pool item 1 failed on a cluster worker: its result cannot cross machines: result: WeakMap objects cannot be cloned\n3\n"
	if got != want {
		t.Fatalf("got\n%s\nwant\n%s", got, want)
	}
}

func TestNoClusterConfigured(t *testing.T) {
	t.Parallel()
	h, err := host.New()
	if err != nil {
		t.Fatal(err)
	}
	defer h.Close()
	_, err = h.Eval(context.Background(), `threads.Pool((x) => x, {cluster: "jobs"})`)
	if err == nil || !strings.Contains(err.Error(), `option 'cluster' names pool "jobs", but no cluster is configured`) {
		t.Fatalf("got %v", err)
	}
	_, err = h.Eval(context.Background(), `threads.Atomic(0, {cluster: "hits"})`)
	if err == nil || !strings.Contains(err.Error(), `threads.Atomic: option 'cluster' names Atomic "hits", but no cluster is configured`) {
		t.Fatalf("got %v", err)
	}
}

// p.cancel() reaches a remote item stuck in a loop: the worker stops it,
// so close (which waits for every item's report) returns.
func TestClusterCancelRunningItem(t *testing.T) {
	t.Parallel()
	pool := "cancel-" + nuid.Next()
	serve(t, pool)
	got := evalCluster(t, `
		const p = threads.Pool((x) => { for (;;) {} }, {cluster: "`+pool+`"});
		const q = p.submit(1);
		threads.sleep(50);
		q.cancel();
		try { q.get() } catch (e) { console.log(e.name) }
		p.close();
		console.log(p.pending);
	`)
	if got != "CancelledError\n0\n" {
		t.Fatalf("got %q", got)
	}
}

// A cluster Atomic added to from three hosts at once, and from items on a
// worker: no add is lost.
func TestClusterAtomic(t *testing.T) {
	t.Parallel()
	name := "hits-" + nuid.Next()
	pool := "atomic-" + nuid.Next()
	serve(t, pool, host.WithNATS(connect(t)))
	const hosts, adds, items = 3, 200, 20
	var wg sync.WaitGroup
	for i := range hosts {
		wg.Go(func() {
			src := `const a = threads.Atomic(0, {cluster: "` + name + `"});
				for (let i = 0; i < ` + fmt.Sprint(adds) + `; i++) a.add(1);`
			if i == 0 { // and from cluster pool items
				src += `const p = threads.Pool((n) => { threads.Atomic(0, {cluster: "` + name + `"}).add(n) }, {cluster: "` + pool + `"});
					p.map(Array.from({length: ` + fmt.Sprint(items) + `}, () => 1)); p.close();`
			}
			var out bytes.Buffer
			h, err := host.New(host.WithNATS(connect(t)), host.WithStdout(&out))
			if err != nil {
				t.Error(err)
				return
			}
			defer h.Close()
			if _, err := h.Eval(context.Background(), src); err != nil {
				t.Error(err)
			}
		})
	}
	wg.Wait()
	got := evalCluster(t, `
		const a = threads.Atomic(7, {cluster: "`+name+`"}); // exists: keeps its value
		console.log(a.get());
		console.log(a.compareAndSwap(0, 1), a.swap(5), a.get());
		try { a.set(2n ** 63n - 1n); a.add(1) } catch (e) { console.log(e.name, e.message) }
	`)
	want := fmt.Sprintf("%d\nfalse %d 5\nRangeError Atomic.add: 9223372036854775807 + 1 overflows a signed 64-bit integer\n", hosts*adds+items, hosts*adds+items)
	if got != want {
		t.Fatalf("got\n%s\nwant\n%s", got, want)
	}
}
