package main

// The cluster pair: jsrun/cluster.js under `jsrun --cluster local:2` (an
// in-process NATS server and 2 worker processes), with a jsrun built with
// -tags jsrun_cluster; no Node side. The other rows keep the untagged
// binary: linking NATS changes start-up time and memory.

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"sync"
)

func init() {
	benches = append(benches, bench{
		name:      "cluster",
		jsrunArgs: func(p params) []string { return ints(p.clusterItems, 500, 2000) },
		cmd:       clusterCmd,
	})
}

// clusterBin is the tagged jsrun, built once (in the directory
// clusterCleanup removes).
var clusterBin struct {
	once     sync.Once
	dir, bin string
	err      error
}

// clusterCmd is the jsrun side of the cluster pair.
func clusterCmd(p params, root, script string, args []string) (*exec.Cmd, error) {
	c := &clusterBin
	c.once.Do(func() {
		if c.dir, c.err = os.MkdirTemp("", "jsrun-bench-cluster-"); c.err != nil {
			return
		}
		c.bin = filepath.Join(c.dir, "jsrun")
		fmt.Fprintln(os.Stderr, "bench: building ./cmd/jsrun -tags jsrun_cluster")
		build := exec.Command("go", "build", "-tags", "jsrun_cluster", "-o", c.bin, "./cmd/jsrun")
		build.Dir = root
		build.Stdout, build.Stderr = os.Stderr, os.Stderr
		if err := build.Run(); err != nil {
			c.err = fmt.Errorf("building jsrun -tags jsrun_cluster: %w", err)
		}
	})
	if c.err != nil {
		return nil, c.err
	}
	return exec.Command(c.bin, append([]string{"--cluster", "local:2", script}, args...)...), nil
}

// clusterCleanup removes the tagged binary.
func clusterCleanup() {
	if clusterBin.dir != "" {
		_ = os.RemoveAll(clusterBin.dir)
	}
}

// clusterRows are the cluster pair's rows, jsrun's column only: each
// remote figure has the local one of the same run in the row above it.
func clusterRows(p params) []row {
	items := strconv.Itoa(p.clusterItems)
	atLeast := func(limit float64) func(_, j float64) (bool, bool) {
		return func(_, j float64) (bool, bool) { return j >= limit, true }
	}
	atMost := func(limit float64) func(_, j float64) (bool, bool) {
		return func(_, j float64) (bool, bool) { return j <= limit, true }
	}
	return []row{
		{bench: "cluster", label: "cluster: local Pool map, 2 workers, " + items + " items (same run)",
			unit: "items/s", jsrun: "cluster_local_items_s", higherBetter: true},
		{bench: "cluster", label: "cluster: cluster Pool map, --cluster local:2, " + items + " items",
			unit: "items/s", jsrun: "cluster_items_s", higherBetter: true, goal: atLeast(20000), goalText: ">= 20000"},
		{bench: "cluster", label: "cluster: one remote item's round trip, median",
			unit: "ms", jsrun: "cluster_latency_median_ms", goal: atMost(2), goalText: "<= 2"},
		{bench: "cluster", label: "cluster: one remote item's round trip, p99",
			unit: "ms", jsrun: "cluster_latency_p99_ms"},
		{bench: "cluster", label: "cluster: local Atomic add (same run)",
			unit: "ops/s", jsrun: "cluster_local_atomic_ops_s", higherBetter: true},
		{bench: "cluster", label: "cluster: cluster Atomic add (key-value bucket)",
			unit: "ops/s", jsrun: "cluster_atomic_ops_s", higherBetter: true},
	}
}
