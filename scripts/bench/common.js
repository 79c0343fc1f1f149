// Helpers shared by the Node and the jsrun side of every benchmark pair.
// Both sides load this file with require, so the work and the payload are
// the same on both. Each script prints its results as JSON lines on stdout:
//   {"metric":"spawn_us","value":7.9}   a measurement
//   {"mark":"blocked"}                   the runner reads /proc/<pid>/status now
"use strict";

// now is a millisecond clock: performance.now() in Node, Date.now() in
// jsrun (goja has no performance object), so jsrun loops are sized to run
// for tens of milliseconds at least.
const now = typeof performance !== "undefined" ? () => performance.now() : () => Date.now();

function emit(metric, value) {
  console.log(JSON.stringify({ metric, value }));
}

// mark asks the runner to sample this process's memory, then holds the
// process still for ms milliseconds so that the sample sees this moment.
function mark(name, ms) {
  console.log(JSON.stringify({ mark: name }));
  const end = Date.now() + (ms === undefined ? 150 : ms);
  while (Date.now() < end) {}
}

function intArg(i, def) {
  const v = process.argv[i];
  return v === undefined || v === "" ? def : Number(v);
}

function median(xs) {
  const s = xs.slice().sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

// makePayload builds the 1 MiB JSON-like value of the clone benchmark:
// thousands of small objects (JSON.stringify(payload).length is about
// 1,048,576).
function makePayload() {
  const out = [];
  let size = 2;
  for (let i = 0; size < 1 << 20; i++) {
    const o = {
      id: i,
      name: "item-" + i,
      active: i % 3 === 0,
      price: Math.round(i * 1.37 * 100) / 100,
      tags: ["t" + (i % 7), "g" + (i % 11)],
      pos: { x: i % 100, y: (i * 7) % 100 },
    };
    out.push(o);
    size += JSON.stringify(o).length + 1;
  }
  return out;
}

// makeKinds builds the four 1 MiB payloads of the clone_kinds pair: the
// JSON-like one above, 131,072 numbers in an array, a Float64Array of as
// many, and a string of 1,048,576 ASCII characters.
function makeKinds() {
  const n = 1 << 17;
  const f64 = new Float64Array(n);
  for (let i = 0; i < n; i++) f64[i] = i * 1.5;
  return [
    ["json", makePayload()],
    ["numbers", Array.from({ length: n }, (_, i) => i * 1.5)],
    ["float64array", f64],
    ["string", "x".repeat(1 << 20)],
  ];
}

// msPerOp runs fn until at least minMs have passed (and at least 5 times)
// and returns the mean time of one run in ms.
function msPerOp(fn, minMs) {
  for (let i = 0; i < 3; i++) fn(); // warm-up
  let reps = 0;
  const t0 = now();
  let dt = 0;
  while (reps < 5 || dt < minMs) {
    fn();
    reps++;
    dt = now() - t0;
  }
  return dt / reps;
}

// work is the CPU benchmark's task: pure integer arithmetic, no allocation
// in V8 (goja boxes the numbers).
function work(n) {
  let x = 0;
  for (let i = 0; i < n; i++) x = (x + i * i) % 1000003;
  return x;
}

// calibrate returns the n for which work(n) takes about ms milliseconds on
// this engine.
function calibrate(ms) {
  let n = 1 << 14;
  for (;;) {
    const t0 = now();
    work(n);
    const dt = now() - t0;
    if (dt >= 40) return Math.max(1, Math.round((n * ms) / dt));
    n *= 2;
  }
}

module.exports = { now, emit, mark, intArg, median, makePayload, makeKinds, msPerOp, work, calibrate };
