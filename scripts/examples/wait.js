// wait(): block until a thread is done and throw away its result (fire and forget, then join).
function worker(x, y = 10) {
  console.log(`Processing ${x} + ${y} = ${x + y}`);
}

const promise = threads.run(worker, 5, 3);
const r = promise.wait(); // waits for completion, discards the result
console.log("done, wait() returned", r);
