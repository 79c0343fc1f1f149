package host

import (
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
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

// TestFSConfinedEveryCall: every fs call, in each of its forms, refuses
// a path outside the root (by "..", absolute, or through a symbolic link)
// with EACCES, and leaves what is outside as it was.
func TestFSConfinedEveryCall(t *testing.T) {
	t.Parallel()
	base := t.TempDir()
	root, out := filepath.Join(base, "root"), filepath.Join(base, "out")
	for _, d := range []string{root, out} {
		if err := os.Mkdir(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.WriteFile(filepath.Join(out, "secret"), []byte("s"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(root, "in"), []byte("i"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(out, filepath.Join(root, "link")); err != nil {
		t.Fatal(err)
	}
	h := newHost(t, WithFileSystem(root))
	src := `
		const fs = require("fs"), fsp = require("fs/promises");
		const outside = [` + strconv.Quote(filepath.Join(out, "secret")) + `, "../out/secret", "link/secret", "link/new", "../out"];
		const calls = {
			readFile: (p) => [p], writeFile: (p) => [p, "x"], appendFile: (p) => [p, "x"], readdir: (p) => [p], stat: (p) => [p],
			lstat: (p) => [p], mkdir: (p) => [p + "/made", { recursive: true }], mkdtemp: (p) => [p + "-"], rm: (p) => [p, { recursive: true, force: true }],
			rmdir: (p) => [p], unlink: (p) => [p], rename: (p) => [p, "in2"], copyFile: (p) => [p, "in3"], access: (p) => [p],
			renameInto: (p) => ["in", p], copyInto: (p) => ["in", p],
		};
		const fn = { renameInto: "rename", copyInto: "copyFile" };
		(async () => {
			const bad = [];
			for (const [name, args] of Object.entries(calls)) {
				const f = fn[name] || name;
				for (const p of outside) {
					const a = args(p);
					try { fs[f + "Sync"](...a); bad.push(name + "Sync " + p + ": no error") } catch (e) { if (e.code !== "EACCES") bad.push(name + "Sync " + p + ": " + e.code) }
					const cbErr = await new Promise((res) => fs[f](...a, (e) => res(e)));
					if (!cbErr || cbErr.code !== "EACCES") bad.push(name + " " + p + ": " + (cbErr && cbErr.code));
					try { await fsp[f](...a); bad.push("promises " + name + " " + p + ": no error") } catch (e) { if (e.code !== "EACCES") bad.push("promises " + name + " " + p + ": " + e.code) }
				}
			}
			return bad.join("\n") + "|" + fs.existsSync(outside[0]) + fs.existsSync("link/secret") + fs.readFileSync("in", "utf8");
		})()`
	v, err := h.Eval(context.Background(), src)
	if err != nil {
		t.Fatal(err)
	}
	if v != "|falsefalsei" {
		t.Errorf("got %q, want every call refused with EACCES", v)
	}
	entries, _ := os.ReadDir(out)
	data, _ := os.ReadFile(filepath.Join(out, "secret"))
	if len(entries) != 1 || string(data) != "s" {
		t.Errorf("outside changed: %d entries, secret %q", len(entries), data)
	}
}

// TestFSPromisesOff: with the file system off, fs/promises is gone too.
func TestFSPromisesOff(t *testing.T) {
	t.Parallel()
	h := newHost(t, WithoutFileSystem())
	v, err := h.Eval(context.Background(), `["fs/promises", "node:fs/promises", "fs/promises"].map((m) => {
		try { require(m); return "loaded" } catch (e) { return e.name } }).join()`)
	if want := "TypeError,TypeError,TypeError"; err != nil || v != want {
		t.Errorf("got %v, %v; want %s", v, err, want)
	}
}
