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

// fanOutTasks runs f(0) ... f(tasks-1) on the calling goroutine and
// workers-1 helpers, each taking the next task not yet taken until none is
// left, and returns when all are done. A goroutine that gets less of the
// CPU (the collector's worker, another process) then does fewer tasks
// instead of holding everyone up at the end, as an equal split would. A
// Go panic is recovered as by fanOut; the panicking goroutine stops
// taking tasks, and the first panic is returned.
func fanOutTasks(workers, tasks int, f func(task int)) (panicked any) {
	var next atomic.Int64
	return fanOut(min(workers, tasks), func(int) {
		for t := int(next.Add(1) - 1); t < tasks; t = int(next.Add(1) - 1) {
			f(t)
		}
	})
}
