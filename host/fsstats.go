package host

import (
	"io/fs"
	"time"

	"github.com/dop251/goja"
	"github.com/jsrun/jsrun/internal/jsutil"
)

// Stats and Dirent objects: their fields as Node's, their methods (isFile,
// isDirectory, ...) on one prototype per runtime, made on first use.

// Node's file type bits (S_IFMT) of a Stats' mode.
const (
	sIFMT   = 0o170000
	sIFSOCK = 0o140000
	sIFLNK  = 0o120000
	sIFREG  = 0o100000
	sIFBLK  = 0o060000
	sIFDIR  = 0o040000
	sIFCHR  = 0o020000
	sIFIFO  = 0o010000
)

// typeBits is the S_IF* bits of m.
func typeBits(m fs.FileMode) int64 {
	switch {
	case m.IsDir():
		return sIFDIR
	case m&fs.ModeSymlink != 0:
		return sIFLNK
	case m&fs.ModeNamedPipe != 0:
		return sIFIFO
	case m&fs.ModeSocket != 0:
		return sIFSOCK
	case m&fs.ModeCharDevice != 0:
		return sIFCHR
	case m&fs.ModeDevice != 0:
		return sIFBLK
	}
	return sIFREG
}

// modeBits is a Stats' mode: the type bits, the permissions and the
// setuid, setgid and sticky bits.
func modeBits(m fs.FileMode) int64 {
	bits := typeBits(m) | int64(m.Perm())
	if m&fs.ModeSetuid != 0 {
		bits |= 0o4000
	}
	if m&fs.ModeSetgid != 0 {
		bits |= 0o2000
	}
	if m&fs.ModeSticky != 0 {
		bits |= 0o1000
	}
	return bits
}

var (
	statsKey  = goja.NewSymbol("jsrun.Stats")
	direntKey = goja.NewSymbol("jsrun.Dirent")
)

// typeTests are the methods of Stats and Dirent, by the type bits they
// test.
var typeTests = []struct {
	name string
	bits int64
}{
	{"isFile", sIFREG}, {"isDirectory", sIFDIR}, {"isSymbolicLink", sIFLNK}, {"isFIFO", sIFIFO},
	{"isSocket", sIFSOCK}, {"isCharacterDevice", sIFCHR}, {"isBlockDevice", sIFBLK},
}

// classProto makes a class name whose prototype has the type tests, each
// reading the type bits with bitsOf(this).
func classProto(rt *goja.Runtime, name string, bitsOf func(this *goja.Object) int64) *goja.Object {
	ctor := jsutil.Func(rt, name, func(goja.FunctionCall) goja.Value {
		panic(rt.NewTypeError("Illegal constructor"))
	})
	proto := rt.NewObject()
	for _, t := range typeTests {
		_ = proto.DefineDataProperty(t.name, jsutil.Func(rt, t.name, func(c goja.FunctionCall) goja.Value {
			this, ok := c.This.(*goja.Object)
			return rt.ToValue(ok && bitsOf(this) == t.bits)
		}), goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_FALSE)
	}
	_ = proto.DefineDataProperty("constructor", ctor, goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_FALSE)
	_ = ctor.DefineDataProperty("prototype", proto, goja.FLAG_FALSE, goja.FLAG_FALSE, goja.FLAG_FALSE)
	return proto
}

// stats is a Stats object for fi.
func (h *Host) stats(rt *goja.Runtime, fi fs.FileInfo) goja.Value {
	proto := perRuntime(rt, statsKey, func() *goja.Object {
		return classProto(rt, "Stats", func(this *goja.Object) int64 {
			if m := this.Get("mode"); m != nil {
				return m.ToInteger() & sIFMT
			}
			return 0
		})
	})
	st := rt.CreateObject(proto)
	sys := sysStat(fi)
	set := func(k string, v any) { _ = st.Set(k, v) }
	set("dev", sys.dev)
	set("mode", modeBits(fi.Mode()))
	set("nlink", sys.nlink)
	set("uid", sys.uid)
	set("gid", sys.gid)
	set("rdev", sys.rdev)
	set("blksize", sys.blksize)
	set("ino", sys.ino)
	set("size", fi.Size())
	set("blocks", sys.blocks)
	mtime := fi.ModTime()
	atime, ctime, birth := mtime, mtime, mtime
	if !sys.atime.IsZero() {
		atime, ctime, birth = sys.atime, sys.ctime, sys.ctime
	}
	for _, t := range []struct {
		name string
		at   time.Time
	}{{"atime", atime}, {"mtime", mtime}, {"ctime", ctime}, {"birthtime", birth}} {
		set(t.name+"Ms", float64(t.at.UnixNano())/1e6)
	}
	for _, t := range []struct {
		name string
		at   time.Time
	}{{"atime", atime}, {"mtime", mtime}, {"ctime", ctime}, {"birthtime", birth}} {
		d, err := rt.New(rt.Get("Date"), rt.ToValue(float64(t.at.UnixMilli())))
		if err == nil {
			set(t.name, d)
		}
	}
	return st
}

// direntType is the hidden type of a Dirent (Node keeps it under a
// symbol too): its S_IF* bits.
var direntType = goja.NewSymbol("type")

// dirent is a Dirent for e, read in dir.
func (h *Host) dirent(rt *goja.Runtime, e fs.DirEntry, dir string) goja.Value {
	proto := perRuntime(rt, direntKey, func() *goja.Object {
		return classProto(rt, "Dirent", func(this *goja.Object) int64 {
			if t := this.GetSymbol(direntType); t != nil {
				return t.ToInteger()
			}
			return 0
		})
	})
	d := rt.CreateObject(proto)
	_ = d.Set("name", e.Name())
	_ = d.Set("path", dir)
	_ = d.SetSymbol(direntType, typeBits(e.Type()))
	return d
}
