package cluster

import (
	"context"
	"errors"
	"fmt"
	"strconv"

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
}

// Atomic opens the cluster Atomic name, made with initial if it does not
// exist yet (an existing one keeps its value).
func (c *Client) Atomic(ctx context.Context, name string, initial int64) (*Atomic, error) {
	if err := CheckPoolName(name); err != nil {
		return nil, fmt.Errorf("cluster Atomic: %w", err)
	}
	kv, err := c.js.CreateOrUpdateKeyValue(ctx, jetstream.KeyValueConfig{Bucket: atomicBucket, Storage: jetstream.FileStorage})
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
	return v, e.Revision(), nil
}

// Update sets the value to f(old) atomically, retrying when another
// writer came first; f returning ok false leaves it as it is. It returns
// the old value and whether it changed. An error of f is returned as is.
func (a *Atomic) Update(ctx context.Context, f func(old int64) (n int64, ok bool, err error)) (old int64, changed bool, err error) {
	for {
		old, rev, err := a.read(ctx)
		if err != nil {
			return 0, false, err
		}
		n, ok, err := f(old)
		if err != nil || !ok {
			return old, false, err
		}
		_, err = a.kv.Update(ctx, a.key, []byte(strconv.FormatInt(n, 10)), rev)
		if err == nil {
			return old, true, nil
		}
		if !errors.Is(err, jetstream.ErrKeyExists) {
			return old, false, fmt.Errorf("cluster: update Atomic %q: %w", a.key, err)
		}
	}
}
