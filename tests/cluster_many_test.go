//go:build jsrun_cluster

package tests

import (
	"bytes"
	"context"
	"fmt"
	"os/exec"
	"strings"
	"testing"

	"github.com/jsrun/jsrun/cluster"
	"github.com/nats-io/nuid"
)

// The acceptance run: 100,000 items through an embedded server
// and 2 `jsrun worker` processes, with the exact set of results (each
// item's own, in order, once). Its speed is scripts/bench's (cluster rows).
func TestClusterManyItemsTwoWorkers(t *testing.T) {
	t.Parallel()
	const items = 100_000
	srv, err := cluster.StartServer(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer func() { srv.Shutdown(); srv.WaitForShutdown() }()
	url, pool := srv.ClientURL(), "many-"+nuid.Next()
	ctx, cancel := context.WithTimeout(context.Background(), hangLimit)
	defer cancel()
	for range 2 {
		w := exec.CommandContext(ctx, jsrunBin, "worker", "--quiet", "--nats", url, "--pool", pool, "--threads", "2")
		if err := w.Start(); err != nil {
			t.Fatal(err)
		}
		defer func() { _ = w.Process.Kill(); _ = w.Wait() }()
	}
	// Each result names its item; the script checks them all, and prints
	// the first wrong one.
	script := exec.CommandContext(ctx, jsrunBin, "--nats", url, "-e", fmt.Sprintf(`
		const p = threads.Pool((x) => "r" + (x * 3 + 1), {cluster: %q});
		const res = p.map(Array.from({length: %d}, (_, i) => i));
		const bad = res.findIndex((r, i) => r !== "r" + (i * 3 + 1));
		console.log(res.length, bad === -1 ? "all exact" : "item " + bad + ": " + res[bad]);
		p.close();
	`, pool, items))
	var out, errOut bytes.Buffer
	script.Stdout, script.Stderr = &out, &errOut
	if err := script.Run(); err != nil {
		t.Fatalf("%v: %s", err, errOut.String())
	}
	if got, want := strings.TrimSpace(out.String()), fmt.Sprint(items, " all exact"); got != want {
		t.Fatalf("got %q, want %q", got, want)
	}
}
