package path

import (
	_ "embed"
	"os"

	"github.com/dop251/goja"
	"github.com/dop251/goja_nodejs/require"
	"github.com/jsrun/jsrun/internal/jsmod"
	"github.com/jsrun/jsrun/internal/jsutil"
)

//go:embed path.js
var pathJS string

var source = jsmod.New("node:path", pathJS)

// Loader is the loader of "path" (and "node:path"). cwd is the working
// directory path.resolve starts from (os.Getwd if nil); inspect formats
// values in error messages (a stand-in if nil).
func Loader(cwd func() string, inspect jsmod.Inspector) require.ModuleLoader {
	if cwd == nil {
		cwd = func() string {
			dir, err := os.Getwd()
			if err != nil {
				return "/"
			}
			return dir
		}
	}
	return func(rt *goja.Runtime, module *goja.Object) {
		natives := jsmod.Natives(rt, inspect)
		_ = natives.Set("cwd", jsutil.Func(rt, "cwd", func(goja.FunctionCall) goja.Value { return rt.ToValue(cwd()) }))
		source.MustLoad(rt, module.Get("exports").(*goja.Object), natives)
	}
}
