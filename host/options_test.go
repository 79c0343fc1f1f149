package host

import (
	"errors"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/dlclark/regexp2/v2"
	"github.com/dop251/goja"
)

// TestNewReportsBadOptions: each bad option is New's error, wrapping
// ErrInvalidOption and naming the option; several are all reported.
func TestNewReportsBadOptions(t *testing.T) {
	t.Parallel()
	load := func(*Runtime, *goja.Object) error { return nil }
	make := func(r *Runtime) (goja.Value, error) { return r.ToValue(1), nil }
	missing := filepath.Join(t.TempDir(), "missing")
	for _, c := range []struct {
		opts []Option
		want string
	}{
		{[]Option{nil}, "a nil Option"},
		{[]Option{WithStdout(nil)}, "WithStdout(nil)"},
		{[]Option{WithStderr(nil)}, "WithStderr(nil)"},
		{[]Option{WithMaxThreads(-1)}, "WithMaxThreads(-1): the limit must not be negative"},
		{[]Option{WithMaxCallStackSize(-5)}, "WithMaxCallStackSize(-5)"},
		{[]Option{WithMaxCloneBytes(-1)}, "WithMaxCloneBytes(-1)"},
		{[]Option{WithMaxQueuedItems(-1)}, "WithMaxQueuedItems(-1)"},
		{[]Option{WithMemoryLimit(-1)}, "WithMemoryLimit(-1)"},
		{[]Option{WithRegexpMatchTimeout(0)}, "WithRegexpMatchTimeout(0s): the bound must be positive"},
		{[]Option{WithRegexpMatchTimeout(-time.Second)}, "WithRegexpMatchTimeout(-1s)"},
		{[]Option{WithFileSystem("")}, `WithFileSystem(""): name the directory`},
		{[]Option{WithFileSystem(missing)}, `WithFileSystem("` + missing + `"): `},
		{[]Option{WithFileSystem(t.TempDir()), WithoutFileSystem()}, "WithFileSystem and WithoutFileSystem exclude each other"},
		{[]Option{WithoutFileSystem(), WithoutFileSystem()}, "WithoutFileSystem is given twice"},
		{[]Option{WithModule("", load)}, `WithModule(""): a module needs a name`},
		{[]Option{WithModule("m", nil)}, `WithModule("m", nil)`},
		{[]Option{WithModule("m", load), WithModule("m", load)}, `WithModule("m") is given twice`},
		{[]Option{WithModule("fs", load)}, `WithModule("fs"): the host has a module of that name`},
		{[]Option{WithModule("node:console", load)}, `WithModule("node:console")`},
		{[]Option{WithGlobal("", make)}, `WithGlobal(""): a global needs a name`},
		{[]Option{WithGlobal("g", nil)}, `WithGlobal("g", nil)`},
		{[]Option{WithGlobal("g", make), WithGlobal("g", make)}, `WithGlobal("g") is given twice`},
		{[]Option{WithGlobal("console", make)}, `WithGlobal("console"): jsrun installs console itself`},
		{[]Option{WithGlobal("setTimeout", make)}, `WithGlobal("setTimeout")`},
		{[]Option{WithGlobal("threads", make)}, `WithGlobal("threads")`},
	} {
		h, err := New(c.opts...)
		if err == nil {
			h.Close()
			t.Errorf("want an error with %q, got none", c.want)
			continue
		}
		if !errors.Is(err, ErrInvalidOption) || !strings.Contains(err.Error(), c.want) {
			t.Errorf("err = %v; want ErrInvalidOption and %q", err, c.want)
		}
	}
	_, err := New(WithMaxThreads(-1), WithStdout(nil), WithGlobal("", make))
	if err == nil || strings.Count(err.Error(), "invalid option") != 3 {
		t.Errorf("three bad options: err = %v, want all three", err)
	}
}

// TestZeroLimitsAreDefaults: 0 asks for a limit's default.
func TestZeroLimitsAreDefaults(t *testing.T) {
	t.Parallel()
	h := newHost(t, WithMaxThreads(0), WithMaxCallStackSize(0), WithMaxCloneBytes(0), WithMaxQueuedItems(0), WithMemoryLimit(0))
	if o := h.opts; o.maxThreads != DefaultMaxThreads || o.maxStack != DefaultMaxCallStackSize || o.maxQueued != DefaultMaxQueuedItems || o.maxCloneBytes != 0 || o.memoryLimit != 0 {
		t.Errorf("options %+v", o)
	}
}

// TestRegexpTimeoutIsNeverRaised: New sets regexp2's process-wide default
// to the host's bound only when that lowers it. (The test lowers nothing
// below the default every host of this package sets.)
func TestRegexpTimeoutIsNeverRaised(t *testing.T) {
	newHost(t)
	if got := regexp2.DefaultMatchTimeout; got > DefaultRegexpMatchTimeout {
		t.Fatalf("after New: regexp2's default is %v, want at most %v", got, DefaultRegexpMatchTimeout)
	}
	before := regexp2.DefaultMatchTimeout
	newHost(t, WithRegexpMatchTimeout(time.Hour))
	if got := regexp2.DefaultMatchTimeout; got != before {
		t.Errorf("a host with a longer bound raised regexp2's default from %v to %v", before, got)
	}
}
