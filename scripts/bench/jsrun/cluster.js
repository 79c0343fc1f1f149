// cluster: a cluster Pool (threads.Pool(fn, {cluster})) through the
// in-process server and the worker processes of `jsrun --cluster local:2`,
// against a local Pool of 2 workers in the same run: map of trivial
// items (items/s), the round trip of one item at a time (median, p99), and
// a cluster Atomic's add against a local one (ops/s). The runner starts it
// with a jsrun built with -tags jsrun_cluster (cluster.go).
// argv: [items=50000] [latency items=500] [atomic adds=2000]
"use strict";
const { now, emit, intArg, median } = require("../common.js");
const n = intArg(2, 50000);
const lat = intArg(3, 500);
const adds = intArg(4, 2000);
const items = Array.from({ length: n }, (_, i) => i);
const want = (n * (n - 1)) / 2 + n;
const sum = (xs) => xs.reduce((a, b) => a + b, 0);
const tag = Date.now().toString(36) + Math.floor(Math.random() * 1e6).toString(36);

function mapRate(pool, metric) {
  pool.map(items.slice(0, 2000)); // warm-up: seeds, runtimes, consumers
  const t0 = now();
  const out = pool.map(items);
  const dt = now() - t0;
  if (sum(out) !== want) throw new Error(metric + ": wrong sum");
  emit(metric, (n * 1000) / dt);
}

const local = threads.Pool((x) => x + 1, 2);
mapRate(local, "cluster_local_items_s");
local.close();

const remote = threads.Pool((x) => x + 1, { cluster: "bench-" + tag });
mapRate(remote, "cluster_items_s");

// One item at a time, submit to result, in microseconds.
const us = [];
for (let i = 0; i < lat; i++) {
  const t = process.hrtime.bigint();
  if (remote.submit(i).get() !== i + 1) throw new Error("latency: wrong result");
  us.push(Number(process.hrtime.bigint() - t) / 1000);
}
remote.close();
us.sort((a, b) => a - b);
emit("cluster_latency_median_ms", median(us) / 1000);
emit("cluster_latency_p99_ms", us[Math.floor(us.length * 0.99)] / 1000);

function addRate(a, metric) {
  const t0 = now();
  for (let i = 0; i < adds; i++) a.add(1);
  const dt = now() - t0;
  if (a.get() !== adds) throw new Error(metric + ": wrong count " + a.get());
  emit(metric, (adds * 1000) / dt);
}
addRate(new threads.Atomic(0), "cluster_local_atomic_ops_s");
addRate(new threads.Atomic(0, { cluster: "bench-hits-" + tag }), "cluster_atomic_ops_s");
