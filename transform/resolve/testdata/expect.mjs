// Runs Node on cases.json and writes expected.json: for each case, what
// import gives (import.meta.resolve, once an import() from the importer,
// which checks that the file is there, has succeeded) and what
// require.resolve gives.
// Run: node --experimental-import-meta-resolve expect.mjs (from this directory)
import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath, pathToFileURL } from "node:url";
import { dirname, join, relative } from "node:path";

const here = dirname(fileURLToPath(import.meta.url));
const tree = join(here, "tree");
const rel = (s) => s.split(tree).join("<tree>");
const out = [];
for (const [from, spec] of JSON.parse(readFileSync(join(here, "cases.json"), "utf8"))) {
  const importer = join(tree, from);
  const r = { from, spec };
  try {
    const { probe } = await import(pathToFileURL(importer));
    await probe(spec, spec.endsWith(".json") ? { with: { type: "json" } } : undefined);
    const u = import.meta.resolve(spec, pathToFileURL(importer));
    r.import = u.startsWith("file:") ? rel(fileURLToPath(u)) : u;
  } catch (e) {
    r.importError = { code: e.code, message: rel(e.message) };
  }
  try {
    r.require = rel(createRequire(importer).resolve(spec));
  } catch (e) {
    r.requireError = { code: e.code, message: rel(e.message) };
  }
  out.push(r);
}
writeFileSync(join(here, "expected.json"), JSON.stringify(out, null, 1) + "\n");
