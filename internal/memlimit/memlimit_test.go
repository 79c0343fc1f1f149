package memlimit

import (
	"runtime"
	"runtime/debug"
	"testing"
	"time"

	"github.com/jsrun/jsrun/internal/leakcheck"
)

func TestMain(m *testing.M) { leakcheck.VerifyTestMain(m) }

// TestStopsOnceAtTheBoundAndRestores: a bound below the live heap is
// stopped once, after a collection; one above it is not; the Go memory
// limit is the lower bound while both are watched, and what it was after.
func TestStopsOnceAtTheBoundAndRestores(t *testing.T) {
	before := debug.SetMemoryLimit(-1)
	keep := make([]byte, 8<<20) // live heap of at least 8 MiB
	low, high := make(chan struct{}, 2), make(chan struct{}, 2)
	releaseLow := Watch(1<<20, func() { low <- struct{}{} })
	releaseHigh := Watch(1<<40, func() { high <- struct{}{} })
	if got := debug.SetMemoryLimit(-1); got != min(before, 1<<20) {
		t.Fatalf("Go memory limit %d while watched; want %d", got, min(before, 1<<20))
	}
	runtime.GC()
	select {
	case <-low:
	case <-time.After(30 * time.Second):
		t.Fatal("the bound below the live heap was never stopped")
	}
	runtime.GC()
	time.Sleep(5 * Period)
	releaseLow()
	if got := debug.SetMemoryLimit(-1); got != min(before, 1<<40) {
		t.Fatalf("Go memory limit %d with the high bound left; want %d", got, min(before, 1<<40))
	}
	releaseHigh()
	runtime.KeepAlive(keep)
	if len(low) != 0 || len(high) != 0 {
		t.Fatalf("stops: low %d more, high %d; want none", len(low), len(high))
	}
	if got := debug.SetMemoryLimit(-1); got != before {
		t.Fatalf("Go memory limit %d after; want %d", got, before)
	}
}

// TestReleaseTwiceIsHarmless: a second release does nothing.
func TestReleaseTwiceIsHarmless(t *testing.T) {
	release := Watch(1<<40, func() {})
	release()
	release()
}
