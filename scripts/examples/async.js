// async: await threads, Promise.all over many, Queue getAsync/putAsync that keep the event loop running, and Pool.mapAsync.

/** @param {number} ms */
function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

// An async function can be a thread: the thread settles when its promise does, and the
// caller gets the unwrapped value. `sleep` is carried along, and the thread has its own timers.
async function slowDouble(x) {
  await sleep(10);
  return x * 2;
}

async function main() {
  // 1. await a ThreadPromise like any Promise.
  console.log("await:", await threads.run(slowDouble, 21)); // 42

  // 2. Promise.all: all threads run at once; results come back in input order.
  const doubled = await Promise.all([1, 2, 3, 4, 5].map((x) => threads.run(slowDouble, x)));
  console.log("Promise.all:", doubled.join(" ")); // 2 4 6 8 10

  // A thread's error rejects its promise with the same kind of error.
  try {
    await threads.run(() => {
      throw new RangeError("out of range");
    });
  } catch (e) {
    console.log("rejected:", e instanceof RangeError, e.name, e.message);
  }

  // 3. getAsync: wait for an item without blocking this runtime. The item here comes from this
  // runtime's own timer, which can only fire because the loop keeps running while we wait
  // (a blocking q.get() in its place would wait forever).
  const q = threads.Queue(1);
  setTimeout(() => q.put("from a timer"), 10);
  console.log("getAsync:", await q.getAsync());

  // putAsync: the queue is full; the put completes once a timer makes room.
  q.put("first");
  setTimeout(() => console.log("timer took:", q.get()), 10);
  await q.putAsync("second");
  console.log("putAsync done, queue holds:", q.get());

  // A thread can feed a queue that we drain asynchronously; closing it ends the loop. `q` is a
  // local of main(), so it goes in as an argument (a threads object crosses by reference).
  threads.run((queue) => {
    for (let i = 1; i <= 3; i++) queue.put(i * 100);
    queue.close();
  }, q);
  const got = [];
  for (;;) {
    try {
      got.push(await q.getAsync());
    } catch (e) {
      if (!(e instanceof threads.QueueClosedError)) throw e;
      break;
    }
  }
  console.log("drained:", got.join(" ")); // 100 200 300

  // WaitGroup.waitAsync: a Promise that resolves when the counter reaches zero.
  const wg = threads.WaitGroup();
  const hits = threads.Atomic();
  for (let i = 0; i < 5; i++) {
    wg.add();
    threads.run((counter, group) => {
      counter.add();
      group.done();
    }, hits, wg);
  }
  await wg.waitAsync();
  console.log("waitAsync: hits =", hits.get()); // 5

  // 4. Pool.mapAsync: results in input order, as a Promise; the worker may be async too.
  const pool = threads.Pool(slowDouble, 3);
  console.log("mapAsync:", (await pool.mapAsync([10, 20, 30, 40])).join(" ")); // 20 40 60 80
  console.log("submit:", await pool.submit(50)); // 100
  pool.close();
}

main().catch((e) => {
  console.log("failed:", e);
  process.exit(1);
});
