// clone: a 1 MiB JSON-like payload (about 10,000 small objects).
//   clone_in_ms         threads.run(x => x.length, payload).get(): the payload
//                       is cloned into a fresh thread, a number comes back
//                       (ms, mean)
//   clone_roundtrip_ms  threads.run(x => x, payload).get(): the payload is
//                       cloned into a fresh thread and back (ms, mean)
//   clone_local_ms      one structured clone in the same runtime, the
//                       counterpart of Node's structuredClone: a Shared's
//                       set(payload) then get() (ms, mean)
// argv: [repetitions=20] [warm-up rounds=5]
"use strict";
const { now, emit, intArg, makePayload } = require("../common.js");
const reps = intArg(2, 20);
const warmUp = intArg(3, 5);
const payload = makePayload();

function check(v) {
  if (v.length !== payload.length || v[v.length - 1].name !== payload[payload.length - 1].name)
    throw new Error("clone: wrong copy");
}

const shared = new threads.Shared(null);
const into = () => threads.run((x) => x.length, payload).get();
const roundTrip = () => threads.run((x) => x, payload).get();
const local = () => {
  shared.set(payload);
  return shared.get();
};

// Warm-up, of every operation before any is timed: the first clones of a
// process run while its heap grows (Go's here, V8's in node/clone.js), each
// touching fresh memory, and cost up to several times a steady one. With
// a warm-up of its own only, the operation timed first would pay for it.
for (let i = 0; i < warmUp; i++) {
  if (into() !== payload.length) throw new Error("clone: wrong length");
  check(roundTrip());
  check(local());
}

let t0 = now();
for (let i = 0; i < reps; i++) {
  if (into() !== payload.length) throw new Error("clone: wrong length");
}
emit("clone_in_ms", (now() - t0) / reps);

t0 = now();
for (let i = 0; i < reps; i++) check(roundTrip());
emit("clone_roundtrip_ms", (now() - t0) / reps);

t0 = now();
for (let i = 0; i < reps; i++) check(local());
emit("clone_local_ms", (now() - t0) / reps);
