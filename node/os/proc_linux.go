package os

import (
	goos "os"
	"runtime"
	"strconv"
	"strings"
	"syscall"
)

type cpu struct {
	model                      string
	speed                      int
	user, nice, sys, idle, irq uint64
}

// cpuInfo reads /proc/cpuinfo and /proc/stat as Node does (times in
// milliseconds: the kernel counts in hundredths of a second).
func cpuInfo() []cpu {
	var models []string
	var speeds []int
	if data, err := goos.ReadFile("/proc/cpuinfo"); err == nil {
		for _, line := range strings.Split(string(data), "\n") {
			k, v, ok := strings.Cut(line, ":")
			if !ok {
				continue
			}
			k, v = strings.TrimSpace(k), strings.TrimSpace(v)
			switch k {
			case "model name":
				models = append(models, v)
			case "cpu MHz":
				f, _ := strconv.ParseFloat(v, 64)
				speeds = append(speeds, int(f))
			}
		}
	}
	var out []cpu
	if data, err := goos.ReadFile("/proc/stat"); err == nil {
		for _, line := range strings.Split(string(data), "\n") {
			f := strings.Fields(line)
			if len(f) < 8 || !strings.HasPrefix(f[0], "cpu") || f[0] == "cpu" {
				continue
			}
			n := func(i int) uint64 { v, _ := strconv.ParseUint(f[i], 10, 64); return v * 10 }
			c := cpu{user: n(1), nice: n(2), sys: n(3), idle: n(4), irq: n(6)}
			i := len(out)
			c.model = "unknown"
			if i < len(models) {
				c.model = models[i]
			} else if len(models) > 0 {
				c.model = models[0]
			}
			if i < len(speeds) {
				c.speed = speeds[i]
			}
			out = append(out, c)
		}
	}
	if len(out) == 0 {
		out = make([]cpu, runtime.NumCPU())
		for i := range out {
			out[i].model = "unknown"
		}
	}
	return out
}

// memory is MemTotal and MemAvailable of /proc/meminfo, in bytes.
func memory() (total, free uint64) {
	data, err := goos.ReadFile("/proc/meminfo")
	if err != nil {
		return 0, 0
	}
	for _, line := range strings.Split(string(data), "\n") {
		f := strings.Fields(line)
		if len(f) < 2 {
			continue
		}
		v, _ := strconv.ParseUint(f[1], 10, 64)
		switch f[0] {
		case "MemTotal:":
			total = v * 1024
		case "MemAvailable:":
			free = v * 1024
		}
	}
	return total, free
}

func uptime() float64 {
	data, err := goos.ReadFile("/proc/uptime")
	if err != nil {
		return 0
	}
	f := strings.Fields(string(data))
	if len(f) == 0 {
		return 0
	}
	v, _ := strconv.ParseFloat(f[0], 64)
	return v
}

func loadavg() [3]float64 {
	var out [3]float64
	data, err := goos.ReadFile("/proc/loadavg")
	if err != nil {
		return out
	}
	f := strings.Fields(string(data))
	for i := 0; i < 3 && i < len(f); i++ {
		out[i], _ = strconv.ParseFloat(f[i], 64)
	}
	return out
}

func uname() (release, version, machine string) {
	var u syscall.Utsname
	if syscall.Uname(&u) != nil {
		return "", "", runtime.GOARCH
	}
	return cstr(u.Release), cstr(u.Version), cstr(u.Machine)
}

// cstr reads a NUL-terminated field of Utsname (int8 on some
// architectures, uint8 on others).
func cstr[T int8 | uint8](b [65]T) string {
	s := make([]byte, 0, len(b))
	for _, c := range b {
		if c == 0 {
			break
		}
		s = append(s, byte(c))
	}
	return string(s)
}

func release() string { r, _, _ := uname(); return r }
func version() string { _, v, _ := uname(); return v }
func machine() string { _, _, m := uname(); return m }
