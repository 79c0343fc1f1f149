package cluster_test

import (
	"context"
	"errors"
	"fmt"
	"os"

	"github.com/jsrun/jsrun/cluster"
	"github.com/nats-io/nats.go"
)

// A bounded cluster Queue: a put past the bound is refused without
// waiting, a get keeps its item by acknowledging it, and a closed queue
// is drained, then closed for every get.
func ExampleClient_Queue() {
	dir, _ := os.MkdirTemp("", "example")
	defer os.RemoveAll(dir)
	srv, err := cluster.StartServer(dir)
	if err != nil {
		panic(err)
	}
	defer func() { srv.Shutdown(); srv.WaitForShutdown() }()
	nc, _ := nats.Connect(srv.ClientURL())
	defer nc.Close()
	ctx := context.Background()
	c, err := cluster.NewClient(ctx, nc)
	if err != nil {
		panic(err)
	}
	defer c.Close()

	q, err := c.Queue(ctx, "jobs", 1)
	if err != nil {
		panic(err)
	}
	ok, err := q.Put(ctx, []byte("first"), true)
	fmt.Println(ok, err)
	ok, err = q.Put(ctx, []byte("second"), false)
	fmt.Println(ok, err)
	_ = q.Close(ctx)
	item, ack, err := q.Get(ctx, true)
	ack(true)
	fmt.Println(string(item), err)
	_, _, err = q.Get(ctx, true)
	fmt.Println(errors.Is(err, cluster.ErrQueueClosed))
	// Output:
	// true <nil>
	// false <nil>
	// first <nil>
	// true
}
