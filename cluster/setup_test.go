package cluster

import (
	"context"
	"testing"
	"time"

	"github.com/nats-io/nats.go"
)

// Opening what exists changes nothing on the server: no stream is
// updated when a second client, pool, worker, Atomic or Queue names it.
// (An update of a stream while another machine adds a consumer to it is
// a data race inside nats-server v2.15.3, seen under -race; and a
// needless update costs a stored config on every open.)
// Not parallel: other tests open the shared results stream.
func TestOpeningExistingChangesNothing(t *testing.T) {
	ctx := context.Background()
	pool, atomicName, queueName := uniqueName("reopen"), uniqueName("reopen"), uniqueName("reopen")
	open := func() {
		c := newClient(t)
		if _, err := c.Pool(ctx, pool, []byte("s"), PoolOptions{}); err != nil {
			t.Fatal(err)
		}
		if _, err := c.Atomic(ctx, atomicName, 0); err != nil {
			t.Fatal(err)
		}
		if _, err := c.Queue(ctx, queueName, 10); err != nil {
			t.Fatal(err)
		}
	}
	open() // makes them
	startWorker(t, WorkerConfig{Pool: pool, Concurrency: 1, Runner: &echo{}})

	nc := connect(t)
	updates := make(chan *nats.Msg, 64)
	sub, err := nc.ChanSubscribe("$JS.EVENT.ADVISORY.STREAM.UPDATED.>", updates)
	if err != nil {
		t.Fatal(err)
	}
	defer sub.Unsubscribe()
	if err := nc.Flush(); err != nil {
		t.Fatal(err)
	}
	open()
	open()
	startWorker(t, WorkerConfig{Pool: pool, Concurrency: 1, Runner: &echo{}})
	startWorker(t, WorkerConfig{Pool: AllPools, Concurrency: 1, Runner: &echo{}})
	select {
	case m := <-updates:
		t.Fatalf("a stream was updated on opening: %s", m.Subject)
	case <-time.After(300 * time.Millisecond):
	}
}
