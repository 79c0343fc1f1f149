// Package esm runs the ES modules package transform makes, in one goja
// runtime: module records, namespace objects, import(), import.meta,
// top-level await and cycles, with Node's order of evaluation.
//
// The host gives a Loader (resolution and loading, CommonJS and built-ins
// included) and calls Linker.Import for the main module. Each runtime has
// its own Linker: a module is evaluated once per runtime, as Node
// evaluates a module once per worker.
//
// # Evaluation
//
// A module's static imports (transform.Result.Imports) are evaluated, in
// source order, before its body, depth first; a module met again while it
// is being evaluated (a cycle) is taken as it is, and a binding read
// before its module has set it is undefined where Node throws a
// ReferenceError (esbuild turns top-level let, const and class into var).
// A body runs as an async function: it runs to its end at once unless it
// awaits at top level. While an import awaits, the imports after it that
// do not depend on it are evaluated (as Node does); the body waits for all
// of them. A module whose evaluation failed throws the same error again
// to every later import. import() returns a promise of the namespace; its
// errors (a missing module is ERR_MODULE_NOT_FOUND) reject the promise.
//
// A module that is not an ES module (CommonJS, JSON, a built-in) is
// evaluated by the Loader; its namespace has default = module.exports and
// a read-only copy of its own enumerable properties, taken when it is
// first imported (Node finds these names by reading the source, so a
// name Node would not find may be there).
package esm
