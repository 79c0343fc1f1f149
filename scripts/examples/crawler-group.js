// A crawler with threads.Group, Go's errgroup: at most `limit` fetches run at once, the
// results come back in the order the fetches were started, and the first failure aborts
// the group's signal, which every fetch still running sees as threads.signal.

/** The "web": each page and the links on it. */
const site = new Map([
  ["/", ["/about", "/blog", "/shop"]],
  ["/about", ["/team"]],
  ["/blog", ["/blog/1", "/blog/2", "/about"]],
  ["/shop", ["/shop/cart"]],
  ["/team", []],
  ["/blog/1", ["/"]],
  ["/blog/2", []],
  ["/shop/cart", []],
]);

const inFlight = threads.Atomic(0);
const peak = threads.Atomic(0);

/** Fetches one page (in a thread of the group) and returns its links. */
function fetchPage(url) {
  const now = inFlight.add(1);
  for (let p = peak.get(); p < now && !peak.compareAndSwap(p, now); p = peak.get()) {}
  try {
    // The network: waits that give up when the group fails.
    threads.sleep(url === "/slow" ? 60000 : 5, { signal: threads.signal });
    const links = site.get(url);
    if (!links) throw new Error(`404 ${url}`);
    return links;
  } finally {
    inFlight.add(-1);
  }
}

/** Breadth-first crawl from `start`, one Group per level, `limit` fetches at a time. */
function crawl(start, limit) {
  const seen = new Set([start]);
  const order = [];
  let level = [start];
  while (level.length > 0) {
    const g = threads.Group({ limit });
    for (const url of level) g.run(fetchPage, url);
    const linksPerPage = g.wait(); // in the order of `level`, whatever finished first
    order.push(...level);
    const next = [];
    for (const links of linksPerPage) {
      for (const link of links) {
        if (!seen.has(link)) {
          seen.add(link);
          next.push(link);
        }
      }
    }
    level = next;
  }
  return order;
}

console.log("crawled:", crawl("/", 3).join(" "));
console.log("never more than 3 fetches at once:", peak.get() <= 3);

// A broken link fails the group: the slow fetch still running is aborted with that error.
const g = threads.Group({ limit: 2 });
const slow = g.run(fetchPage, "/slow");
g.run(fetchPage, "/gone");
try {
  g.wait();
} catch (e) {
  console.log("crawl failed:", e.message);
}
slow.catch((e) => console.log("the slow fetch gave up with:", e.message));
