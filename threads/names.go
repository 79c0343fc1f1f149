package threads

import (
	"errors"
	"time"
)

// Names of the library's error classes. Each is a class on `threads` in
// every runtime, whose instances have that name.
const (
	DataCloneError   = "DataCloneError"   // a value that cannot cross runtimes
	CancelledError   = "CancelledError"   // a blocked call whose thread or evaluation was cancelled
	TimeoutError     = "TimeoutError"     // a blocked call whose deadline passed
	QueueClosedError = "QueueClosedError" // a put on a closed Queue
	PoolClosedError  = "PoolClosedError"  // a submit to a closed Pool
)

// ErrDeadlock is wrapped by the error an evaluation fails with when every
// runtime waits on something nothing can still do.
var ErrDeadlock = errors.New("deadlock")

// AbandonAfter is how long a runtime's goroutine has to return once its
// runtime must stop, before it is abandoned. An interrupted runtime
// normally returns within microseconds; this leaves room for a loaded
// machine while keeping an evaluation's end within a second of its
// context's.
const AbandonAfter = 500 * time.Millisecond
