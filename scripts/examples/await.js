// await threads.run(...): a ThreadPromise is a real Promise, so await, then and Promise.all work.
function worker(x, y = 10) {
  return x + y;
}

async function main() {
  console.log(await threads.run(worker, 5, 3)); // 8
  const all = await Promise.all([1, 2, 3].map((i) => threads.run(worker, i, i)));
  console.log(all.join(" ")); // 2 4 6
  const p = threads.run(worker, 1, 1);
  console.log(p instanceof Promise); // true
  await p.then((v) => console.log("then:", v)); // then: 2
}

main();
