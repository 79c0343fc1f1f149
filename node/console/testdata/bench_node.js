// Node's side of BenchmarkLog1000Keys: console.log of a 1,000-key object,
// 1,000 times. Run: node bench_node.js > /dev/null (the time goes to stderr).
const o = {};
for (let i = 0; i < 1000; i++) o['key' + i] = i;
const t0 = process.hrtime.bigint();
for (let i = 0; i < 1000; i++) console.log(o);
const ms = Number(process.hrtime.bigint() - t0) / 1e6;
console.error(`console.log of a 1,000-key object x 1,000: ${ms.toFixed(1)} ms`);
