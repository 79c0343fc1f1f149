//go:build jsrun_cluster

package tests

import (
	"bytes"
	"context"
	"os/exec"
	"testing"

	"github.com/jsrun/jsrun/cluster"
	"github.com/nats-io/nuid"
)

// An item that allocates without bound on a `jsrun worker --max-memory`
// fails with the memory limit's RangeError, and the same worker process
// serves the next item: it reports the item, it does not die of it.
func TestClusterWorkerOutOfMemory(t *testing.T) {
	t.Parallel()
	srv, err := cluster.StartServer(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer func() { srv.Shutdown(); srv.WaitForShutdown() }()
	url, pool := srv.ClientURL(), "oom-"+nuid.Next()
	ctx, cancel := context.WithTimeout(context.Background(), hangLimit)
	defer cancel()
	worker := exec.CommandContext(ctx, jsrunBin, "worker", "--quiet", "--nats", url, "--pool", pool,
		"--threads", "1", "--max-memory", "256MiB")
	var workerErr bytes.Buffer
	worker.Stderr = &workerErr
	if err := worker.Start(); err != nil {
		t.Fatal(err)
	}
	exited := make(chan error, 1)
	go func() { exited <- worker.Wait() }()
	defer func() {
		_ = worker.Process.Kill()
		<-exited
	}()
	out, errOut, code, _ := runJsrun(t, "", "--nats", url, "-e", `
		const p = threads.Pool((n) => {
			if (n === 0) {
				const parts = [];
				for (;;) parts.push("x".repeat(1024).repeat(1024));
			}
			return n * 2;
		}, {cluster: "`+pool+`"});
		try { p.submit(0).get(); console.log("no error") } catch (e) { console.log(e.name + ": " + e.message) }
		console.log(p.submit(21).get());
		p.close();
	`)
	want := "Error: Pool item 1 failed on a cluster worker: RangeError: out of memory: limit 268435456 bytes\n42\n"
	if code != 0 || out != want {
		t.Fatalf("exit %d, stdout %q, want %q\nstderr %q\nworker's stderr %q", code, out, want, errOut, workerErr.String())
	}
	select {
	case err := <-exited:
		t.Fatalf("the worker exited (%v): stderr %q", err, workerErr.String())
	default:
	}
}
