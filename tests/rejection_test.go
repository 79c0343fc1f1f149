package tests

import (
	"strings"
	"testing"
)

// nodeRejection is the line Node 20 prints for a rejection with a value
// that is not an Error (node -e 'Promise.reject(5)'), before its internal
// frames.
const nodeRejection = `UnhandledPromiseRejection: This error originated either by throwing inside of an async function without a catch block, or by rejecting a promise which was not handled with .catch(). The promise rejected with the reason "%s".`

// TestCommandNonErrorRejectionAsNode: an unhandled rejection with a value
// that is not an Error prints Node's line and exits 1, from the main
// runtime and from a thread (it used to print "Uncaught Uncaught (in
// promise) 5").
func TestCommandNonErrorRejectionAsNode(t *testing.T) {
	t.Parallel()
	for src, reason := range map[string]string{
		`Promise.reject(5)`:                          "5",
		`Promise.reject("boom")`:                     "boom",
		`(async () => { throw null })()`:             "null",
		`threads.run(() => Promise.reject(5))`:       "5",
		`threads.run(() => { throw "from thread" })`: "from thread",
	} {
		_, stderr, code, _ := runJsrun(t, "", "-e", src)
		want := strings.Replace(nodeRejection, "%s", reason, 1)
		if first, _, _ := strings.Cut(stderr, "\n"); code != 1 || first != want {
			t.Errorf("%s: exit %d, stderr %q; want 1 and first line %q", src, code, stderr, want)
		}
	}
}
