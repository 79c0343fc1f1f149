// Package util is jsrun's `util` module (also `node:util`), Node's for
// what scripts use: inspect (with inspect.custom and defaultOptions),
// format, formatWithOptions, types, isDeepStrictEqual, promisify (with
// promisify.custom), callbackify, deprecate, inherits, isArray and
// stripVTControlCharacters. Formatting is node/inspect's, shared with the
// runtime's console.
//
// promisify, callbackify, deprecate, inherits and isDeepStrictEqual are
// written in JavaScript (helpers.js, compiled once per process): they
// call back into script functions at every step, where Go would only add
// crossings. deprecate warns once per function, through
// process.emitWarning when the runtime has one and console.error
// otherwise.
package util
