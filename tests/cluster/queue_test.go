//go:build jsrun_cluster

package cluster_test

import (
	"context"
	"encoding/json"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/jsrun/jsrun/host"
	"github.com/nats-io/nats.go/jetstream"
	"github.com/nats-io/nuid"
)

// A cluster Queue shared by three hosts (as by three machines): one puts
// 200 items through a bound of 8 and closes it; two take items until it
// is closed and drained. Every item arrives, once, and each taker sees
// its items in the order they were put.
func TestClusterQueueAcrossHosts(t *testing.T) {
	t.Parallel()
	name := "jobs-" + nuid.Next()
	const items = 200
	var wg sync.WaitGroup
	outs := make([]string, 2)
	for i := range outs {
		wg.Go(func() {
			outs[i] = evalCluster(t, `
				const q = threads.Queue(8, {cluster: "`+name+`"});
				const got = [];
				for (const x of q) got.push(x.n);
				console.log(JSON.stringify(got));
			`)
		})
	}
	got := evalCluster(t, `
		const q = threads.Queue(8, {cluster: "`+name+`"});
		for (let i = 0; i < `+"200"+`; i++) q.put({n: i});
		q.close();
		console.log(q.closed);
	`)
	wg.Wait()
	if got != "true\n" {
		t.Fatalf("the putter printed %q", got)
	}
	var all []int
	for _, out := range outs {
		var ns []int
		if err := json.Unmarshal([]byte(out), &ns); err != nil {
			t.Fatalf("a taker printed %q: %v", out, err)
		}
		if !slices.IsSorted(ns) {
			t.Errorf("a taker got its items out of order: %v", ns)
		}
		all = append(all, ns...)
	}
	slices.Sort(all)
	for i, n := range all {
		if i != n || len(all) != items {
			t.Fatalf("got %d items, want each of 0..%d once: %v", len(all), items-1, all)
		}
	}
}

// The async forms: putAsync, getAsync and [Symbol.asyncIterator] (what
// for await calls; the CLI test uses for await itself), across two hosts.
func TestClusterQueueAsync(t *testing.T) {
	t.Parallel()
	name := "async-" + nuid.Next()
	var wg sync.WaitGroup
	var taker string
	wg.Go(func() {
		taker = evalCluster(t, `
			const q = threads.Queue(2, {cluster: "`+name+`"});
			(async () => {
				const first = await q.getAsync();
				let rest = 0;
				const it = q[Symbol.asyncIterator]();
				for (let r; !(r = await it.next()).done;) rest += r.value;
				console.log(first, rest);
			})();
		`)
	})
	put := evalCluster(t, `
		const q = threads.Queue(2, {cluster: "`+name+`"});
		(async () => {
			for (let i = 1; i <= 10; i++) await q.putAsync(i);
			q.close();
			try { await q.putAsync(11) } catch (e) { console.log(e.name) }
		})();
	`)
	wg.Wait()
	if put != "QueueClosedError\n" || taker != "1 54\n" {
		t.Fatalf("putter %q, taker %q", put, taker)
	}
}

func TestClusterQueueNotConfigured(t *testing.T) {
	t.Parallel()
	h, err := host.New()
	if err != nil {
		t.Fatal(err)
	}
	defer h.Close()
	_, err = h.Eval(context.Background(), `threads.Queue(1, {cluster: "jobs"})`)
	if err == nil || !strings.Contains(err.Error(), `threads.Queue: option 'cluster' names Queue "jobs", but no cluster is configured`) {
		t.Fatalf("got %v", err)
	}
}

// A message put on a cluster Queue's stream by hand, not in the wire
// form, is taken and thrown as a DataCloneError naming the queue; the
// next item is read as usual.
func TestClusterQueueHostileItem(t *testing.T) {
	t.Parallel()
	name := "hostile-" + nuid.Next()
	evalCluster(t, `threads.Queue(0, {cluster: "`+name+`"})`) // made
	js, err := jetstream.New(connect(t))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := js.Publish(context.Background(), "jsrun.queue."+name, []byte("JW\x01\xff\xff\xff\xff")); err != nil {
		t.Fatal(err)
	}
	got := evalCluster(t, `
		const q = threads.Queue(0, {cluster: "`+name+`"});
		q.put("fine");
		try { q.get() } catch (e) { console.log(e.name + ": " + e.message) }
		console.log(q.get(), q.size());
	`)
	want := "DataCloneError: Queue.get: an item of cluster Queue " + name +
		" cannot be read: wire form: bad or truncated varint for node count (at byte 3)\nfine 0\n"
	if got != want {
		t.Fatalf("got %q", got)
	}
}

// Items of a cluster pool, on a worker, put on a cluster Queue that the
// script which submitted them takes from: the Queue is opened by name on
// each side.
func TestClusterQueueFromPoolItems(t *testing.T) {
	t.Parallel()
	name, pool := "fromitems-"+nuid.Next(), "qitems-"+nuid.Next()
	serve(t, pool, host.WithNATS(connect(t)))
	got := evalCluster(t, `
		const q = threads.Queue(3, {cluster: "`+name+`"});
		const p = threads.Pool((n) => {
			const q = threads.Queue(3, {cluster: "`+name+`"});
			for (let i = 1; i <= n; i++) q.put(i);
			return n;
		}, {cluster: "`+pool+`"});
		const sent = p.submit(10);
		let sum = 0;
		for (let i = 0; i < 10; i++) sum += q.get();
		console.log(sum, sent.get());
		p.close();
	`)
	if got != "55 10\n" {
		t.Fatalf("got %q", got)
	}
}
