package resolve

import (
	"errors"
	"fmt"
	"io/fs"
	"path/filepath"
	"strings"
	"syscall"
)

// FS is what the resolver reads: absolute paths, through the host.
type FS interface {
	Stat(path string) (fs.FileInfo, error)
	ReadFile(path string) ([]byte, error)
}

// Resolver resolves specifiers. Its zero value knows no built-in.
type Resolver struct {
	FS FS
	// Builtin tells whether name (without node:) is a built-in module.
	Builtin func(name string) bool
}

// Error is a specifier that does not resolve, with Node's code.
type Error struct {
	code, msg string
}

func (e *Error) Error() string { return e.msg }

// Code is Node's code for the error, e.g. ERR_MODULE_NOT_FOUND.
func (e *Error) Code() string { return e.code }

func errorf(code, format string, args ...any) *Error {
	return &Error{code, fmt.Sprintf(format, args...)}
}

func (r *Resolver) builtin(name string) bool { return r.Builtin != nil && r.Builtin(name) }

// Import resolves spec imported by the file importer (an absolute path),
// as import does. A built-in resolves to "node:name".
func (r *Resolver) Import(spec, importer string) (string, error) {
	if name, ok := strings.CutPrefix(spec, "node:"); ok {
		if r.builtin(name) {
			return spec, nil
		}
		return "", errorf("ERR_UNKNOWN_BUILTIN_MODULE", "No such built-in module: %s", spec)
	}
	if r.builtin(spec) {
		return "node:" + spec, nil
	}
	from := " imported from " + importer
	if relative(spec) {
		return r.importFile(join(importer, spec), from)
	}
	name, sub, ok := splitPackage(spec)
	if !ok {
		return "", errorf("ERR_INVALID_MODULE_SPECIFIER", "Invalid module %q is not a valid package name%s", spec, from)
	}
	for _, dir := range nodeModules(filepath.Dir(importer)) {
		pkg := filepath.Join(dir, name)
		if !r.isDir(pkg) {
			continue
		}
		p, err := r.readPackage(pkg)
		if err != nil {
			return "", err
		}
		if p != nil && p.exports != nil {
			target, err := r.exports(p, pkg, sub, []string{"node", "import"})
			if err != nil {
				return "", &Error{err.code, err.msg + from}
			}
			return r.importFile(target, from)
		}
		if sub == "." {
			main := ""
			if p != nil {
				main = p.main
			}
			if f := r.legacyMain(pkg, main); f != "" {
				return f, nil
			}
			return "", errorf("ERR_MODULE_NOT_FOUND", "Cannot find package '%s'%s", filepath.Join(pkg, "index.js"), from)
		}
		return r.importFile(filepath.Join(pkg, sub), from)
	}
	return "", errorf("ERR_MODULE_NOT_FOUND", "Cannot find package '%s'%s", name, from)
}

// importFile is the end of an import's resolution: path must be a file.
func (r *Resolver) importFile(path, from string) (string, error) {
	fi, err := r.FS.Stat(path)
	switch {
	case err != nil:
		return "", errorf("ERR_MODULE_NOT_FOUND", "Cannot find module '%s'%s", path, from)
	case fi.IsDir():
		return "", errorf("ERR_UNSUPPORTED_DIR_IMPORT", "Directory import '%s' is not supported resolving ES modules%s", path, from)
	}
	return path, nil
}

// legacyMain is Node's resolution of a package without "exports".
func (r *Resolver) legacyMain(pkg, main string) string {
	var tries []string
	if main != "" {
		m := filepath.Join(pkg, main)
		tries = append(tries, m, m+".js", m+".json", m+".node",
			filepath.Join(m, "index.js"), filepath.Join(m, "index.json"), filepath.Join(m, "index.node"))
	}
	tries = append(tries, filepath.Join(pkg, "index.js"))
	for _, f := range tries {
		if r.isFile(f) {
			return f
		}
	}
	return ""
}

// Require resolves spec required by the file importer (an absolute
// path), as require.resolve does. A built-in resolves to its name as
// written ("fs" or "node:fs").
func (r *Resolver) Require(spec, importer string) (string, error) {
	notFound := errorf("MODULE_NOT_FOUND", "Cannot find module '%s'\nRequire stack:\n- %s", spec, importer)
	if name, ok := strings.CutPrefix(spec, "node:"); ok {
		if r.builtin(name) {
			return spec, nil
		}
		return "", notFound
	}
	if r.builtin(spec) {
		return spec, nil
	}
	if relative(spec) {
		if f := r.requirePath(join(importer, spec)); f != "" {
			return f, nil
		}
		return "", notFound
	}
	name, sub, ok := splitPackage(spec)
	if !ok {
		return "", notFound
	}
	for _, dir := range nodeModules(filepath.Dir(importer)) {
		pkg := filepath.Join(dir, name)
		if !r.isDir(pkg) {
			continue
		}
		p, err := r.readPackage(pkg)
		if err != nil {
			return "", err
		}
		if p != nil && p.exports != nil {
			target, err := r.exports(p, pkg, sub, []string{"node", "require"})
			if err != nil {
				return "", err
			}
			if !r.isFile(target) {
				return "", notFound
			}
			return target, nil
		}
		if f := r.requirePath(filepath.Join(dir, spec)); f != "" {
			return f, nil
		}
	}
	return "", notFound
}

// requirePath is LOAD_AS_FILE then LOAD_AS_DIRECTORY.
func (r *Resolver) requirePath(x string) string {
	if f := r.asFile(x); f != "" {
		return f
	}
	if p, err := r.readPackage(x); err == nil && p != nil && p.main != "" {
		m := filepath.Join(x, p.main)
		if f := r.asFile(m); f != "" {
			return f
		}
		if f := r.index(m); f != "" {
			return f
		}
	}
	return r.index(x)
}

func (r *Resolver) asFile(x string) string {
	for _, f := range []string{x, x + ".js", x + ".json", x + ".node"} {
		if r.isFile(f) {
			return f
		}
	}
	return ""
}

func (r *Resolver) index(x string) string {
	for _, f := range []string{"index.js", "index.json", "index.node"} {
		if p := filepath.Join(x, f); r.isFile(p) {
			return p
		}
	}
	return ""
}

func (r *Resolver) isFile(p string) bool {
	fi, err := r.FS.Stat(p)
	return err == nil && !fi.IsDir()
}

func (r *Resolver) isDir(p string) bool {
	fi, err := r.FS.Stat(p)
	return err == nil && fi.IsDir()
}

func relative(spec string) bool {
	return spec == "." || spec == ".." || strings.HasPrefix(spec, "./") || strings.HasPrefix(spec, "../") || strings.HasPrefix(spec, "/")
}

func join(importer, spec string) string {
	if strings.HasPrefix(spec, "/") {
		return filepath.Clean(spec)
	}
	return filepath.Join(filepath.Dir(importer), spec)
}

// splitPackage splits "name/sub" or "@scope/name/sub" into the package
// name and "./sub" (or ".").
func splitPackage(spec string) (name, sub string, ok bool) {
	parts := strings.SplitN(spec, "/", 3)
	n := 1
	if strings.HasPrefix(spec, "@") {
		if len(parts) < 2 || parts[1] == "" {
			return "", "", false
		}
		n = 2
	}
	name = strings.Join(parts[:min(n, len(parts))], "/")
	if name == "" || strings.HasPrefix(name, ".") || strings.ContainsAny(name, `\%`) {
		return "", "", false
	}
	sub = "." + spec[len(name):]
	return name, sub, true
}

// nodeModules lists the node_modules directories from dir up to the root.
func nodeModules(dir string) []string {
	var out []string
	for {
		if filepath.Base(dir) != "node_modules" {
			out = append(out, filepath.Join(dir, "node_modules"))
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return out
		}
		dir = parent
	}
}

func notExist(err error) bool {
	return errors.Is(err, fs.ErrNotExist) || errors.Is(err, syscall.ENOTDIR)
}
