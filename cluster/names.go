package cluster

import (
	"fmt"
)

// Names of what a cluster keeps on the server. A pool "p" has the stream
// JSRUN_POOL_p (subject jsrun.pool.p, work-queue retention) and its
// consumer "workers"; results go to the stream JSRUN_RESULTS, subject
// jsrun.result.<caller id>; pool seeds (workerFn and its bindings, in the
// wire form) to the key-value bucket jsrun-seeds, keyed by their SHA-256.
const (
	resultStream  = "JSRUN_RESULTS"
	resultPrefix  = "jsrun.result."
	seedBucket    = "jsrun-seeds"
	workersName   = "workers"
	poolStreamPre = "JSRUN_POOL_"
	poolSubjPre   = "jsrun.pool."
	cancelPrefix  = "jsrun.cancel." // core NATS: jsrun.cancel.<item id> stops a running item
	// announceSubject (core NATS) carries the name of each pool a client
	// opens, for workers that serve every pool.
	announceSubject = "jsrun.pools.opened"
)

// Message headers of items and results.
const (
	hdrItem   = "Jsrun-Item"   // the item's id
	hdrSeed   = "Jsrun-Seed"   // items: the seed's key in jsrun-seeds
	hdrReply  = "Jsrun-Reply"  // items: the subject its result goes to
	hdrStatus = "Jsrun-Status" // results: ok, thrown or failed
)

// CheckPoolName says why name cannot name a pool, or nil.
func CheckPoolName(name string) error {
	if !validName(name, 64, "_-") {
		return fmt.Errorf("cluster pool name %q must be 1 to 64 letters, digits, '_' or '-'", name)
	}
	return nil
}

func poolStream(pool string) string  { return poolStreamPre + pool }
func poolSubject(pool string) string { return poolSubjPre + pool }
