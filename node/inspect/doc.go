// Package inspect renders JavaScript values the way Node's util.inspect and
// util.format do, for goja runtimes. It backs jsrun's console and its util
// module; Node v20 is the oracle (see node/console/testdata).
//
// An Inspector belongs to one runtime and is used on that runtime's
// goroutine only. It reads values without side effects where Node does:
// getters are shown as [Getter] and never called (unless the getters option
// asks), proxies are shown as their targets without running a trap, and
// Map and Set contents are read through the original built-ins. What Node
// itself runs (a [util.inspect.custom] method, a Symbol.toStringTag getter,
// Symbol.hasInstance) runs here too, and an exception it throws propagates
// to the caller as in Node.
//
// Limits: nesting beyond maxNesting levels prints Node's "Inspection
// interrupted prematurely" marker instead of growing the Go stack; output is
// bounded by Node's budget (past 2^27 characters at one indentation level
// the rest prints at depth -1); an array longer than bigArray elements is
// printed without its extra named properties (listing them would list every
// index). goja cannot preview iterators or weak collections, so Map and Set
// iterators print as plain objects and WeakMap/WeakSet as <items unknown>
// even with showHidden.
//
// Property attributes are read with Object.getOwnPropertyDescriptor (goja's
// Go API has no descriptor reader), one JavaScript call per property shown:
// that call is most of the cost of inspecting a large object.
package inspect
