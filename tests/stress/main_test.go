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
	"testing"
	"time"

	"github.com/jsrun/jsrun/host"
	"go.uber.org/goleak"
)

func TestMain(m *testing.M) { goleak.VerifyTestMain(m) }

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
	v, err := h.Eval(ctx, src)
	return result{stdout: out.String(), stderr: errOut.String(), value: v, err: err, took: time.Since(start)}
}

// newHost makes a host that prints into fresh buffers.
func newHost(opts ...host.Option) (*host.Host, *bytes.Buffer, *bytes.Buffer) {
	var out, errOut bytes.Buffer
	opts = append([]host.Option{host.WithStdout(&out), host.WithStderr(&errOut)}, opts...)
	return host.New(opts...), &out, &errOut
}
