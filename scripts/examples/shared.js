// Shared: a list behind a mutex, appended from 100 threads with update(), the atomic read-modify-write.
const sharedList = threads.Shared([]);

function appendItem(item) {
  // update() holds the lock from reading the current value to storing the new one.
  sharedList.update((current) => {
    current.push(item);
    return current;
  });
}

// Why not get() then set(), as the seed writes it? Each is atomic alone, but the pair is not:
//
//   function appendItemRacy(item) {
//     const current = sharedList.get(); // thread A reads [0, 1]; thread B reads [0, 1] too
//     current.push(item);               // A has [0, 1, 2];       B has [0, 1, 3]
//     sharedList.set(current);          // A stores [0, 1, 2];    B then stores [0, 1, 3]: A's 2 is lost
//   }
//
// With 100 threads such lost updates leave fewer than 100 items, and how many varies from run to run.

const promises = [];
for (let i = 0; i < 100; i++) promises.push(threads.run(appendItem, i));
for (const p of promises) p.get();

const list = sharedList.get();
console.log(list.length); // 100
// Threads finish in any order; sorted, the list holds each item exactly once.
console.log(list.sort((a, b) => a - b).every((x, i) => x === i)); // true
