package host

import (
	"io/fs"
	"os"
	"slices"
	"strings"
	"syscall"

	"github.com/dop251/goja"
	"github.com/jsrun/jsrun/node/util"
)

// encoding reads the encoding option of argument i: "" for bytes.
func (a *fsArgs) encoding(i int) string {
	v := a.option(i, "encoding")
	if goja.IsUndefined(v) || goja.IsNull(v) {
		return ""
	}
	enc := strings.ToLower(v.String())
	if enc == "buffer" {
		return ""
	}
	if !a.h.knownEncoding(a.rt, enc) {
		e := a.rt.NewTypeError("The argument 'encoding' is invalid encoding. Received " + quoteJS(v.String()))
		_ = e.Set("code", "ERR_INVALID_ARG_VALUE")
		panic(e)
	}
	return enc
}

// data reads argument i as the bytes to write: a string in encoding enc,
// or a copy of a Buffer's, typed array's or DataView's bytes.
func (a *fsArgs) data(i int, enc string) []byte {
	v := a.arg(i)
	if goja.IsString(v) {
		return a.h.encode(a.rt, v.String(), enc)
	}
	if b, ok := viewBytes(v); ok {
		return slices.Clone(b)
	}
	panic(util.InvalidArgType(a.rt, "data", "string or an instance of Buffer, TypedArray, or DataView", v))
}

// viewBytes are the bytes of an ArrayBuffer or of a view of one (Buffer,
// typed array, DataView), shared with it.
func viewBytes(v goja.Value) ([]byte, bool) {
	o, ok := v.(*goja.Object)
	if !ok {
		return nil, false
	}
	switch x := o.Export().(type) {
	case goja.ArrayBuffer:
		return x.Bytes(), true
	case []byte:
		return x, true
	}
	buf, ok := o.Get("buffer").(*goja.Object)
	if !ok {
		return nil, false
	}
	ab, ok := buf.Export().(goja.ArrayBuffer)
	if !ok {
		return nil, false
	}
	b := ab.Bytes()
	off, n := o.Get("byteOffset"), o.Get("byteLength")
	if off == nil || n == nil {
		return nil, false
	}
	start, length := off.ToInteger(), n.ToInteger()
	if start < 0 || length < 0 || start+length > int64(len(b)) {
		return nil, false
	}
	return b[start : start+length], true
}

// bytesOf is viewBytes, copied: what the script may change later stays
// its own.
func bytesOf(v goja.Value) ([]byte, bool) {
	b, ok := viewBytes(v)
	return slices.Clone(b), ok
}

// readDirEntries lists a directory, sorted by name.
func (f *files) readDirEntries(p string) ([]fs.DirEntry, error) {
	var entries []fs.DirEntry
	var err error
	if f.root == nil {
		entries, err = os.ReadDir(p)
	} else {
		var d *os.File
		if d, err = f.root.Open(p); err == nil {
			entries, err = d.ReadDir(-1)
			d.Close()
			slices.SortFunc(entries, func(a, b fs.DirEntry) int { return strings.Compare(a.Name(), b.Name()) })
		}
	}
	return entries, err
}

// unlink removes a file, never a directory (EISDIR, as unlink(2)).
func (f *files) unlink(p string) error {
	fi, err := f.lstat(p)
	if err != nil {
		return err
	}
	if fi.IsDir() {
		return &fs.PathError{Op: "unlink", Path: p, Err: syscall.EISDIR}
	}
	return f.remove(p)
}

// removeDir removes an empty directory, never a file (ENOTDIR).
func (f *files) removeDir(p string) error {
	fi, err := f.lstat(p)
	if err != nil {
		return err
	}
	if !fi.IsDir() {
		return &fs.PathError{Op: "rmdir", Path: p, Err: syscall.ENOTDIR}
	}
	return f.remove(p)
}
