package host

import "github.com/dop251/goja"

// perRuntime returns what build makes in rt, made once per runtime and
// kept on rt's global object under key, a symbol no script can name. A
// value that is both a global and a module's exports (console, Buffer)
// is one object this way, as in Node.
func perRuntime(rt *goja.Runtime, key *goja.Symbol, build func() *goja.Object) *goja.Object {
	g := rt.GlobalObject()
	if o, ok := g.GetSymbol(key).(*goja.Object); ok {
		return o
	}
	o := build()
	_ = g.DefineDataPropertySymbol(key, o, goja.FLAG_FALSE, goja.FLAG_FALSE, goja.FLAG_FALSE)
	return o
}
