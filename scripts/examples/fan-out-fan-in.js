// Fan-out/fan-in: one thread per job puts its result on a shared Queue; a WaitGroup says when all are done, so the queue can be closed and the collector's loop ends.
const results = threads.Queue(); // unbounded: a worker never waits to hand in its result
const wg = threads.WaitGroup();

const words = ["goroutine", "channel", "mutex", "atomic", "", "waitgroup", "select", "context"];

// A job that can fail: an empty word is an error.
function vowels(word) {
  if (word === "") throw new RangeError("empty word");
  return [...word].filter((c) => "aeiou".includes(c)).length;
}

// Fan out: each worker reports success or failure as a message, so no result is lost and no error
// goes unseen, and calls done() in finally, so wait() cannot hang on a worker that threw.
function worker(id, word) {
  try {
    results.put({ id, word, vowels: vowels(word) });
  } catch (e) {
    results.put({ id, word, error: `${e.name}: ${e.message}` });
  } finally {
    wg.done();
  }
}

for (let id = 0; id < words.length; id++) {
  wg.add(1);
  threads.run(worker, id, words[id]);
}

// Fan in: close the queue once every worker is done. This runs on its own thread so the main
// runtime can start reading at once (with a bounded queue, waiting first could deadlock).
threads.run(() => {
  wg.wait();
  results.close();
});

// The queue is iterable: spreading it reads until it is closed and drained.
/** @type {{id: number, word: string, vowels?: number, error?: string}[]} */
const collected = [...results];

// Results arrive in completion order; sort by job id for a stable report.
collected.sort((a, b) => a.id - b.id);
for (const r of collected) {
  console.log(`#${r.id} ${JSON.stringify(r.word)}: ${r.error ?? `${r.vowels} vowels`}`);
}
const ok = collected.filter((r) => r.error === undefined);
console.log(`${collected.length} results, ${ok.length} ok, ${ok.reduce((n, r) => n + (r.vowels ?? 0), 0)} vowels in all`);
