package host

import (
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
// holds: the directory of WithFileSystem, the compiled scripts and the
// instances of its Programs. Any
// later evaluation fails with ErrClosed at once. Close returns the error of
// closing the directory; a second Close does nothing.
//
// A goroutine abandoned by an evaluation (see "Stuck goroutines") may run
// on after Close; a file operation it makes then fails.
func (h *Host) Close() error {
	if !h.life.close(func() { h.env.Close(ErrClosed) }) {
		return nil
	}
	h.closeNetwork()
	h.closePrograms()
	if h.opts.cluster != nil {
		h.opts.cluster.close()
	}
	return h.closeFiles()
}

// lifetime is a Host's open or closed state and the evaluations it runs
// (the Env stops them; the lifetime waits for them to return).
type lifetime struct {
	mu      sync.Mutex
	closed  bool
	running sync.WaitGroup
}

// begin starts an evaluation. Call end when it has returned.
func (l *lifetime) begin() (end func(), _ error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.closed {
		return nil, fmt.Errorf("jsrun: %w", ErrClosed)
	}
	l.running.Add(1)
	return l.running.Done, nil
}

// close runs stop, which ends every evaluation, and waits for them, at
// most closeWait. It reports false when the host was closed already.
func (l *lifetime) close(stop func()) bool {
	l.mu.Lock()
	if l.closed {
		l.mu.Unlock()
		return false
	}
	l.closed = true
	l.mu.Unlock()
	stop()
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
