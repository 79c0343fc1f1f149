package engine

import (
	"slices"

	"github.com/dop251/goja"
	"github.com/jsrun/jsrun/internal/jsutil"
)

// threadsObject is the `threads` global: its members are made on first
// access, so that a thread pays only for the parts of the library it
// touches (a native function costs about a microsecond to make).
type threadsObject struct {
	lib     *library
	members map[string]goja.Value
}

var memberNames = append([]string{"run", "spawn", "sleep", "select", "selectAsync", "signal", "Atomic", "Shared", "WaitGroup", "Queue", "Pool", "Group", "stats"}, errorClassNames...)

var classesByName = map[string]*class{
	"Atomic": atomicClass, "Shared": sharedClass, "WaitGroup": waitGroupClass, "Queue": queueClass, "Pool": poolClass, "Group": groupClass,
}

func (d *threadsObject) Get(key string) goja.Value {
	if v, ok := d.members[key]; ok {
		return v
	}
	var v goja.Value
	switch {
	case key == "run":
		v = jsutil.Func(d.lib.r.RT, "run", func(c goja.FunctionCall) goja.Value {
			defer d.lib.recoverGo("threads.run")
			return d.lib.run(c)
		})
	case key == "sleep":
		v = jsutil.Func(d.lib.r.RT, "sleep", func(c goja.FunctionCall) goja.Value {
			defer d.lib.recoverGo("threads.sleep")
			return d.lib.sleep(c)
		})
	case key == "signal":
		return d.lib.threadSignal() // not kept: members holds what a script set
	case key == "spawn" || key == "select" || key == "selectAsync":
		v = d.lib.extraMember(key)
	case key == "stats":
		v = d.lib.statsFunc()
	case classesByName[key] != nil:
		v = d.lib.installClass(classesByName[key]).ctor
	case slices.Contains(errorClassNames, key):
		v = d.lib.errorClass(key)
	default:
		return nil
	}
	d.members[key] = v
	return v
}

func (d *threadsObject) Set(key string, val goja.Value) bool {
	d.members[key] = val
	return true
}

func (d *threadsObject) Has(key string) bool {
	_, ok := d.members[key]
	return ok || slices.Contains(memberNames, key)
}

func (d *threadsObject) Delete(key string) bool {
	d.members[key] = goja.Undefined()
	return true
}

func (d *threadsObject) Keys() []string {
	keys := slices.Clone(memberNames)
	for k := range d.members {
		if !slices.Contains(keys, k) {
			keys = append(keys, k)
		}
	}
	return keys
}
