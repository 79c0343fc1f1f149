// threads.run: run a function on another goroutine, in its own runtime, and get its result.
function worker(x, y = 10) {
  return x + y;
}

// With arguments, as the seed does with positional ones.
const promise = threads.run(worker, 5, 3);
console.log(promise.get()); // 8

// JavaScript has no keyword arguments: leave y out to take its default.
const promise2 = threads.run(worker, 7);
console.log(promise2.get()); // 17

// Many at once: all start before the first get().
const promises = [];
for (let i = 0; i < 10; i++) promises.push(threads.run(worker, i, i + 1));
console.log(promises.map((p) => p.get()).join(" ")); // 1 3 5 7 9 11 13 15 17 19
