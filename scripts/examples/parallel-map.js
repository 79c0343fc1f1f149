// Parallel map: split a big array into chunks, map each chunk on its own thread, join the results in order, and check them against a plain map.

// The work per item: how many Collatz steps take n down to 1 (cheap, but not free).
function collatzSteps(n) {
  let steps = 0;
  while (n !== 1) {
    n = n % 2 === 0 ? n / 2 : 3 * n + 1;
    steps++;
  }
  return steps;
}

// Runs on a thread. It gets its chunk and the function as arguments: a function travels as
// source (with the top-level bindings it uses), and the chunk is a structured clone.
function mapChunk(chunk, fn) {
  return chunk.map((x) => fn(x));
}

/**
 * parallelMap(array, fn, chunks): like array.map(fn), spread over `chunks` threads.
 * @template T, U
 * @param {T[]} array
 * @param {(x: T) => U} fn
 * @param {number} chunks
 * @returns {U[]}
 */
function parallelMap(array, fn, chunks) {
  const size = Math.ceil(array.length / chunks);
  const promises = [];
  // Pass each thread only its slice. Had mapChunk read a top-level `input` array instead,
  // every thread would get a clone of the whole array.
  for (let start = 0; start < array.length; start += size) {
    promises.push(threads.run(mapChunk, array.slice(start, start + size), fn));
  }
  // All threads are running now. get() them in chunk order, so the results keep input order
  // whichever thread finishes first.
  return promises.flatMap((p) => p.get());
}

const N = 10000;
const CHUNKS = 4;
const input = Array.from({ length: N }, (_, i) => i + 1);

const parallel = parallelMap(input, collatzSteps, CHUNKS);
const sequential = input.map((x) => collatzSteps(x));

console.log(`${N} items in ${CHUNKS} chunks of ${Math.ceil(N / CHUNKS)}`);
console.log("results:", parallel.length);
const most = parallel.reduce((best, steps, i) => (steps > parallel[best] ? i : best), 0);
console.log(`longest: n = ${input[most]} takes ${parallel[most]} steps`);
console.log("first ten:", parallel.slice(0, 10).join(" "));
console.log("same as the sequential map:", parallel.length === sequential.length && parallel.every((v, i) => v === sequential[i]));
