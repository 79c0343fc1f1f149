package main

import (
	"bufio"
	"errors"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

// The --max-memory flag: a size, 0 for none, and by default half of the
// memory the process may use, so that a script that fills the heap fails
// with a RangeError while the machine (or the container) still has room,
// instead of the process being killed. Half leaves the other half for the
// collector's work near the limit and for memory the Go heap does not
// count.

// defaultShare is the part of the available memory the default takes.
const defaultShare = 2

// sizeUnits are the suffixes parseSize takes, case-insensitive: SI
// multiples of 1000 (as Kubernetes reads "1G") and binary ones of 1024.
var sizeUnits = map[string]float64{
	"": 1, "b": 1,
	"k": 1e3, "kb": 1e3, "m": 1e6, "mb": 1e6, "g": 1e9, "gb": 1e9, "t": 1e12, "tb": 1e12,
	"ki": 1 << 10, "kib": 1 << 10, "mi": 1 << 20, "mib": 1 << 20,
	"gi": 1 << 30, "gib": 1 << 30, "ti": 1 << 40, "tib": 1 << 40,
}

// parseSize reads a size in bytes: "512MiB", "2GiB", "1G", "1.5GB",
// "1048576".
func parseSize(s string) (int64, error) {
	t := strings.TrimSpace(s)
	num := strings.TrimRight(t, "bBiIkKmMgGtT")
	mult, ok := sizeUnits[strings.ToLower(t[len(num):])]
	v, err := strconv.ParseFloat(strings.TrimSpace(num), 64)
	if !ok || err != nil || v < 0 || math.IsInf(v, 0) || math.IsNaN(v) {
		return 0, fmt.Errorf("invalid size %q: want bytes, or a number and a unit: 512MiB, 2GiB, 1G (10^9)", s)
	}
	n := v * mult
	if n >= math.MaxInt64 {
		return 0, fmt.Errorf("invalid size %q: too large", s)
	}
	return int64(n), nil
}

// formatSize writes n bytes for a person: in the largest binary unit that
// keeps one decimal.
func formatSize(n int64) string {
	units := []string{"B", "KiB", "MiB", "GiB", "TiB"}
	v, i := float64(n), 0
	for v >= 1024 && i < len(units)-1 {
		v /= 1024
		i++
	}
	if i == 0 {
		return strconv.FormatInt(n, 10) + "B"
	}
	return strconv.FormatFloat(v, 'f', 1, 64) + units[i]
}

// availableMemory is the memory the process may use, read under root
// ("/" but in tests): its cgroup's limit (v2, or v1's memory controller)
// when it has one below the machine's, else the machine's MemTotal. It
// says which it read; 0 when it can read neither.
func availableMemory(root string) (int64, string) {
	total, _ := memTotal(filepath.Join(root, "proc/meminfo"))
	if limit, file := cgroupLimit(root); limit > 0 && (total == 0 || limit < total) {
		return limit, "the cgroup limit in " + file
	}
	if total > 0 {
		return total, "MemTotal in /proc/meminfo"
	}
	return 0, ""
}

// memTotal reads MemTotal from /proc/meminfo.
func memTotal(path string) (int64, error) {
	f, err := os.Open(path)
	if err != nil {
		return 0, err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if rest, ok := strings.CutPrefix(sc.Text(), "MemTotal:"); ok {
			fields := strings.Fields(rest)
			if len(fields) == 2 && fields[1] == "kB" {
				kb, err := strconv.ParseInt(fields[0], 10, 64)
				if err == nil {
					return kb << 10, nil
				}
			}
		}
	}
	return 0, errors.New("no MemTotal in " + path)
}

// cgroupLimit reads the memory limit of the process's cgroup and of the
// cgroups above it (the lowest counts), from /proc/self/cgroup: cgroup v2
// (memory.max) or v1's memory controller (memory.limit_in_bytes). Inside a
// container the cgroup's own path is often not mounted; then the
// mount's root stands for it. It returns the limit and the file it came
// from, or 0 when there is none.
func cgroupLimit(root string) (int64, string) {
	data, err := os.ReadFile(filepath.Join(root, "proc/self/cgroup"))
	if err != nil {
		return 0, ""
	}
	var best int64
	var from string
	for _, line := range strings.Split(strings.TrimSpace(string(data)), "\n") {
		parts := strings.SplitN(line, ":", 3)
		if len(parts) != 3 {
			continue
		}
		var dir, file string
		switch {
		case parts[0] == "0" && parts[1] == "":
			dir, file = filepath.Join(root, "sys/fs/cgroup"), "memory.max"
		case hasController(parts[1], "memory"):
			dir, file = filepath.Join(root, "sys/fs/cgroup/memory"), "memory.limit_in_bytes"
		default:
			continue
		}
		for p := filepath.Clean("/" + parts[2]); ; p = filepath.Dir(p) {
			path := filepath.Join(dir, p, file)
			if n := readLimit(path); n > 0 && (best == 0 || n < best) {
				best, from = n, strings.TrimPrefix(path, filepath.Clean(root))
			}
			if p == "/" {
				break
			}
		}
	}
	return best, from
}

func hasController(list, name string) bool {
	for _, c := range strings.Split(list, ",") {
		if c == name {
			return true
		}
	}
	return false
}

// readLimit reads a cgroup memory limit file; 0 for none ("max", or v1's
// huge number for no limit) or when it cannot.
func readLimit(path string) int64 {
	data, err := os.ReadFile(path)
	if err != nil {
		return 0
	}
	s := strings.TrimSpace(string(data))
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil || n <= 0 || n >= 1<<62 {
		return 0
	}
	return n
}

// memoryFlag is --max-memory: bytes, and where the default came from.
type memoryFlag struct {
	n     int64
	about string
}

// newMemoryFlag makes the flag with its default (see availableMemory).
func newMemoryFlag() *memoryFlag {
	avail, from := availableMemory("/")
	if avail == 0 {
		return &memoryFlag{about: "none: the available memory cannot be read here"}
	}
	n := avail / defaultShare
	return &memoryFlag{n: n, about: fmt.Sprintf("%s, half of %s", formatSize(n), from)}
}

func (f *memoryFlag) String() string {
	if f == nil {
		return ""
	}
	if f.about != "" {
		return f.about
	}
	return formatSize(f.n)
}

func (f *memoryFlag) Set(s string) error {
	n, err := parseSize(s)
	if err != nil {
		return err
	}
	f.n, f.about = n, ""
	return nil
}
