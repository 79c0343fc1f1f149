package clone

import (
	"runtime"
	"sync"
	"sync/atomic"
)

// parallelism is how many goroutines may share one clone's work: the CPUs
// Go may use. Tests change it to force either path.
var parallelism = func() int { return runtime.GOMAXPROCS(0) }

// fanOut runs f(0) on the calling goroutine and f(1) ... f(n-1) each on a
// goroutine of its own, and returns when all are done. A Go panic in any
// of them (a bug) is recovered rather than killing the process from a
// goroutine nothing recovers: the first one is returned.
func fanOut(n int, f func(i int)) (panicked any) {
	var first atomic.Pointer[any]
	guarded := func(i int) {
		defer func() {
			if p := recover(); p != nil {
				first.CompareAndSwap(nil, &p)
			}
		}()
		f(i)
	}
	var wg sync.WaitGroup
	for i := 1; i < n; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			guarded(i)
		}()
	}
	guarded(0)
	wg.Wait()
	if p := first.Load(); p != nil {
		return *p
	}
	return nil
}
