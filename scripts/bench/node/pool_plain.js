// pool_plain: Node's fastest plain pool of 2 workers over trivial items
// (x => x + 1), via map and via submit + get: items/s. Unlike pool.js's
// bounded pool, every item is posted at once, round-robin, and each worker
// has one FIFO of resolvers (a worker answers in order), with no bound on
// the items in flight. Then piscina (minThreads = maxThreads = 2) when
// require.resolve("piscina") finds it: metrics suffixed "@piscina".
// argv: [items=20000]
"use strict";
const path = require("path");
const { Worker } = require("worker_threads");
const { now, emit, intArg } = require("../common.js");
const n = intArg(2, 20000);
const items = Array.from({ length: n }, (_, i) => i);
const want = (n * (n - 1)) / 2 + n;

class PlainPool {
  constructor(file, workers) {
    this.next = 0;
    this.workers = [];
    for (let i = 0; i < workers; i++) {
      const w = new Worker(file);
      const slot = { w, resolvers: [], head: 0 };
      w.on("message", ([, v]) => {
        const resolve = slot.resolvers[slot.head];
        slot.resolvers[slot.head++] = undefined;
        if (slot.head === slot.resolvers.length) {
          slot.resolvers.length = 0;
          slot.head = 0;
        }
        resolve(v);
      });
      this.workers.push(slot);
    }
  }
  submit(x) {
    const slot = this.workers[this.next];
    this.next = (this.next + 1) % this.workers.length;
    return new Promise((resolve) => {
      slot.resolvers.push(resolve);
      slot.w.postMessage([0, x]);
    });
  }
  map(xs) {
    return Promise.all(xs.map((x) => this.submit(x)));
  }
  close() {
    return Promise.all(this.workers.map((s) => s.w.terminate()));
  }
}

async function measure(suffix, map, submit) {
  // Warm-up at full size: the goal is set against Node's fastest figure.
  await map(items);
  let t0 = now();
  const out = await map(items);
  let dt = now() - t0;
  if (out.reduce((a, b) => a + b, 0) !== want) throw new Error("map: wrong sum");
  emit("plain_map_items_s" + suffix, (n * 1000) / dt);

  t0 = now();
  const ps = [];
  for (const x of items) ps.push(submit(x));
  let sum = 0;
  for (const p of ps) sum += await p;
  dt = now() - t0;
  if (sum !== want) throw new Error("submit: wrong sum");
  emit("plain_submit_items_s" + suffix, (n * 1000) / dt);
}

(async () => {
  const plain = new PlainPool(path.join(__dirname, "pool_worker.js"), 2);
  await measure("", (xs) => plain.map(xs), (x) => plain.submit(x));
  await plain.close();

  let Piscina;
  try {
    require.resolve("piscina");
    Piscina = require("piscina");
    Piscina = Piscina.Piscina || Piscina;
  } catch (e) {
    console.error("pool_plain: piscina is not installed; measuring the plain pool only");
    return;
  }
  const pool = new Piscina({ filename: path.join(__dirname, "piscina_worker.js"), minThreads: 2, maxThreads: 2 });
  await measure("@piscina", (xs) => Promise.all(xs.map((x) => pool.run(x))), (x) => pool.run(x));
  await pool.destroy();
})();
