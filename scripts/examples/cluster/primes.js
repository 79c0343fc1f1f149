// A Pool whose items run on the workers of a cluster pool. Run it with
//   jsrun --cluster local scripts/examples/cluster/primes.js
// (an in-process NATS server and a worker process per CPU), or against a
// real cluster: nats-server -js on one machine, `jsrun worker --nats
// nats://host:4222 --pool primes` on each, and
//   jsrun --nats nats://host:4222 scripts/examples/cluster/primes.js
const limit = 20000;

// isPrime and limit travel with countPrimes, as they do into a thread.
function isPrime(n) {
  if (n < 2) return false;
  for (let d = 2; d * d <= n; d++) if (n % d === 0) return false;
  return true;
}

function countPrimes([from, to]) {
  let count = 0;
  for (let n = from; n < Math.min(to, limit); n++) if (isPrime(n)) count++;
  return { from, to, count };
}

const pool = threads.Pool(countPrimes, { cluster: "primes" });
const ranges = [];
for (let from = 0; from < limit; from += 2500) ranges.push([from, from + 2500]);

// map keeps the order of its items, wherever they ran.
const parts = pool.map(ranges);
for (const p of parts) console.log(`${p.from}..${p.to}: ${p.count}`);
console.log("total", parts.reduce((sum, p) => sum + p.count, 0));

// A thrown error comes back as itself.
try {
  threads.Pool(() => { throw new RangeError("no such range"); }, { cluster: "primes-errors" }).submit(0).get();
} catch (e) {
  console.log(e.name + ": " + e.message);
}
pool.close();
