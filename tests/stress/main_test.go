// Package stress pushes jsrun's threads library hard from scripts: many
// short threads, random mixes of the shared primitives under random
// cancellation, and deadlines that land anywhere in a busy evaluation.
// Every test checks exact results and that no goroutine outlives it.
//
// Run with: go test -race -run Stress ./tests/stress/
package stress

import (
	"bytes"
	"context"
	"runtime"
	"testing"
	"time"

	"github.com/jsrun/jsrun/host"
	"github.com/jsrun/jsrun/internal/leakcheck"
)

func TestMain(m *testing.M) { leakcheck.VerifyTestMain(m) }

// result is what one evaluation printed and returned.
type result struct {
	stdout, stderr string
	value          any
	err            error
	took           time.Duration
}

// eval runs src on h under a timeout and collects its output.
func eval(h *host.Host, out, errOut *bytes.Buffer, src string, timeout time.Duration) result {
	out.Reset()
	errOut.Reset()
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	start := time.Now()
	v, err := watch(timeout, func() (any, error) { return h.Eval(ctx, src) })
	return result{stdout: out.String(), stderr: errOut.String(), value: v, err: err, took: time.Since(start)}
}

// hangGrace is how long an evaluation may take past its deadline before
// watch gives up on it.
const hangGrace = 30 * time.Second

// errHung is what watch returns for an evaluation that ignored its
// deadline; it carries a dump of every goroutine.
type errHung struct{ dump string }

func (e *errHung) Error() string {
	return "the evaluation did not return within " + hangGrace.String() + " of its deadline; goroutines:\n" + e.dump
}

// watch runs eval, an evaluation under deadline d, and returns its result;
// if it has not returned hangGrace after d, it returns an *errHung instead
// (and leaves it running: the test fails anyway, and goleak reports it).
func watch(d time.Duration, eval func() (any, error)) (any, error) {
	type outcome struct {
		v   any
		err error
	}
	done := make(chan outcome, 1)
	go func() {
		v, err := eval()
		done <- outcome{v, err}
	}()
	t := time.NewTimer(d + hangGrace)
	defer t.Stop()
	select {
	case o := <-done:
		return o.v, o.err
	case <-t.C:
		buf := make([]byte, 1<<22)
		return nil, &errHung{dump: string(buf[:runtime.Stack(buf, true)])}
	}
}

// newHost makes a host that prints into fresh buffers, closed when the
// test ends.
func newHost(t testing.TB, opts ...host.Option) (*host.Host, *bytes.Buffer, *bytes.Buffer) {
	t.Helper()
	var out, errOut bytes.Buffer
	// The stress scripts hold more threads alive at once than the default
	// limit (1,000 workers plus consumers, batches of 2,000).
	opts = append([]host.Option{host.WithStdout(&out), host.WithStderr(&errOut), host.WithMaxThreads(10_000)}, opts...)
	h, err := host.New(opts...)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = h.Close() })
	return h, &out, &errOut
}
