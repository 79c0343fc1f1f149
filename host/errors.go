package host

import (
	"errors"
	"fmt"
	"strings"

	"github.com/dop251/goja"
	"github.com/jsrun/jsrun/eventloop"
	"github.com/jsrun/jsrun/internal/jsutil"
)

// ExitError is returned by an evaluation that called process.exit(code),
// in the main runtime or in any thread.
type ExitError struct{ Code int }

func (e *ExitError) Error() string { return fmt.Sprintf("process.exit(%d)", e.Code) }

// ScriptError is a JavaScript error that ended an evaluation: an uncaught
// exception, an unhandled rejection, or a syntax error.
type ScriptError struct {
	// Kind is "uncaught exception", "unhandled rejection" or "syntax error".
	Kind string
	// Name and Message are the error's ("" Name when a non-Error was
	// thrown; UnhandledRejectionName, with Node's message, when a promise
	// was rejected with one).
	Name, Message string
	// Stack is the error's stack text, with file:line:col frames.
	Stack string

	err error // what it wraps: ErrMemoryLimit, or nil
}

// Unwrap returns ErrMemoryLimit for the error of an evaluation the memory
// limit stopped, nil otherwise.
func (e *ScriptError) Unwrap() error { return e.err }

func (e *ScriptError) Error() string {
	if e.Stack != "" {
		return e.Stack
	}
	if e.Name != "" {
		return e.Name + ": " + e.Message
	}
	return e.Message
}

// scriptError turns what a runtime reported into a ScriptError when it is
// a JavaScript error, and leaves other errors (cancellation, exit) alone.
func scriptError(err error) error {
	var (
		u  *eventloop.UncaughtError
		ex *goja.Exception
		se *goja.CompilerSyntaxError
		so *goja.StackOverflowError
	)
	switch {
	case errors.As(err, &u) && u.Kind == eventloop.KindUnhandledRejection && u.Name == "" && u.Stack == "":
		return nonErrorRejection(u.Message)
	case errors.As(err, &u):
		return &ScriptError{Kind: u.Kind, Name: u.Name, Message: u.Message, Stack: cleanStack(u.Stack)}
	case errors.As(err, &ex):
		return &ScriptError{Kind: eventloop.KindUncaughtException, Message: ex.Value().String(), Stack: cleanStack(ex.String())}
	case errors.As(err, &se):
		return &ScriptError{Kind: "syntax error", Name: "SyntaxError", Message: se.Error(), Stack: "SyntaxError: " + se.Error()}
	case errors.As(err, &so):
		return &ScriptError{Kind: eventloop.KindUncaughtException, Name: "RangeError", Message: "Maximum call stack size exceeded",
			Stack: "RangeError: Maximum call stack size exceeded"}
	}
	return err
}

// nonErrorRejection is an unhandled rejection with a value that is not an
// Error, as Node 20 reports it: an UnhandledPromiseRejection (code
// ERR_UNHANDLED_REJECTION) whose message gives the value's text.
func nonErrorRejection(msg string) *ScriptError {
	reason, _ := strings.CutPrefix(msg, "Uncaught (in promise) ") // the event loop's words
	return &ScriptError{Kind: eventloop.KindUnhandledRejection, Name: UnhandledRejectionName,
		Message: "This error originated either by throwing inside of an async function without a catch block, " +
			"or by rejecting a promise which was not handled with .catch(). The promise rejected with the reason \"" + reason + "\"."}
}

// UnhandledRejectionName is ScriptError.Name for an unhandled rejection
// with a value that is not an Error; the jsrun command prints its text
// alone, as Node does, with no "Uncaught" before it.
const UnhandledRejectionName = "UnhandledPromiseRejection"

// cleanStack writes goja's frames as Node prints them (jsutil.NodeFrame).
func cleanStack(s string) string {
	lines := strings.Split(s, "\n")
	for i, line := range lines {
		if rest, ok := strings.CutPrefix(line, "\tat "); ok {
			line = "    at " + jsutil.NodeFrame(rest)
		} else if rest, ok := strings.CutPrefix(line, "    at "); ok {
			line = "    at " + jsutil.NodeFrame(rest)
		}
		lines[i] = line
	}
	return strings.Join(lines, "\n")
}
