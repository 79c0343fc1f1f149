// Package leakcheck is the goroutine-leak check every jsrun test uses: goleak,
// told about the one goroutine that is not ours to end.
package leakcheck

import "go.uber.org/goleak"

// Options ignore regexp2's clock goroutine: with a match timeout set (the
// host sets one), regexp2 keeps a process-wide clock running for a while
// after the last match, and stops it on its own.
var Options = []goleak.Option{goleak.IgnoreAnyFunction("github.com/dlclark/regexp2/v2.runClock")}

// VerifyNone fails t if goroutines other than the ignored ones are left.
func VerifyNone(t goleak.TestingT) { goleak.VerifyNone(t, Options...) }

// VerifyTestMain runs the tests, then checks for leaked goroutines.
func VerifyTestMain(m goleak.TestingM) { goleak.VerifyTestMain(m, Options...) }

// Find returns an error listing leaked goroutines, if any.
func Find() error { return goleak.Find(Options...) }
