// Isolation: a thread gets copies of the top-level values it uses; what it changes stays its own.
const items = [1, 2, 3];

class Point {
  constructor(x, y) { this.x = x; this.y = y; }
  norm() { return Math.hypot(this.x, this.y); }
}

function describe(p) {
  return `(${p.x}, ${p.y}) has norm ${p.norm()}`;
}

const pushed = threads.run(() => {
  items.push(4);
  return items.length;
}).get();
console.log("the thread saw", pushed, "items; the caller still has", items.length);

console.log(threads.run(() => describe(new Point(3, 4))).get());

function makeAdder(n) {
  return (x) => x + n; // n is a local of makeAdder: it cannot cross
}
try {
  threads.run(makeAdder(1), 41);
} catch (e) {
  console.log(e.name + ": " + e.message);
}
// Pass it as an argument instead:
console.log(threads.run((x, n) => x + n, 41, 1).get());
