// for await over a Queue: the loop ends when the queue is closed and drained.
import { Queue, run } from "threads";

const q = new Queue(4);
run((q, n) => {
  for (let i = 1; i <= n; i++) q.put({ i, square: i * i });
  q.close();
}, q, 6);

let total = 0;
for await (const { i, square } of q) {
  console.log(i, square);
  total += square;
}
console.log("total", total, "closed", q.closed);

async function* countdown(n) {
  while (n > 0) yield n--;
}
for await (const n of countdown(3)) console.log("countdown", n);
