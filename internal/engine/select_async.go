package engine

import (
	"context"
	"time"

	"github.com/dop251/goja"
	"github.com/jsrun/jsrun/clone"
)

// selectAsync is threads.selectAsync: select without blocking the runtime.
// Its waiters notify instead of waking a goroutine; the case that wins is
// finished on the runtime's loop (a job under the locks). Until then an
// item a get case won is only lent: if the runtime stops first, it goes
// back to the front of its queue, as with getAsync.
func (lib *library) selectAsync(cases []*selCase, block bool, timeout time.Duration, signal *abortWatch, what string) goja.Value {
	r := lib.r
	p, settle := lib.asyncResult()
	out := selectOutcome{index: -1, cases: cases}
	result := func(out selectOutcome) {
		settle(func() (res goja.Value, err error) {
			defer catchThrown(&res, &err)
			if out.e == fifoAborted {
				lib.throwAborted(signal)
			}
			return lib.selectResult(out, what), nil
		})
	}
	if r.ctx.Err() != nil {
		out.e = fifoStopped
		result(out)
		return p
	}
	locks := selectLocks(cases)
	lockAll(locks)
	if i := tryCases(cases, &out); i >= 0 {
		unlockAll(locks)
		out.index = i
		result(out)
		return p
	}
	if !block {
		unlockAll(locks)
		out.e = fifoEmpty
		result(out)
		return p
	}
	st := &selectState{}
	var (
		cancelTimer func()
		removeAbort func()
		stopCtx     func() bool
		finished    bool // guarded by the locks: the outcome is decided and taken
	)
	cleanup := func() { // on the loop
		if cancelTimer != nil {
			cancelTimer()
		}
		if removeAbort != nil {
			removeAbort()
		}
		if stopCtx != nil {
			stopCtx()
		}
	}
	// giveUp ends the select with e unless a case has won; on the loop.
	giveUp := func(e fifoError) {
		if !st.won.CompareAndSwap(nil, selectGaveUp) {
			return
		}
		lockAll(locks)
		dequeue(cases)
		finished = true
		unlockAll(locks)
		cleanup()
		result(selectOutcome{index: -1, e: e, cases: cases})
	}
	// won finishes the case that won, on the loop.
	won := func() error {
		lockAll(locks)
		dequeue(cases)
		if finished { // the runtime stopped first: its item went back
			unlockAll(locks)
			return nil
		}
		finished = true
		w := st.won.Load()
		o := selectOutcome{index: -1, cases: cases}
		if w.withdrawn || r.ctx.Err() != nil {
			if v, ok := w.item.(*clone.Snapshot); ok && !w.withdrawn {
				for _, c := range cases {
					if c.w == w && c.kind == caseGet {
						c.q.giveBack(v)
					}
				}
			}
			o.e = fifoStopped
		} else {
			for i, c := range cases {
				if c.w == w {
					o.index, o.item = i, w.item
				}
			}
		}
		unlockAll(locks)
		cleanup()
		result(o)
		return nil
	}
	enqueue(r, cases, st, waiter{notify: func() { r.Loop.Post(won) }})
	unlockAll(locks)
	// The runtime's end: a get case's item handed over and not yet taken
	// goes back.
	stopCtx = contextAfter(r, func() {
		if st.won.CompareAndSwap(nil, selectGaveUp) {
			lockAll(locks)
			dequeue(cases)
			finished = true
			unlockAll(locks)
			result(selectOutcome{index: -1, e: fifoStopped, cases: cases})
			return
		}
		lockAll(locks)
		if !finished {
			finished = true
			dequeue(cases)
			w := st.won.Load()
			if v, ok := w.item.(*clone.Snapshot); ok && !w.withdrawn {
				for _, c := range cases {
					if c.w == w && c.kind == caseGet {
						c.q.giveBack(v)
					}
				}
			}
			result(selectOutcome{index: -1, e: fifoStopped, cases: cases})
		}
		unlockAll(locks)
	})
	if timeout > 0 {
		cancelTimer = r.Loop.Timer(timeout, true, func() error { giveUp(fifoTimeout); return nil })
	}
	if signal != nil {
		var err error
		removeAbort, err = lib.signals().OnAbort(signal.signal, func(goja.Value) { giveUp(fifoAborted) })
		if err != nil {
			lib.throw(err)
		}
	}
	return p
}

// contextAfter runs f on its own goroutine once r must stop; the returned
// function unregisters it.
func contextAfter(r *Runtime, f func()) func() bool { return context.AfterFunc(r.ctx, f) }
