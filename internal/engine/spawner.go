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
type spawner struct {
	jobs     chan func() bool
	reserved atomic.Int64 // idle goroutines each promised to take one job
	quit     chan struct{}
	wg       sync.WaitGroup
	maxIdle  int64
}

func newSpawner() *spawner {
	n := int64(2 * runtime.GOMAXPROCS(0))
	if n < 4 {
		n = 4
	}
	return &spawner{jobs: make(chan func() bool, n), quit: make(chan struct{}), maxIdle: n}
}

// spawn runs f on an idle goroutine, or on a new one. f reports false
// when its goroutine was abandoned: release has counted it out already,
// and it ends without taking more work.
func (s *spawner) spawn(f func() bool) {
	if s.unreserve() {
		s.jobs <- f // cannot block: at most maxIdle reservations, and the channel holds as many
		return
	}
	s.wg.Add(1)
	go s.work(f)
}

func (s *spawner) work(f func() bool) {
	abandoned := false
	defer func() {
		if !abandoned { // an abandoned goroutine was counted out by release
			s.wg.Done()
		}
	}()
	for {
		if abandoned = !f(); abandoned {
			return
		}
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
