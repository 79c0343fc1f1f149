package cluster

import (
	"context"
	"testing"

	"github.com/jsrun/jsrun/internal/natstest"
	"github.com/nats-io/nats.go"
)

// BenchmarkQueuePutGet: one put and one get (with its awaited ack) per
// op, on one client, through the shared embedded server: three round
// trips.
func BenchmarkQueuePutGet(b *testing.B) {
	ctx := context.Background()
	nc, err := nats.Connect(natstest.URL)
	if err != nil {
		b.Fatal(err)
	}
	defer nc.Close()
	c, err := NewClient(ctx, nc)
	if err != nil {
		b.Fatal(err)
	}
	defer c.Close()
	q, err := c.Queue(ctx, uniqueName("bench"), 0)
	if err != nil {
		b.Fatal(err)
	}
	item := []byte("an item of a few bytes")
	for b.Loop() {
		if _, err := q.Put(ctx, item, true); err != nil {
			b.Fatal(err)
		}
		_, ack, err := q.Get(ctx, true)
		if err != nil {
			b.Fatal(err)
		}
		ack(true)
	}
}
