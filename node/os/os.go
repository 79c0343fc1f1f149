// Package os is Node's os module: EOL, devNull, arch, platform, type,
// machine, release, version, hostname, homedir, tmpdir, userInfo, cpus,
// availableParallelism, totalmem, freemem, uptime, loadavg, endianness,
// networkInterfaces and constants (signals, priority). The values are the
// machine's, read when a function is called; on Linux from /proc, as Node
// reads them. getPriority and setPriority are not provided: a script
// does not change the host process.
package os

import (
	"encoding/binary"
	"net"
	goos "os"
	"os/user"
	"runtime"
	"strconv"
	"strings"

	"github.com/dop251/goja"
	"github.com/dop251/goja_nodejs/require"
	"github.com/jsrun/jsrun/internal/jsutil"
)

// Arch is Node's name for GOARCH (process.arch too).
func Arch() string {
	switch runtime.GOARCH {
	case "amd64":
		return "x64"
	case "386":
		return "ia32"
	case "mips64le":
		return "mips64el"
	case "mipsle":
		return "mipsel"
	case "ppc64le":
		return "ppc64"
	}
	return runtime.GOARCH
}

// Platform is Node's name for GOOS (process.platform too).
func Platform() string {
	switch runtime.GOOS {
	case "windows":
		return "win32"
	case "illumos", "solaris":
		return "sunos"
	}
	return runtime.GOOS
}

// osType is what os.type() says, uname's sysname.
func osType() string {
	switch runtime.GOOS {
	case "linux", "android":
		return "Linux"
	case "darwin", "ios":
		return "Darwin"
	case "windows":
		return "Windows_NT"
	case "freebsd":
		return "FreeBSD"
	case "openbsd":
		return "OpenBSD"
	case "netbsd":
		return "NetBSD"
	case "illumos", "solaris":
		return "SunOS"
	case "aix":
		return "AIX"
	}
	return runtime.GOOS
}

// tmpdir is Node's: $TMPDIR, $TMP or $TEMP, else /tmp, without a trailing
// slash.
func tmpdir() string {
	dir := ""
	for _, v := range []string{"TMPDIR", "TMP", "TEMP"} {
		if dir = goos.Getenv(v); dir != "" {
			break
		}
	}
	if dir == "" {
		dir = "/tmp"
	}
	if len(dir) > 1 && strings.HasSuffix(dir, "/") {
		dir = dir[:len(dir)-1]
	}
	return dir
}

func homedir() string {
	if h := goos.Getenv("HOME"); h != "" {
		return h
	}
	if u, err := user.Current(); err == nil {
		return u.HomeDir
	}
	return ""
}

func hostname() string {
	h, _ := goos.Hostname()
	return h
}

func endianness() string {
	var probe [2]byte
	binary.NativeEndian.PutUint16(probe[:], 1)
	if probe[0] == 1 {
		return "LE"
	}
	return "BE"
}

// Loader is the loader of "os" (and "node:os").
func Loader(rt *goja.Runtime, module *goja.Object) {
	exports := module.Get("exports").(*goja.Object)
	fn := func(name string, f func() any) {
		_ = exports.Set(name, jsutil.Func(rt, name, func(goja.FunctionCall) goja.Value { return rt.ToValue(f()) }))
	}
	_ = exports.Set("EOL", "\n")
	_ = exports.Set("devNull", "/dev/null")
	fn("arch", func() any { return Arch() })
	fn("platform", func() any { return Platform() })
	fn("type", func() any { return osType() })
	fn("machine", func() any { return machine() })
	fn("release", func() any { return release() })
	fn("version", func() any { return version() })
	fn("hostname", func() any { return hostname() })
	fn("homedir", func() any { return homedir() })
	fn("tmpdir", func() any { return tmpdir() })
	fn("endianness", func() any { return endianness() })
	fn("availableParallelism", func() any { return runtime.NumCPU() })
	fn("totalmem", func() any { total, _ := memory(); return total })
	fn("freemem", func() any { _, free := memory(); return free })
	fn("uptime", func() any { return uptime() })
	fn("loadavg", func() any { l := loadavg(); return rt.NewArray(l[0], l[1], l[2]) })
	fn("cpus", func() any { return cpus(rt) })
	fn("userInfo", func() any { return userInfo(rt) })
	fn("networkInterfaces", func() any { return networkInterfaces(rt) })
	_ = exports.Set("constants", constants(rt))
}

var _ require.ModuleLoader = Loader

func cpus(rt *goja.Runtime) *goja.Object {
	list := cpuInfo()
	out := make([]any, len(list))
	for i, c := range list {
		times := rt.NewObject()
		for _, k := range []struct {
			name string
			v    uint64
		}{{"user", c.user}, {"nice", c.nice}, {"sys", c.sys}, {"idle", c.idle}, {"irq", c.irq}} {
			_ = times.Set(k.name, k.v)
		}
		o := rt.NewObject()
		_ = o.Set("model", c.model)
		_ = o.Set("speed", c.speed)
		_ = o.Set("times", times)
		out[i] = o
	}
	return rt.NewArray(out...)
}

// nullProto is an object without a prototype, as Node gives userInfo and
// constants.
func nullProto(rt *goja.Runtime) *goja.Object {
	o := rt.NewObject()
	_ = o.SetPrototype(nil)
	return o
}

func userInfo(rt *goja.Runtime) *goja.Object {
	o := nullProto(rt)
	uid, gid := goos.Getuid(), goos.Getgid()
	name, home, shell := "", homedir(), ""
	if u, err := user.Current(); err == nil {
		name, home = u.Username, u.HomeDir
	}
	if s := goos.Getenv("SHELL"); s != "" {
		shell = s
	} else if runtime.GOOS != "windows" {
		shell = loginShell(uid)
	}
	_ = o.Set("uid", uid)
	_ = o.Set("gid", gid)
	_ = o.Set("username", name)
	_ = o.Set("homedir", home)
	if shell == "" {
		_ = o.Set("shell", goja.Null())
	} else {
		_ = o.Set("shell", shell)
	}
	return o
}

// loginShell reads uid's shell from /etc/passwd, as getpwuid does.
func loginShell(uid int) string {
	data, err := goos.ReadFile("/etc/passwd")
	if err != nil {
		return ""
	}
	for _, line := range strings.Split(string(data), "\n") {
		f := strings.Split(line, ":")
		if len(f) >= 7 && f[2] == strconv.Itoa(uid) {
			return f[6]
		}
	}
	return ""
}

func networkInterfaces(rt *goja.Runtime) *goja.Object {
	out := rt.NewObject()
	ifaces, err := net.Interfaces()
	if err != nil {
		return out
	}
	for _, iface := range ifaces {
		addrs, err := iface.Addrs()
		if err != nil || len(addrs) == 0 {
			continue
		}
		var list []any
		for _, a := range addrs {
			ipnet, ok := a.(*net.IPNet)
			if !ok {
				continue
			}
			o := rt.NewObject()
			ones, _ := ipnet.Mask.Size()
			family := "IPv6"
			if ipnet.IP.To4() != nil {
				family = "IPv4"
			}
			mac := iface.HardwareAddr.String()
			if mac == "" {
				mac = "00:00:00:00:00:00"
			}
			_ = o.Set("address", ipnet.IP.String())
			_ = o.Set("netmask", net.IP(ipnet.Mask).String())
			_ = o.Set("family", family)
			_ = o.Set("mac", mac)
			_ = o.Set("internal", iface.Flags&net.FlagLoopback != 0)
			_ = o.Set("cidr", ipnet.IP.String()+"/"+strconv.Itoa(ones))
			if family == "IPv6" {
				scope := 0
				if ipnet.IP.IsLinkLocalUnicast() {
					scope = iface.Index
				}
				_ = o.Set("scopeid", scope)
			}
			list = append(list, o)
		}
		if len(list) > 0 {
			_ = out.Set(iface.Name, rt.NewArray(list...))
		}
	}
	return out
}

func constants(rt *goja.Runtime) *goja.Object {
	c := nullProto(rt)
	signals := nullProto(rt)
	for _, s := range signalNumbers {
		_ = signals.Set(s.name, s.number)
	}
	priority := nullProto(rt)
	for _, p := range []struct {
		name string
		v    int
	}{{"PRIORITY_LOW", 19}, {"PRIORITY_BELOW_NORMAL", 10}, {"PRIORITY_NORMAL", 0}, {"PRIORITY_ABOVE_NORMAL", -7}, {"PRIORITY_HIGH", -14}, {"PRIORITY_HIGHEST", -20}} {
		_ = priority.Set(p.name, p.v)
	}
	_ = c.Set("signals", signals)
	_ = c.Set("priority", priority)
	return c
}
