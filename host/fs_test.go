package host

import (
	"io/fs"
	"syscall"
	"testing"

	"github.com/dop251/goja"
)

// TestFSErrorCodes: an fs error carries Node's code for the errno, EPERM
// included (it is not EACCES: Node tells them apart), and the errors of a
// full or read-only disk (they are not EIO).
func TestFSErrorCodes(t *testing.T) {
	t.Parallel()
	rt := goja.New()
	for _, c := range []struct {
		errno      syscall.Errno
		code, text string
	}{
		{syscall.EPERM, "EPERM", "EPERM: operation not permitted, open 'x'"},
		{syscall.EACCES, "EACCES", "EACCES: permission denied, open 'x'"},
		{syscall.ENOENT, "ENOENT", "ENOENT: no such file or directory, open 'x'"},
		{syscall.EROFS, "EROFS", "EROFS: read-only file system, open 'x'"},
		{syscall.ENOSPC, "ENOSPC", "ENOSPC: no space left on device, open 'x'"},
	} {
		e := fsError(rt, &fs.PathError{Op: "open", Path: "x", Err: c.errno}, "open", "x").(*goja.Object)
		code, msg, errno := e.Get("code").String(), e.Get("message").String(), e.Get("errno").ToInteger()
		if code != c.code || msg != c.text || errno != -int64(c.errno) {
			t.Errorf("%v: code %q, message %q, errno %d; want %q, %q, %d", c.errno, code, msg, errno, c.code, c.text, -int64(c.errno))
		}
	}
}
