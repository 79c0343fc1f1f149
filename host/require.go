package host

import (
	"errors"
	"fmt"
	"io/fs"
	"path/filepath"
	"regexp"
	"runtime"
	"strconv"
	"strings"
	"syscall"

	"github.com/dop251/goja"
	"github.com/dop251/goja_nodejs/require"
	"github.com/jsrun/jsrun/internal/jsutil"
)

// require reads files only through h.files, as fs does: every file of the
// whole file system by default, only those inside the directory with
// WithFileSystem, none with WithoutFileSystem. The main script is the one
// file the host reads itself, wherever it is: the embedder chose it.
// Modules, their package.json and their source maps all come through
// readModule; a path that leaves the directory, by "..", as an absolute
// path or through a symbolic link, is refused before anything is read, so
// a module outside is never run and a file outside never shown in an error.

// moduleError is a module file require may not or could not read.
type moduleError struct {
	path string
	err  error
}

func (e *moduleError) Error() string { return e.path + ": " + e.err.Error() }
func (e *moduleError) Unwrap() error { return e.err }

// readModule is require's source loader: it reads a module (or its
// package.json, or its source map) and adds a module's analysis to the
// index, so that functions defined in modules can be carried too.
func (h *Host) readModule(path string) ([]byte, error) {
	src, err := h.readModuleFile(path)
	if err != nil {
		return nil, err
	}
	if code, err := h.requireTransform(path, src); err != nil || code != nil {
		if err != nil {
			return nil, err
		}
		src = code
	}
	// A module that does not parse fails in require itself; its functions
	// simply stay unknown to the index.
	_ = h.env.AddModule(path, string(src))
	return src, nil
}

// readModuleFile reads path for require, or tells why not. A missing file
// or a directory is require.ModuleFileDoesNotExistError, so that the search
// goes on (path.js, path/index.js, a parent's node_modules).
func (h *Host) readModuleFile(path string) ([]byte, error) {
	f := h.files
	if f == nil {
		return nil, &moduleError{path, errOff}
	}
	name, err := f.resolve(path)
	if err != nil {
		if f.aboveRoot(path) {
			// The search for a bare name climbs past the directory, to
			// the node_modules of its parents: as if the directory were
			// the top of the file system, they do not exist.
			return nil, require.ModuleFileDoesNotExistError
		}
		return nil, &moduleError{path, err}
	}
	src, err := f.readRegular(name)
	switch {
	case err == nil:
		return src, nil
	case errors.Is(err, fs.ErrNotExist) || errors.Is(err, syscall.ENOTDIR) || errors.Is(err, errIsDir):
		return nil, require.ModuleFileDoesNotExistError
	}
	return nil, &moduleError{path, err}
}

// aboveRoot tells whether path, outside the root, lies in the node_modules
// directory of one of the root's parents.
func (f *files) aboveRoot(path string) bool {
	if f.root == nil || !filepath.IsAbs(path) {
		return false
	}
	for d := filepath.Dir(path); ; d = filepath.Dir(d) {
		if filepath.Base(d) == "node_modules" && within(filepath.Dir(d), f.dir) {
			return true
		}
		if filepath.Dir(d) == d {
			return false
		}
	}
}

// within tells whether p is dir or lies under it (both absolute and clean).
func within(dir, p string) bool {
	rel, err := filepath.Rel(dir, p)
	return err == nil && filepath.IsLocal(rel)
}

// modulePath is require's path resolver when the file system is confined
// or off (goja_nodejs's default, for the whole file system, follows every
// symbolic link on the disk). Off, it only joins names: nothing is looked
// at. Confined, a relative base (an Eval source has no file) starts at the
// root, as fs's relative paths do, and symbolic links are resolved as Node
// does only while they stay inside the root; one that leads out is left
// for the read to refuse.
func (h *Host) modulePath(base, p string) string {
	joined := filepath.Join(base, filepath.FromSlash(p))
	f := h.files
	if f == nil || f.root == nil {
		return joined
	}
	if !filepath.IsAbs(joined) {
		joined = filepath.Join(f.dir, joined)
	}
	if real, err := filepath.EvalSymlinks(joined); err == nil && within(f.real, real) {
		rel, _ := filepath.Rel(f.real, real)
		return filepath.Join(f.dir, rel)
	}
	return joined
}

// installRequire installs rt's require: goja_nodejs's, with the host's
// checks before it and Node's errors after it.
func (h *Host) installRequire(rt *goja.Runtime) {
	m := h.registry.Enable(rt)
	// requirers are the files whose require calls are under way in rt,
	// outermost first: Node's "require stack".
	var requirers []string
	fn := rt.ToValue(func(c goja.FunctionCall) goja.Value {
		id := c.Argument(0)
		if jsutil.TypeOf(id) != "string" || id.String() == "" {
			what, code := jsutil.TypeOf(id), "ERR_INVALID_ARG_TYPE" // Node's codes
			if what == "string" {
				what, code = "an empty string", "ERR_INVALID_ARG_VALUE"
			}
			e := rt.NewTypeError("require: argument 'id' must be a non-empty string, got " + what)
			_ = e.Set("code", code)
			panic(e)
		}
		spec, from := id.String(), callerFile(rt)
		if h.files == nil && fsModules[spec] {
			// Here rather than in fs's loader only: goja_nodejs keeps a
			// native module whose loader threw, and would return it empty
			// the next time.
			panic(fsOffError(rt))
		}
		if err := h.checkExplicit(from, spec); err != nil {
			panic(h.requireError(rt, err, spec, nil))
		}
		requirers = append(requirers, from)
		defer func() { requirers = requirers[:len(requirers)-1] }() // a native module's loader may throw
		v, err := m.Require(spec)
		if err != nil {
			stack := make([]string, 0, len(requirers))
			for i := len(requirers) - 1; i >= 0; i-- {
				if requirers[i] != "" {
					stack = append(stack, requirers[i])
				}
			}
			panic(h.requireError(rt, err, spec, stack))
		}
		return v
	}).(*goja.Object)
	// Its frame in a stack reads "require (native)", not the Go name.
	jsutil.SetName(rt, fn, "require")
	_ = fn.DefineDataProperty("length", rt.ToValue(1), goja.FLAG_FALSE, goja.FLAG_TRUE, goja.FLAG_FALSE)
	_ = rt.Set("require", fn)
}

// fsModules are the names of the modules the file system off removes.
var fsModules = map[string]bool{"fs": true, "node:fs": true, "fs/promises": true, "node:fs/promises": true}

// fsOffError is what require("fs") throws with the file system off.
func fsOffError(rt *goja.Runtime) *goja.Object {
	return rt.NewTypeError(`require("fs"): ` + errOff.Error())
}

// callerFile is the file of the code that called require ("" from Go), as
// goja_nodejs finds it to resolve a relative path.
func callerFile(rt *goja.Runtime) string {
	var buf [2]goja.StackFrame
	frames := rt.CaptureCallStack(2, buf[:0])
	if len(frames) < 2 {
		return ""
	}
	return frames[1].SrcName()
}

// checkExplicit refuses a file path (not a bare module name) that leaves
// the root, before goja_nodejs looks for it: the error names the path as
// written, joined to the requiring file's directory.
func (h *Host) checkExplicit(from, spec string) error {
	f := h.files
	if !explicitPath(spec) || f != nil && f.root == nil {
		return nil
	}
	base := filepath.Dir(from)
	if filepath.IsAbs(spec) {
		base = ""
	}
	p := filepath.Join(base, filepath.FromSlash(spec))
	if f == nil {
		return &moduleError{p, errOff}
	}
	if !filepath.IsAbs(p) {
		p = filepath.Join(f.dir, p)
	}
	if _, err := f.resolve(p); err != nil {
		return &moduleError{p, err}
	}
	return nil
}

// explicitPath tells a file or directory path from a module name, as
// goja_nodejs does.
func explicitPath(spec string) bool {
	if spec == "." || spec == ".." || strings.HasPrefix(spec, "/") || strings.HasPrefix(spec, "./") || strings.HasPrefix(spec, "../") {
		return true
	}
	return runtime.GOOS == "windows" &&
		(strings.HasPrefix(spec, `.\`) || strings.HasPrefix(spec, `..\`) || filepath.IsAbs(spec))
}

// requireError is what require throws for err: Node's error for a module
// not found, fs's error for a file it may not read, a SyntaxError naming
// file:line:col for a module that does not parse. An exception the
// module's code threw passes through as it is, and so does an interrupt,
// which no script may catch.
func (h *Host) requireError(rt *goja.Runtime, err error, spec string, stack []string) any {
	var (
		interrupt *goja.InterruptedError
		overflow  *goja.StackOverflowError
		ex        *goja.Exception
		read      *moduleError
		syntax    *goja.CompilerSyntaxError
	)
	switch {
	case errors.As(err, &interrupt):
		return interrupt
	case errors.As(err, &overflow):
		return overflow
	case errors.As(err, &ex):
		return ex
	case errors.As(err, &read):
		return fsError(rt, read.err, "open", read.path)
	case errors.Is(err, require.InvalidModuleError):
		msg := "Cannot find module '" + spec + "'"
		items := make([]any, len(stack))
		if len(stack) > 0 {
			msg += "\nRequire stack:"
			for i, file := range stack {
				msg += "\n- " + file
				items[i] = file
			}
		}
		e := newError(rt, "Error", msg)
		_ = e.Set("code", "MODULE_NOT_FOUND")
		_ = e.Set("requireStack", rt.NewArray(items...))
		return e
	case errors.Is(err, require.NoSuchBuiltInModuleError):
		e := newError(rt, "Error", "No such built-in module: "+spec)
		_ = e.Set("code", "ERR_UNKNOWN_BUILTIN_MODULE")
		return e
	case errors.As(err, &syntax):
		return newError(rt, "SyntaxError", moduleSyntaxMessage(syntax))
	}
	if v := transformRequireError(rt, err); v != nil {
		return v
	}
	return newError(rt, "Error", fmt.Sprintf("require(%q): %v", spec, err))
}

// newError makes an error of the global constructor ctor, or a TypeError
// if the script has replaced it with something that is not one.
func newError(rt *goja.Runtime, ctor, msg string) *goja.Object {
	if e, err := rt.New(rt.Get(ctor), rt.ToValue(msg)); err == nil {
		return e
	}
	return rt.NewTypeError(msg)
}

// moduleOpening is the text goja_nodejs puts before a module's source on
// its first line: a column on that line counts it.
const moduleOpening = "(function(exports,require,module,__filename,__dirname){"

// parseErrorText is goja's text for a parse error: file: Line l:c message,
// and how many more errors it found.
var parseErrorText = regexp.MustCompile(`^(?s)(.*): Line (\d+):(\d+) (.*?)(?: \(and \d+ more errors\))?$`)

// moduleSyntaxMessage is a module's syntax error as the host gives a main
// script's: "message (file:line:col)", the position in the module's own
// text.
func moduleSyntaxMessage(e *goja.CompilerSyntaxError) string {
	var file, text string
	var line, col int
	if e.File != nil {
		pos := e.File.Position(e.Offset)
		file, line, col, text = pos.Filename, pos.Line, pos.Column, e.Message
	} else if m := parseErrorText.FindStringSubmatch(e.Message); m != nil {
		line, _ = strconv.Atoi(m[2])
		col, _ = strconv.Atoi(m[3])
		file, text = m[1], m[4]
	} else {
		return e.Message
	}
	if line == 1 {
		col = max(col-len(moduleOpening), 1)
	}
	return fmt.Sprintf("%s (%s:%d:%d)", text, file, line, col)
}
