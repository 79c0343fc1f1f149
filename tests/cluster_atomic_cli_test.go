//go:build jsrun_cluster

package tests

import (
	"bytes"
	"context"
	"fmt"
	"os/exec"
	"sync"
	"testing"

	"github.com/jsrun/jsrun/cluster"
	"github.com/nats-io/nuid"
)

// A cluster Atomic incremented 10,000 times from 3 jsrun processes at
// once ends at exactly 10,000: no add is lost or counted twice.
func TestClusterAtomicThreeProcesses(t *testing.T) {
	t.Parallel()
	srv, err := cluster.StartServer(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer func() { srv.Shutdown(); srv.WaitForShutdown() }()
	url, name := srv.ClientURL(), "adds-"+nuid.Next()
	ctx, cancel := context.WithTimeout(context.Background(), hangLimit)
	defer cancel()
	adds := []int{3334, 3333, 3333}
	var wg sync.WaitGroup
	for _, n := range adds {
		wg.Go(func() {
			cmd := exec.CommandContext(ctx, jsrunBin, "--nats", url, "-e", fmt.Sprintf(`
				const a = threads.Atomic(0, {cluster: %q});
				for (let i = 0; i < %d; i++) a.add(1);
			`, name, n))
			var errOut bytes.Buffer
			cmd.Stderr = &errOut
			if err := cmd.Run(); err != nil {
				t.Errorf("adding %d: %v\nstderr: %s", n, err, errOut.String())
			}
		})
	}
	wg.Wait()
	out, errOut, code, _ := runJsrun(t, "", "--nats", url, "-e",
		fmt.Sprintf(`console.log(threads.Atomic(0, {cluster: %q}).get())`, name))
	if code != 0 || out != "10000\n" {
		t.Fatalf("exit %d, stdout %q (want 10000), stderr %q", code, out, errOut)
	}
}
