// fetch: N GETs of a 1 KiB body from the runner's local server, K in
// flight, from one runtime (K async loops under Promise.all): req/s.
// argv: url [n=2000] [inFlight=64]
"use strict";
const { now, emit, intArg } = require("../common.js");
const url = process.argv[2];
const n = intArg(3, 2000);
const k = intArg(4, 64);

async function fanOut(total) {
  let next = 0;
  let bytes = 0;
  const worker = async () => {
    while (next < total) {
      next++;
      const text = await (await fetch(url)).text();
      bytes += text.length; // after the await: += would read bytes before it
    }
  };
  await Promise.all(Array.from({ length: k }, worker));
  if (bytes !== total * 1024) throw new Error(`got ${bytes} bytes`);
}

(async () => {
  await fanOut(200); // warm-up: connections, JIT
  const t0 = now();
  await fanOut(n);
  emit("fetch_main_req_s", (n * 1000) / (now() - t0));
})();
