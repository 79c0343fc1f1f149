// clone: a 1 MiB JSON-like payload (about 10,000 small objects).
//   clone_local_ms      structuredClone(payload) (ms, mean)
//   clone_in_ms         postMessage to a running worker that posts back the
//                       payload's length: cloned there only (ms, mean)
//   clone_roundtrip_ms  postMessage to a running worker that posts it back:
//                       cloned there and back (ms, mean)
// Both workers are started, and every operation warmed up, before the
// clock starts.
// argv: [repetitions=20] [warm-up rounds=5]
"use strict";
const path = require("path");
const { Worker } = require("worker_threads");
const { now, emit, intArg, makePayload } = require("../common.js");
const reps = intArg(2, 20);
const warmUp = intArg(3, 5);
const payload = makePayload();

function check(v) {
  if (v.length !== payload.length || v[v.length - 1].name !== payload[payload.length - 1].name)
    throw new Error("clone: wrong copy");
}

(async () => {
  const wIn = new Worker(path.join(__dirname, "clone_in_worker.js"));
  const w = new Worker(path.join(__dirname, "clone_worker.js"));
  const ask = (worker) =>
    new Promise((resolve) => {
      worker.once("message", resolve);
      worker.postMessage(payload);
    });

  // Warm-up, of every operation before any is timed (see jsrun/clone.js):
  // the first clones of a process run while its heap grows.
  for (let i = 0; i < warmUp; i++) {
    check(structuredClone(payload));
    if ((await ask(wIn)) !== payload.length) throw new Error("clone: wrong length");
    check(await ask(w));
  }

  let t0 = now();
  for (let i = 0; i < reps; i++) check(structuredClone(payload));
  emit("clone_local_ms", (now() - t0) / reps);

  t0 = now();
  for (let i = 0; i < reps; i++) {
    if ((await ask(wIn)) !== payload.length) throw new Error("clone: wrong length");
  }
  emit("clone_in_ms", (now() - t0) / reps);

  t0 = now();
  for (let i = 0; i < reps; i++) check(await ask(w));
  emit("clone_roundtrip_ms", (now() - t0) / reps);
  await Promise.all([wIn.terminate(), w.terminate()]);
})();
