// clone_kinds: the four 1 MiB payloads of issue 4 (common.js makeKinds), in
// MB/s (1 MiB / the mean time of one clone):
//   clone_one_mbs_KIND  structuredClone(v)
// argv: [milliseconds per measurement=300]
"use strict";
const { emit, intArg, makeKinds, msPerOp } = require("../common.js");
const minMs = intArg(2, 300);
const MiB = 1 << 20;

for (const [kind, v] of makeKinds()) {
  emit("clone_one_mbs_" + kind, MiB / 1e6 / (msPerOp(() => structuredClone(v), minMs) / 1000));
}
