package eventloop

// Reopen readies a loop whose Run has returned for another Run, so that
// one runtime can serve many evaluations (a host's Program). What the
// last Run left is gone already: Run drops its jobs and timers as it
// returns. It reports false, and leaves the loop closed, while a
// registration of the last Run is outstanding: its callback could
// otherwise queue a job of the last run into the next. Call it on the
// loop's goroutine, between runs.
func (l *Loop) Reopen() bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.pending != 0 {
		return false
	}
	l.closed = false
	l.idling = false
	l.jobs = nil
	l.err = nil
	clear(l.byID)
	select { // a wake-up left from the last run would only cost a turn
	case <-l.wakeup:
	default:
	}
	return true
}

// Stop interrupts the runtime wherever it is, with cause, and wakes the
// loop, as Run does when its context ends. Any goroutine may call it.
func (l *Loop) Stop(cause error) {
	l.rt.Interrupt(cause)
	l.wake()
}
