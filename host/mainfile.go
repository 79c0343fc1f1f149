package host

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"path/filepath"
	"regexp"
	"strings"

	"github.com/dop251/goja"
	"github.com/jsrun/jsrun/internal/engine"
	"github.com/jsrun/jsrun/transform"
)

// A main file runs as Node 22 runs it: transform.KindOf decides whether it
// is CommonJS or an ES module. Plain CommonJS that goja runs as it is
// (transform.Result.Plain) is compiled from the file itself, so its
// behaviour and its stacks are what they were before modules existed.
//
// A CommonJS main file gets module, exports, __filename and __dirname (and
// require, which every runtime has). Node passes them as parameters of a
// function around the file; here they are properties of the main
// runtime's global object, because the file stays a script: its top-level
// functions and variables stay globals, which threads.run and Host.Call
// rely on. What differs from Node: globalThis.module is set, and `this` at
// the top level is globalThis rather than module.exports.

// mainFileKey keys the main file of an evaluation in its context.
type mainFileKey struct{}

// mainFile is the file an evaluation runs, for the main runtime's
// CommonJS globals.
type mainFile struct {
	path     string
	commonJS bool
}

func mainFileOf(r *engine.Runtime) *mainFile {
	if r.Name != "main" {
		return nil
	}
	if mf, _ := r.Context().Value(mainFileKey{}).(*mainFile); mf != nil && mf.commonJS {
		return mf
	}
	return nil
}

// evalFile runs the file at abs, whose content is src, by its kind.
func (h *Host) evalFile(ctx context.Context, abs, src string) (any, error) {
	res, err := h.transformFile(abs, src)
	if err != nil {
		var se *transform.SyntaxError
		if errors.As(err, &se) && gojaReportsSyntax(abs, src) {
			// JavaScript that does not parse: goja's own error, as before
			// modules existed.
			return h.evalCall(context.WithValue(ctx, mainFileKey{}, &mainFile{abs, true}), abs, src, "", nil)
		}
		return nil, transformError(err)
	}
	if res.Kind == transform.Module {
		return h.evalModule(ctx, res)
	}
	return h.evalCall(context.WithValue(ctx, mainFileKey{}, &mainFile{abs, true}), abs, res.Code, "", nil)
}

// transformFile transforms a file through the host's cache; package.json
// files are read as require reads them.
func (h *Host) transformFile(abs, src string) (*transform.Result, error) {
	return h.transforms.Transform(abs, src, h.readPackageFile)
}

// readPackageFile reads a package.json for transform.KindOf: a file
// require may not read is one that does not exist.
func (h *Host) readPackageFile(path string) ([]byte, error) {
	b, err := h.readModuleFile(path)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, fs.ErrNotExist)
	}
	return b, nil
}

// moduleSyntax finds a line that starts with import or export.
var moduleSyntax = regexp.MustCompile(`(?m)^\s*(?:import|export)\b`)

// gojaReportsSyntax tells whether goja's parser, rather than esbuild's,
// reports a syntax error of the file, as before modules existed: for
// JavaScript that looks like CommonJS (not .mjs, no line starting with
// import or export). goja would misreport an ES module's import.
func gojaReportsSyntax(path, src string) bool {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".js", ".cjs":
		return !moduleSyntax.MatchString(src)
	}
	return false
}

// transformError is the ScriptError of a file the transform refused: a
// SyntaxError shows the original file:line, the line and a caret, as Node
// prints one.
func transformError(err error) error {
	if errors.Is(err, transform.ErrTooDeep) {
		return tooDeepError(err)
	}
	var se *transform.SyntaxError
	if errors.As(err, &se) {
		msg := fmt.Sprintf("%s (%s:%d:%d)", se.Message, se.File, se.Line, se.Column)
		return &ScriptError{Kind: "syntax error", Name: "SyntaxError", Message: msg,
			Stack: se.Frame() + "\n\nSyntaxError: " + msg}
	}
	return fmt.Errorf("jsrun: %w", err)
}

// installCommonJSGlobals gives the main runtime of a CommonJS main file
// Node's module, exports, __filename and __dirname; require.main is module.
func installCommonJSGlobals(rt *goja.Runtime, mf *mainFile) {
	exports := rt.NewObject()
	module := rt.NewObject()
	_ = module.Set("id", ".")
	_ = module.Set("path", filepath.Dir(mf.path))
	_ = module.Set("exports", exports)
	_ = module.Set("filename", mf.path)
	_ = module.Set("loaded", false)
	_ = module.Set("children", rt.NewArray())
	_ = module.Set("paths", rt.NewArray())
	g := rt.GlobalObject()
	set := func(name string, v any) {
		_ = g.DefineDataProperty(name, rt.ToValue(v), goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_FALSE)
	}
	set("module", module)
	set("exports", exports)
	set("__filename", mf.path)
	set("__dirname", filepath.Dir(mf.path))
	if req, ok := rt.Get("require").(*goja.Object); ok {
		_ = req.Set("main", module)
	}
}

// tooDeepError is the ScriptError of a text nested deeper than a parser
// can follow (transform.ErrTooDeep), as Node reports it: an uncaught
// RangeError, "Maximum call stack size exceeded". err names the file.
func tooDeepError(err error) error {
	file, _, _ := strings.Cut(err.Error(), ": ")
	msg := transform.ErrTooDeep.Error()
	return &ScriptError{Kind: "uncaught exception", Name: "RangeError", Message: msg,
		Stack: file + "\n\nRangeError: " + msg}
}
