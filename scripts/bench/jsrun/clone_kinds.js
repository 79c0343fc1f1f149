// clone_kinds: the four 1 MiB payloads of issue 4 (common.js makeKinds), in
// MB/s (1 MiB / the mean time of one clone):
//   clone_one_mbs_KIND  one structured clone in the same runtime: a Shared's
//                       set(v) then get()
//   clone_in_mbs_KIND   threads.run((x) => 0, v).get(): v is cloned into a
//                       fresh thread (plus a spawn)
// argv: [milliseconds per measurement=300]
"use strict";
const { emit, intArg, makeKinds, msPerOp } = require("../common.js");
const minMs = intArg(2, 300);
const MiB = 1 << 20;

for (const [kind, v] of makeKinds()) {
  const shared = new threads.Shared(null);
  emit("clone_one_mbs_" + kind, MiB / 1e6 / (msPerOp(() => { shared.set(v); shared.get(); }, minMs) / 1000));
  emit("clone_in_mbs_" + kind, MiB / 1e6 / (msPerOp(() => threads.run((x) => 0, v).get(), minMs) / 1000));
}
