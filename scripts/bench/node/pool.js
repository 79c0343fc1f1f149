// pool: 2 workers over trivial items (x => x + 1), via map and via submit +
// get: items/s.
//   - a plain hand-written postMessage pool: one FIFO, each worker holds at
//     most 3 items (one running, two waiting: jsrun's default queueDepth is
//     workers * 2);
//   - piscina (minThreads = maxThreads = 2), when require.resolve("piscina")
//     finds it (npm install --no-save --prefix scripts/bench piscina):
//     metrics suffixed "@piscina".
// argv: [items=20000]
"use strict";
const path = require("path");
const { Worker } = require("worker_threads");
const { now, emit, intArg } = require("../common.js");
const n = intArg(2, 20000);
const items = Array.from({ length: n }, (_, i) => i);
const want = (n * (n - 1)) / 2 + n;

class HandPool {
  constructor(file, workers, perWorker) {
    this.perWorker = perWorker;
    this.queue = [];
    this.head = 0;
    this.calls = new Map();
    this.nextId = 0;
    this.workers = [];
    for (let i = 0; i < workers; i++) {
      const w = new Worker(file);
      const slot = { w, busy: 0 };
      w.on("message", ([id, v]) => {
        const resolve = this.calls.get(id);
        this.calls.delete(id);
        slot.busy--;
        this.dispatch();
        resolve(v);
      });
      this.workers.push(slot);
    }
  }
  submit(x) {
    return new Promise((resolve) => {
      this.queue.push([x, resolve]);
      this.dispatch();
    });
  }
  map(xs) {
    return Promise.all(xs.map((x) => this.submit(x)));
  }
  dispatch() {
    for (const slot of this.workers) {
      while (slot.busy < this.perWorker && this.head < this.queue.length) {
        const [x, resolve] = this.queue[this.head];
        this.queue[this.head++] = undefined;
        const id = this.nextId++;
        this.calls.set(id, resolve);
        slot.busy++;
        slot.w.postMessage([id, x]);
      }
    }
    if (this.head === this.queue.length) {
      this.queue.length = 0;
      this.head = 0;
    }
  }
  close() {
    return Promise.all(this.workers.map((s) => s.w.terminate()));
  }
}

async function measure(suffix, map, submit) {
  await map(items.slice(0, 1000)); // warm-up
  let t0 = now();
  const out = await map(items);
  let dt = now() - t0;
  if (out.reduce((a, b) => a + b, 0) !== want) throw new Error("map: wrong sum");
  emit("pool_map_items_s" + suffix, (n * 1000) / dt);

  t0 = now();
  const ps = [];
  for (const x of items) ps.push(submit(x));
  let sum = 0;
  for (const p of ps) sum += await p;
  dt = now() - t0;
  if (sum !== want) throw new Error("submit: wrong sum");
  emit("pool_submit_items_s" + suffix, (n * 1000) / dt);
}

(async () => {
  const hand = new HandPool(path.join(__dirname, "pool_worker.js"), 2, 3);
  await measure("", (xs) => hand.map(xs), (x) => hand.submit(x));
  await hand.close();

  let Piscina;
  try {
    require.resolve("piscina");
    Piscina = require("piscina");
    Piscina = Piscina.Piscina || Piscina;
  } catch (e) {
    console.error("pool: piscina is not installed; measuring the hand-written pool only");
    return;
  }
  const pool = new Piscina({ filename: path.join(__dirname, "piscina_worker.js"), minThreads: 2, maxThreads: 2 });
  await measure("@piscina", (xs) => Promise.all(xs.map((x) => pool.run(x))), (x) => pool.run(x));
  await pool.destroy();
})();
