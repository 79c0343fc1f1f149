package cluster

import (
	"context"
	"strings"
	"testing"
	"time"
)

// A cancel sent while no worker is listening still reaches the worker that
// joins later: the client sends it again until the call settles.
func TestCancelReachesWorkerThatJoinsLater(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	pool := uniqueName("cancel-late")
	c := newClient(t)
	p, err := c.Pool(ctx, pool, []byte("s"), PoolOptions{})
	if err != nil {
		t.Fatal(err)
	}
	call, err := p.Submit(ctx, []byte("long"))
	if err != nil {
		t.Fatal(err)
	}
	if err := call.Cancel(); err != nil { // no worker hears this one
		t.Fatal(err)
	}
	if err := c.nc.Flush(); err != nil {
		t.Fatal(err)
	}
	time.Sleep(20 * time.Millisecond) // the first cancel is gone for good
	started := make(chan struct{}, 1)
	r := &echo{block: func(context.Context, Item) bool {
		started <- struct{}{}
		return true // runs until cancelled
	}}
	startWorker(t, WorkerConfig{Pool: pool, Runner: r})
	res, err := call.Result()
	if err != nil || res.Err() == nil || !strings.Contains(res.Err().Error(), "cancelled by its caller") {
		t.Fatalf("got %+v, %v", res, err)
	}
}
