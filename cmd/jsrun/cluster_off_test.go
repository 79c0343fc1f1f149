//go:build !jsrun_cluster

package main

import (
	"bytes"
	"strings"
	"testing"
)

// Without the jsrun_cluster tag, the cluster's flags and the worker
// command say how to build a jsrun that has them, and run nothing.
func TestClusterNeedsTag(t *testing.T) {
	for _, args := range [][]string{
		{"--nats", "nats://127.0.0.1:1", "-e", "1"},
		{"--cluster", "local", "-e", "1"},
		{"worker", "--nats", "nats://127.0.0.1:1"},
	} {
		var out, errOut bytes.Buffer
		rc := run(args, strings.NewReader(""), &out, &errOut)
		if rc != 2 || !strings.Contains(errOut.String(), "-tags jsrun_cluster") || out.Len() != 0 {
			t.Errorf("%q: exit %d, stdout %q, stderr %q", args, rc, out.String(), errOut.String())
		}
	}
	var out, errOut bytes.Buffer
	if rc := run([]string{"-e", "console.log(1)"}, strings.NewReader(""), &out, &errOut); rc != 0 || out.String() != "1\n" {
		t.Fatalf("without cluster flags: exit %d, stdout %q, stderr %q", rc, out.String(), errOut.String())
	}
}
