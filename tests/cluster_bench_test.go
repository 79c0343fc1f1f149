//go:build jsrun_cluster

package tests

import (
	"bytes"
	"context"
	"fmt"
	"os/exec"
	"strings"
	"testing"
	"time"

	"github.com/jsrun/jsrun/cluster"
	"github.com/nats-io/nuid"
)

// BenchmarkClusterWorkerProcesses is the large acceptance run, too
// long for the test budget: N items (default 100,000: -benchtime 1x)
// through an embedded server and 2 `jsrun worker` processes, checking the
// exact set of results, and reporting items/s.
//
//	go test -run '^$' -bench ClusterWorkerProcesses -benchtime 1x ./tests
func BenchmarkClusterWorkerProcesses(b *testing.B) {
	const items = 100_000
	srv, err := cluster.StartServer(b.TempDir())
	if err != nil {
		b.Fatal(err)
	}
	defer func() { srv.Shutdown(); srv.WaitForShutdown() }()
	url, pool := srv.ClientURL(), "bench-"+nuid.Next()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Minute)
	defer cancel()
	for range 2 {
		w := exec.CommandContext(ctx, jsrunBin, "worker", "--quiet", "--nats", url, "--pool", pool, "--threads", "2")
		if err := w.Start(); err != nil {
			b.Fatal(err)
		}
		defer func() { _ = w.Process.Kill(); _ = w.Wait() }()
	}
	b.ResetTimer()
	for range b.N {
		script := exec.CommandContext(ctx, jsrunBin, "--nats", url, "-e", fmt.Sprintf(`
			const p = threads.Pool((x) => x + 1, {cluster: %q});
			const res = p.map(Array.from({length: %d}, (_, i) => i));
			console.log(res.length, res.every((r, i) => r === i + 1));
			p.close();
		`, pool, items))
		var out, errOut bytes.Buffer
		script.Stdout, script.Stderr = &out, &errOut
		start := time.Now()
		if err := script.Run(); err != nil {
			b.Fatalf("%v: %s", err, errOut.String())
		}
		b.ReportMetric(items/time.Since(start).Seconds(), "items/s")
		if got := strings.TrimSpace(out.String()); got != fmt.Sprint(items, " true") {
			b.Fatalf("got %q", got)
		}
	}
}
