package clone

import (
	"sync/atomic"
	"testing"
)

// Every task runs exactly once, whatever the number of goroutines, and a
// panic in one task is returned without losing the others' work.
func TestFanOutTasks(t *testing.T) {
	for _, workers := range []int{1, 2, 3, 8} {
		for _, tasks := range []int{0, 1, 2, 7, 64} {
			counts := make([]atomic.Int32, tasks)
			if p := fanOutTasks(workers, tasks, func(t int) { counts[t].Add(1) }); p != nil {
				t.Fatalf("workers %d tasks %d: panic %v", workers, tasks, p)
			}
			for i := range counts {
				if n := counts[i].Load(); n != 1 {
					t.Errorf("workers %d tasks %d: task %d ran %d times", workers, tasks, i, n)
				}
			}
		}
	}
	var ran atomic.Int32
	p := fanOutTasks(2, 16, func(t int) {
		if t == 3 {
			panic("task 3")
		}
		ran.Add(1)
	})
	if p != "task 3" {
		t.Errorf("panic = %v, want task 3", p)
	}
	if n := ran.Load(); n < 1 || n > 15 {
		t.Errorf("%d tasks ran besides the panicking one", n)
	}
}
