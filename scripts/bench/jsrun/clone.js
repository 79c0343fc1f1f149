// clone: a 1 MiB JSON-like payload (about 10,000 small objects).
//   clone_in_ms         threads.run(x => x.length, payload).get(): the payload
//                       is cloned into a fresh thread, a number comes back
//                       (ms, mean)
//   clone_roundtrip_ms  threads.run(x => x, payload).get(): the payload is
//                       cloned into a fresh thread and back (ms, mean)
//   clone_local_ms      one structured clone in the same runtime, the
//                       counterpart of Node's structuredClone: a Shared's
//                       set(payload) then get() (ms, mean)
// argv: [repetitions=20]
"use strict";
const { now, emit, intArg, makePayload } = require("../common.js");
const reps = intArg(2, 20);
const payload = makePayload();

function check(v) {
  if (v.length !== payload.length || v[v.length - 1].name !== payload[payload.length - 1].name)
    throw new Error("clone: wrong copy");
}

for (let i = 0; i < 3; i++) threads.run((x) => x.length, payload).get(); // warm-up
let t0 = now();
for (let i = 0; i < reps; i++) {
  if (threads.run((x) => x.length, payload).get() !== payload.length) throw new Error("clone: wrong length");
}
emit("clone_in_ms", (now() - t0) / reps);

for (let i = 0; i < 3; i++) check(threads.run((x) => x, payload).get()); // warm-up
t0 = now();
for (let i = 0; i < reps; i++) check(threads.run((x) => x, payload).get());
emit("clone_roundtrip_ms", (now() - t0) / reps);

const shared = new threads.Shared(null);
for (let i = 0; i < 3; i++) {
  shared.set(payload);
  check(shared.get());
}
t0 = now();
for (let i = 0; i < reps; i++) {
  shared.set(payload);
  check(shared.get());
}
emit("clone_local_ms", (now() - t0) / reps);
