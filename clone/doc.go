// Package clone copies JavaScript values between goja runtimes by structured
// clone, the algorithm HTML specifies for postMessage and structuredClone.
//
// A goja object belongs to exactly one runtime, so nothing of object type
// may cross between runtimes. Everything that does cross in jsrun (thread
// arguments and results, Queue items, Shared values) goes through this
// package:
//
//   - [SnapshotValues] and [SnapshotValue] walk values in their source
//     runtime and produce an immutable [Snapshot] that holds no goja
//     object. Any goroutine may keep it and restore it any number of
//     times, concurrently.
//   - [Snapshot.Restore] rebuilds native JS values from it in a target
//     runtime: real Arrays, Maps, Dates and so on, never Go wrappers.
//
// What is copied follows HTML's StructuredSerializeInternal and
// StructuredDeserialize, checked against Node's structuredClone:
// primitives, Boolean, Number, BigInt and String objects, Date, RegExp,
// ArrayBuffer, typed arrays and DataView, Map, Set, Array (holes and extra
// properties kept), Error objects, and every other ordinary object as a
// plain object of its own enumerable string-keyed properties. Shared
// references and cycles are kept, across roots too. Symbols, WeakMap,
// WeakSet, Promise, Proxy and other exotic objects are refused with a
// [*DataCloneError] that names the path of the offending value. A [Codec]
// carries what HTML does not: functions, and host objects marked with
// [Attach], which travel by reference.
//
// A snapshot that leaves the process goes through its wire form:
// [Snapshot.AppendWire] writes a versioned, compact binary encoding and
// [DecodeWire] reads one from an untrusted source. The decoder never
// panics, allocates no more than a constant times its input's length, and
// fails with a [*DataCloneError] that names what is wrong and where;
// what it accepts restores without panicking. Functions travel through a
// [WireCodec] (jsrun's engine carries their source and bindings); host
// objects attached by reference (threads objects) cannot cross machines
// and are a DataCloneError. wire.go describes the layout.
//
// A snapshot runs on the source runtime's goroutine, a restore on the
// target's. Like structuredClone, neither runs promise jobs, and both walk
// with a work list rather than Go recursion, so depth costs heap, not
// stack.
//
// Plain objects, arrays and Errors are read and made through goja's
// object representation (the fast path) only for a goja version listed
// here as verified and after start-up checks; otherwise, or when built with
// the jsrun_safeclone tag, through goja's public API alone. Both clone
// alike; [FastPath] says which is in use. DESIGN.md, next to this file,
// says how the package is built and why.
package clone
