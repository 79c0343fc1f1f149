//go:build jsrun_cluster

package main

import (
	"bytes"
	"context"
	"strings"
	"sync"
	"testing"

	"github.com/jsrun/jsrun/internal/natstest"
	"github.com/nats-io/nuid"
)

// A script run with --nats sends its cluster Pool's items to a `jsrun
// worker` of that pool.
func TestWorkerServesScript(t *testing.T) {
	pool := "cli-" + nuid.Next()
	ctx, cancel := context.WithCancel(context.Background())
	var wg sync.WaitGroup
	var werr bytes.Buffer
	rc := -1
	wg.Go(func() {
		rc = worker(ctx, []string{"--nats", natstest.URL, "--pool", pool, "--threads", "2", "--no-fs", "--timeout", "200ms", "--prefetch", "0"}, &bytes.Buffer{}, &werr)
	})
	var out, errOut bytes.Buffer
	code := run([]string{"--nats", natstest.URL, "-e", `
		const p = threads.Pool((x) => { if (x < 0) for (;;) {} return x * x }, {cluster: "` + pool + `"});
		console.log(p.map([1, 2, 3]).join(","));
		try { p.submit(-1).get() } catch (e) { console.log(e.message) }
		p.close();
	`}, strings.NewReader(""), &out, &errOut)
	cancel()
	wg.Wait()
	if code != 0 || !strings.HasPrefix(out.String(), "1,4,9\nPool item ") || !strings.HasSuffix(out.String(), " failed on a cluster worker: timed out after 200ms (the worker's item timeout)\n") {
		t.Fatalf("exit %d, stdout %q, stderr %q", code, out.String(), errOut.String())
	}
	if rc != 0 || !strings.Contains(werr.String(), "serving pool") {
		t.Fatalf("worker exit %d, stderr %q", rc, werr.String())
	}
}

func TestWorkerUsage(t *testing.T) {
	for _, c := range []struct {
		args []string
		want string
	}{
		{nil, "usage: jsrun worker"},
		{[]string{"--nats", "nats://127.0.0.1:1", "--pool", "a.b"}, "cluster pool name"},
		{[]string{"--nats", "nats://127.0.0.1:1", "--threads", "0"}, "--threads must be at least 1"},
		{[]string{"--nats", "nats://127.0.0.1:1", "--prefetch", "-1"}, "--prefetch must not be negative"},
	} {
		var errOut bytes.Buffer
		if rc := worker(context.Background(), c.args, &bytes.Buffer{}, &errOut); rc != 2 || !strings.Contains(errOut.String(), c.want) {
			t.Errorf("%q: exit %d, stderr %q", c.args, rc, errOut.String())
		}
	}
}
