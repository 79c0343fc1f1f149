package cluster

import (
	"context"
	"errors"
	"testing"
)

// An Atomic handle that remembers a value another handle has changed
// since still judges compare-and-set (and overflow) on the current value.
func TestAtomicStaleHandleJudgesCurrentValue(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	name := uniqueName("stale")
	a, err := newClient(t).Atomic(ctx, name, 0)
	if err != nil {
		t.Fatal(err)
	}
	b, err := newClient(t).Atomic(ctx, name, 0)
	if err != nil {
		t.Fatal(err)
	}
	set := func(x *Atomic, v int64) {
		t.Helper()
		if _, _, err := x.Update(ctx, func(int64) (int64, bool, error) { return v, true, nil }); err != nil {
			t.Fatal(err)
		}
	}
	cas := func(x *Atomic, old, n int64) bool {
		t.Helper()
		_, changed, err := x.Update(ctx, func(cur int64) (int64, bool, error) { return n, cur == old, nil })
		if err != nil {
			t.Fatal(err)
		}
		return changed
	}
	set(a, 5) // a remembers 5
	set(b, 7)
	if !cas(a, 7, 8) {
		t.Fatal("compareAndSwap(7, 8) through the handle that saw 5 did not swap")
	}
	if cas(b, 7, 9) { // b remembers 7; the value is 8
		t.Fatal("compareAndSwap(7, 9) swapped a value of 8")
	}
	errBig := errors.New("too big")
	set(a, 1)
	_, _, err = b.Update(ctx, func(old int64) (int64, bool, error) {
		if old > 2 {
			return 0, false, errBig
		}
		return old + 1, true, nil
	})
	if err != nil {
		t.Fatalf("b judged its remembered 8, not the current 1: %v", err)
	}
	if v, err := a.Load(ctx); err != nil || v != 2 {
		t.Fatalf("got %d, %v; want 2", v, err)
	}
}
