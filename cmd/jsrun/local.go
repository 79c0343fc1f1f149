//go:build jsrun_cluster

package main

import (
	"fmt"
	"io"
	"os"
	"os/exec"
	"runtime"
	"strconv"
	"strings"
	"syscall"

	"github.com/jsrun/jsrun/cluster"
	"github.com/nats-io/nats-server/v2/server"
)

// localCluster is what `jsrun --cluster local[:N]` runs: an in-process
// NATS server with JetStream on a temporary store, and N worker processes
// (this executable, `jsrun worker --pool '*'`) that serve every pool.
type localCluster struct {
	dir     string
	srv     *server.Server
	workers []*exec.Cmd
}

// parseLocal reads "local" or "local:N" (N: worker processes, default
// the CPUs).
func parseLocal(spec string) (int, error) {
	rest, ok := strings.CutPrefix(spec, "local")
	if !ok || rest != "" && !strings.HasPrefix(rest, ":") {
		return 0, fmt.Errorf("jsrun: --cluster %q: only local or local:N is known (for a real cluster, --nats URL)", spec)
	}
	if rest == "" {
		return runtime.NumCPU(), nil
	}
	n, err := strconv.Atoi(rest[1:])
	if err != nil || n < 1 || n > 256 {
		return 0, fmt.Errorf("jsrun: --cluster %q: N must be a number of worker processes from 1 to 256", spec)
	}
	return n, nil
}

// startLocal starts the server and n workers, passing them workerArgs
// (the sandbox and limit flags of the script's run). Their output goes to
// stdout and stderr, as a local Pool's would.
func startLocal(n int, workerArgs []string, stdout, stderr io.Writer) (*localCluster, error) {
	dir, err := os.MkdirTemp("", "jsrun-cluster-")
	if err != nil {
		return nil, fmt.Errorf("jsrun: --cluster local: %w", err)
	}
	lc := &localCluster{dir: dir}
	if lc.srv, err = cluster.StartServer(dir); err != nil {
		lc.stop()
		return nil, err
	}
	exe, err := os.Executable()
	if err != nil {
		lc.stop()
		return nil, fmt.Errorf("jsrun: --cluster local: %w", err)
	}
	args := append([]string{"worker", "--quiet", "--nats", lc.srv.ClientURL(), "--pool", cluster.AllPools, "--threads", "1"}, workerArgs...)
	for range n {
		cmd := exec.Command(exe, args...)
		cmd.Stdout, cmd.Stderr = stdout, stderr
		cmd.SysProcAttr = childAttr()
		if err := cmd.Start(); err != nil {
			lc.stop()
			return nil, fmt.Errorf("jsrun: --cluster local: start a worker: %w", err)
		}
		lc.workers = append(lc.workers, cmd)
	}
	return lc, nil
}

// URL is the server's address.
func (lc *localCluster) URL() string { return lc.srv.ClientURL() }

// stop ends the workers (SIGTERM: each finishes or gives back its item),
// then the server, and removes the store.
func (lc *localCluster) stop() {
	for _, w := range lc.workers {
		_ = w.Process.Signal(syscall.SIGTERM)
	}
	for _, w := range lc.workers {
		_ = w.Wait()
	}
	if lc.srv != nil {
		lc.srv.Shutdown()
		lc.srv.WaitForShutdown()
	}
	_ = os.RemoveAll(lc.dir)
}
