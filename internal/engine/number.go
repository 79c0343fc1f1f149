package engine

import (
	"reflect"
	"sync"

	"github.com/dop251/goja"
	"github.com/jsrun/jsrun/clone"
)

// A number crosses between runtimes as itself. A clone snapshot of one
// stores the very goja value (an immutable Go value, tied to no runtime)
// and its restore returns it, so for a Pool item's argument and a
// thread's result, the most common values by far, the snapshot was only
// an allocation of 200 bytes and a walk on each side. They are still
// counted as clones, of the size a snapshot gives them.
var numbers struct {
	once     sync.Once
	int, flt reflect.Type
	size     int64 // a one-number snapshot's Size; 0: no fast path
}

// passNumber reports whether v can cross as itself under opts, and counts
// it as a clone when it can.
func (lib *library) passNumber(v goja.Value, opts *clone.Options) bool {
	numbers.once.Do(func() { initNumbers(lib.r.RT) })
	if v == nil || numbers.size == 0 {
		return false
	}
	if t := reflect.TypeOf(v); t != numbers.int && t != numbers.flt {
		return false
	}
	if opts != nil && opts.MaxBytes > 0 && numbers.size > opts.MaxBytes {
		return false // the snapshot's refusal, as it words it
	}
	s := &lib.r.group.env.stats
	s.clones.Add(1)
	s.clonedBytes.Add(numbers.size)
	return true
}

func initNumbers(rt *goja.Runtime) {
	i, f := rt.ToValue(int64(1)), rt.ToValue(0.5)
	numbers.int, numbers.flt = reflect.TypeOf(i), reflect.TypeOf(f)
	si, err1 := clone.SnapshotValue(rt, i, "value", nil)
	sf, err2 := clone.SnapshotValue(rt, f, "value", nil)
	if err1 == nil && err2 == nil && si.Size() == sf.Size() && si.Size() > 0 {
		numbers.size = si.Size()
	}
}
