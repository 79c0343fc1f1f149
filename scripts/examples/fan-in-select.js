// Fan-in with threads.select: one consumer takes whatever any producer has ready (Go's
// select, uniformly random among ready cases), notices closed queues, and stops waiting
// when nothing has arrived for a while (a timeout case).

const north = threads.Queue(2);
const south = threads.Queue(2);
const east = threads.Queue(2); // a sensor that never reports

/** Puts `count` readings into `q`, then closes it. */
function sensor(q, name, count) {
  for (let i = 1; i <= count; i++) q.put(`${name} #${i}`);
  q.close();
}
threads.run(sensor, north, "north", 4);
threads.run(sensor, south, "south", 3);

// Nothing is ready on east alone, so `default` returns at once instead of waiting.
console.log("east, without waiting:", threads.select([{ get: east }], { default: true }).kind);

const open = [north, south, east];
const readings = [];
for (;;) {
  const r = threads.select(open.map((q) => ({ get: q })), { timeout: 250 });
  if (r.kind === "timeout") {
    console.log(`nothing for 250 ms from ${open.length} open queue(s): stop waiting`);
    break;
  }
  if (!r.ok) {
    open.splice(r.index, 1); // closed and drained: like `v, ok := <-ch` with ok false
    continue;
  }
  readings.push(r.value);
}
console.log(readings.length, "readings:", readings.sort().join(", "));

// A put case waits for room; the same select can wait on a thread finishing.
const out = threads.Queue(1);
out.put("full");
const drain = threads.run((q) => [q.get(), q.get()], out);
const first = threads.select([{ put: out, value: "sent" }, { wait: drain }]);
console.log("first ready:", first.kind);
console.log("drained:", threads.select([{ wait: drain }]).value.join(" then "));
