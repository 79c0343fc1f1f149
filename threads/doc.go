// Package threads names what a Go program sees of jsrun's concurrency
// library for JavaScript: the `threads` global of every runtime, whose
// threads.run runs a function in a fresh goja runtime on a goroutine of its
// own, with Atomic, Shared, WaitGroup, Queue, Pool and Group shared by
// reference, Go's select (threads.select), and AbortSignal options.
//
// A Go program runs scripts through package host; the library itself is
// internal. What reaches Go from it is named here: the error an evaluation
// fails with when every runtime waits for ever (ErrDeadlock), the classes
// of the errors it throws in scripts (as ScriptError.Name in package host),
// and how long a runtime's goroutine has to return once it must stop
// (AbandonAfter).
//
// Values cross runtimes exactly, or fail loudly with a DataCloneError:
// data is cloned, the library's objects travel by reference, and functions
// travel as source, compiled again in the thread with the top-level
// bindings they use. A function that closes over a local variable of an
// enclosing function is refused, naming the variable.
package threads
