// WaitGroup: start 10 workers that each call done(); wait() returns once all of them have.
const wg = threads.WaitGroup();
const log = threads.Shared([]); // workers run at the same time: collect their lines, print them sorted

function worker(id) {
  log.update((lines) => [...lines, `Worker ${id} starting`]);
  // ... do work ...
  log.update((lines) => [...lines, `Worker ${id} done`]);
  wg.done(); // in real code, put done() in a finally block so an error cannot leave wait() hanging
}

for (let i = 0; i < 10; i++) {
  wg.add(1); // add before starting the thread, so wait() never sees the counter at zero too early
  threads.run(worker, i);
}

wg.wait();
const lines = log.get();
const done = lines.filter((l) => l.endsWith(" done"));
console.log(`${lines.length - done.length} started, ${done.length} done`); // 10 started, 10 done
console.log(done.sort((a, b) => parseInt(a.slice(7)) - parseInt(b.slice(7))).join("\n"));
console.log("All workers complete");
