package clone

// Building the plain objects and arrays of a big snapshot on several
// goroutines at once.
//
// Most of a restore of JSON-like data is allocation: a goja object is a
// few hundred bytes in five or six heap blocks (the Object, its
// representation, a property map and its group, the ordered key list), and
// Go's allocator scales with the cores that call it. Nothing else is
// shared: creating a plain object or an array only reads the runtime's
// prototypes, and filling a fresh plain object (fillFresh) writes that
// object alone, so runs no JavaScript and touches no other state of the
// runtime. So, for a snapshot with many such objects, the owner goroutine
// splits the node range with a few helpers, in two steps separated by a
// barrier:
//
//  1. create every plain object empty, and every dense array whose
//     elements are all primitives complete;
//  2. fill every plain object all of whose children now exist.
//
// The passes that follow on the owner goroutine (arrays of objects, Maps,
// Sets, cycles, keys a Go string cannot carry) skip what is done.

import (
	"fmt"

	"github.com/dop251/goja"
)

// parallelMin is how many plain objects and arrays a snapshot needs for
// Restore to build them on several goroutines: below it, starting helpers
// costs more than it saves.
const parallelMin = 4096

// maxHelpers bounds the goroutines one restore uses besides its own.
const maxHelpers = 3

// A parallel build splits the nodes into tasks of at least taskNodes
// nodes, tasksPerWorker per goroutine, taken in turn (see fanOutTasks).
const (
	taskNodes      = 512
	tasksPerWorker = 8
)

// helpers says how many goroutines besides the caller's should share the
// build of a snapshot with nplain plain objects and arrays: none for a
// small one, when there is one CPU, or when goja's layout is unknown
// (fillFresh is then unavailable).
func helpers(nplain int) int {
	if nplain < parallelMin || !gi.ok {
		return 0
	}
	return min(parallelism()-1, maxHelpers, nplain/parallelMin)
}

// buildParallel runs the two steps above over the nodes, split among the
// caller and k helpers. A Go panic in any of them (a bug) becomes an
// error rather than killing the process from a goroutine nothing recovers.
func (r *restorer) buildParallel(k int) error {
	// goja makes Array.prototype on first use: make it here, on the
	// owner goroutine, so that the helpers only read it.
	r.rt.NewArray()
	num := int(r.s.nnodes)
	tasks := min(num/taskNodes, (k+1)*tasksPerWorker)
	run := func(f func(lo, hi int32)) any {
		return fanOutTasks(k+1, tasks, func(t int) {
			if t > 0 && helperFault != nil {
				helperFault()
			}
			f(int32(num*t/tasks), int32(num*(t+1)/tasks))
		})
	}
	failure := run(r.createPlain)
	if failure == nil {
		failure = run(r.fillPlain)
	}
	if failure != nil {
		return &DataCloneError{Reason: fmt.Sprint("cannot restore: internal error in a parallel build: ", failure)}
	}
	parallelStats.built.Add(1)
	return nil
}

// createPlain is step 1 for nodes [lo, hi).
func (r *restorer) createPlain(lo, hi int32) {
	for i := lo; i < hi; i++ {
		n := r.s.node(i)
		switch n.kind {
		case kObject:
			r.objs[i] = r.rt.NewObject()
		case kArray:
			if n.sub&holey != 0 {
				continue
			}
			if !primitivesOnly(n.slots[:n.nIdx]) {
				continue // an object among them: made later, on the owner goroutine
			}
			vals := make([]goja.Value, n.nIdx)
			for j := range vals {
				vals[j] = n.slots[j].v
			}
			r.filledArray(i, n)
			r.objs[i] = arrayOf(r.rt, vals)
		}
	}
}

// fillPlain is step 2 for nodes [lo, hi).
func (r *restorer) fillPlain(lo, hi int32) {
	var vals []goja.Value
	var slab nameSlab
	for i := lo; i < hi; i++ {
		n := r.s.node(i)
		if n.kind != kObject {
			continue
		}
		if _, lossy := n.extra.(map[int32]goja.Value); lossy {
			continue
		}
		vals = vals[:0]
		complete := true
		for j := range n.slots {
			sl := &n.slots[j]
			switch {
			case sl.v != nil:
				vals = append(vals, sl.v)
			case sl.ref == skipped:
				vals = append(vals, nil)
			case r.objs[sl.ref] != nil:
				vals = append(vals, r.objs[sl.ref])
			default:
				complete = false
			}
			if !complete {
				break
			}
		}
		if !complete {
			continue
		}
		_, p := selfWords(r.objs[i].(*goja.Object))
		if fillFresh(p, n.keys, vals, &slab) {
			r.done(i)
		}
	}
}

// primitivesOnly reports whether slots hold primitives only.
func primitivesOnly(slots []slot) bool {
	for i := range slots {
		if slots[i].v == nil {
			return false
		}
	}
	return true
}
