// Package transform makes JavaScript and TypeScript files ready for goja,
// with esbuild's Go API: it strips TypeScript, turns ES modules into
// functions the esm package runs, and lowers the syntax goja refuses. It
// reads files only through the ReadFile it is given (package.json files,
// to decide a file's kind); esbuild reads nothing (strace: one failed
// stat of a working directory that does not exist, per module).
//
// # Entry points for the host
//
//   - KindOf(path, src, readFile): how Node 22 runs the file (Module or
//     CommonJS): by extension, the nearest package.json "type", then the
//     syntax (import, export, import.meta, top-level await).
//   - Transform(path, src, readFile), or Cache.Transform (NewCache: one
//     per host, in memory, bounded in bytes, safe for concurrent use):
//     a *Result. Kind CommonJS: Code is a module body to run as require
//     runs one (Plain: the file itself). Kind Module: Code is a function
//     expression to give to esm.Linker (package transform/esm), which also
//     holds the module records, import() and import.meta.
//   - A file that does not parse is a *SyntaxError: file, line, column,
//     message and Frame(), the line with a caret as Node prints it. The
//     host throws it as a JavaScript SyntaxError (esm.DefaultError shows
//     how).
//   - Result.Map.Original(line, col) maps a position in Code back to the
//     file. Code also ends with the map inline, in the form goja reads, so
//     goja's stacks (Error.stack, uncaught errors) name the original file,
//     line and column without the host's help. The map re-encodes
//     esbuild's with both columns counted from 1, because goja looks a
//     1-based column up in a map and reports the column it finds as it is.
//     goja reads the map only once the file has parsed: a syntax error goja
//     finds in Code names the generated line (the transform's output
//     parses, so this only happens for what goja alone rejects).
//   - transform/resolve resolves specifiers as Node does, for import and
//     for require.
//
// # What is lowered, and why
//
// goja's parser and compiler were tried on ES2017..ES2025 features
// (goja of 2026-09). esbuild lowers exactly what goja refuses:
//
//   - async generators (async function*, async *method): goja parses
//     them but refuses to compile them ("not supported yet");
//   - for await (...of...);
//   - using / await using declarations (goja has no Symbol.dispose: the
//     helper falls back to Symbol.for("Symbol.dispose"), so the host should
//     define Symbol.dispose and Symbol.asyncDispose as those);
//   - decorators (JavaScript's; TypeScript's experimental ones as tsc);
//   - import and export, import.meta, import() and top-level await (the
//     module form, below);
//   - all TypeScript syntax (types, interfaces, enums, namespaces,
//     parameter properties, generics, satisfies, as).
//
// goja runs the rest as it is: async functions, object rest/spread,
// optional catch binding, optional chaining, ??, ||= &&= ??=, numeric
// separators, BigInt, class fields, private fields and methods, #x in o,
// static blocks, hashbang, regexp named groups, lookbehind, dotAll and
// \p{...}. Not lowered because lowering does not help (goja's RegExp
// refuses them at run time either way): regexp flags d (match indices)
// and v (set notation), and regexp modifiers (?i:...).
//
// # ES modules
//
// esbuild bundles each module on its own: the file is the bundle's one
// real module, and each import is a stub CommonJS module whose exports
// the runtime hands over. esbuild then makes of imports property reads on
// the imported namespace (live bindings), of exports getters on the
// namespace object, keeps top-level await in place (valid: a module
// becomes an async function), and lowers import() to a promise the
// runtime makes. Tree shaking is off. Choices where Node and esbuild or
// goja differ:
//
//   - TypeScript imports used only as types are dropped, as tsc drops
//     them (Node's type stripping keeps them): such a module is neither
//     loaded nor evaluated.
//   - A module's top-level let, const and class become var: in a cycle, a
//     binding read before it is set is undefined, not a ReferenceError.
//     An anonymous default export function is named module_default, not
//     default.
//   - require in an ES module is the runtime's global require if it has
//     one (Node has none; jsrun's runtimes do), else esbuild's error.
//   - .tsx and .jsx are refused (ErrUnsupported), as Node 22 refuses them.
//   - Plain CommonJS .js that goja parses (and that has nothing that looks
//     like an async generator) is not transformed: Result.Plain, Code is
//     the file. That check is one goja parse (2.4 ms for a 2,000-line file,
//     below); a cached result skips it.
//
// # Cost (2-core machine shared with other work; go test -bench)
//
// A 2,000-line (104 KB) TypeScript module: first transform 17-25 ms
// (goja's compile of the result: 14 ms); a cache hit 1.6 us. The
// plain-CommonJS check of a 2,000-line file: 2.4 ms. Importing the
// package (esbuild's pkg/api brings net/http and crypto/tls with it) adds
// about 1 ms of package initialisation to a binary (GODEBUG=inittrace=1,
// sum of init clocks, median of 40 runs: 4.9 -> 5.9 ms) and 2.8 MB to its
// size. The cache is in memory only: nothing is written to disk.
package transform
