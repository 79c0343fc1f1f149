// Package clone copies JavaScript values between goja runtimes by structured
// clone, the algorithm HTML specifies for postMessage and structuredClone.
//
// jsrun runs JavaScript functions in fresh goja runtimes on other goroutines.
// A goja object belongs to exactly one runtime (using it from another one
// panics with "Illegal runtime transition"), so nothing of object type may
// cross. Everything that does cross (thread arguments and results, carried
// globals, Queue items, Shared values) goes through this package:
//
//   - [SnapshotValues] and [SnapshotValue] walk values in their source
//     runtime and produce an immutable, flat, index-linked Go representation
//     that holds no goja object. Any goroutine may keep it, with no runtime
//     around (for example in a queue), and restore it any number of times,
//     concurrently.
//   - [Snapshot.Restore] rebuilds native JS values from it in a target
//     runtime: real Arrays, Maps, Dates and so on, never Go wrappers.
//
// What is copied follows HTML's StructuredSerializeInternal and
// StructuredDeserialize, checked against Node's structuredClone: primitives
// (BigInt, -0, NaN and strings with lone surrogates included), Boolean,
// Number, BigInt and String objects, Date, RegExp (lastIndex reset),
// ArrayBuffer, every typed array and DataView (views of one buffer stay views
// of one copied buffer), Map, Set, Array (length, holes and extra properties
// kept), Error objects, and every other ordinary object as a plain object of
// its own enumerable string-keyed properties. Shared references and cycles
// are kept, across roots too. Symbols, WeakMap, WeakSet, Promise, Proxy and
// other exotic objects (generators, iterators, arguments) are refused with a
// [*DataCloneError] that names the path of the offending value.
//
// Two extensions carry what HTML does not, through a [Codec]: functions
// (jsrun sends them as source) and host objects marked with [Attach], which
// travel by reference.
//
// Snapshotting runs on the source runtime's goroutine, restoring on the
// target's; the [Snapshot] in between belongs to no runtime. Like
// structuredClone, neither runs promise jobs: a clone started from plain Go
// leaves the runtime's job queue as it found it, although goja runs that
// queue whenever a call from plain Go into a JS function returns.
//
// Both directions walk with an explicit work list rather than Go recursion,
// so a value nested a million levels deep clones without growing the Go
// stack.
//
// A snapshot restored with [Snapshot.RestoreOnce] (a thread's arguments)
// gives its memory back to pools for later snapshots, and walks and
// restores keep their big scratch buffers, cleared, for the next: Go's
// collector is not generational, so every byte a clone does not allocate is
// marking of the whole live heap not done (see recycle.go).
package clone
