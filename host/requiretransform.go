package host

import (
	"errors"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/dop251/goja"
	"github.com/jsrun/jsrun/transform"
)

// require runs what transform makes of a file: TypeScript stripped, the
// syntax goja refuses lowered. Plain CommonJS runs as it is. An ES module
// is refused with Node 22's ERR_REQUIRE_ESM (import it instead).

// requireESMError is require of an ES module.
type requireESMError struct{ path string }

func (e *requireESMError) Error() string {
	return "require() of ES Module " + e.path + " not supported.\nInstead change the require of " +
		e.path + " to a dynamic import() which is available in all CommonJS modules."
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
	case errors.As(err, &se) && !typescriptFile(path):
		return nil, nil // goja reports it, as before modules existed
	case err != nil:
		return nil, err
	case res.Kind == transform.Module:
		return nil, &requireESMError{path}
	case res.Plain:
		return nil, nil
	}
	return []byte(res.Code), nil
}

// transformRequireError is what require throws for an error of the
// transform, or nil for another error.
func transformRequireError(rt *goja.Runtime, err error) goja.Value {
	var (
		esm *requireESMError
		se  *transform.SyntaxError
	)
	switch {
	case errors.As(err, &esm):
		e := newError(rt, "Error", esm.Error())
		_ = e.Set("code", "ERR_REQUIRE_ESM")
		return e
	case errors.As(err, &se):
		msg := se.Message + " (" + se.File + ":" + strconv.Itoa(se.Line) + ":" + strconv.Itoa(se.Column) + ")"
		e := newError(rt, "SyntaxError", msg)
		_ = e.Set("stack", se.Frame()+"\n\nSyntaxError: "+msg)
		return e
	}
	return nil
}
