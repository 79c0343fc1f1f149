// ES modules: a local module's exports used inside threads.
import threads, { run, Pool } from "threads";
import { mean, spread } from "./lib/stats.mjs";
import * as stats from "./lib/stats.mjs";

const samples = [
  [1, 2, 3, 4],
  [10, 20, 35],
  [0.5, 0.25, 0.125],
];

// A module-level function that uses imports: it travels as source, and the
// thread imports ./lib/stats.mjs itself.
function summary(xs) {
  return `mean ${mean(xs)} spread ${spread(xs)} (precision ${stats.precision})`;
}

for (const p of samples.map((xs) => run(summary, xs))) console.log(p.get());

const pool = new Pool(mean, { workers: 2 });
console.log("means:", pool.map(samples).join(" "));
pool.close();

const all = await Promise.all(samples.map((xs) => threads.run(spread, xs)));
console.log("spreads:", all.join(" "));
console.log(typeof import.meta.url, import.meta.url.endsWith("/modules.mjs"));
