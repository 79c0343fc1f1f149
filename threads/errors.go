package threads

import (
	"context"
	"errors"
	"fmt"
)

// Names of the library's error classes; each is exported on `threads` in
// every runtime and has the matching `name`.
const (
	DataCloneError   = "DataCloneError"
	CancelledError   = "CancelledError"
	TimeoutError     = "TimeoutError"
	QueueClosedError = "QueueClosedError"
	PoolClosedError  = "PoolClosedError"
)

var errorClassNames = []string{DataCloneError, CancelledError, TimeoutError, QueueClosedError, PoolClosedError}

// Fault is a library error that crosses runtimes as its name and message
// (a cancellation, a clone failure, a stack overflow), rebuilt in the
// receiving runtime as an instance of the class of that name.
type Fault struct {
	Name    string
	Message string
	Stack   string
}

func (f *Fault) Error() string { return f.Name + ": " + f.Message }

// ErrDeadlock is wrapped by the error an evaluation fails with when every
// runtime waits on something nothing can still do.
var ErrDeadlock = errors.New("deadlock")

// cancelFault describes why ctx ended as the error a blocked call throws.
func cancelFault(ctx context.Context, what string) *Fault {
	cause := context.Cause(ctx)
	if errors.Is(cause, context.DeadlineExceeded) {
		return &Fault{Name: TimeoutError, Message: what + ": the deadline passed"}
	}
	var f *Fault
	// A RangeError cause is a host's memory limit.
	if errors.As(cause, &f) && (f.Name == CancelledError || f.Name == TimeoutError || f.Name == "RangeError") {
		return &Fault{Name: f.Name, Message: what + ": " + f.Message}
	}
	return &Fault{Name: CancelledError, Message: fmt.Sprintf("%s: cancelled (%v)", what, cause)}
}
