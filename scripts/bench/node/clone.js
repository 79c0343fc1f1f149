// clone: a 1 MiB JSON-like payload (about 10,000 small objects).
//   clone_local_ms      structuredClone(payload) (ms, mean)
//   clone_in_ms         postMessage to a running worker that posts back the
//                       payload's length: cloned there only (ms, mean)
//   clone_roundtrip_ms  postMessage to a running worker that posts it back:
//                       cloned there and back (ms, mean; the worker is
//                       started before the clock starts)
// argv: [repetitions=20]
"use strict";
const path = require("path");
const { Worker } = require("worker_threads");
const { now, emit, intArg, makePayload } = require("../common.js");
const reps = intArg(2, 20);
const payload = makePayload();

function check(v) {
  if (v.length !== payload.length || v[v.length - 1].name !== payload[payload.length - 1].name)
    throw new Error("clone: wrong copy");
}

(async () => {
  for (let i = 0; i < 3; i++) check(structuredClone(payload)); // warm-up
  let t0 = now();
  for (let i = 0; i < reps; i++) check(structuredClone(payload));
  emit("clone_local_ms", (now() - t0) / reps);

  const wIn = new Worker(path.join(__dirname, "clone_in_worker.js"));
  const into = () =>
    new Promise((resolve) => {
      wIn.once("message", resolve);
      wIn.postMessage(payload);
    });
  for (let i = 0; i < 3; i++) await into(); // warm-up
  t0 = now();
  for (let i = 0; i < reps; i++) {
    if ((await into()) !== payload.length) throw new Error("clone: wrong length");
  }
  emit("clone_in_ms", (now() - t0) / reps);
  await wIn.terminate();

  const w = new Worker(path.join(__dirname, "clone_worker.js"));
  const roundTrip = () =>
    new Promise((resolve) => {
      w.once("message", resolve);
      w.postMessage(payload);
    });
  for (let i = 0; i < 3; i++) check(await roundTrip()); // warm-up
  t0 = now();
  for (let i = 0; i < reps; i++) check(await roundTrip());
  emit("clone_roundtrip_ms", (now() - t0) / reps);
  await w.terminate();
})();
