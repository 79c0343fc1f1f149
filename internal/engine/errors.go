package engine

import (
	"context"
	"errors"
	"fmt"

	"github.com/jsrun/jsrun/threads"
)

// Names of the library's error classes, as package threads gives them to
// Go programs.
const (
	DataCloneError   = threads.DataCloneError
	CancelledError   = threads.CancelledError
	TimeoutError     = threads.TimeoutError
	QueueClosedError = threads.QueueClosedError
	PoolClosedError  = threads.PoolClosedError
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

// ErrDeadlock is threads.ErrDeadlock.
var ErrDeadlock = threads.ErrDeadlock

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
