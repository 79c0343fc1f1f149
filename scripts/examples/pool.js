// Pool: 4 long-lived workers square 100 items; results are read in submit order and summed, and pool.close() shuts the pool down.
function processData(item) {
  return item * item;
}

const pool = threads.Pool(processData, { workers: 4, queueDepth: 1000 });
console.log("workers:", pool.workers); // workers: 4

// submit() returns a ThreadPromise for each item's result.
const promises = [];
for (let item = 0; item < 100; item++) promises.push(pool.submit(item));

// Items finish in any order; get() on each in submit order keeps the output deterministic.
const results = promises.map((p) => p.get());
console.log("first five:", results.slice(0, 5).join(" ")); // first five: 0 1 4 9 16
console.log("sum of squares:", results.reduce((a, b) => a + b, 0)); // sum of squares: 328350

// map() does submit-then-get for a whole array and keeps input order.
console.log("map:", pool.map([1, 2, 3]).join(" ")); // map: 1 4 9

pool.close(); // stop accepting work and wait until every submitted item is done
console.log("pending after close:", pool.pending); // pending after close: 0
try {
  pool.submit(1);
} catch (e) {
  console.log(e.name, e instanceof threads.PoolClosedError); // PoolClosedError true
}
