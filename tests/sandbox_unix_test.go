//go:build unix

package tests

import "testing"

// TestCommandRequireDeviceFails: require reads only regular files; a
// device read without end used to exhaust the memory.
func TestCommandRequireDeviceFails(t *testing.T) {
	t.Parallel()
	stdout, stderr, code, _ := runJsrun(t, "", "-e", tryAll(`require("/dev/zero")`))
	if code != 0 || stdout != "EINVAL\n" {
		t.Fatalf("exit %d, stdout %q; stderr %q", code, stdout, stderr)
	}
}
