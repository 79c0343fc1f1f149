package cluster

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"
)

func openQueue(t *testing.T, c *Client, name string, max int) *Queue {
	t.Helper()
	q, err := c.Queue(context.Background(), name, max)
	if err != nil {
		t.Fatal(err)
	}
	return q
}

func mustPut(t *testing.T, q *Queue, item string) {
	t.Helper()
	if ok, err := q.Put(context.Background(), []byte(item), true); !ok || err != nil {
		t.Fatalf("put %q: %v, %v", item, ok, err)
	}
}

// mustGet takes an item and keeps it.
func mustGet(t *testing.T, q *Queue, wait bool) string {
	t.Helper()
	item, ack, err := q.Get(context.Background(), wait)
	if err != nil {
		t.Fatalf("get: %v", err)
	}
	if ack == nil {
		return "<empty>"
	}
	ack(true)
	return string(item)
}

// Items put on one client come out of another in order; a bounded queue
// refuses a put past its bound without waiting, and an empty one a get.
func TestQueueOrderAndBound(t *testing.T) {
	t.Parallel()
	name := uniqueName("q")
	a, b := openQueue(t, newClient(t), name, 3), openQueue(t, newClient(t), name, 100)
	for i := range 3 {
		mustPut(t, a, fmt.Sprint(i))
	}
	if ok, err := b.Put(context.Background(), []byte("x"), false); ok || err != nil {
		t.Fatalf("put on a full queue: %v, %v; want false, nil (the first bound holds)", ok, err)
	}
	if n, err := b.Size(context.Background()); n != 3 || err != nil {
		t.Fatalf("size %d, %v", n, err)
	}
	var got []string
	for range 3 {
		got = append(got, mustGet(t, b, true))
	}
	if strings.Join(got, ",") != "0,1,2" {
		t.Fatalf("got %v", got)
	}
	if s := mustGet(t, a, false); s != "<empty>" {
		t.Fatalf("get without waiting on an empty queue: %q", s)
	}
}

// A put blocked on a full queue goes in once a get on another machine
// makes room; a put or get whose ctx ends returns ctx's error.
func TestQueueBlockingPut(t *testing.T) {
	t.Parallel()
	name := uniqueName("qput")
	a, b := openQueue(t, newClient(t), name, 1), openQueue(t, newClient(t), name, 1)
	mustPut(t, a, "first")
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Millisecond)
	defer cancel()
	if ok, err := a.Put(ctx, []byte("late"), true); ok || !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("put past its deadline: %v, %v", ok, err)
	}
	done := make(chan error, 1)
	go func() {
		_, err := a.Put(context.Background(), []byte("second"), true)
		done <- err
	}()
	if s := mustGet(t, b, true); s != "first" {
		t.Fatalf("got %q", s)
	}
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	if s := mustGet(t, b, true); s != "second" {
		t.Fatalf("got %q", s)
	}
	ctx, cancel = context.WithTimeout(context.Background(), 20*time.Millisecond)
	defer cancel()
	if _, _, err := b.Get(ctx, true); !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("get past its deadline: %v", err)
	}
	// A get cancelled while its pull request still waits on the server
	// leaves no trap: the next item goes to the next get, not to it.
	cctx, ccancel := context.WithCancel(context.Background())
	go func() { time.Sleep(20 * time.Millisecond); ccancel() }()
	if _, _, err := b.Get(cctx, true); !errors.Is(err, context.Canceled) {
		t.Fatalf("cancelled get: %v", err)
	}
	mustPut(t, a, "third")
	if s := mustGet(t, b, false); s != "third" {
		t.Fatalf("after a cancelled get: %q", s)
	}
}

// Close on one machine: puts fail everywhere, gets drain what is left,
// then fail; a get blocked on another machine wakes with the error.
func TestQueueCloseAcrossClients(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	name := uniqueName("qclose")
	a, b, c := openQueue(t, newClient(t), name, 0), openQueue(t, newClient(t), name, 0), openQueue(t, newClient(t), name, 0)
	mustPut(t, a, "x1")
	mustPut(t, a, "x2")
	if err := a.Close(ctx); err != nil {
		t.Fatal(err)
	}
	if err := a.Close(ctx); err != nil {
		t.Fatalf("a second close: %v", err)
	}
	if ok, err := b.Put(ctx, []byte("x"), true); ok || !errors.Is(err, ErrQueueClosed) {
		t.Fatalf("put after close: %v, %v", ok, err)
	}
	if closed, err := b.Closed(ctx); !closed || err != nil {
		t.Fatalf("closed %v, %v", closed, err)
	}
	if s1, s2 := mustGet(t, b, true), mustGet(t, c, false); s1 != "x1" || s2 != "x2" {
		t.Fatalf("drained %q, %q", s1, s2)
	}
	for _, q := range []*Queue{a, b, c} {
		if _, _, err := q.Get(ctx, true); !errors.Is(err, ErrQueueClosed) {
			t.Fatalf("get on a closed, drained queue: %v", err)
		}
	}

	name = uniqueName("qwake")
	d, e := openQueue(t, newClient(t), name, 0), openQueue(t, newClient(t), name, 0)
	var wg sync.WaitGroup
	var err error
	wg.Go(func() { _, _, err = e.Get(ctx, true) })
	if cerr := d.Close(ctx); cerr != nil {
		t.Fatal(cerr)
	}
	wg.Wait()
	if !errors.Is(err, ErrQueueClosed) {
		t.Fatalf("a get blocked across the close: %v", err)
	}
}

// An item given back (ack false) is delivered again; a closed, drained
// queue opened again is open, with the new bound.
func TestQueueGiveBackAndReopen(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	name := uniqueName("qback")
	c := newClient(t)
	q := openQueue(t, c, name, 0)
	mustPut(t, q, "once")
	item, ack, err := q.Get(ctx, true)
	if err != nil || string(item) != "once" {
		t.Fatalf("get: %q, %v", item, err)
	}
	ack(false)
	if s := mustGet(t, q, true); s != "once" {
		t.Fatalf("after giving it back: %q", s)
	}
	if err := q.Close(ctx); err != nil {
		t.Fatal(err)
	}
	q2 := openQueue(t, newClient(t), name, 1)
	if closed, err := q2.Closed(ctx); closed || err != nil {
		t.Fatalf("opened anew: closed %v, %v", closed, err)
	}
	mustPut(t, q2, "again")
	if ok, err := q.Put(ctx, []byte("past the bound"), false); ok || err != nil {
		t.Fatalf("put past the new bound: %v, %v", ok, err)
	}
	if s := mustGet(t, q, false); s != "again" {
		t.Fatalf("got %q", s)
	}
}

func TestQueueNames(t *testing.T) {
	t.Parallel()
	c := newClient(t)
	for _, name := range []string{"", "a b", "a.b", "*", strings.Repeat("x", 65)} {
		if _, err := c.Queue(context.Background(), name, 0); err == nil || !strings.Contains(err.Error(), "cluster Queue name") {
			t.Errorf("Queue(%q): %v", name, err)
		}
	}
	if _, err := c.Queue(context.Background(), "ok", -1); err == nil {
		t.Error("a negative bound was accepted")
	}
}

// A get that does not wait, right after a put from another machine has
// been acknowledged, takes the item: the server acknowledges a put before
// it tells the getters' consumer, and the get must not answer "empty"
// in between.
func TestQueueGetRightAfterPut(t *testing.T) {
	t.Parallel()
	name := uniqueName("qnow")
	p, g := openQueue(t, newClient(t), name, 0), openQueue(t, newClient(t), name, 0)
	for i := range 300 {
		want := fmt.Sprint("item ", i)
		mustPut(t, p, want)
		if s := mustGet(t, g, false); s != want {
			t.Fatalf("round %d: got %q, want %q", i, s, want)
		}
	}
}
