package clone

import (
	"fmt"
	"runtime/debug"
	"slices"
	"strings"

	"github.com/dop251/goja"
)

// gojaPath is goja's module path, as the build information names it.
const gojaPath = "github.com/dop251/goja"

// modulePath is this module's path, and pinnedGoja the goja version its
// go.mod requires (TestGoModPin keeps the two in step). A test binary's
// build information lists no dependencies (cmd/go leaves them out), so
// for this module's own tests the goja version is the pin.
const (
	modulePath = "github.com/jsrun/jsrun"
	pinnedGoja = "v0.0.0-20260917113740-793a2a65c13b"
)

// verifiedGoja lists the goja versions the fast path (layout.go) was
// verified against: the layout it reads, its start-up checks and the whole
// test suite on both paths. Add a version only after running .ci/run with
// it in go.mod.
var verifiedGoja = []string{
	pinnedGoja,
}

// FastPath reports whether clones read goja's object representation
// directly (the fast path) rather than through goja's public API alone, and
// why. The fast path is taken only when all of these hold:
//
//   - the binary was not built with the jsrun_safeclone tag;
//   - its build information (debug.ReadBuildInfo) names a goja version
//     listed as verified, not replaced;
//   - the layout learned from sample values passes the start-up checks.
//
// Both paths clone alike; the public one takes two to three times as long
// on big values. The choice is made once per process.
func FastPath() (ok bool, reason string) {
	loadImpl()
	return impl.layout != nil, impl.reason
}

// chooseLayout returns the layout the fast path reads in a process built
// as info says (ok: debug.ReadBuildInfo's second result), or nil for the
// public path, with the reason either way. safe is the jsrun_safeclone
// tag. rt is a scratch runtime to learn the layout from.
func chooseLayout(rt *goja.Runtime, info *debug.BuildInfo, ok, safe bool) (*layout, string) {
	version, why := gojaVersion(info, ok, safe)
	if why != "" {
		return nil, why
	}
	l, why := learnLayout(rt)
	if l == nil {
		return nil, "goja " + version + ": " + why
	}
	return l, "goja " + version + " is verified and its layout passed the start-up checks"
}

// gojaVersion returns the goja version the build information names, or
// why the fast path may not be used.
func gojaVersion(info *debug.BuildInfo, ok, safe bool) (version, why string) {
	if safe {
		return "", "built with the jsrun_safeclone tag: the public path is forced"
	}
	if !ok || info == nil {
		return "", "no build information (debug.ReadBuildInfo): the goja version is unknown"
	}
	for _, m := range info.Deps {
		if m.Path != gojaPath {
			continue
		}
		if m.Replace != nil {
			return "", fmt.Sprintf("goja %s is replaced by %s %s, which is not verified", m.Version, m.Replace.Path, m.Replace.Version)
		}
		if !slices.Contains(verifiedGoja, m.Version) {
			return "", "goja " + m.Version + " is not a version the fast path was verified against"
		}
		return m.Version, ""
	}
	if info.Main.Path == modulePath && len(info.Deps) == 0 && strings.HasSuffix(info.Path, ".test") {
		return pinnedGoja, "" // this module's tests: see pinnedGoja
	}
	return "", "the build information does not list goja"
}
