//go:build jsrun_cluster

package host_test

import (
	"context"
	"os"
	"sync"

	"github.com/jsrun/jsrun/cluster"
	"github.com/jsrun/jsrun/host"
	"github.com/nats-io/nats.go"
)

// A script's cluster Pool, and a worker serving it with a host of its own,
// on an in-process server (jsrun --cluster local does the same with worker
// processes).
func ExampleWithNATS() {
	dir, _ := os.MkdirTemp("", "example")
	defer os.RemoveAll(dir)
	srv, err := cluster.StartServer(dir)
	if err != nil {
		panic(err)
	}
	defer func() { srv.Shutdown(); srv.WaitForShutdown() }()

	// The worker: any machine that reaches the server.
	wh, _ := host.New()
	defer wh.Close()
	wnc, _ := nats.Connect(srv.ClientURL())
	defer wnc.Close()
	ctx, stop := context.WithCancel(context.Background())
	var wg sync.WaitGroup
	wg.Go(func() {
		_ = cluster.RunWorker(ctx, wnc, cluster.WorkerConfig{Pool: "squares", Concurrency: 2, Runner: wh.ClusterRunner()})
	})
	defer func() { stop(); wg.Wait() }()

	// The script's host.
	nc, _ := nats.Connect(srv.ClientURL())
	defer nc.Close()
	h, err := host.New(host.WithNATS(nc), host.WithStdout(os.Stdout))
	if err != nil {
		panic(err)
	}
	defer h.Close()
	_, err = h.Eval(context.Background(), `
		const p = threads.Pool((x) => x * x, {cluster: "squares"});
		console.log(p.map([1, 2, 3]));
		p.close();
	`)
	if err != nil {
		panic(err)
	}
	// Output: [ 1, 4, 9 ]
}
