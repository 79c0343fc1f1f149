// Package analysis is the static analysis that threads.run needs to carry a
// JavaScript function from one goja runtime into a fresh one.
//
// A thread only receives a function VALUE. goja's Function.prototype.toString
// returns the exact source slice of the function literal (the parser records
// it as FunctionLiteral.Source, ArrowFunctionLiteral.Source or
// ClassLiteral.Source), so that text is the key that ties a value back to the
// place it was written:
//
//   - ParseScript / ParseModule parse each script (or CommonJS module) once,
//     walk every node of goja's AST with a real scope model (var hoisting,
//     block-scoped let/const/class/function, parameters, catch, for heads,
//     class scopes, arguments), record the top-level bindings (with the
//     require("...") path they were initialised from, if any), and index every
//     function, arrow, class and method literal by its exact source text.
//   - Index.Lookup(main, text) re-parses the text on its own to find its free
//     names (names used but not bound inside it), looks the text up in the
//     evaluation's main script, then in the modules the Index holds, to find
//     where it was written (Site), and resolves each free name
//     against the scopes enclosing that place: a name bound by an enclosing
//     function (or block, or module wrapper) is a closure the thread cannot
//     have (Captured); a name bound at script top level, or not at all, is one
//     the host can carry or that the new runtime provides itself.
//   - goja tells nothing of where a function value was defined, only its
//     text, so a text written at several places that do not mean the same
//     (a free name local at one, top-level at another; strict at one,
//     sloppy at another) cannot be resolved at the first of them: Lookup
//     reports it as an Ambiguity, naming two places that differ. Within one
//     script, those places are tagged (Script.Tagged): compiled so, the
//     function made at each carries its offset, and LookupAt analyses the
//     text there alone. A value that carries none is refused by the
//     caller. Identical texts that mean the same are fine, and so is a text
//     that is a closure everywhere (refused as one).
//   - Func.Program gives the text to compile in the new runtime: the function
//     literal verbatim (so toString, and therefore a nested threads.run, still
//     see the same text), wrapped just enough to be an expression and padded
//     with newlines and spaces so that it starts at the original line and
//     column; error stacks in the thread then point at the original file.
//
// goja's toString is not always a complete literal: a concise arrow whose
// body ends in a parenthesised expression loses the closing parenthesis
// (`x => ({a: 1})` prints as "x => ({a: 1}"). Index.Lookup accepts such a text
// as it is (it is the key) and completes it from the indexed source, or by
// closing parentheses, for parsing and for Program.
//
// The package has no state besides the Index, which is safe for concurrent
// use, and the cache of each main Script: one immutable Func per source
// text (and per site, for LookupAt).
package analysis
