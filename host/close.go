package host

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"time"

	"github.com/jsrun/jsrun/threads"
)

// ErrClosed is wrapped by the error of an evaluation that Close stopped,
// and of every evaluation asked of a closed Host.
var ErrClosed = errors.New("host closed")

// closeWait bounds how long Close waits for the evaluations it stopped.
// A stopped evaluation returns within threads.AbandonAfter, its stuck
// goroutines abandoned; one that does not is running the very callback
// that called Close, and would wait for itself.
const closeWait = 2 * threads.AbandonAfter

// Close stops the evaluations still running, which return an error
// wrapping ErrClosed, waits for them to return, and releases what the host
// holds: the directory of WithFileSystem and the compiled scripts. Any
// later evaluation fails with ErrClosed at once. Close returns the error of
// closing the directory; a second Close does nothing.
//
// A goroutine abandoned by an evaluation (see "Stuck goroutines") may run
// on after Close; a file operation it makes then fails.
func (h *Host) Close() error {
	if !h.life.close() {
		return nil
	}
	h.env.Close()
	return h.closeFiles()
}

// lifetime is a Host's open or closed state and the evaluations it runs.
type lifetime struct {
	ctx    context.Context // ends, with ErrClosed, when the host closes
	cancel context.CancelCauseFunc

	mu      sync.Mutex
	closed  bool
	running sync.WaitGroup
}

func (l *lifetime) init() {
	l.ctx, l.cancel = context.WithCancelCause(context.Background())
}

// begin starts an evaluation under ctx: the context it returns ends too
// when the host closes. Call end when the evaluation has returned.
func (l *lifetime) begin(ctx context.Context) (_ context.Context, end func(), _ error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.closed {
		return nil, nil, fmt.Errorf("jsrun: %w", ErrClosed)
	}
	l.running.Add(1)
	ctx, cancel := context.WithCancelCause(ctx)
	stop := context.AfterFunc(l.ctx, func() { cancel(context.Cause(l.ctx)) })
	return ctx, func() {
		stop()
		cancel(nil)
		l.running.Done()
	}, nil
}

// close ends every evaluation and waits for them, at most closeWait. It
// reports false when the host was closed already.
func (l *lifetime) close() bool {
	l.mu.Lock()
	if l.closed {
		l.mu.Unlock()
		return false
	}
	l.closed = true
	l.mu.Unlock()
	l.cancel(ErrClosed)
	done := make(chan struct{})
	go func() {
		l.running.Wait()
		close(done)
	}()
	wait := time.NewTimer(closeWait)
	defer wait.Stop()
	select {
	case <-done:
	case <-wait.C:
	}
	return true
}
