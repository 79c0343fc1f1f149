package engine

import (
	"context"
	"errors"
	"sync"
	"testing"
	"time"
)

// slotSeed returns the seed of a cluster pool of fn, as a client sends it.
func slotSeed(t testing.TB, fn string) []byte {
	t.Helper()
	l := &loopback{worker: NewEnv(Config{})}
	if _, err := evalJS(t, Config{Remote: l}, 20*time.Second, `threads.Pool(`+fn+`, {cluster: "s"})`); err != nil {
		t.Fatal(err)
	}
	return l.seed
}

// slotEnv is an Env of a worker with the globals the tests' scripts have.
func slotEnv() *Env {
	var mu sync.Mutex
	var out []string
	return NewEnv(withPrint(Config{}, &mu, &out))
}

// wireInt is the wire form of the integer n (0 <= n < 64).
func wireInt(n int) []byte { return []byte{'J', 'W', 1, 0, 1, 4, byte(2 * n)} }

// A slot runs item after item on one runtime, as a local Pool's worker
// does: the second item sees what the first left; a Promise's item
// reports when it settles and the slot goes on.
func TestItemSlotReusesItsRuntime(t *testing.T) {
	t.Parallel()
	env := slotEnv()
	seed := slotSeed(t, `(x) => {
		globalThis.count = (globalThis.count || 0) + 1;
		return x === 1 ? new Promise((res) => setTimeout(() => res(count), 1)) : count;
	}`)
	sl, err := env.NewItemSlot(context.Background(), "k", seed)
	if err != nil {
		t.Fatal(err)
	}
	defer sl.Close()
	for i, want := range []int{1, 2, 3} {
		st, data, alive, ran := sl.Run(context.Background(), wireInt(i))
		if st != RemoteOK || !alive || !ran {
			t.Fatalf("item %d: %s %q alive %v ran %v", i, st, data, alive, ran)
		}
		if string(data) != string(wireInt(want)) {
			t.Fatalf("item %d: got %q, want count %d", i, data, want)
		}
	}
}

// An item whose Promise never settles ends its slot, and says so; a
// cancelled item (ctx) ends it too; a slot that ended runs nothing more.
func TestItemSlotEnds(t *testing.T) {
	t.Parallel()
	env := slotEnv()
	seed := slotSeed(t, `(x) => x === 0 ? new Promise(() => {}) : x === 1 ? new Promise((res) => setTimeout(res, 60000)) : x`)
	sl, err := env.NewItemSlot(context.Background(), "k", seed)
	if err != nil {
		t.Fatal(err)
	}
	st, data, alive, ran := sl.Run(context.Background(), wireInt(0))
	if st != RemoteFailed || string(data) != "workerFn's Promise never settled" || alive || !ran {
		t.Fatalf("got %s %q alive %v ran %v", st, data, alive, ran)
	}
	if _, _, alive, ran := sl.Run(context.Background(), wireInt(2)); alive || ran {
		t.Fatalf("a slot that ended ran an item")
	}
	sl.Close()

	sl, err = env.NewItemSlot(context.Background(), "k", seed)
	if err != nil {
		t.Fatal(err)
	}
	defer sl.Close()
	stop := errors.New("stopped by the test")
	ctx, cancel := context.WithCancelCause(context.Background())
	time.AfterFunc(10*time.Millisecond, func() { cancel(stop) })
	st, data, alive, ran = sl.Run(ctx, wireInt(1))
	if st != RemoteFailed || string(data) != stop.Error() || alive || !ran {
		t.Fatalf("got %s %q alive %v ran %v", st, data, alive, ran)
	}
}

// BenchmarkItemSlot: trivial items through one slot, one at a time.
func BenchmarkItemSlot(b *testing.B) {
	env := slotEnv()
	sl, err := env.NewItemSlot(context.Background(), "k", slotSeed(b, `(x) => x + 1`))
	if err != nil {
		b.Fatal(err)
	}
	defer sl.Close()
	for b.Loop() {
		if st, data, _, _ := sl.Run(context.Background(), wireInt(1)); st != RemoteOK {
			b.Fatalf("%s %q", st, data)
		}
	}
}
