package host

import (
	"context"
	"errors"
	"testing"
)

// TestNonErrorRejectionAsNode: an unhandled rejection with a value that is
// not an Error is Node's UnhandledPromiseRejection, whose message gives the
// value, not "Uncaught (in promise) 5".
func TestNonErrorRejectionAsNode(t *testing.T) {
	t.Parallel()
	_, err := newHost(t).Eval(context.Background(), `Promise.reject(5)`)
	var se *ScriptError
	want := `UnhandledPromiseRejection: This error originated either by throwing inside of an async function without a catch block, or by rejecting a promise which was not handled with .catch(). The promise rejected with the reason "5".`
	if !errors.As(err, &se) || se.Kind != "unhandled rejection" || se.Name != "UnhandledPromiseRejection" || se.Error() != want {
		t.Fatalf("err = %#v; want a ScriptError whose text is %q", err, want)
	}
}
