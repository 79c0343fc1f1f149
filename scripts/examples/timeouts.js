// Timeouts and cancellation: get/put/wait with {timeout} throw TimeoutError, cancel() makes a thread's promise reject with CancelledError.

/** Prints what `op` threw (name and whether it is an instance of `cls`), or what it returned. */
function attempt(label, op, cls) {
  try {
    console.log(`${label}: returned ${op()}`);
  } catch (e) {
    console.log(`${label}: ${e.name} (instanceof: ${e instanceof cls})`);
  }
}

// 1. Queue.get / Queue.put with a timeout in milliseconds.
const q = threads.Queue(1);
attempt("get on an empty queue, 50 ms", () => q.get({ timeout: 50 }), threads.TimeoutError);
q.put("first");
attempt("put on a full queue, 50 ms", () => q.put("second", { timeout: 50 }), threads.TimeoutError);
attempt("get with room to spare", () => q.get({ timeout: 50 }), threads.TimeoutError); // first
// tryGet/tryPut never wait at all.
console.log("tryGet on an empty queue:", q.tryGet()); // undefined
console.log("tryPut:", q.tryPut("x"), q.tryPut("y")); // true false

// The error classes are the same in every runtime: a thread can catch them too.
const caught = threads.run(() => {
  try {
    threads.Queue().get({ timeout: 10 });
    return "no timeout?";
  } catch (e) {
    return `thread caught ${e.name}: ${e instanceof threads.TimeoutError}`;
  }
}).get();
console.log(caught);

// 2. WaitGroup.wait with a timeout.
const wg = threads.WaitGroup();
wg.add(1);
attempt("WaitGroup.wait with the counter at 1, 50 ms", () => wg.wait({ timeout: 50 }), threads.TimeoutError);
wg.done();
attempt("WaitGroup.wait after done()", () => wg.wait({ timeout: 50 }), threads.TimeoutError); // undefined

// 3. cancel(): interrupt a thread, even one stuck in an endless loop or a blocking get().
const spinning = threads.run(() => {
  for (;;) {}
});
spinning.cancel();
attempt("get() on a cancelled spinning thread", () => spinning.get(), threads.CancelledError);

const never = threads.Queue();
const blocked = threads.run(() => never.get()); // nothing will ever be put
blocked.cancel();
attempt("wait() on a cancelled blocked thread", () => blocked.wait(), threads.CancelledError);

// Cancelling a thread that has already settled does nothing.
const finished = threads.run((x) => x * 2, 21);
console.log("finished:", finished.get());
finished.cancel();
console.log("after cancel():", finished.get()); // still 42

// 4. A deadline for any thread: cancel it from a timer unless it settles first.
/**
 * @template T
 * @param {threads.ThreadPromise<T>} p
 * @param {number} ms
 * @returns {Promise<T>}
 */
function withDeadline(p, ms) {
  const timer = setTimeout(() => p.cancel(), ms);
  return p.finally(() => clearTimeout(timer));
}

function slowSquare(x, ms) {
  const until = Date.now() + ms;
  while (Date.now() < until) {} // busy: a thread may block; the main runtime stays free
  return x * x;
}

async function deadlines() {
  console.log("fast enough:", await withDeadline(threads.run(slowSquare, 7, 0), 5000));
  try {
    await withDeadline(threads.run(slowSquare, 7, 60000), 50);
  } catch (e) {
    console.log("too slow:", e.name, e instanceof threads.CancelledError);
  }
}

deadlines();
