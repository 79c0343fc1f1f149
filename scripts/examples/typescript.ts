// TypeScript: types are stripped, enums and generics run, and a thread's
// error names the .ts line it was thrown at.
import { run } from "threads";
import { Kind, Measure, type Shape } from "./lib/shapes.ts";

function areas<T extends Shape>(items: T[]): string[] {
  const m = new Measure<T>("cm2");
  return items.map((s) => m.area(s));
}

const shapes: Shape[] = [
  { kind: Kind.Square, size: 3 },
  { kind: Kind.Circle, size: 1 },
];
console.log(run(areas, shapes).get().join(", "));

try {
  run(areas, [{ kind: Kind.Square, size: -2 }]).get();
} catch (e) {
  const here = import.meta.dirname + "/";
  const lines: string[] = String(e.stack).split("\n");
  console.log(lines[0]);
  // The first frames, with paths relative to this directory.
  for (const l of lines.slice(1, 3)) console.log(l.trim().split(here).join("").replace(/\(\d+\)/g, ""));
}
