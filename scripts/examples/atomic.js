// Atomic: a lock-free counter shared by 1000 threads; every add() counts, so the total is exact.
const counter = threads.Atomic(0);

function increment() {
  counter.add(1); // the thread's `counter` is the same Atomic: threads objects travel by reference
}

const promises = [];
for (let i = 0; i < 1000; i++) promises.push(threads.run(increment));
for (const p of promises) p.get();

console.log(counter.get()); // 1000
