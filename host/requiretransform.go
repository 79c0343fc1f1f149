package host

import (
	"errors"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/dop251/goja"
	"github.com/jsrun/jsrun/internal/engine"
	"github.com/jsrun/jsrun/internal/jsutil"
	"github.com/jsrun/jsrun/transform"
)

// require runs what transform makes of a file: TypeScript stripped, the
// syntax goja refuses lowered. Plain CommonJS runs as it is. An ES module
// is evaluated by the runtime's esm.Linker and require returns its
// namespace, as Node 22.12 does; one that awaits at top level is
// ERR_REQUIRE_ASYNC_MODULE.

// requireESMKey names, on a runtime's global object, the function the
// stand-in of a required ES module calls.
const requireESMKey = "jsrun.requireESM"

// requireESMStub stands, for require, in place of an ES module's code.
const requireESMStub = "module.exports = globalThis[Symbol.for(\"" + requireESMKey + "\")](__filename);\n"

// installRequireESM gives r the function requireESMStub calls.
func (h *Host) installRequireESM(r *engine.Runtime) {
	rt := r.RT
	fn := rt.ToValue(func(path string) goja.Value {
		p := h.linkerOf(r).Import(path)
		switch p.State() {
		case goja.PromiseStateFulfilled:
			return p.Result()
		case goja.PromiseStateRejected:
			markHandled(rt, p)
			panic(p.Result())
		}
		e := newError(rt, "Error", "require() cannot be used on an ESM graph with top-level await. Use import() instead. To see where the top-level await comes from, use --experimental-print-required-tla.\n  From "+path)
		_ = e.Set("code", "ERR_REQUIRE_ASYNC_MODULE")
		panic(e)
	}).(*goja.Object)
	jsutil.SetName(rt, fn, "require")
	if key := symbolFor(rt, requireESMKey); key != nil {
		_ = rt.GlobalObject().DefineDataPropertySymbol(key, fn, goja.FLAG_FALSE, goja.FLAG_FALSE, goja.FLAG_FALSE)
	}
}

// symbolFor is Symbol.for(key) in rt, before any script could change it.
func symbolFor(rt *goja.Runtime, key string) *goja.Symbol {
	sym, ok := rt.Get("Symbol").(*goja.Object)
	if !ok {
		return nil
	}
	forFn, ok := goja.AssertFunction(sym.Get("for"))
	if !ok {
		return nil
	}
	v, err := forFn(sym, rt.ToValue(key))
	if err != nil {
		return nil
	}
	s, _ := v.(*goja.Symbol)
	return s
}

// sourceExt are the extensions of the files require transforms: not
// package.json, source maps or data files, which its loader reads too.
var sourceExt = map[string]bool{".js": true, ".cjs": true, ".mjs": true, ".ts": true, ".cts": true, ".mts": true}

// requireTransform returns the code require runs for the file at path, or
// nil to run src as it is.
func (h *Host) requireTransform(path string, src []byte) ([]byte, error) {
	if !sourceExt[strings.ToLower(filepath.Ext(path))] {
		return nil, nil
	}
	res, err := h.transformFile(path, string(src))
	var se *transform.SyntaxError
	switch {
	case errors.As(err, &se) && gojaReportsSyntax(path, string(src)):
		return nil, nil // goja reports it, as before modules existed
	case err != nil:
		return nil, err
	case res.Kind == transform.Module:
		return []byte(requireESMStub), nil
	case res.Plain:
		return nil, nil
	}
	return []byte(res.Code), nil
}

// transformRequireError is what require throws for an error of the
// transform, or nil for another error.
func transformRequireError(rt *goja.Runtime, err error) goja.Value {
	var se *transform.SyntaxError
	switch {
	case errors.Is(err, transform.ErrTooDeep):
		return newError(rt, "RangeError", transform.ErrTooDeep.Error())
	case errors.As(err, &se):
		msg := se.Message + " (" + se.File + ":" + strconv.Itoa(se.Line) + ":" + strconv.Itoa(se.Column) + ")"
		e := newError(rt, "SyntaxError", msg)
		_ = e.Set("stack", se.Frame()+"\n\nSyntaxError: "+msg)
		return e
	}
	return nil
}
