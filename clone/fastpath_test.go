package clone

import (
	"os"
	"runtime/debug"
	"slices"
	"strings"
	"testing"

	"github.com/dop251/goja"
)

// TestFastPathInUse: a normal build of this module takes the fast path
// (if a goja upgrade changed the fields it reads, clones stay correct on
// the public path but several times slower, which this makes visible); a
// build with the jsrun_safeclone tag takes the public path.
func TestFastPathInUse(t *testing.T) {
	t.Parallel()
	ok, reason := FastPath()
	t.Log(reason)
	if safeBuild {
		if ok || !strings.Contains(reason, "jsrun_safeclone") {
			t.Errorf("jsrun_safeclone build: FastPath() = %v, %q", ok, reason)
		}
		return
	}
	if !ok {
		t.Errorf("the fast path is off: %s; update layout.go or fastpath.go", reason)
	}
}

// fakeInfo is build information naming goja at version, replaced by
// replace when it is not empty.
func fakeInfo(version, replace string) *debug.BuildInfo {
	m := &debug.Module{Path: gojaPath, Version: version}
	if replace != "" {
		m.Replace = &debug.Module{Path: replace, Version: "v1.0.0"}
	}
	return &debug.BuildInfo{Main: debug.Module{Path: "example.com/app"}, Deps: []*debug.Module{
		{Path: "golang.org/x/text", Version: "v0.16.0"}, m,
	}}
}

// TestChooseLayout: only a verified, unreplaced goja version in the build
// information, without the jsrun_safeclone tag, gets the fast path.
func TestChooseLayout(t *testing.T) {
	t.Parallel()
	verified := verifiedGoja[0]
	for _, c := range []struct {
		name string
		info *debug.BuildInfo
		ok   bool // debug.ReadBuildInfo's second result
		safe bool
		fast bool
		why  string
	}{
		{"verified", fakeInfo(verified, ""), true, false, true, "is verified"},
		{"unverified version", fakeInfo("v0.0.0-20990101000000-0123456789ab", ""), true, false, false, "goja v0.0.0-20990101000000-0123456789ab is not a version"},
		{"replaced", fakeInfo(verified, "example.com/goja-fork"), true, false, false, "replaced by example.com/goja-fork"},
		{"safe tag", fakeInfo(verified, ""), true, true, false, "jsrun_safeclone"},
		{"no build information", nil, false, false, false, "no build information"},
		{"goja not listed", &debug.BuildInfo{Main: debug.Module{Path: "example.com/app"}, Path: "example.com/app"}, true, false, false, "does not list goja"},
		{"another module's test", &debug.BuildInfo{Main: debug.Module{Path: "example.com/app"}, Path: "example.com/app.test"}, true, false, false, "does not list goja"},
		{"this module's test", &debug.BuildInfo{Main: debug.Module{Path: modulePath}, Path: modulePath + "/clone.test"}, true, false, true, "goja " + pinnedGoja + " is verified"},
		{"this module's test, safe tag", &debug.BuildInfo{Main: debug.Module{Path: modulePath}, Path: modulePath + "/clone.test"}, true, true, false, "jsrun_safeclone"},
	} {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			l, why := chooseLayout(goja.New(), c.info, c.ok, c.safe)
			if (l != nil) != c.fast || !strings.Contains(why, c.why) {
				t.Errorf("fast path %v (%q), want %v (%q)", l != nil, why, c.fast, c.why)
			}
		})
	}
}

// TestUnverifiedGojaClonesOnPublicPath: with the layout chosen for an
// unverified goja version (the public path), a clone of every kind of
// value works, and reads nothing of goja's representation: the walker and
// the restorer have no layout to read it with.
func TestUnverifiedGojaClonesOnPublicPath(t *testing.T) {
	t.Parallel()
	loadImpl() // the kinds tables; the public entry points load them, snapshot does not
	l, _ := chooseLayout(goja.New(), fakeInfo("v0.0.0-20990101000000-0123456789ab", ""), true, false)
	if l != nil {
		t.Fatal("an unverified goja version got the fast path")
	}
	for _, c := range roundTripCases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			a, b := newRuntime(t), newRuntime(t)
			s, err := snapshot(l, a, []goja.Value{run(t, a, c.src)}, nil, "v", c.opts)
			if err != nil {
				t.Fatal(err)
			}
			got, err := s.restore(l, b, nil, false)
			if err != nil {
				t.Fatal(err)
			}
			want := c.want
			if want == "" {
				want = c.src
			}
			if d := diff(t, b, run(t, b, want), got[0]); d != "" {
				t.Error(d)
			}
		})
	}
}

// TestGoModPin: pinnedGoja is the goja version go.mod requires, and it is
// verified. (This module's test binaries take the pin as their goja
// version: see pinnedGoja.)
func TestGoModPin(t *testing.T) {
	t.Parallel()
	data, err := os.ReadFile("../go.mod")
	if err != nil {
		t.Fatal(err)
	}
	var pin string
	for _, line := range strings.Split(string(data), "\n") {
		if f := strings.Fields(line); len(f) >= 2 && f[0] == gojaPath {
			pin = f[1]
		} else if len(f) >= 3 && f[0] == "require" && f[1] == gojaPath {
			pin = f[2]
		}
	}
	if pin != pinnedGoja || !slices.Contains(verifiedGoja, pin) {
		t.Errorf("go.mod requires goja %q; pinnedGoja is %q, verified: %v", pin, pinnedGoja, verifiedGoja)
	}
	if strings.Contains(string(data), "replace") {
		t.Error("go.mod has a replace directive: goja's version in use is not the pin")
	}
}
