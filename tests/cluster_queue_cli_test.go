//go:build jsrun_cluster

package tests

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/jsrun/jsrun/cluster"
	"github.com/nats-io/nuid"
)

// A cluster Queue between jsrun processes: one puts 300 items through a
// bound of 10 and closes it, two take them with for await until it is
// closed and drained. Each item is taken once.
func TestClusterQueueProcesses(t *testing.T) {
	t.Parallel()
	srv, err := cluster.StartServer(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer func() { srv.Shutdown(); srv.WaitForShutdown() }()
	url, name := srv.ClientURL(), "jobs-"+nuid.Next()
	ctx, cancel := context.WithTimeout(context.Background(), hangLimit)
	defer cancel()
	const items = 300
	dir := t.TempDir()
	run := func(src string) string {
		// A file, not -e: for await needs the transform files get.
		file := filepath.Join(dir, nuid.Next()+".js")
		if err := os.WriteFile(file, []byte(src), 0o600); err != nil {
			t.Error(err)
			return ""
		}
		cmd := exec.CommandContext(ctx, jsrunBin, "--nats", url, file)
		var out, errOut bytes.Buffer
		cmd.Stdout, cmd.Stderr = &out, &errOut
		if err := cmd.Run(); err != nil {
			t.Errorf("%v\nstderr: %s", err, errOut.String())
		}
		return out.String()
	}
	var wg sync.WaitGroup
	outs := make([]string, 3)
	for i := range 2 {
		wg.Go(func() {
			outs[i] = run(fmt.Sprintf(`
				const q = threads.Queue(10, {cluster: %q});
				for await (const x of q) console.log(x);
			`, name))
		})
	}
	wg.Go(func() {
		outs[2] = run(fmt.Sprintf(`
			const q = threads.Queue(10, {cluster: %q});
			for (let i = 0; i < %d; i++) q.put(i);
			q.close();
			try { q.put(-1) } catch (e) { console.log(e.name) }
		`, name, items))
	})
	wg.Wait()
	if outs[2] != "QueueClosedError\n" {
		t.Fatalf("the putter printed %q", outs[2])
	}
	var all []int
	for _, line := range strings.Fields(outs[0] + outs[1]) {
		n, err := strconv.Atoi(line)
		if err != nil {
			t.Fatalf("a taker printed %q", line)
		}
		all = append(all, n)
	}
	sort.Ints(all)
	for i, n := range all {
		if i != n || len(all) != items {
			t.Fatalf("got %d items, want each of 0..%d once: %v", len(all), items-1, all)
		}
	}
}
