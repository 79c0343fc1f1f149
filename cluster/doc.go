// Package cluster runs threads.Pool items on worker processes on any
// number of machines, over NATS JetStream (nats-server v2.15, nats.go
// v1.56 and its jetstream package) rather than a protocol of jsrun's own:
// JetStream gives durable work queues with redelivery, key-value buckets
// and an embeddable server.
//
// What is on the server (names.go): a pool "p" is the stream JSRUN_POOL_p
// (work-queue retention, file storage, publishes deduplicated by item id
// for two minutes) and its durable consumer "workers" (explicit acks,
// AckWait, MaxDeliver); results go to the stream JSRUN_RESULTS, subject
// jsrun.result.<client id>, kept an hour; pool seeds (workerFn and the
// bindings it uses, in clone's wire form) to the bucket jsrun-seeds, keyed
// by their SHA-256, so an item carries only its argument and the seed's
// key. An item message has the headers Jsrun-Item (its id), Jsrun-Seed and
// Jsrun-Reply (its result subject), and the argument's wire form as body;
// a result has Jsrun-Item and Jsrun-Status (ok, thrown, failed) and the
// value's wire form, or the failure's message.
//
// What each part guarantees:
//
//   - [Client.Pool] and [Pool.Submit]: an item is on the server once
//     Submit returns (the publish is acknowledged, and retried publishes
//     are deduplicated by id).
//   - [RunWorker]: an item runs at least once. The worker acknowledges it
//     only after its result is stored; while it holds it (queued for a
//     slot, or running), the worker extends its lease (InProgress every
//     third of AckWait), so a long item is not redelivered, and a worker
//     that dies mid-item (kill -9), or stops with items queued, has them
//     redelivered to another after AckWait. On its MaxDeliver-th delivery
//     an item is reported failed instead of run again, so one that kills
//     its workers is not lost either. A malformed item (headers checked as
//     hostile input) is reported failed when it names a result subject,
//     else dropped; the worker goes on serving.
//   - [Client]: each item's result reaches the caller exactly once: the
//     first result of an id settles its Call and later ones (an item run
//     twice) are dropped and counted ([Client.Dropped]). Closing the
//     client fails the calls still pending with [ErrClosed].
//   - [StartServer]: an in-process server with JetStream on a file store,
//     for `jsrun --cluster local` and tests (internal/natstest shares one
//     per test package).
//
// The engine side lives elsewhere: threads.Pool(fn, {cluster}) in
// internal/engine (remote.go, seeds and functions in the wire form), the
// host's WithNATS and ClusterRunner, and `jsrun worker` / `jsrun --nats` /
// `jsrun --cluster local[:N]` in cmd/jsrun. A worker of [AllPools] serves
// every pool (those there when it starts, and those clients announce).
// [Call.Cancel] stops a running item (a core NATS message, sent again
// until the call settles, so a worker that joins later hears it too;
// workers remember recent cancels of items not yet fetched).
//
// Tested: items through workers, hostile item messages, redelivery after
// a worker stops mid-item (in process, and kill -9 of a worker process in
// tests/), lease extension, MaxDeliver, duplicate results, cancel, a
// refused publish, a server restart mid-run on its file store, and
// 100,000 items through 2 worker processes (tests/).
//
//   - [Client.Atomic]: threads.Atomic(n, {cluster: "name"}) is a key of
//     the bucket jsrun-atomics, changed only by compare-and-set on its
//     revision, retried on conflict: a linearisable counter. An update
//     first tries the revision its handle saw last: one round trip for a
//     lone writer, about three under contention (tests: 10,000 adds from
//     3 jsrun processes in tests/). Made with n only if it does not exist
//     yet.
//   - [Client.Queue]: threads.Queue(n, {cluster: "name"}) is the stream
//     JSRUN_QUEUE_name (work-queue retention, MaxMsgs n with DiscardNew,
//     file storage) and its consumer "getters". At least once: a get
//     leaves the acknowledgement to its caller, who sends it when the
//     script has the item; one fetched by a process that dies first is
//     delivered again after AckWait (10 s). Put blocks while the queue is
//     full by polling (1 to 50 ms apart). Close moves the stream off its
//     subject (every later put, from any machine, fails on the server),
//     marks it closed in its metadata, and sends a core NATS notice that
//     wakes gets blocked elsewhere; gets drain, then fail. Costs are on
//     [Queue].
//
// Throughput: a worker runs items on seeded runtimes it keeps (slots,
// one item at a time each, as a local Pool's workers; the host's
// ClusterRunner), takes up to [DefaultPrefetch] items ahead of its slots,
// and neither the client nor the worker waits for the server per item
// (asynchronous publishes, settled by handlers). scripts/bench (cluster
// rows; 2 cores, one run, medians of 3): 24,527 items/s for `x => x + 1`
// under `jsrun --cluster local:2` (a local Pool in the same run: 703,425),
// a round trip of one item 0.20 ms median, 0.48 ms p99; a cluster Atomic
// add 25,155 ops/s (local: 2.71M). On a slower VM of the same size the same
// build gave 17,339 items/s, 0.43 ms and 12,725 ops/s. Before (a fresh
// evaluation per item, no more items fetched than free slots): 990
// items/s, 0.64 ms. What bounds it is the server: per item JetStream
// stores the item, delivers it, removes it on the ack, stores the result
// and delivers it (about 60 us of CPU per item on the slower VM, against
// 24 in the client and 28 in a worker); several items per message would
// cut the server's share, which we left for later.
//
// Left for later: a cluster Atomic or Queue passed as a value to
// a remote item (each is opened by name on each machine instead), and
// several items per message. A worker's memory limit (--max-memory)
// fails an item that passes it and goes on (tested in tests/); with
// --cluster local every worker process gets the script's limit, so N
// workers may together pass the machine's memory. A result that holds a
// function cannot cross back (the worker has no script to know it by).
package cluster
