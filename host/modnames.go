package host

import (
	"github.com/dop251/goja"
	"github.com/dop251/goja_nodejs/require"
)

// sameModule is the loader of an alias ("node:util" for "util"): the one
// module object, as in Node, rather than a second copy.
func sameModule(name string) require.ModuleLoader {
	return func(rt *goja.Runtime, module *goja.Object) {
		_ = module.Set("exports", require.Require(rt, name))
	}
}
