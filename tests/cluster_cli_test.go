//go:build jsrun_cluster

package tests

import (
	"bufio"
	"bytes"
	"context"
	"os/exec"
	"strings"
	"testing"

	"github.com/jsrun/jsrun/cluster"
	"github.com/nats-io/nuid"
)

// The cluster example runs with jsrun --cluster local (an in-process
// server and worker processes) and prints its .expected.
func TestClusterLocalExample(t *testing.T) {
	t.Parallel()
	script := repoPath("scripts", "examples", "cluster", "primes.js")
	out, errOut, code, _ := runJsrun(t, "", "--cluster", "local:2", script)
	if code != 0 || out != expectedOutput(t, script) {
		t.Fatalf("exit %d, stdout %q, stderr %q", code, out, errOut)
	}
}

// kill -9 of a worker process mid-item: the item is redelivered to the
// other worker after AckWait, every item completes, each result once.
func TestClusterWorkerKilledMidItem(t *testing.T) {
	t.Parallel()
	srv, err := cluster.StartServer(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer func() { srv.Shutdown(); srv.WaitForShutdown() }()
	url, pool := srv.ClientURL(), "killed-"+nuid.Next()
	ctx, cancel := context.WithTimeout(context.Background(), hangLimit)
	defer cancel()
	startWorker := func() (*exec.Cmd, *bufio.Scanner) {
		cmd := exec.CommandContext(ctx, jsrunBin, "worker", "--quiet", "--nats", url, "--pool", pool, "--threads", "1", "--ack-wait", "500ms")
		out, err := cmd.StdoutPipe()
		if err != nil {
			t.Fatal(err)
		}
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		return cmd, bufio.NewScanner(out)
	}
	victim, victimOut := startWorker()
	survivor, _ := startWorker()
	defer func() {
		_ = survivor.Process.Kill()
		_ = survivor.Wait()
	}()
	script := exec.CommandContext(ctx, jsrunBin, "--nats", url, "-e", `
		const p = threads.Pool((x) => {
			console.log("start", x);
			const until = Date.now() + 100; while (Date.now() < until) {}
			return x * 2;
		}, {cluster: "`+pool+`"});
		console.log(JSON.stringify(p.map([0, 1, 2, 3, 4, 5, 6, 7])));
		p.close();
	`)
	var out, errOut bytes.Buffer
	script.Stdout, script.Stderr = &out, &errOut
	if err := script.Start(); err != nil {
		t.Fatal(err)
	}
	// Kill the victim as soon as it has started an item.
	for victimOut.Scan() {
		if strings.HasPrefix(victimOut.Text(), "start") {
			break
		}
	}
	_ = victim.Process.Kill()
	_ = victim.Wait()
	if err := script.Wait(); err != nil {
		t.Fatalf("script: %v\nstderr: %s", err, errOut.String())
	}
	if got := out.String(); got != "[0,2,4,6,8,10,12,14]\n" {
		t.Fatalf("got %q, stderr %q", got, errOut.String())
	}
}
