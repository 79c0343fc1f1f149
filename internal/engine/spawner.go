package engine

import (
	"runtime"
	"sync"
	"sync/atomic"
)

// spawner runs each thread on a goroutine that has run one before, when
// one is idle. A fresh runtime must be fresh, but its goroutine need not
// be: a new goroutine's stack grows several times under goja's VM, which
// costs more than the rest of a small thread (about 12 µs against 4 µs
// measured here). Idle goroutines live until their evaluation ends.
//
// A goroutine that has run its thread makes a blank runtime (see blank)
// before it waits for the next, and gives it to that thread: making one
// is most of a small thread's cost, and this way it runs while the
// thread's caller goes on, on another core, instead of after the caller
// has started the thread. The runtime is still fresh: no code ran in it.
// Only a goroutine that retires wastes one (issue 20).
type spawner struct {
	jobs     chan job
	blank    func() *blank // makes the blank runtimes; nil: none ahead
	reserved atomic.Int64  // idle goroutines each promised to take one job
	quit     chan struct{}
	wg       sync.WaitGroup
	maxIdle  int64
}

// job runs one thread from b, a blank runtime made for it, or nil (the
// job makes its own).
type job func(b *blank) bool

func newSpawner(blank func() *blank) *spawner {
	n := int64(2 * runtime.GOMAXPROCS(0))
	if n < 4 {
		n = 4
	}
	return &spawner{jobs: make(chan job, n), quit: make(chan struct{}), maxIdle: n, blank: blank}
}

// spawn runs f on an idle goroutine, or on a new one. f reports false
// when its goroutine was abandoned: release has counted it out already,
// and it ends without taking more work.
func (s *spawner) spawn(f job) {
	if s.unreserve() {
		s.jobs <- f // cannot block: at most maxIdle reservations, and the channel holds as many
		return
	}
	s.wg.Add(1)
	go s.work(f)
}

func (s *spawner) work(f job) {
	abandoned := false
	defer func() {
		if !abandoned { // an abandoned goroutine was counted out by release
			s.wg.Done()
		}
	}()
	var b *blank
	for {
		if abandoned = !f(b); abandoned {
			return
		}
		b = s.ahead()
		if s.reserved.Add(1) > s.maxIdle {
			if s.unreserve() {
				return
			}
		}
		select {
		case f = <-s.jobs:
			continue
		case <-s.quit:
		}
		if s.unreserve() {
			return
		}
		f = <-s.jobs // a spawn claimed this reservation: its job is on the way
	}
}

// ahead makes the blank runtime of this goroutine's next thread, unless
// none are made ahead, the evaluation is ending, or the goroutine is
// likely to retire. A failure to make one is left to the thread, which
// makes its own and reports it.
func (s *spawner) ahead() (b *blank) {
	if s.blank == nil || s.reserved.Load() >= s.maxIdle {
		return nil
	}
	select {
	case <-s.quit:
		return nil
	default:
	}
	defer func() {
		if recover() != nil {
			b = nil
		}
	}()
	return s.blank()
}

// unreserve withdraws one reservation; false when every reservation has
// been claimed, so that a job is owed to this goroutine.
func (s *spawner) unreserve() bool {
	for {
		n := s.reserved.Load()
		if n <= 0 {
			return false
		}
		if s.reserved.CompareAndSwap(n, n-1) {
			return true
		}
	}
}

// release counts out a goroutine abandoned in its job: stop does not
// wait for it.
func (s *spawner) release() { s.wg.Done() }

// stop ends the idle goroutines and waits for all of them. Call it when no
// spawn can happen any more.
func (s *spawner) stop() {
	close(s.quit)
	s.wg.Wait()
}
