package host

import (
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"syscall"

	"github.com/dop251/goja"
	"github.com/jsrun/jsrun/internal/jsutil"
)

// files is where the fs module reads and writes, and require reads: the
// whole file system, or one directory they cannot leave (an os.Root, which
// also refuses symbolic links that point outside).
type files struct {
	root *os.Root // nil: unconfined
	dir  string   // the root's absolute path, for messages and absolute names
	real string   // dir with its symbolic links resolved
}

// resolve turns a script's path into a name for the file system: as it is
// when unconfined; relative to the root when confined, where an absolute
// path must lie inside the root.
func (f *files) resolve(p string) (string, error) {
	if f.root == nil {
		return p, nil
	}
	if filepath.IsAbs(p) {
		rel, err := filepath.Rel(f.dir, p)
		if err != nil {
			return "", errOutside
		}
		p = rel
	}
	p = filepath.Clean(p)
	if p == ".." || strings.HasPrefix(p, ".."+string(filepath.Separator)) {
		return "", errOutside
	}
	return p, nil
}

// escapes tells os.Root's refusal of a name that leaves the root (through
// a symbolic link): the os package has no exported error for it.
func escapes(err error) bool {
	return err != nil && strings.Contains(err.Error(), "path escapes from parent")
}

var (
	errOutside    = errors.New("path is outside the directory the host allows")
	errOff        = errors.New("the host turned the file system off")
	errNotRegular = errors.New("not a regular file")
	errIsDir      = errors.New("is a directory")
)

// readRegular reads a file only if it is a regular file. The open does not
// wait for a writer on a named pipe, and a device (/dev/zero, a terminal)
// is refused rather than read without end.
func (f *files) readRegular(name string) ([]byte, error) {
	const flag = os.O_RDONLY | syscall.O_NONBLOCK // O_NONBLOCK: a regular file reads as usual
	var file *os.File
	var err error
	if f.root == nil {
		file, err = os.OpenFile(name, flag, 0)
	} else {
		file, err = f.root.OpenFile(name, flag, 0)
	}
	if err != nil {
		return nil, err
	}
	defer file.Close()
	fi, err := file.Stat()
	switch {
	case err != nil:
		return nil, err
	case fi.IsDir():
		return nil, errIsDir
	case !fi.Mode().IsRegular():
		return nil, errNotRegular
	}
	return io.ReadAll(file)
}

func (f *files) readFile(p string) ([]byte, error) {
	if f.root == nil {
		return os.ReadFile(p)
	}
	return f.root.ReadFile(p)
}

func (f *files) writeFile(p string, data []byte) error {
	if f.root == nil {
		return os.WriteFile(p, data, 0o666)
	}
	return f.root.WriteFile(p, data, 0o666)
}

func (f *files) readDir(p string) ([]string, error) {
	var entries []fs.DirEntry
	var err error
	if f.root == nil {
		entries, err = os.ReadDir(p)
	} else {
		var d *os.File
		if d, err = f.root.Open(p); err == nil {
			entries, err = d.ReadDir(-1)
			d.Close()
		}
	}
	if err != nil {
		return nil, err
	}
	names := make([]string, len(entries))
	for i, e := range entries {
		names[i] = e.Name()
	}
	slices.Sort(names)
	return names, nil
}

func (f *files) stat(p string) (fs.FileInfo, error) {
	if f.root == nil {
		return os.Stat(p)
	}
	return f.root.Stat(p)
}

func (f *files) mkdir(p string, recursive bool) error {
	switch {
	case f.root == nil && recursive:
		return os.MkdirAll(p, 0o777)
	case f.root == nil:
		return os.Mkdir(p, 0o777)
	case recursive:
		return f.root.MkdirAll(p, 0o777)
	}
	return f.root.Mkdir(p, 0o777)
}

// loadFS is the loader of require("fs"): synchronous functions in Node's
// shape, errors included (code 'ENOENT' and the like).
func (h *Host) loadFS(rt *goja.Runtime, module *goja.Object) {
	f := h.files
	exports := module.Get("exports").ToObject(rt)
	pathArg := func(c goja.FunctionCall, fn string) string {
		v := c.Argument(0)
		if jsutil.TypeOf(v) != "string" {
			panic(rt.NewTypeError("fs." + fn + ": argument 'path' must be a string, got " + jsutil.TypeOf(v)))
		}
		return v.String()
	}
	do := func(syscallName, p string, op func(name string) error) {
		name, err := f.resolve(p)
		if err == nil {
			err = op(name)
		}
		if err != nil {
			panic(fsError(rt, err, syscallName, p))
		}
	}
	set := func(name string, fn func(goja.FunctionCall) goja.Value) {
		_ = exports.Set(name, jsutil.Func(rt, name, fn))
	}

	set("readFileSync", func(c goja.FunctionCall) goja.Value {
		p := pathArg(c, "readFileSync")
		var data []byte
		do("open", p, func(n string) (err error) { data, err = f.readFile(n); return })
		if enc := encodingOption(c.Argument(1)); enc != "" {
			if enc != "utf8" && enc != "utf-8" {
				panic(rt.NewTypeError("fs.readFileSync: encoding '" + enc + "' is not supported (use 'utf8', or none for bytes)"))
			}
			return rt.ToValue(string(data))
		}
		buf := rt.NewArrayBuffer(data)
		u8, err := rt.New(rt.Get("Uint8Array"), rt.ToValue(buf))
		if err != nil {
			panic(err)
		}
		return u8
	})
	set("writeFileSync", func(c goja.FunctionCall) goja.Value {
		p := pathArg(c, "writeFileSync")
		var data []byte
		switch v := c.Argument(1); {
		case jsutil.TypeOf(v) == "string":
			data = []byte(v.String())
		default:
			if b, ok := bytesOf(v); ok {
				data = b
			} else {
				panic(rt.NewTypeError("fs.writeFileSync: argument 'data' must be a string, an ArrayBuffer or a typed array, got " + jsutil.TypeOf(v)))
			}
		}
		do("open", p, func(n string) error { return f.writeFile(n, data) })
		return goja.Undefined()
	})
	set("readdirSync", func(c goja.FunctionCall) goja.Value {
		p := pathArg(c, "readdirSync")
		var names []string
		do("scandir", p, func(n string) (err error) { names, err = f.readDir(n); return })
		items := make([]any, len(names))
		for i, n := range names {
			items[i] = n
		}
		return rt.NewArray(items...)
	})
	set("existsSync", func(c goja.FunctionCall) goja.Value {
		if jsutil.TypeOf(c.Argument(0)) != "string" {
			return rt.ToValue(false) // as Node: never throws
		}
		name, err := f.resolve(c.Argument(0).String())
		if err == nil {
			_, err = f.stat(name)
		}
		return rt.ToValue(err == nil)
	})
	set("statSync", func(c goja.FunctionCall) goja.Value {
		p := pathArg(c, "statSync")
		var fi fs.FileInfo
		do("stat", p, func(n string) (err error) { fi, err = f.stat(n); return })
		st := rt.NewObject()
		_ = st.Set("size", fi.Size())
		_ = st.Set("mtimeMs", float64(fi.ModTime().UnixNano())/1e6)
		_ = st.Set("mode", uint32(fi.Mode().Perm()))
		isDir := fi.IsDir()
		_ = st.Set("isDirectory", jsutil.Func(rt, "isDirectory", func(goja.FunctionCall) goja.Value { return rt.ToValue(isDir) }))
		_ = st.Set("isFile", jsutil.Func(rt, "isFile", func(goja.FunctionCall) goja.Value { return rt.ToValue(fi.Mode().IsRegular()) }))
		return st
	})
	set("mkdirSync", func(c goja.FunctionCall) goja.Value {
		p := pathArg(c, "mkdirSync")
		recursive := false
		if o, ok := c.Argument(1).(*goja.Object); ok {
			recursive = o.Get("recursive") != nil && o.Get("recursive").ToBoolean()
		}
		do("mkdir", p, func(n string) error { return f.mkdir(n, recursive) })
		return goja.Undefined()
	})
}

func encodingOption(v goja.Value) string {
	switch jsutil.TypeOf(v) {
	case "string":
		return strings.ToLower(v.String())
	case "object":
		if e := v.(*goja.Object).Get("encoding"); e != nil && !goja.IsUndefined(e) && !goja.IsNull(e) {
			return strings.ToLower(e.String())
		}
	}
	return ""
}

// bytesOf copies the bytes of an ArrayBuffer or a typed array.
func bytesOf(v goja.Value) ([]byte, bool) {
	switch x := v.Export().(type) {
	case goja.ArrayBuffer:
		return slices.Clone(x.Bytes()), true
	case []byte:
		return slices.Clone(x), true
	}
	return nil, false
}

// fsError makes an Error shaped like Node's: "ENOENT: no such file or
// directory, open 'x'", with code, errno, syscall and path.
func fsError(rt *goja.Runtime, err error, syscallName, path string) goja.Value {
	code, desc := "EIO", err.Error()
	var errno syscall.Errno
	switch {
	case errors.Is(err, errOutside) || escapes(err):
		code, desc = "EACCES", "permission denied ("+errOutside.Error()+")"
	case errors.Is(err, errOff):
		code, desc = "EACCES", "permission denied ("+errOff.Error()+")"
	case errors.Is(err, errNotRegular):
		code, desc = "EINVAL", "invalid argument ("+errNotRegular.Error()+")"
	case errors.As(err, &errno):
		code, desc = errnoName(errno), errno.Error()
	case errors.Is(err, fs.ErrNotExist):
		code, desc = "ENOENT", "no such file or directory"
	case errors.Is(err, fs.ErrExist):
		code, desc = "EEXIST", "file already exists"
	case errors.Is(err, fs.ErrPermission):
		code, desc = "EACCES", "permission denied"
	}
	e, _ := rt.New(rt.Get("Error"), rt.ToValue(code+": "+desc+", "+syscallName+" '"+path+"'"))
	_ = e.Set("code", code)
	_ = e.Set("syscall", syscallName)
	_ = e.Set("path", path)
	if errno != 0 {
		_ = e.Set("errno", -int(errno))
	}
	return e
}

// errnoNames are Node's codes for the errors a file operation may meet.
var errnoNames = map[syscall.Errno]string{
	syscall.ENOENT: "ENOENT", syscall.EEXIST: "EEXIST", syscall.ENOTDIR: "ENOTDIR",
	syscall.EISDIR: "EISDIR", syscall.EACCES: "EACCES", syscall.EPERM: "EPERM",
	syscall.ENOTEMPTY: "ENOTEMPTY", syscall.EROFS: "EROFS", syscall.ENOSPC: "ENOSPC",
	syscall.ELOOP: "ELOOP", syscall.ENAMETOOLONG: "ENAMETOOLONG", syscall.EBUSY: "EBUSY",
	syscall.EMFILE: "EMFILE", syscall.ENFILE: "ENFILE", syscall.EXDEV: "EXDEV",
	syscall.EINVAL: "EINVAL", syscall.EBADF: "EBADF", syscall.EFBIG: "EFBIG",
	syscall.EAGAIN: "EAGAIN", syscall.EIO: "EIO",
}

// errnoName is Node's code for e; "EIO" for one a file operation should
// not meet.
func errnoName(e syscall.Errno) string {
	if name, ok := errnoNames[e]; ok {
		return name
	}
	return "EIO"
}
