package engine

import (
	"errors"
	"fmt"
	"sync"
	"time"

	"github.com/dop251/goja"
)

// WaitGroup is threads.WaitGroup, Go's sync.WaitGroup for scripts. A
// counter that would go negative throws in the caller instead of crashing
// the process, and wait() returns with CancelledError or TimeoutError when
// its runtime must stop or its timeout passes.
type WaitGroup struct {
	mu      sync.Mutex
	n       int64
	waiters []*waiter
}

func (wg *WaitGroup) face(lib *library) *goja.Object { return lib.newFace(waitGroupClass) }

func waitGroupThis(lib *library, this goja.Value, m string) *WaitGroup {
	return thisOf[*WaitGroup](lib, this, "WaitGroup", m)
}

// count is the counter.
func (wg *WaitGroup) count() int64 {
	wg.mu.Lock()
	defer wg.mu.Unlock()
	return wg.n
}

// add changes the counter; at zero it wakes every waiter. It refuses a
// counter that would go negative or past 2^53-1.
func (wg *WaitGroup) add(delta int64) error {
	wg.mu.Lock()
	defer wg.mu.Unlock()
	n := wg.n + delta
	switch {
	case n < 0:
		return errNegative
	case n > maxSafe:
		return errTooLarge
	}
	wg.n = n
	if n == 0 {
		for _, w := range wg.waiters {
			w.wake()
		}
		wg.waiters = nil
	}
	return nil
}

var (
	errNegative = errors.New("the counter would go negative")
	errTooLarge = errors.New("the counter would pass 2^53-1")
)

// addOrThrow is add for WaitGroup.method, throwing its refusal.
func (wg *WaitGroup) addOrThrow(lib *library, delta int64, method string) {
	switch err := wg.add(delta); {
	case errors.Is(err, errNegative) && method == "done":
		lib.throwFault(&Fault{Name: "Error", Message: "WaitGroup.done: called more times than add() counted (the counter would go negative)"})
	case errors.Is(err, errNegative):
		lib.throwFault(&Fault{Name: "Error", Message: fmt.Sprintf("WaitGroup.add: the counter would go negative (adding %d)", delta)})
	case err != nil:
		lib.rangeError("WaitGroup.%s: %v", method, err)
	}
}

// wait blocks until the counter is zero, the runtime must stop, or timeout
// (when positive) passes.
func (wg *WaitGroup) wait(lib *library, what string, timeout time.Duration) {
	wg.waitStop(lib, what, timeout, nil)
}

// waitStop is wait that stop (a {signal}: see signal.go) also ends: then it
// reports false.
func (wg *WaitGroup) waitStop(lib *library, what string, timeout time.Duration, stop <-chan struct{}) bool {
	wg.mu.Lock()
	if wg.n == 0 {
		wg.mu.Unlock()
		return true
	}
	w := newWaiter(lib.r)
	w.stop = stop
	wg.waiters = append(wg.waiters, w)
	if timeout == 0 {
		w.sleep(what)
	}
	wg.mu.Unlock()
	if !w.block(&wg.mu, timeout, func() { wg.waiters = removeWaiter(wg.waiters, w) }) {
		if lib.r.ctx.Err() != nil {
			lib.throwFault(cancelFault(lib.r.ctx, what))
		}
		if closed(stop) {
			return false
		}
		lib.throwFault(&Fault{Name: TimeoutError, Message: what + ": timed out"})
	}
	return true
}

var waitGroupClass = &class{
	name: "WaitGroup",
	construct: func(lib *library, c goja.FunctionCall) refHolder {
		return &WaitGroup{}
	},
	methods: []method{
		{"add", func(lib *library, this goja.Value, c goja.FunctionCall) goja.Value {
			wg := waitGroupThis(lib, this, "add")
			wg.addOrThrow(lib, lib.optionalInt(c.Argument(0), 1, "WaitGroup.add: argument 'delta'"), "add")
			return goja.Undefined()
		}},
		{"done", func(lib *library, this goja.Value, c goja.FunctionCall) goja.Value {
			waitGroupThis(lib, this, "done").addOrThrow(lib, -1, "done")
			return goja.Undefined()
		}},
		{"wait", func(lib *library, this goja.Value, c goja.FunctionCall) goja.Value {
			wg := waitGroupThis(lib, this, "wait")
			a := lib.signalOption(c.Argument(0), "WaitGroup.wait")
			if !wg.waitStop(lib, "WaitGroup.wait", lib.timeoutOption(c.Argument(0), "WaitGroup.wait"), a.stop()) {
				lib.throwAborted(a)
			}
			return goja.Undefined()
		}},
		{"waitAsync", func(lib *library, this goja.Value, c goja.FunctionCall) goja.Value {
			wg := waitGroupThis(lib, this, "waitAsync")
			p, settle := lib.asyncResult()
			resolve := func() { settle(func() (goja.Value, error) { return goja.Undefined(), nil }) }
			wg.mu.Lock()
			defer wg.mu.Unlock()
			if wg.n == 0 {
				resolve()
				return p
			}
			w := &waiter{notify: resolve}
			wg.waiters = append(wg.waiters, w)
			withdrawOnCancel(lib.r.ctx, &wg.mu, w, &wg.waiters)
			return p
		}},
	},
	getters: []method{
		{"count", func(lib *library, this goja.Value, c goja.FunctionCall) goja.Value {
			return lib.r.RT.ToValue(waitGroupThis(lib, this, "count").count())
		}},
	},
}
