package eventloop

import "time"

// Timer runs job on the loop after d, in the queue of setTimeout's timers
// (d is rounded as setTimeout rounds its delay: below 1 ms or past 2^31-1 ms
// it is 1 ms). It is how Go code (timers/promises, AbortSignal.timeout)
// waits without a goroutine and in order with the script's own timers. A
// ref'd timer keeps the loop alive; one that is not does not, as Node's
// timer.unref(): the loop may finish without running it. The returned
// function cancels the timer; calling it again, or after the timer ran,
// does nothing. Timer and its cancel belong to the loop's goroutine.
func (l *Loop) Timer(d time.Duration, ref bool, job Job) (cancel func()) {
	if d < time.Millisecond || d > maxDelay*time.Millisecond {
		d = time.Millisecond
	}
	t := l.newTimer(nil, nil, 0)
	t.job = job
	t.when = now() + int64(d)
	t.unref = !ref
	l.timers.push(t)
	if t.unref {
		l.unrefs++
	}
	id := t.id
	return func() { l.clearID(id) }
}

// Immediate runs job on the loop after the current macrotask, in the queue
// of setImmediate's callbacks. The returned function cancels it. Both
// belong to the loop's goroutine.
func (l *Loop) Immediate(job Job) (cancel func()) {
	t := l.newTimer(nil, nil, 0)
	t.job = job
	l.immediates = append(l.immediates, t)
	id := t.id
	return func() { l.clearID(id) }
}
