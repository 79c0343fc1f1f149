package host

import (
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"

	"github.com/dop251/goja"
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

// fsError makes an Error shaped like Node's: "ENOENT: no such file or
// directory, open 'x'", with code, errno, syscall and path.
func fsError(rt *goja.Runtime, err error, syscallName, path string) goja.Value {
	return fsErrorTo(rt, err, syscallName, path, "")
}

// fsErrorTo is fsError for a call with two paths: "rename 'a' -> 'b'".
func fsErrorTo(rt *goja.Runtime, err error, syscallName, path, dest string) goja.Value {
	code, desc := "EIO", err.Error()
	var errno syscall.Errno
	switch {
	case errors.Is(err, errOutside) || escapes(err):
		code, desc = "EACCES", "permission denied ("+errOutside.Error()+")"
	case errors.Is(err, errOff):
		code, desc = "EACCES", "permission denied ("+errOff.Error()+")"
	case errors.Is(err, errIsDir):
		code, desc, errno = "EISDIR", "illegal operation on a directory", syscall.EISDIR
	case errors.Is(err, errNotRegular):
		code, desc = "EINVAL", "invalid argument ("+errNotRegular.Error()+")"
	case errors.As(err, &errno):
		code, desc = errnoName(errno), errnoText(errno)
	case errors.Is(err, fs.ErrNotExist):
		code, desc = "ENOENT", "no such file or directory"
	case errors.Is(err, fs.ErrExist):
		code, desc = "EEXIST", "file already exists"
	case errors.Is(err, fs.ErrPermission):
		code, desc = "EACCES", "permission denied"
	}
	where := syscallName
	if path != "" {
		where += " '" + path + "'"
	}
	if dest != "" {
		where += " -> '" + dest + "'"
	}
	e := newError(rt, "Error", code+": "+desc+", "+where)
	_ = e.Set("code", code)
	_ = e.Set("syscall", syscallName)
	if path != "" {
		_ = e.Set("path", path)
	}
	if dest != "" {
		_ = e.Set("dest", dest)
	}
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

// errnoTexts are libuv's words where they differ from Go's.
var errnoTexts = map[syscall.Errno]string{
	syscall.EEXIST: "file already exists", syscall.EISDIR: "illegal operation on a directory",
	syscall.ELOOP: "too many symbolic links encountered", syscall.EBUSY: "resource busy or locked",
	syscall.EXDEV: "cross-device link not permitted", syscall.EAGAIN: "resource temporarily unavailable",
	syscall.EIO: "i/o error", syscall.ENFILE: "file table overflow",
}

func errnoText(e syscall.Errno) string {
	if s, ok := errnoTexts[e]; ok {
		return s
	}
	return e.Error()
}

// The calls below are the rest of fs's, each on the whole file system or
// inside the root.

func (f *files) lstat(p string) (fs.FileInfo, error) {
	if f.root == nil {
		return os.Lstat(p)
	}
	return f.root.Lstat(p)
}

func (f *files) remove(p string) error {
	if f.root == nil {
		return os.Remove(p)
	}
	return f.root.Remove(p)
}

func (f *files) removeAll(p string) error {
	if f.root == nil {
		return os.RemoveAll(p)
	}
	return f.root.RemoveAll(p)
}

func (f *files) rename(from, to string) error {
	if f.root == nil {
		return os.Rename(from, to)
	}
	return f.root.Rename(from, to)
}

// openFile opens a file; O_NONBLOCK keeps an open of a named pipe from
// waiting for its other end (a regular file is unaffected).
func (f *files) openFile(p string, flag int, perm os.FileMode) (*os.File, error) {
	flag |= syscall.O_NONBLOCK
	if f.root == nil {
		return os.OpenFile(p, flag, perm)
	}
	return f.root.OpenFile(p, flag, perm)
}

// write writes data to p, opened with flag (O_TRUNC or O_APPEND, and
// perhaps O_EXCL): only a regular file, so that a device or named pipe
// is refused rather than written without end.
func (f *files) write(p string, data []byte, flag int) error {
	file, err := f.openFile(p, os.O_WRONLY|os.O_CREATE|flag, 0o666)
	if err != nil {
		return err
	}
	fi, err := file.Stat()
	if err == nil && !fi.Mode().IsRegular() {
		err = errNotRegular
	}
	if err == nil {
		_, err = file.Write(data)
	}
	if cerr := file.Close(); err == nil {
		err = cerr
	}
	return err
}

// copyFile copies a regular file's bytes; excl fails if to exists.
func (f *files) copyFile(from, to string, excl bool) error {
	data, err := f.readRegular(from)
	if err != nil {
		return err
	}
	flag := os.O_TRUNC
	if excl {
		flag |= os.O_EXCL
	}
	return f.write(to, data, flag)
}
