package main

import (
	"os"
	"path/filepath"
	"testing"
)

func TestParseSize(t *testing.T) {
	for in, want := range map[string]int64{
		"0": 0, "1048576": 1 << 20, "512MiB": 512 << 20, "2GiB": 2 << 30, "2gib": 2 << 30,
		"1G": 1e9, "1GB": 1e9, "1g": 1e9, "1.5GiB": 3 << 29, "64Ki": 64 << 10, "10K": 10e3,
		"1TiB": 1 << 40, " 512 MiB ": 512 << 20, "100B": 100,
	} {
		if got, err := parseSize(in); err != nil || got != want {
			t.Errorf("parseSize(%q) = %d, %v; want %d", in, got, err, want)
		}
	}
	for _, in := range []string{"", "MiB", "-1", "1X", "1 GiBs", "NaN", "Inf", "1e30GiB", "1,5G"} {
		if got, err := parseSize(in); err == nil {
			t.Errorf("parseSize(%q) = %d; want an error", in, got)
		}
	}
}

func TestFormatSize(t *testing.T) {
	for n, want := range map[int64]string{100: "100B", 512 << 20: "512.0MiB", 3 << 29: "1.5GiB", 12_639_358_976: "11.8GiB"} {
		if got := formatSize(n); got != want {
			t.Errorf("formatSize(%d) = %q; want %q", n, got, want)
		}
	}
}

// fakeRoot writes files under a temporary root, by path.
func fakeRoot(t *testing.T, files map[string]string) string {
	t.Helper()
	root := t.TempDir()
	for name, data := range files {
		path := filepath.Join(root, name)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return root
}

const meminfo = "MemTotal:       24683748 kB\nMemFree:        19979060 kB\n"

func TestAvailableMemory(t *testing.T) {
	for _, c := range []struct {
		name  string
		files map[string]string
		want  int64
		from  string
	}{
		{"no cgroup limit", map[string]string{
			"proc/meminfo": meminfo, "proc/self/cgroup": "0::/user.slice/a\n",
			"sys/fs/cgroup/user.slice/a/memory.max": "max\n",
		}, 24683748 << 10, "MemTotal in /proc/meminfo"},
		{"cgroup v2 limit above the process's own cgroup", map[string]string{
			"proc/meminfo": meminfo, "proc/self/cgroup": "0::/kubepods/pod1/c1\n",
			"sys/fs/cgroup/kubepods/pod1/c1/memory.max": "max\n",
			"sys/fs/cgroup/kubepods/pod1/memory.max":    "1073741824\n",
		}, 1 << 30, "the cgroup limit in /sys/fs/cgroup/kubepods/pod1/memory.max"},
		{"cgroup v1, own path not mounted", map[string]string{
			"proc/meminfo": meminfo, "proc/self/cgroup": "5:cpu,cpuacct:/x\n4:memory:/docker/abc\n",
			"sys/fs/cgroup/memory/memory.limit_in_bytes": "536870912\n",
		}, 512 << 20, "the cgroup limit in /sys/fs/cgroup/memory/memory.limit_in_bytes"},
		{"cgroup v1 without a limit", map[string]string{
			"proc/meminfo": meminfo, "proc/self/cgroup": "4:memory:/\n",
			"sys/fs/cgroup/memory/memory.limit_in_bytes": "9223372036854771712\n",
		}, 24683748 << 10, "MemTotal in /proc/meminfo"},
		{"cgroup limit above the machine", map[string]string{
			"proc/meminfo": meminfo, "proc/self/cgroup": "0::/\n",
			"sys/fs/cgroup/memory.max": "107374182400\n",
		}, 24683748 << 10, "MemTotal in /proc/meminfo"},
		{"nothing readable", map[string]string{}, 0, ""},
	} {
		got, from := availableMemory(fakeRoot(t, c.files))
		if got != c.want || from != c.from {
			t.Errorf("%s: availableMemory = %d, %q; want %d, %q", c.name, got, from, c.want, c.from)
		}
	}
}

func TestMemoryFlagDefaultIsHalf(t *testing.T) {
	f := newMemoryFlag()
	avail, _ := availableMemory("/")
	if f.n != avail/2 {
		t.Fatalf("default %d; want half of %d", f.n, avail)
	}
	if err := f.Set("0"); err != nil || f.n != 0 || f.String() != "0B" {
		t.Fatalf("after Set(0): %d %q %v", f.n, f.String(), err)
	}
}
