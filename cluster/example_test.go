package cluster_test

import (
	"context"
	"fmt"
	"os"
	"sync"

	"github.com/jsrun/jsrun/cluster"
	"github.com/nats-io/nats.go"
)

// upper is a Runner; jsrun's hosts run items with host.ClusterRunner.
type upper struct{}

func (upper) RunItem(ctx context.Context, it cluster.Item, seed []byte) cluster.Result {
	return cluster.Result{Status: cluster.StatusOK, Data: append(append([]byte{}, seed...), it.Arg...)}
}

// A worker and a client of one pool, on an in-process server.
func ExampleRunWorker() {
	dir, _ := os.MkdirTemp("", "example")
	defer os.RemoveAll(dir)
	srv, err := cluster.StartServer(dir)
	if err != nil {
		panic(err)
	}
	defer func() { srv.Shutdown(); srv.WaitForShutdown() }()

	wnc, _ := nats.Connect(srv.ClientURL())
	defer wnc.Close()
	ctx, stop := context.WithCancel(context.Background())
	var wg sync.WaitGroup
	wg.Go(func() { _ = cluster.RunWorker(ctx, wnc, cluster.WorkerConfig{Pool: "greet", Runner: upper{}}) })
	defer func() { stop(); wg.Wait() }()

	nc, _ := nats.Connect(srv.ClientURL())
	defer nc.Close()
	c, err := cluster.NewClient(ctx, nc)
	if err != nil {
		panic(err)
	}
	defer c.Close()
	p, err := c.Pool(ctx, "greet", []byte("hello, "), cluster.PoolOptions{})
	if err != nil {
		panic(err)
	}
	call, err := p.Submit(ctx, []byte("cluster"))
	if err != nil {
		panic(err)
	}
	res, err := call.Result()
	fmt.Println(res.Status, string(res.Data), err)
	// Output: ok hello, cluster <nil>
}
