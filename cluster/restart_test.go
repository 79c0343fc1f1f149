package cluster

import (
	"context"
	"net"
	"sync"
	"testing"
	"time"

	"github.com/nats-io/nats.go"
)

// A server restart mid-run (file store): every item submitted before it
// completes, each result once.
func TestServerRestart(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	srv, err := startServer(dir, -1)
	if err != nil {
		t.Fatal(err)
	}
	port := srv.Addr().(*net.TCPAddr).Port
	url := srv.ClientURL()
	var mu sync.Mutex
	stopped := false
	defer func() {
		mu.Lock()
		defer mu.Unlock()
		if !stopped {
			srv.Shutdown()
			srv.WaitForShutdown()
		}
	}()
	dial := func() *nats.Conn {
		nc, err := nats.Connect(url, nats.MaxReconnects(-1), nats.ReconnectWait(20*time.Millisecond))
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(nc.Close)
		return nc
	}
	ctx := context.Background()
	c, err := NewClient(ctx, dial())
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	pool := uniqueName("restart")
	p, err := c.Pool(ctx, pool, []byte("s"), PoolOptions{AckWait: 500 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	const n = 30
	calls := make([]*Call, n)
	for i := range calls {
		if calls[i], err = p.Submit(ctx, []byte{byte(i)}); err != nil {
			t.Fatal(err)
		}
	}
	slow := &echo{block: func(ctx context.Context, it Item) bool {
		select {
		case <-time.After(10 * time.Millisecond):
		case <-ctx.Done():
		}
		return false
	}}
	wctx, wcancel := context.WithCancel(ctx)
	var wg sync.WaitGroup
	nc := dial()
	wg.Go(func() { _ = RunWorker(wctx, nc, WorkerConfig{Pool: pool, Runner: slow}) })
	defer func() { wcancel(); wg.Wait() }()
	<-calls[2].Done()
	mu.Lock()
	srv.Shutdown()
	srv.WaitForShutdown()
	srv, err = startServer(dir, port)
	mu.Unlock()
	if err != nil {
		t.Fatal(err)
	}
	for i, call := range calls {
		res, err := call.Result()
		if err != nil || res.Status != StatusOK || string(res.Data) != "s"+string([]byte{byte(i)}) {
			t.Fatalf("item %d: %+v, %v", i, res, err)
		}
	}
}
