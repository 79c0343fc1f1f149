package cluster

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"sync"

	"github.com/nats-io/nats.go/jetstream"
)

// atomicBucket holds cluster Atomics, one key each.
const atomicBucket = "jsrun-atomics"

// Atomic is a cluster-wide signed 64-bit integer: a key of the
// jsrun-atomics bucket, changed only by compare-and-set on the key's
// revision (retried on conflict), so every change is linearisable. Each
// operation costs a read and a write to the server (one round trip each),
// more under contention.
type Atomic struct {
	kv  jetstream.KeyValue
	key string
	// last is the value and revision this handle last read or wrote: an
	// update tries it first, which saves the read when no other writer
	// came between (one round trip instead of two).
	mu      sync.Mutex
	last    int64
	lastRev uint64
}

// Atomic opens the cluster Atomic name, made with initial if it does not
// exist yet (an existing one keeps its value).
func (c *Client) Atomic(ctx context.Context, name string, initial int64) (*Atomic, error) {
	if err := CheckPoolName(name); err != nil {
		return nil, fmt.Errorf("cluster Atomic: %w", err)
	}
	kv, err := ensureBucket(ctx, c.js, jetstream.KeyValueConfig{Bucket: atomicBucket, Storage: jetstream.FileStorage})
	if err != nil {
		return nil, fmt.Errorf("cluster: atomics bucket: %w", err)
	}
	if _, err := kv.Create(ctx, name, []byte(strconv.FormatInt(initial, 10))); err != nil && !errors.Is(err, jetstream.ErrKeyExists) {
		return nil, fmt.Errorf("cluster: make Atomic %q: %w", name, err)
	}
	return &Atomic{kv: kv, key: name}, nil
}

// Load returns the current value.
func (a *Atomic) Load(ctx context.Context) (int64, error) {
	v, _, err := a.read(ctx)
	return v, err
}

func (a *Atomic) read(ctx context.Context) (int64, uint64, error) {
	e, err := a.kv.Get(ctx, a.key)
	if err != nil {
		return 0, 0, fmt.Errorf("cluster: read Atomic %q: %w", a.key, err)
	}
	v, err := strconv.ParseInt(string(e.Value()), 10, 64)
	if err != nil {
		return 0, 0, fmt.Errorf("cluster: Atomic %q holds %q, not an integer", a.key, e.Value())
	}
	a.remember(v, e.Revision())
	return v, e.Revision(), nil
}

// Update sets the value to f(old) atomically, retrying when another
// writer came first; f returning ok false leaves it as it is. It returns
// the old value and whether it changed. An error of f is returned as is.
// The first try uses the value this handle saw last, without a read: a
// conflict costs the round trip it saved, so a lone writer pays one
// round trip per update and contended ones about three. Only a value
// just read can make f decline or fail, never the remembered one.
func (a *Atomic) Update(ctx context.Context, f func(old int64) (n int64, ok bool, err error)) (old int64, changed bool, err error) {
	a.mu.Lock()
	old, rev := a.last, a.lastRev
	a.mu.Unlock()
	for {
		cached := rev != 0
		if !cached {
			if old, rev, err = a.read(ctx); err != nil {
				return 0, false, err
			}
		}
		n, ok, err := f(old)
		if cached && (err != nil || !ok) {
			// f judged a value that may be stale (compareAndSwap
			// saw no match, add an overflow): judge the current one.
			rev = 0
			continue
		}
		if err != nil || !ok {
			return old, false, err
		}
		nrev, err := a.kv.Update(ctx, a.key, []byte(strconv.FormatInt(n, 10)), rev)
		if err == nil {
			a.remember(n, nrev)
			return old, true, nil
		}
		if !errors.Is(err, jetstream.ErrKeyExists) {
			return old, false, fmt.Errorf("cluster: update Atomic %q: %w", a.key, err)
		}
		rev = 0 // another writer came first: read the value it left
	}
}

// remember keeps the newest value and revision seen.
func (a *Atomic) remember(v int64, rev uint64) {
	a.mu.Lock()
	if rev > a.lastRev {
		a.last, a.lastRev = v, rev
	}
	a.mu.Unlock()
}
