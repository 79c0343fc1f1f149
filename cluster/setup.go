package cluster

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"slices"
	"time"

	"github.com/nats-io/nats.go/jetstream"
)

// resultMaxAge bounds how long a result waits on the server for a caller
// that went away: results are read as they arrive, never later.
const resultMaxAge = time.Hour

// Defaults of a pool's consumer.
const (
	// DefaultAckWait is how long a worker may hold an item without a sign
	// of life before it is redelivered. A worker extends it while an item
	// runs, so it bounds the delay after a worker dies, not an item's time.
	DefaultAckWait = 10 * time.Second
	// DefaultMaxDeliver bounds the deliveries of one item: the last one
	// reports it failed instead of running it again (its workers died
	// running it, as one that runs out of memory may).
	DefaultMaxDeliver = 5
)

// ensureResults makes the results stream if it is missing.
func ensureResults(ctx context.Context, js jetstream.JetStream) error {
	_, err := ensureStream(ctx, js, jetstream.StreamConfig{
		Name:     resultStream,
		Subjects: []string{resultPrefix + ">"},
		MaxAge:   resultMaxAge,
		Storage:  jetstream.FileStorage,
	})
	if err != nil {
		return fmt.Errorf("cluster: results stream: %w", err)
	}
	return nil
}

// ensurePool makes pool's work stream and its workers' consumer if they
// are missing. Zero ackWait and maxDeliver join an existing consumer as
// it is; otherwise its settings become these.
func ensurePool(ctx context.Context, js jetstream.JetStream, pool string, ackWait time.Duration, maxDeliver int) (jetstream.Consumer, error) {
	if err := CheckPoolName(pool); err != nil {
		return nil, err
	}
	st, err := ensureStream(ctx, js, jetstream.StreamConfig{
		Name:       poolStream(pool),
		Subjects:   []string{poolSubject(pool)},
		Retention:  jetstream.WorkQueuePolicy,
		Storage:    jetstream.FileStorage,
		Duplicates: 2 * time.Minute,
	})
	if err != nil {
		return nil, fmt.Errorf("cluster: work stream of pool %q: %w", pool, err)
	}
	if ackWait <= 0 && maxDeliver <= 0 {
		// Join the pool as it was made: a worker started without
		// settings must not reset the caller's.
		if c, err := st.Consumer(ctx, workersName); err == nil {
			return c, nil
		} else if !errors.Is(err, jetstream.ErrConsumerNotFound) {
			return nil, fmt.Errorf("cluster: consumer of pool %q: %w", pool, err)
		}
	}
	if ackWait <= 0 {
		ackWait = DefaultAckWait
	}
	if maxDeliver <= 0 {
		maxDeliver = DefaultMaxDeliver
	}
	c, err := st.CreateOrUpdateConsumer(ctx, jetstream.ConsumerConfig{
		Durable:    workersName,
		AckPolicy:  jetstream.AckExplicitPolicy,
		AckWait:    ackWait,
		MaxDeliver: maxDeliver,
	})
	if err != nil {
		return nil, fmt.Errorf("cluster: consumer of pool %q: %w", pool, err)
	}
	return c, nil
}

// ensureStream opens the stream cfg names, making it if it is missing.
// An existing stream is updated only when a setting of cfg differs:
// opening is frequent (each client, pool and worker), and an update of a
// stream while another machine adds a consumer to it is a data race
// inside nats-server v2.15.3 (fileStore.UpdateConfig against
// ConsumerStore), so a needless update is not sent.
func ensureStream(ctx context.Context, js jetstream.JetStream, cfg jetstream.StreamConfig) (jetstream.Stream, error) {
	st, err := js.Stream(ctx, cfg.Name)
	if errors.Is(err, jetstream.ErrStreamNotFound) {
		st, err = js.CreateStream(ctx, cfg)
		if errors.Is(err, jetstream.ErrStreamNameAlreadyInUse) {
			st, err = js.Stream(ctx, cfg.Name) // another machine made it first
		}
	}
	if err != nil {
		return nil, err
	}
	if have := st.CachedInfo().Config; !sameSettings(have, cfg) {
		return js.UpdateStream(ctx, cfg)
	}
	return st, nil
}

// sameSettings reports whether have already holds the settings want
// gives (those ensureStream's callers set; zero means "any").
func sameSettings(have, want jetstream.StreamConfig) bool {
	return slices.Equal(have.Subjects, want.Subjects) &&
		have.Retention == want.Retention &&
		(want.MaxAge == 0 || have.MaxAge == want.MaxAge) &&
		(want.Duplicates == 0 || have.Duplicates == want.Duplicates)
}

// ensureBucket opens the key-value bucket cfg names, making it if it is
// missing; an existing one is left as it is (see ensureStream).
func ensureBucket(ctx context.Context, js jetstream.JetStream, cfg jetstream.KeyValueConfig) (jetstream.KeyValue, error) {
	kv, err := js.KeyValue(ctx, cfg.Bucket)
	if errors.Is(err, jetstream.ErrBucketNotFound) {
		kv, err = js.CreateKeyValue(ctx, cfg)
		if errors.Is(err, jetstream.ErrBucketExists) {
			kv, err = js.KeyValue(ctx, cfg.Bucket)
		}
	}
	return kv, err
}

// seedStore is the bucket of pool seeds.
func seedStore(ctx context.Context, js jetstream.JetStream) (jetstream.KeyValue, error) {
	kv, err := ensureBucket(ctx, js, jetstream.KeyValueConfig{Bucket: seedBucket, Storage: jetstream.FileStorage})
	if err != nil {
		return nil, fmt.Errorf("cluster: seed bucket: %w", err)
	}
	return kv, nil
}

// SeedKey is the key of a seed: its SHA-256, in hex.
func SeedKey(seed []byte) string {
	h := sha256.Sum256(seed)
	return hex.EncodeToString(h[:])
}

// putSeed stores seed under its key, once.
func putSeed(ctx context.Context, kv jetstream.KeyValue, seed []byte) (string, error) {
	key := SeedKey(seed)
	if _, err := kv.Create(ctx, key, seed); err != nil && !errors.Is(err, jetstream.ErrKeyExists) {
		return "", fmt.Errorf("cluster: store seed: %w", err)
	}
	return key, nil
}
