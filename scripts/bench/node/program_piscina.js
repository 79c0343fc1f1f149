// program_piscina: piscina with 2 threads running a trivial function
// (x => x + 1) as fast as it will, 64 calls in flight: calls/s. The Node
// side of scripts/bench/program's Program.Call row.
// argv: [calls=200000]
"use strict";
const path = require("path");
const { now, emit, intArg } = require("../common.js");
const n = intArg(2, 200000);

async function main() {
  const Piscina = require("piscina");
  const pool = new Piscina({ filename: path.join(__dirname, "piscina_worker.js"), minThreads: 2, maxThreads: 2 });
  const inflight = 64;
  let next = 0;
  let sum = 0;
  const lane = async () => {
    while (next < n) {
      const x = next++;
      const r = await pool.run(x);
      sum += r - x;
    }
  };
  await Promise.all(Array.from({ length: inflight }, lane)); // warm up
  next = 0;
  sum = 0;
  const start = now();
  await Promise.all(Array.from({ length: inflight }, lane));
  const ms = now() - start;
  if (sum !== n) throw new Error("wrong sum " + sum);
  emit("calls/s", (n / ms) * 1000);
  await pool.destroy();
}
main().catch((e) => {
  console.error(e);
  process.exit(1);
});
