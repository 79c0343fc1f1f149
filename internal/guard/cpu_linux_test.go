package guard_test

import (
	"fmt"
	"runtime"
	"sort"
	"syscall"
	"testing"
	"time"
	"unsafe"

	"github.com/dop251/goja"
	"github.com/jsrun/jsrun/internal/guard"
)

// threadCPU is the CPU time of the calling OS thread: unlike wall time it
// does not count the time the machine gives to other processes, so that
// an A/B comparison holds on a busy machine.
func threadCPU() time.Duration {
	var ts syscall.Timespec
	const clockThreadCPUTimeID = 3
	if _, _, errno := syscall.Syscall(syscall.SYS_CLOCK_GETTIME, clockThreadCPUTimeID, uintptr(unsafe.Pointer(&ts)), 0); errno != 0 {
		panic(errno)
	}
	return time.Duration(ts.Nano())
}

func median(ds []time.Duration) time.Duration {
	sort.Slice(ds, func(i, j int) bool { return ds[i] < ds[j] })
	return ds[len(ds)/2]
}

// BenchmarkOrdinaryCPU compares each ordinary call with and without the
// guards in alternated rounds of thread CPU time, and reports the medians
// (plain-ns/op, guarded-ns/op) and their ratio. b.N is ignored past one
// run: the rounds are the measure.
//
//	go test ./internal/guard -run '^$' -bench OrdinaryCPU -benchtime 1x
func BenchmarkOrdinaryCPU(b *testing.B) {
	for _, c := range ordinary {
		b.Run(c.name, func(b *testing.B) {
			runtime.LockOSThread()
			defer runtime.UnlockOSThread()
			const rounds = 31
			calls := 1
			progs := [2]goja.Callable{}
			for i := range progs {
				rt := goja.New()
				if i == 1 {
					guard.Install(rt)
				}
				if _, err := rt.RunString(c.setup); err != nil {
					b.Fatal(err)
				}
				f, err := rt.RunString(fmt.Sprintf("(n) => { for (let i = 0; i < n; i++) { %s } }", c.expr))
				if err != nil {
					b.Fatal(err)
				}
				progs[i], _ = goja.AssertFunction(f)
			}
			// Enough calls for a round of about 2 ms.
			for {
				t0 := threadCPU()
				if _, err := progs[0](goja.Undefined(), goja.New().ToValue(calls)); err != nil {
					b.Fatal(err)
				}
				if threadCPU()-t0 > 2*time.Millisecond || calls > 1<<20 {
					break
				}
				calls *= 2
			}
			n := goja.New().ToValue(calls) // an integer, the same in every runtime
			for _, p := range progs {      // warm up
				if _, err := p(goja.Undefined(), n); err != nil {
					b.Fatal(err)
				}
			}
			var took [2][]time.Duration
			for r := 0; r < rounds; r++ {
				for k := range progs {
					i := (k + r) % 2 // alternate which goes first
					p := progs[i]
					t0 := threadCPU()
					if _, err := p(goja.Undefined(), n); err != nil {
						b.Fatal(err)
					}
					took[i] = append(took[i], (threadCPU()-t0)/time.Duration(calls))
				}
			}
			plain, guarded := median(took[0]), median(took[1])
			b.ReportMetric(float64(plain), "plain-ns/op")
			b.ReportMetric(float64(guarded), "guarded-ns/op")
			b.ReportMetric(float64(guarded)/float64(plain), "ratio")
		})
	}
}

// BenchmarkInstallCPU is Install's cost to a new runtime, the same way.
func BenchmarkInstallCPU(b *testing.B) {
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	const n, rounds = 200, 31
	var took [2][]time.Duration
	for r := 0; r < rounds; r++ {
		for k := range took {
			i := (k + r) % 2
			t0 := threadCPU()
			for j := 0; j < n; j++ {
				rt := goja.New()
				if i == 1 {
					guard.Install(rt)
				}
			}
			took[i] = append(took[i], (threadCPU()-t0)/n)
		}
	}
	b.ReportMetric(float64(median(took[0])), "new-ns")
	b.ReportMetric(float64(median(took[1])), "new+install-ns")
}
