// Pipeline: stages joined by Queues; each stage closes its output queue when its input runs dry, and that ends the stage after it.
//
//   generate --numbers--> square x3 --squares--> main (sums)
//
const numbers = threads.Queue(8); // bounded: a fast stage waits for a slow one instead of piling up work
const squares = threads.Queue(8);
const squarersDone = threads.WaitGroup();

// Stage 1: one producer. close() says "no more items"; finally makes sure it happens even on error.
function generate(n) {
  try {
    for (let i = 1; i <= n; i++) numbers.put(i);
  } finally {
    numbers.close();
  }
}

// Stage 2: several workers share the input queue. `for (const x of queue)` blocks for each item
// and ends once the queue is closed and drained.
function square(worker) {
  let handled = 0;
  try {
    for (const x of numbers) {
      squares.put(x * x);
      handled++;
    }
  } finally {
    squarersDone.done();
  }
  return handled;
}

// Stage 2 has three writers to `squares`: none of them may close it alone. A small thread waits
// for all three, then closes it.
function closeWhenDone() {
  squarersDone.wait();
  squares.close();
}

threads.run(generate, 100);
const workers = [];
for (let w = 0; w < 3; w++) {
  squarersDone.add(1);
  workers.push(threads.run(square, w));
}
threads.run(closeWhenDone);

// Stage 3, here on the main runtime: read until `squares` is closed and drained.
let count = 0;
let sum = 0;
for (const s of squares) {
  count++;
  sum += s;
}
console.log(`received ${count} squares, sum ${sum}`); // 100 squares, sum 338350

// How the work was split between the three workers varies; the total does not.
console.log("handled by the workers:", workers.reduce((total, p) => total + p.get(), 0));

// A closed queue refuses new items and, once drained, get() throws QueueClosedError.
console.log("closed:", numbers.closed, squares.closed);
try {
  squares.put(1);
} catch (e) {
  console.log("put on a closed queue:", e.name, e instanceof threads.QueueClosedError);
}
try {
  squares.get();
} catch (e) {
  console.log("get on a closed queue:", e.name, e instanceof threads.QueueClosedError);
}
