// Package testbin is for test binaries whose tests run the jsrun command
// in a child process: it builds the command once, runs the tests, and
// checks that none of them left a goroutine behind.
package testbin

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"testing"

	"github.com/jsrun/jsrun/internal/leakcheck"
)

// Run builds ./cmd/jsrun into a temporary directory, sets *bin to it, runs
// m's tests and exits: 1 when the build fails or a goroutine leaked,
// otherwise what the tests gave. Call it from TestMain.
func Run(m *testing.M, bin *string) {
	dir, err := os.MkdirTemp("", "jsrun-test")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	*bin = filepath.Join(dir, "jsrun")
	_, file, _, _ := runtime.Caller(0)
	build := exec.Command("go", "build", "-tags", buildTags, "-o", *bin, "./cmd/jsrun")
	build.Dir = filepath.Join(filepath.Dir(file), "..", "..") // the module's root
	// Without cgo, whatever the tests run under (-race needs cgo): node/os
	// imports net and os/user, which link the C runtime when cgo is on, and
	// a child under an address-space cap then fails in pthread_create
	// before jsrun can report the limit.
	build.Env = append(os.Environ(), "CGO_ENABLED=0")
	build.Stderr = os.Stderr
	if err := build.Run(); err != nil {
		fmt.Fprintln(os.Stderr, "building jsrun:", err)
		os.RemoveAll(dir)
		os.Exit(1)
	}
	code := m.Run()
	os.RemoveAll(dir)
	if code == 0 {
		if err := leakcheck.Find(); err != nil {
			fmt.Fprintln(os.Stderr, "leaked goroutines:", err)
			code = 1
		}
	}
	os.Exit(code)
}
