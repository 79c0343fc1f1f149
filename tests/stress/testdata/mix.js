// Random mixes of Queue / WaitGroup / Shared / Atomic operations in many
// threads, some of them cancelled at random moments, with exact invariants.
//
// The test prepends `const PARAMS = {seed, workers, consumers, qmax, cancelPct};`.
//
// Every worker runs a random plan of operations. An "effect" operation leaves
// a trace that can be decoded exactly afterwards:
//   atomicAdd / atomicCas  bit b of cells[g][j] (b, g: the worker's bit and group)
//   shared                 j in ledgers[g].ops[t]
//   put / putTimeout / tryPut / putAsync   the item t*100+j was consumed
//   wgDone                 wgs[t][j] reached zero by the worker's done()
// After each effect operation returns, the worker sets its `progress` Atomic
// to the number of effect operations done. Cancellation interrupts a worker
// anywhere, and its promise settles before its goroutine has stopped, so every
// trace is fenced before it is read: the queue is closed, each cell is sealed
// by swap(SEAL) (a later add sees a negative value, a later CAS fails), each
// ledger is sealed inside update(), and each WaitGroup is sealed by main
// calling done() itself (exactly one of the two done() calls succeeds). An
// operation that meets a fence throws, so the worker never records it.
//
// Invariants, per worker t, with E the set of its effect operations whose
// trace is found and k = |E|:
//   - E is a prefix of its effect operations (no gaps: they run in order);
//   - fulfilled: k is all of them; rejected: only by CancelledError, only if
//     main cancelled it, and progress <= k <= progress + 1 (at most the one
//     operation in flight when the interruption landed is unrecorded);
//   - no queue item is consumed twice, none is unknown, each consumer sees a
//     worker's items in increasing order;
//   - every ledger's count equals the number of entries it holds, and every
//     Shared.get() a worker made was consistent;
//   - a WaitGroup.wait()/waitAsync() that returned implies the done() ran;
//   - values returned by the contended hits.add(1) are distinct.

const GROUP = 50; // bits per group: sums stay below 2^50
const SEAL = -(2 ** 52);
const KINDS = ["atomicAdd", "atomicCas", "shared", "put", "putTimeout", "tryPut", "putAsync", "wgDone",
  "wgWait", "wgWaitAsync", "sharedGet", "qSize", "hits", "yield", "spin"];
const EFFECT = { atomicAdd: 1, atomicCas: 1, shared: 1, put: 1, putTimeout: 1, tryPut: 1, putAsync: 1, wgDone: 1 };
const LMAX = 12;

function rng(seed) {
  let s = seed >>> 0;
  return function () {
    s = (s + 0x6D2B79F5) >>> 0;
    let x = s;
    x = Math.imul(x ^ (x >>> 15), x | 1);
    x ^= x + Math.imul(x ^ (x >>> 7), x | 61);
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

async function worker(t, plan, progress, q, cells, ledger, hits, qmax) {
  const g = Math.floor(t / GROUP), bit = 2 ** (t % GROUP);
  const claims = [], hitValues = [];
  let done = 0;
  for (let j = 0; j < plan.length; j++) {
    const op = plan[j];
    switch (op.kind) {
      case "atomicAdd": {
        const n = cells[j].add(bit);
        if (n < 0) throw new Error("sealed");
        break;
      }
      case "atomicCas": {
        for (;;) {
          const v = cells[j].get();
          if (v < 0) throw new Error("sealed");
          if (cells[j].compareAndSwap(v, v + bit)) break;
        }
        break;
      }
      case "shared":
        ledger.update(L => {
          if (L.sealed) throw new Error("sealed");
          (L.ops[t] = L.ops[t] || []).push(j);
          L.count++;
          return L;
        });
        break;
      case "put":
        q.put(t * 100 + j);
        break;
      case "putTimeout":
        for (;;) {
          try { q.put(t * 100 + j, { timeout: op.ms + 1 }); break } catch (e) { if (e.name !== "TimeoutError") throw e }
        }
        break;
      case "tryPut":
        while (!q.tryPut(t * 100 + j)) await new Promise(r => setTimeout(r, 1));
        break;
      case "putAsync":
        await q.putAsync(t * 100 + j);
        break;
      case "wgDone":
        op.wg.done();
        break;
      case "wgWait":
        try { op.wg.wait({ timeout: op.ms }); claims.push(op.target) } catch (e) { if (e.name !== "TimeoutError") throw e }
        break;
      case "wgWaitAsync": {
        let timer;
        const ok = await Promise.race([op.wg.waitAsync().then(() => true),
          new Promise(r => { timer = setTimeout(() => r(false), op.ms) })]);
        clearTimeout(timer);
        if (ok) claims.push(op.target);
        break;
      }
      case "sharedGet": {
        const L = ledger.get();
        let n = 0;
        for (const k in L.ops) n += L.ops[k].length;
        if (n !== L.count) throw new Error("inconsistent Shared.get: count " + L.count + ", entries " + n);
        break;
      }
      case "qSize": {
        const n = q.size();
        if (!(n >= 0 && (qmax <= 0 || n <= qmax))) throw new Error("Queue.size() out of range: " + n);
        break;
      }
      case "hits":
        hitValues.push(hits.add(1));
        break;
      case "yield":
        await new Promise(r => setTimeout(r, 0));
        break;
      case "spin": {
        const until = Date.now() + op.ms;
        while (Date.now() < until);
        break;
      }
    }
    if (EFFECT[op.kind]) progress.set(++done);
  }
  return { claims, hitValues };
}

function consumer(q) {
  const got = [];
  for (const x of q) got.push(x);
  return got;
}

async function main() {
  const P = PARAMS, r = rng(P.seed);
  const groups = Math.ceil(P.workers / GROUP);
  const cells = [], ledgers = [];
  for (let g = 0; g < groups; g++) {
    cells.push([]);
    for (let j = 0; j < LMAX; j++) cells[g].push(threads.Atomic(0));
    ledgers.push(threads.Shared({ sealed: false, count: 0, ops: {} }));
  }
  const q = threads.Queue(P.qmax), hits = threads.Atomic(0);
  const plans = [], progress = [];
  const wgOps = []; // [t, j]
  for (let t = 0; t < P.workers; t++) {
    const len = 3 + Math.floor(r() * (LMAX - 2));
    const plan = [];
    for (let j = 0; j < len; j++) {
      const kind = KINDS[Math.floor(r() * KINDS.length)];
      const op = { kind, ms: Math.floor(r() * 3) };
      if (kind === "wgDone") {
        op.wg = threads.WaitGroup();
        op.wg.add(1);
        wgOps.push([t, j]);
      }
      plan.push(op);
    }
    plans.push(plan);
    progress.push(threads.Atomic(0));
  }
  // Waits target a random wgDone operation of any worker.
  for (const plan of plans) {
    for (const op of plan) {
      if (op.kind !== "wgWait" && op.kind !== "wgWaitAsync") continue;
      if (wgOps.length === 0) { op.kind = "yield"; continue }
      const [u, i] = wgOps[Math.floor(r() * wgOps.length)];
      op.wg = plans[u][i].wg;
      op.target = u * 100 + i;
    }
  }

  const consumers = [];
  for (let c = 0; c < P.consumers; c++) consumers.push(threads.run(consumer, q));

  const ps = [], cancelled = new Set();
  const cancelLater = [];
  for (let t = 0; t < P.workers; t++) {
    const g = Math.floor(t / GROUP);
    ps.push(threads.run(worker, t, plans[t], progress[t], q, cells[g], ledgers[g], hits, P.qmax));
    if (r() * 100 < P.cancelPct) {
      cancelled.add(t);
      const how = r();
      if (how < 0.2) ps[t].cancel(); // at once, maybe before it started
      else cancelLater.push([t, Math.floor(r() * 40), how < 0.3]);
    }
  }
  for (const [t, delay, twice] of cancelLater) {
    setTimeout(() => { ps[t].cancel(); if (twice) ps[t].cancel() }, delay);
  }
  const outcomes = await Promise.allSettled(ps);
  // Cancelling a settled thread does nothing.
  ps[0].cancel();

  // Fences.
  q.close();
  const gotLists = await Promise.all(consumers);
  const sealedCells = cells.map(row => row.map(c => c.swap(SEAL)));
  const sealedLedgers = ledgers.map(l => l.update(L => { L.sealed = true; return L }));
  const violations = [];
  const wgExecuted = new Map();
  for (const [t, j] of wgOps) {
    try { plans[t][j].wg.done(); wgExecuted.set(t * 100 + j, false) } catch (e) {
      if (e.name !== "Error" || !/WaitGroup\.done/.test(e.message)) violations.push("wg seal " + t + "/" + j + ": " + e.name + ": " + e.message);
      wgExecuted.set(t * 100 + j, true);
    }
    if (plans[t][j].wg.count !== 0) violations.push("wg " + t + "/" + j + " count " + plans[t][j].wg.count + " after seal");
  }

  // Queue items.
  const consumed = new Map();
  gotLists.forEach((list, c) => {
    const last = new Map();
    for (const x of list) {
      if (consumed.has(x)) violations.push("item " + x + " consumed twice");
      consumed.set(x, c);
      const t = Math.floor(x / 100), j = x % 100;
      if (!(t >= 0 && t < P.workers) || !plans[t][j] || !String(plans[t][j].kind).match(/^(put|putTimeout|tryPut|putAsync)$/)) {
        violations.push("unknown item " + x);
        continue;
      }
      if (last.has(t) && last.get(t) >= j) violations.push("consumer " + c + " got item " + x + " after item " + (t * 100 + last.get(t)));
      last.set(t, j);
    }
  });

  // Ledgers.
  sealedLedgers.forEach((L, g) => {
    let n = 0;
    for (const k in L.ops) {
      n += L.ops[k].length;
      for (let i = 1; i < L.ops[k].length; i++) if (L.ops[k][i] <= L.ops[k][i - 1]) violations.push("ledger " + g + " worker " + k + " out of order");
    }
    if (n !== L.count) violations.push("ledger " + g + " count " + L.count + " but " + n + " entries");
  });

  // Per worker.
  const stats = { workers: P.workers, cancelRequested: cancelled.size, cancelled: 0, fulfilled: 0, effectOps: 0, executedOps: 0, items: consumed.size, claims: 0, hits: 0 };
  const hitSeen = new Set();
  const finalHits = hits.get();
  for (let t = 0; t < P.workers; t++) {
    const g = Math.floor(t / GROUP), bit = 2 ** (t % GROUP);
    const plan = plans[t];
    const trace = [];
    for (let j = 0; j < plan.length; j++) {
      const k = plan[j].kind;
      if (!EFFECT[k]) continue;
      let hit;
      switch (k) {
        case "atomicAdd": case "atomicCas": hit = Math.floor(sealedCells[g][j] / bit) % 2 === 1; break;
        case "shared": hit = (sealedLedgers[g].ops[t] || []).includes(j); break;
        case "wgDone": hit = wgExecuted.get(t * 100 + j); break;
        default: hit = consumed.has(t * 100 + j);
      }
      trace.push(hit);
    }
    stats.effectOps += trace.length;
    let k = 0;
    while (k < trace.length && trace[k]) k++;
    if (trace.slice(k).some(Boolean)) violations.push("worker " + t + ": effects with a gap: " + trace.map(Number).join(""));
    stats.executedOps += trace.filter(Boolean).length;
    const o = outcomes[t], p = progress[t].get();
    if (o.status === "fulfilled") {
      stats.fulfilled++;
      if (k !== trace.length) violations.push("worker " + t + " fulfilled but only " + k + " of " + trace.length + " effects found: " + trace.map(Number).join(""));
      if (p !== trace.length) violations.push("worker " + t + " fulfilled with progress " + p + " of " + trace.length);
      for (const c of o.value.claims) {
        stats.claims++;
        if (!wgExecuted.get(c)) violations.push("worker " + t + ": wait returned but done() of " + c + " never ran");
      }
      for (const h of o.value.hitValues) {
        stats.hits++;
        if (hitSeen.has(h) || h < 1 || h > finalHits) violations.push("worker " + t + ": hits.add returned " + h + " (duplicate or out of 1.." + finalHits + ")");
        hitSeen.add(h);
      }
    } else {
      const e = o.reason;
      if (!e || e.name !== "CancelledError" || !(e instanceof threads.CancelledError)) {
        violations.push("worker " + t + " rejected with " + (e && e.name) + ": " + (e && e.message));
      } else {
        stats.cancelled++;
        if (!cancelled.has(t)) violations.push("worker " + t + " cancelled but nobody cancelled it");
        if (!(p <= k && k <= p + 1)) violations.push("worker " + t + " cancelled: progress " + p + " but " + k + " effects found: " + trace.map(Number).join(""));
      }
    }
  }
  return JSON.stringify({ violations: violations.slice(0, 30), nviolations: violations.length, stats });
}

main();
