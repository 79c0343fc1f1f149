package host

import (
	"crypto/rand"
	"errors"
	"io/fs"
	"os"
	"path"
	"syscall"

	"github.com/dop251/goja"
	"github.com/jsrun/jsrun/internal/jsutil"
	"github.com/jsrun/jsrun/node/util"
)

// fsOp is one fs call: parse reads its arguments (throwing Node's
// TypeError for a bad one) into an fsCall.
type fsOp struct {
	name     string
	required int  // the arguments before the callback that are not optional
	syncOnly bool // existsSync has no other form
	parse    func(a *fsArgs) *fsCall
}

var fsOps []fsOp

func init() {
	fsOps = []fsOp{
		{name: "readFile", required: 1, parse: fsReadFile},
		{name: "writeFile", required: 2, parse: func(a *fsArgs) *fsCall { return fsWrite(a, "writeFile", os.O_TRUNC) }},
		{name: "appendFile", required: 2, parse: func(a *fsArgs) *fsCall { return fsWrite(a, "appendFile", os.O_APPEND) }},
		{name: "readdir", required: 1, parse: fsReaddir},
		{name: "stat", required: 1, parse: func(a *fsArgs) *fsCall { return fsStat(a, "stat", a.h.files.stat) }},
		{name: "lstat", required: 1, parse: func(a *fsArgs) *fsCall { return fsStat(a, "lstat", a.h.files.lstat) }},
		{name: "mkdir", required: 1, parse: fsMkdir},
		{name: "mkdtemp", required: 1, parse: fsMkdtemp},
		{name: "rm", required: 1, parse: fsRm},
		{name: "rmdir", required: 1, parse: func(a *fsArgs) *fsCall { return fsOne(a, "rmdir", a.h.files.removeDir) }},
		{name: "unlink", required: 1, parse: func(a *fsArgs) *fsCall { return fsOne(a, "unlink", a.h.files.unlink) }},
		{name: "rename", required: 2, parse: fsRename},
		{name: "copyFile", required: 2, parse: fsCopyFile},
		{name: "access", required: 1, parse: func(a *fsArgs) *fsCall {
			return fsOne(a, "access", func(n string) error { _, err := a.h.files.stat(n); return err })
		}},
		{name: "exists", required: 1, syncOnly: true, parse: fsExists},
	}
}

// fsOne is a call on one path that returns nothing.
func fsOne(a *fsArgs, syscallName string, op func(name string) error) *fsCall {
	p := a.path(0, "path")
	return &fsCall{syscall: syscallName, path: p, do: func() (any, error) {
		name, err := a.resolve(p)
		if err == nil {
			err = op(name)
		}
		return nil, err
	}}
}

func fsReadFile(a *fsArgs) *fsCall {
	p := a.path(0, "path")
	enc := a.encoding(1)
	call := &fsCall{syscall: "open", path: p}
	call.do = func() (any, error) {
		name, err := a.resolve(p)
		if err != nil {
			return nil, err
		}
		var data []byte
		if a.sync {
			data, err = a.h.files.readFile(name) // anything, /dev/stdin included, as Node
		} else {
			data, err = a.h.files.readRegular(name)
		}
		if errors.Is(err, errIsDir) || errors.Is(err, syscall.EISDIR) {
			// Node opens it, and fails at the read: "EISDIR: ..., read".
			return nil, &fsThrow{func(rt *goja.Runtime) goja.Value { return fsError(rt, syscall.EISDIR, "read", "") }}
		}
		return data, err
	}
	call.value = func(rt *goja.Runtime, res any) goja.Value {
		return a.h.bytesOrString(rt, res.([]byte), enc)
	}
	return call
}

func fsWrite(a *fsArgs, fn string, flag int) *fsCall {
	p := a.path(0, "file")
	data := a.data(1, a.encoding(2))
	switch f := a.option(2, "flag"); {
	case goja.IsUndefined(f):
	case f.String() == "a" || f.String() == "a+":
		flag = os.O_APPEND
	case f.String() == "wx" || f.String() == "wx+":
		flag = os.O_TRUNC | os.O_EXCL
	case f.String() == "ax" || f.String() == "ax+":
		flag = os.O_APPEND | os.O_EXCL
	case f.String() == "w" || f.String() == "w+":
		flag = os.O_TRUNC
	default:
		e := a.rt.NewTypeError("The argument 'flags' is invalid. Received " + quoteJS(f.String()))
		_ = e.Set("code", "ERR_INVALID_ARG_VALUE")
		panic(e)
	}
	return &fsCall{syscall: "open", path: p, do: func() (any, error) {
		name, err := a.resolve(p)
		if err == nil {
			err = a.h.files.write(name, data, flag)
		}
		return nil, err
	}}
}

func fsReaddir(a *fsArgs) *fsCall {
	p := a.path(0, "path")
	types := a.option(1, "withFileTypes").ToBoolean()
	return &fsCall{syscall: "scandir", path: p, do: func() (any, error) {
		name, err := a.resolve(p)
		if err != nil {
			return nil, err
		}
		return a.h.files.readDirEntries(name)
	}, value: func(rt *goja.Runtime, res any) goja.Value {
		entries := res.([]fs.DirEntry)
		items := make([]any, len(entries))
		for i, e := range entries {
			if types {
				items[i] = a.h.dirent(rt, e, p)
			} else {
				items[i] = e.Name()
			}
		}
		return rt.NewArray(items...)
	}}
}

func fsStat(a *fsArgs, syscallName string, stat func(string) (fs.FileInfo, error)) *fsCall {
	p := a.path(0, "path")
	return &fsCall{syscall: syscallName, path: p, do: func() (any, error) {
		name, err := a.resolve(p)
		if err != nil {
			return nil, err
		}
		return stat(name)
	}, value: func(rt *goja.Runtime, res any) goja.Value {
		return a.h.stats(rt, res.(fs.FileInfo))
	}}
}

func fsMkdir(a *fsArgs) *fsCall {
	p := a.path(0, "path")
	if !a.option(1, "recursive").ToBoolean() {
		return fsOne(a, "mkdir", func(n string) error { return a.h.files.mkdir(n, false) })
	}
	// Recursive, it returns the first directory it made, as the script
	// wrote it, or undefined when there was none to make.
	call := &fsCall{syscall: "mkdir", path: p}
	call.do = func() (any, error) {
		first := ""
		for d := p; d != "" && d != "." && d != "/"; d = path.Dir(d) {
			name, err := a.resolve(d)
			if err != nil {
				return nil, err
			}
			if _, err := a.h.files.stat(name); err == nil {
				break
			}
			first = d
		}
		name, err := a.resolve(p)
		if err == nil {
			err = a.h.files.mkdir(name, true)
		}
		return first, err
	}
	call.value = func(rt *goja.Runtime, res any) goja.Value {
		if res == "" {
			return goja.Undefined()
		}
		return rt.ToValue(res)
	}
	return call
}

func fsMkdtemp(a *fsArgs) *fsCall {
	v := a.arg(0)
	if !goja.IsString(v) {
		panic(util.InvalidArgType(a.rt, "prefix", "string or an instance of Buffer or URL", v))
	}
	prefix := a.path(0, "prefix")
	call := &fsCall{syscall: "mkdtemp", path: prefix + "XXXXXX"}
	call.do = func() (any, error) {
		for {
			dir := prefix + randomSuffix()
			name, err := a.resolve(dir)
			if err == nil {
				err = a.h.files.mkdir(name, false)
			}
			if errors.Is(err, fs.ErrExist) {
				continue
			}
			return dir, err
		}
	}
	call.value = func(rt *goja.Runtime, res any) goja.Value { return rt.ToValue(res) }
	return call
}

// randomSuffix is mkdtemp's six characters.
func randomSuffix() string {
	const chars = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
	b := make([]byte, 6)
	_, _ = rand.Read(b)
	for i := range b {
		b[i] = chars[int(b[i])%len(chars)]
	}
	return string(b)
}

func fsRm(a *fsArgs) *fsCall {
	p := a.path(0, "path")
	recursive, force := a.option(1, "recursive").ToBoolean(), a.option(1, "force").ToBoolean()
	call := &fsCall{syscall: "lstat", path: p}
	call.do = func() (any, error) {
		name, err := a.resolve(p)
		if err != nil {
			return nil, err
		}
		fi, err := a.h.files.lstat(name)
		switch {
		case err != nil && force && errors.Is(err, fs.ErrNotExist):
			return nil, nil
		case err != nil:
			return nil, err
		case fi.IsDir() && !recursive:
			return nil, &fsThrow{func(rt *goja.Runtime) goja.Value { return rmIsDirError(rt, p) }}
		case fi.IsDir():
			err = a.h.files.removeAll(name)
		default:
			err = a.h.files.remove(name)
		}
		if err != nil {
			return nil, &fsThrow{func(rt *goja.Runtime) goja.Value { return fsError(rt, err, "rm", p) }}
		}
		return nil, nil
	}
	return call
}

// rmIsDirError is Node's SystemError for rm of a directory without
// recursive.
func rmIsDirError(rt *goja.Runtime, p string) goja.Value {
	e := newNamedError(rt, "SystemError", "ERR_FS_EISDIR", "Path is a directory: rm returned EISDIR (is a directory) "+p)
	_ = e.Set("errno", int(syscall.EISDIR))
	_ = e.Set("syscall", "rm")
	_ = e.Set("path", p)
	return e
}

func fsRename(a *fsArgs) *fsCall {
	from, to := a.path(0, "oldPath"), a.path(1, "newPath")
	return &fsCall{syscall: "rename", path: from, dest: to, do: func() (any, error) {
		f, err := a.resolve(from)
		if err != nil {
			return nil, err
		}
		t, err := a.resolve(to)
		if err != nil {
			return nil, err
		}
		return nil, a.h.files.rename(f, t)
	}}
}

func fsCopyFile(a *fsArgs) *fsCall {
	from, to := a.path(0, "src"), a.path(1, "dest")
	excl := a.arg(2).ToInteger()&copyFileExcl != 0
	return &fsCall{syscall: "copyfile", path: from, dest: to, do: func() (any, error) {
		f, err := a.resolve(from)
		if err != nil {
			return nil, err
		}
		t, err := a.resolve(to)
		if err != nil {
			return nil, err
		}
		return nil, a.h.files.copyFile(f, t, excl)
	}}
}

// fsExists is existsSync: false for anything but a path that exists,
// never an error, as Node.
func fsExists(a *fsArgs) *fsCall {
	v := a.arg(0)
	return &fsCall{do: func() (any, error) {
		if jsutil.TypeOf(v) != "string" {
			return false, nil
		}
		name, err := a.resolve(v.String())
		if err == nil {
			_, err = a.h.files.stat(name)
		}
		return err == nil, nil
	}, value: func(rt *goja.Runtime, res any) goja.Value { return rt.ToValue(res) }}
}

// Node's fs.constants that jsrun's fs reads.
const (
	copyFileExcl = 1
)

func fsConstants(rt *goja.Runtime) *goja.Object {
	c := rt.NewObject()
	for _, kv := range []struct {
		k string
		v int
	}{{"F_OK", 0}, {"R_OK", 4}, {"W_OK", 2}, {"X_OK", 1}, {"COPYFILE_EXCL", copyFileExcl}, {"COPYFILE_FICLONE", 2}, {"COPYFILE_FICLONE_FORCE", 4}} {
		_ = c.Set(kv.k, kv.v)
	}
	return c
}
