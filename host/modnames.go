package host

import (
	"github.com/dop251/goja"
	"github.com/dop251/goja_nodejs/require"
	"github.com/jsrun/jsrun/internal/jsutil"
)

// namedExports wraps the loader of one of goja_nodejs's modules so that
// each function it exports is named after its key: goja names them after
// their Go functions, which no script should see.
func namedExports(load require.ModuleLoader) require.ModuleLoader {
	return func(rt *goja.Runtime, module *goja.Object) {
		load(rt, module)
		exports, ok := module.Get("exports").(*goja.Object)
		if !ok {
			return
		}
		for _, key := range exports.Keys() {
			if fn, ok := exports.Get(key).(*goja.Object); ok {
				if _, isFn := goja.AssertFunction(fn); isFn {
					jsutil.SetName(rt, fn, key)
				}
			}
		}
	}
}

// sameModule is the loader of an alias ("node:util" for "util"): the one
// module object, as in Node, rather than a second copy.
func sameModule(name string) require.ModuleLoader {
	return func(rt *goja.Runtime, module *goja.Object) {
		_ = module.Set("exports", require.Require(rt, name))
	}
}
