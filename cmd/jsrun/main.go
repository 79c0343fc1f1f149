// Command jsrun runs a JavaScript file with jsrun's threads library.
//
//	jsrun [flags] script.js [args...]
//	jsrun [flags] -e 'code' [args...]
//	jsrun [flags] - [args...]        (the script is read from stdin)
//	jsrun worker --nats URL [--pool NAME] [--threads N] [flags]   (built with -tags jsrun_cluster)
//
// It exits 0 on success, 1 on an uncaught error or unhandled rejection
// (printed with its stack), 124 when --timeout passes, and the code given
// to process.exit otherwise.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"runtime/debug"
	"time"

	"github.com/jsrun/jsrun/host"
	"golang.org/x/term"
)

const version = "0.1.0"

// gcPercent is the GC target the command sets unless GOGC is in the
// environment. goja allocates for nearly every value, so with Go's default
// of 100 the GC's mark workers take a good share of the cores that threads
// compute on: on 2 cores, 4 CPU-bound tasks on 2 threads ran 1.77x faster
// than on one at GOGC=100 and 1.90x at 300, while 10,000 blocked threads
// still peaked under 300 MiB. An embedding program keeps its own setting.
const gcPercent = 300

func main() {
	if _, set := os.LookupEnv("GOGC"); !set {
		debug.SetGCPercent(gcPercent)
	}
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

const usage = `usage: jsrun [flags] script.js [args...]
       jsrun [flags] -e 'code' [args...]
       jsrun [flags] - [args...]          read the script from stdin

Runs JavaScript with the threads library: threads.run(fn, ...args) runs fn
in a fresh, isolated runtime on its own goroutine.

flags:
`

func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) > 0 && args[0] == "worker" {
		return workerMain(args[1:], stdout, stderr)
	}
	fs := flag.NewFlagSet("jsrun", flag.ContinueOnError)
	fs.SetOutput(stderr)
	timeout := fs.Duration("timeout", 0, "stop the script after this long and exit 124 (e.g. 30s; 0: no limit)")
	code := fs.String("e", "", "run this code instead of a file")
	fsRoot := fs.String("fs-root", "", "let fs and require reach only files inside this directory\n(the script itself may lie outside; what it requires may not)")
	noFS := fs.Bool("no-fs", false, "no fs module, and require reads no file (built-in modules only)")
	noNet := fs.Bool("no-net", false, "no network: every fetch fails with TypeError: fetch failed")
	maxThreads := fs.Int("max-threads", 0, "most threads alive at once (0: the default)")
	maxMemory := newMemoryFlag()
	fs.Var(maxMemory, "max-memory", "fail with a RangeError when the heap nears this `size`: 512MiB, 2GiB, 1G (10^9), bytes; 0: no limit")
	showVersion := fs.Bool("version", false, "print the version and exit")
	natsURL := fs.String("nats", "", "run threads.Pool(fn, {cluster: name}) items on the workers of this NATS server\n(jsrun worker --nats URL --pool name), e.g. nats://host:4222")
	clusterSpec := fs.String("cluster", "", "local or local:N: start an in-process NATS server and N worker processes\n(default: the CPUs) that run the script's cluster pools")
	stats := fs.Bool("stats", false, "print the host's counters to stderr at the end (abandoned goroutines)")
	fs.Usage = func() {
		fmt.Fprint(stderr, usage)
		fs.PrintDefaults()
		fmt.Fprint(stderr, "\nexamples:\n  jsrun scripts/examples/run.js\n  jsrun --timeout 5s -e 'console.log(threads.run((a, b) => a + b, 1, 2).get())'\n")
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	if *showVersion {
		fmt.Fprintln(stdout, "jsrun", version)
		return 0
	}
	if *fsRoot != "" && *noFS {
		fmt.Fprintln(stderr, "jsrun: --fs-root and --no-fs exclude each other")
		return 2
	}
	rest := fs.Args()
	codeSet := false
	fs.Visit(func(f *flag.Flag) { codeSet = codeSet || f.Name == "e" })
	if !codeSet && len(rest) == 0 {
		fs.Usage()
		return 2
	}

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	if *timeout > 0 {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, *timeout)
		defer cancel()
	}
	opts := []host.Option{host.WithStdout(stdout), host.WithStderr(stderr), host.WithMaxThreads(*maxThreads), host.WithMemoryLimit(maxMemory.n),
		host.WithTerminal(isTerminal(stdout), isTerminal(stderr))}
	if *noFS {
		opts = append(opts, host.WithoutFileSystem())
	} else if *fsRoot != "" {
		opts = append(opts, host.WithFileSystem(*fsRoot))
	}
	if *noNet {
		opts = append(opts, host.WithoutNetwork())
	}
	clusterOpts, stopCluster, status := clusterOptions(*natsURL, *clusterSpec, sandboxArgs(*fsRoot, *noFS, *noNet, maxMemory), stdout, stderr)
	if status != 0 {
		return status
	}
	defer stopCluster()
	opts = append(opts, clusterOpts...)

	var argv []string
	switch {
	case codeSet:
		argv = rest
	case rest[0] == "-":
		argv = rest // argv keeps "-", as in Node
	default:
		script, err := filepath.Abs(rest[0])
		if err != nil {
			script = rest[0]
		}
		argv = append([]string{script}, rest[1:]...)
	}
	h, err := host.New(append(opts, host.WithArgs(argv...))...)
	if err != nil {
		fmt.Fprintln(stderr, err) // a directory --fs-root cannot open, a negative limit
		return 1
	}
	defer h.Close()
	switch {
	case codeSet:
		_, err = h.Eval(ctx, *code)
	case rest[0] == "-":
		src, rerr := io.ReadAll(stdin)
		if rerr != nil {
			fmt.Fprintf(stderr, "jsrun: reading stdin: %v\n", rerr)
			return 1
		}
		_, err = h.Eval(ctx, string(src))
	default:
		_, err = h.EvalFile(ctx, rest[0])
	}
	rc := exitCode(err, *timeout, stderr)
	if *stats {
		st := h.Stats()
		fmt.Fprintf(stderr, "jsrun: abandoned goroutines: %d running, %d in all\n", st.AbandonedGoroutines, st.AbandonedTotal)
	}
	return rc
}

func exitCode(err error, timeout time.Duration, stderr io.Writer) int {
	var exit *host.ExitError
	switch {
	case err == nil:
		return 0
	case errors.As(err, &exit):
		return exit.Code
	case errors.Is(err, context.DeadlineExceeded):
		fmt.Fprintf(stderr, "jsrun: timed out after %v\n", timeout)
		return 124
	case errors.Is(err, context.Canceled):
		fmt.Fprintln(stderr, "jsrun: interrupted")
		return 130
	}
	var se *host.ScriptError
	if errors.As(err, &se) {
		if se.Kind == "syntax error" || se.Name == host.UnhandledRejectionName {
			fmt.Fprintln(stderr, se.Error()) // as Node prints them
		} else {
			fmt.Fprintf(stderr, "Uncaught %s\n", se.Error())
		}
		return 1
	}
	fmt.Fprintln(stderr, err)
	return 1
}

// isTerminal tells whether w is a terminal, for console's colours (the
// host decides from its environment whether to use them, as Node does).
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}
