//go:build jsrun_cluster

package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"runtime"
	"syscall"

	"github.com/jsrun/jsrun/cluster"
	"github.com/jsrun/jsrun/host"
	"github.com/nats-io/nats.go"
)

const workerUsage = `usage: jsrun worker --nats URL [--pool NAME] [--threads N] [flags]

Serves the items of a cluster pool (threads.Pool(fn, {cluster: NAME}) in a
script run with --nats) in local threads, each item an evaluation with the
limits and sandbox the flags give. Runs until interrupted (SIGINT, SIGTERM).

flags:
`

// workerMain is `jsrun worker`: it runs until a signal.
func workerMain(args []string, stdout, stderr io.Writer) int {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	return worker(ctx, args, stdout, stderr)
}

// worker serves a pool until ctx ends, or its connection closes for good.
func worker(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	ctx, stop := context.WithCancel(ctx)
	defer stop()
	fs := flag.NewFlagSet("jsrun worker", flag.ContinueOnError)
	fs.SetOutput(stderr)
	url := fs.String("nats", "", "the NATS server (with JetStream) of the cluster, e.g. nats://host:4222")
	pool := fs.String("pool", "default", "the cluster pool whose items to run")
	threads := fs.Int("threads", runtime.NumCPU(), "items run at once")
	fsRoot := fs.String("fs-root", "", "let fs and require reach only files inside this directory")
	noFS := fs.Bool("no-fs", false, "no fs module, and require reads no file (built-in modules only)")
	noNet := fs.Bool("no-net", false, "no network: every fetch fails with TypeError: fetch failed")
	maxThreads := fs.Int("max-threads", 0, "most threads alive at once in one item (0: the default)")
	maxMemory := newMemoryFlag()
	fs.Var(maxMemory, "max-memory", "fail the item running when the heap nears this `size` (see jsrun --help)")
	ackWait := fs.Duration("ack-wait", 0, "set the pool's AckWait: how long a dead worker's item waits to be redelivered\n(0: keep the pool's, or 10s for a new pool)")
	itemTimeout := fs.Duration("timeout", 0, "stop an item after this long and report it failed (0: no limit)")
	prefetch := fs.Int("prefetch", cluster.DefaultPrefetch, "items taken from the server ahead of the free threads\n(0: none; a pool of long items wants few, so that idle workers get them)")
	quiet := fs.Bool("quiet", false, "print nothing of the worker's own (jsrun --cluster local runs its workers so)")
	fs.Usage = func() {
		fmt.Fprint(stderr, workerUsage)
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	if *url == "" || fs.NArg() != 0 {
		fs.Usage()
		return 2
	}
	if err := cluster.CheckPoolName(*pool); err != nil && *pool != cluster.AllPools {
		fmt.Fprintln(stderr, "jsrun worker:", err)
		return 2
	}
	if *prefetch < 0 {
		fmt.Fprintln(stderr, "jsrun worker: --prefetch must not be negative")
		return 2
	}
	if *threads < 1 {
		fmt.Fprintln(stderr, "jsrun worker: --threads must be at least 1")
		return 2
	}
	if *fsRoot != "" && *noFS {
		fmt.Fprintln(stderr, "jsrun worker: --fs-root and --no-fs exclude each other")
		return 2
	}
	opts := []host.Option{host.WithStdout(stdout), host.WithStderr(stderr), host.WithMaxThreads(*maxThreads), host.WithMemoryLimit(maxMemory.n)}
	if *noFS {
		opts = append(opts, host.WithoutFileSystem())
	} else if *fsRoot != "" {
		opts = append(opts, host.WithFileSystem(*fsRoot))
	}
	if *noNet {
		opts = append(opts, host.WithoutNetwork())
	}
	reconnects := -1 // a worker of a real cluster waits out the server's restarts
	if *quiet {
		reconnects = 10 // a local one ends soon after its server
	}
	nc, err := nats.Connect(*url, nats.MaxReconnects(reconnects), nats.ClosedHandler(func(*nats.Conn) { stop() }))
	if err != nil {
		fmt.Fprintf(stderr, "jsrun worker: connect to %s: %v\n", *url, err)
		return 1
	}
	defer nc.Close()
	// Items may open cluster objects (threads.Atomic(n, {cluster})) too.
	h, err := host.New(append(opts, host.WithNATS(nc))...)
	if err != nil {
		fmt.Fprintln(stderr, "jsrun worker:", err)
		return 1
	}
	defer h.Close()
	if !*quiet {
		fmt.Fprintf(stderr, "jsrun worker: serving pool %q on %s, %d at a time\n", *pool, *url, *threads)
	}
	pf := *prefetch
	if pf == 0 {
		pf = -1 // WorkerConfig's "none"; its 0 is the default
	}
	err = cluster.RunWorker(ctx, nc, cluster.WorkerConfig{Pool: *pool, Concurrency: *threads, AckWait: *ackWait, ItemTimeout: *itemTimeout, Prefetch: pf, Runner: h.ClusterRunner()})
	if err != nil {
		fmt.Fprintln(stderr, "jsrun worker:", err)
		return 1
	}
	return 0
}

// connectCluster connects to the cluster of --nats for a script.
func connectCluster(url string) (*nats.Conn, error) {
	nc, err := nats.Connect(url)
	if err != nil {
		return nil, fmt.Errorf("jsrun: connect to %s: %w", url, err)
	}
	return nc, nil
}
