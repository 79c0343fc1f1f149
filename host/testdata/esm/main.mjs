// ES modules as Node runs them: jsrun's output must be the same as
// Node's (main.expected, written by scripts/node-expected.sh).
import { add, counter, bump } from "./lib.mjs";
import def, * as ns from "./lib.mjs";
import cjs from "./cjs.cjs";
import { named } from "./cjs.cjs";
import * as path from "node:path";
import { a } from "./cycle-a.mjs";
import "./tla-slow.mjs";
import "./tla-sibling.mjs";
import { kind } from "dual";
import extra from "dual/extra";
import old, { old as oldNamed } from "old";

console.log("main body");
console.log(add(1, 2), def, Object.keys(ns).sort().join(","), ns[Symbol.toStringTag]);
console.log(counter);
bump();
console.log(counter);
console.log(cjs.named, named, path.basename(import.meta.url), import.meta.dirname === path.dirname(import.meta.filename));
console.log(a());
console.log(kind, extra, old.old, oldNamed);
const later = await import("./later.mjs");
console.log(later.value, (await import("./lib.mjs")) === ns);
for (const spec of ["./nope.mjs", "dual/missing", "no-such-package"]) {
  try {
    await import(spec);
  } catch (e) {
    console.log(e.code);
  }
}
try {
  await import("./throws.mjs");
} catch (e) {
  console.log("threw", e.message);
}
try {
  await import("./throws.mjs");
} catch (e) {
  console.log("again", e.message);
}
