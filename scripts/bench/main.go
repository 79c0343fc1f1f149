// Command bench compares jsrun's threads with Node.js worker_threads on the
// same work, and prints one table of medians.
//
//	go run ./scripts/bench              # every pair, 5 rounds
//	go run ./scripts/bench -n 3 -only spawn,pool
//
// Each benchmark is a pair of scripts, node/NAME.js and jsrun/NAME.js, that
// print their measurements as JSON lines on stdout ({"metric":..,"value":..});
// a line {"mark":NAME} asks this program to sample the child's
// /proc/<pid>/status (VmRSS) at that moment, and the peak RSS of each
// child is read from wait4's rusage when it exits. The jsrun binary is built
// once into a temporary directory (or given with -jsrun). The pairs run
// alternately, Node first in even rounds and jsrun first in odd ones, and the
// table shows the median of each metric over the rounds. When node is not
// installed the table shows jsrun's column only. See README.md beside this
// file.
package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"math"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"
)

// params are the sizes of the benchmarks (flags).
type params struct {
	rounds                      int
	spawnJsrun, spawnNode       int
	poolItems                   int
	cloneReps                   int
	cloneKindsMs                int
	cpuMs, cpuReps              int
	blocked, blockedNode        int
	seq, seqFirst               int
	seqNode, seqNodeFirst       int
	fetchN, fetchInFlight       int
	consoleN                    int
	clusterItems                int
	serverURL                   string // the fetch pair's local server
	timeout                     time.Duration
	verbose                     bool
	nodeBin, jsrunBin, onlyList string
}

// bench is one pair of scripts: node/<name>.js and jsrun/<name>.js.
type bench struct {
	name      string
	jsrunArgs func(p params) []string
	nodeArgs  func(p params) []string  // nil: jsrun only
	nodeCmd   func(p params) *exec.Cmd // set: runs instead of node/<name>.js
	derive    func(r *result)          // adds metrics computed from the marks and the peak RSS
	// wall, if set, names the metric of the run's wall time in seconds,
	// the script's stdout going to /dev/null (it prints what it measures).
	wall string
	// cmd, if set, makes the jsrun side's command (cluster.go).
	cmd func(p params, root, script string, args []string) (*exec.Cmd, error)
}

var benches = []bench{
	{
		name:      "spawn",
		jsrunArgs: func(p params) []string { return ints(p.spawnJsrun) },
		nodeArgs:  func(p params) []string { return ints(p.spawnNode) },
	},
	{
		name:      "pool",
		jsrunArgs: func(p params) []string { return ints(p.poolItems) },
		nodeArgs:  func(p params) []string { return ints(p.poolItems) },
	},
	{
		name:      "clone",
		jsrunArgs: func(p params) []string { return ints(p.cloneReps) },
		nodeArgs:  func(p params) []string { return ints(p.cloneReps) },
	},
	{
		name:      "clone_kinds",
		jsrunArgs: func(p params) []string { return ints(p.cloneKindsMs) },
		nodeArgs:  func(p params) []string { return ints(p.cloneKindsMs) },
	},
	{
		name:      "cpu",
		jsrunArgs: func(p params) []string { return ints(p.cpuMs, p.cpuReps) },
		nodeArgs:  func(p params) []string { return ints(p.cpuMs, p.cpuReps) },
	},
	{
		name:      "memory_blocked",
		jsrunArgs: func(p params) []string { return ints(p.blocked) },
		nodeArgs:  func(p params) []string { return ints(p.blockedNode) },
		derive: func(r *result) {
			r.metrics["blocked_peak_mib"] = float64(r.maxRSSKiB) / 1024
			n := r.metrics["blocked_threads"]
			base, okb := r.marks["base"]
			blk, ok := r.marks["blocked"]
			if n > 0 && okb && ok {
				r.metrics["blocked_kib_per_thread"] = float64(blk.rssKiB-base.rssKiB) / n
				r.metrics["blocked_start_us_per_thread"] = r.metrics["blocked_start_ms"] * 1000 / n
			}
		},
	},
	{
		name:      "fetch",
		jsrunArgs: func(p params) []string { return append([]string{p.serverURL}, ints(p.fetchN, p.fetchInFlight)...) },
		nodeArgs:  func(p params) []string { return append([]string{p.serverURL}, ints(p.fetchN, p.fetchInFlight)...) },
	},
	{
		name:      "console",
		jsrunArgs: func(p params) []string { return ints(p.consoleN) },
		nodeArgs:  func(p params) []string { return ints(p.consoleN) },
		wall:      "console_s",
	},
	{
		name:      "memory_seq",
		jsrunArgs: func(p params) []string { return ints(p.seq, p.seqFirst) },
		nodeArgs:  func(p params) []string { return ints(p.seqNode, p.seqNodeFirst) },
		derive: func(r *result) {
			first, okf := r.marks["first"]
			last, okl := r.marks["last"]
			if okf && okl && first.rssKiB > 0 {
				r.metrics["seq_rss_first_mib"] = float64(first.rssKiB) / 1024
				r.metrics["seq_rss_last_mib"] = float64(last.rssKiB) / 1024
				r.metrics["seq_rss_ratio"] = float64(last.rssKiB) / float64(first.rssKiB)
			}
		},
	},
}

// row is one line of the table.
type row struct {
	bench        string // the pair that measures it
	label, unit  string
	node, jsrun  string // metric names; "" for none (n/a)
	higherBetter bool
	info         bool                                   // not comparable across the sides: no ratio
	goal         func(node, jsrun float64) (bool, bool) // (met, known)
	goalText     string
}

func rows(p params) []row {
	atMost := func(limit float64) func(_, j float64) (bool, bool) {
		return func(_, j float64) (bool, bool) { return j <= limit, true }
	}
	atLeast := func(limit float64) func(_, j float64) (bool, bool) {
		return func(_, j float64) (bool, bool) { return j >= limit, true }
	}
	rs := []row{
		{bench: "spawn", label: fmt.Sprintf("spawn: run((a,b)=>a+b).get() x%d | new Worker + 1st result x%d", p.spawnJsrun, p.spawnNode),
			unit: "us/task", node: "spawn_us", jsrun: "spawn_us", goal: atMost(10), goalText: "<= 10"},
		{bench: "pool", label: fmt.Sprintf("pool map, 2 workers, %d items (node: hand-written pool)", p.poolItems),
			unit: "items/s", node: "pool_map_items_s", jsrun: "pool_map_items_s", higherBetter: true, goal: atLeast(500000), goalText: ">= 500000"},
		{bench: "pool", label: "pool map (node: piscina)",
			unit: "items/s", node: "pool_map_items_s@piscina", jsrun: "pool_map_items_s", higherBetter: true},
		{bench: "pool", label: fmt.Sprintf("pool submit+get, 2 workers, %d items (node: hand-written)", p.poolItems),
			unit: "items/s", node: "pool_submit_items_s", jsrun: "pool_submit_items_s", higherBetter: true, goal: atLeast(200000), goalText: ">= 200000"},
		{bench: "pool", label: "pool submit+get (node: piscina)",
			unit: "items/s", node: "pool_submit_items_s@piscina", jsrun: "pool_submit_items_s", higherBetter: true},
		{bench: "clone", label: "clone 1 MiB into a thread, a number back (node: running worker)",
			unit: "ms", node: "clone_in_ms", jsrun: "clone_in_ms"},
		{bench: "clone", label: "clone 1 MiB: round trip through a thread (node: running worker)",
			unit: "ms", node: "clone_roundtrip_ms", jsrun: "clone_roundtrip_ms"},
		{bench: "clone", label: "clone 1 MiB: one clone (structuredClone | Shared set+get)",
			unit: "ms", node: "clone_local_ms", jsrun: "clone_local_ms"},
		{bench: "clone", label: "clone 1 MiB: jsrun clone into a thread vs node structuredClone",
			unit: "ms", node: "clone_local_ms", jsrun: "clone_in_ms",
			goal: func(n, j float64) (bool, bool) { return j <= n, !math.IsNaN(n) }, goalText: "<= node"},
		{bench: "clone", label: "clone 1 MiB: jsrun thread round trip (two clones) vs node structuredClone",
			unit: "ms", node: "clone_local_ms", jsrun: "clone_roundtrip_ms"},
	}
	rs = append(rs, cloneKindRows()...)
	rs = append(rs, perfRows(p)...)
	return append(rs, append([]row{
		{bench: "cpu", label: fmt.Sprintf("cpu: 4 tasks of ~%d ms, speedup on 2 threads", p.cpuMs),
			unit: "x", node: "cpu_speedup", jsrun: "cpu_speedup", higherBetter: true, goal: atLeast(1.85), goalText: ">= 1.85"},
		{bench: "cpu", label: "cpu: one task as measured (calibrated per engine)",
			unit: "ms", node: "cpu_task_ms", jsrun: "cpu_task_ms", info: true},
		{bench: "memory_blocked", label: fmt.Sprintf("memory: peak RSS, %d threads blocked on one Queue (node: n/a)", p.blocked),
			unit: "MiB", jsrun: "blocked_peak_mib", goal: atMost(300), goalText: "<= 300"},
		{bench: "memory_blocked", label: fmt.Sprintf("memory: peak RSS, node %d blocked workers | jsrun %d", p.blockedNode, p.blocked),
			unit: "MiB", node: "blocked_peak_mib", jsrun: "blocked_peak_mib", info: true},
		{bench: "memory_blocked", label: fmt.Sprintf("memory: RSS per blocked thread (node %d | jsrun %d)", p.blockedNode, p.blocked),
			unit: "KiB", node: "blocked_kib_per_thread", jsrun: "blocked_kib_per_thread"},
		{bench: "memory_blocked", label: "memory: time to start one blocked thread",
			unit: "us", node: "blocked_start_us_per_thread", jsrun: "blocked_start_us_per_thread"},
		{bench: "memory_seq", label: fmt.Sprintf("memory: RSS after %d / after %d seq threads (node %d / %d)", p.seq, p.seqFirst, p.seqNode, p.seqNodeFirst),
			unit: "ratio", node: "seq_rss_ratio", jsrun: "seq_rss_ratio", goal: atMost(1.5), goalText: "<= 1.5"},
		{bench: "memory_seq", label: "memory: RSS at the end of the sequence",
			unit: "MiB", node: "seq_rss_last_mib", jsrun: "seq_rss_last_mib", info: true},
		{bench: "fetch", label: fmt.Sprintf("fetch: %d GETs of 1 KiB, %d in flight, one runtime, Promise.all", p.fetchN, p.fetchInFlight),
			unit: "req/s", node: "fetch_main_req_s", jsrun: "fetch_main_req_s", higherBetter: true,
			goal: func(n, j float64) (bool, bool) { return j >= n, !math.IsNaN(n) }, goalText: ">= node"},
		{bench: "fetch", label: fmt.Sprintf("fetch: the same from %d threads (node: one runtime, Promise.all)", p.fetchInFlight),
			unit: "req/s", node: "fetch_main_req_s", jsrun: "fetch_threads_req_s", higherBetter: true,
			goal: func(n, j float64) (bool, bool) { return j >= n, !math.IsNaN(n) }, goalText: ">= node"},
		{bench: "console", label: fmt.Sprintf("console.log of a 1,000-key object x%d to /dev/null (whole run)", p.consoleN),
			unit: "s", node: "console_s", jsrun: "console_s"},
		{bench: "memory_seq", label: "memory: spawn cost over the whole sequence",
			unit: "us/task", node: "seq_spawn_us", jsrun: "seq_spawn_us"},
	}, clusterRows(p)...)...)
}

// cloneKindRows are the rows of the clone_kinds pair: for each payload,
// one clone and one into a thread, against structuredClone.
func cloneKindRows() []row {
	var rs []row
	for _, k := range []struct{ key, label string }{
		{"json", "JSON-like objects"}, {"numbers", "numbers in an array"}, {"float64array", "Float64Array"}, {"string", "string"},
	} {
		rs = append(rs,
			row{bench: "clone_kinds", label: "clone 1 MiB " + k.label + ": one clone (structuredClone | Shared set+get)",
				unit: "MB/s", node: "clone_one_mbs_" + k.key, jsrun: "clone_one_mbs_" + k.key, higherBetter: true},
			row{bench: "clone_kinds", label: "clone 1 MiB " + k.label + ": into a thread (node: structuredClone)",
				unit: "MB/s", node: "clone_one_mbs_" + k.key, jsrun: "clone_in_mbs_" + k.key, higherBetter: true})
	}
	return rs
}

func ints(xs ...int) []string {
	out := make([]string, len(xs))
	for i, x := range xs {
		out[i] = strconv.Itoa(x)
	}
	return out
}

func main() {
	var p params
	flag.IntVar(&p.rounds, "n", 5, "rounds: how many times each pair runs (alternately)")
	flag.StringVar(&p.onlyList, "only", "", "comma-separated pairs to run: spawn,pool,clone,clone_kinds,cpu,fetch,console,memory_blocked,memory_seq,floor,first,pool_plain,cluster (default all)")
	flag.StringVar(&p.nodeBin, "node", "node", "the node binary")
	flag.StringVar(&p.jsrunBin, "jsrun", "", "a jsrun binary to use instead of building ./cmd/jsrun")
	flag.IntVar(&p.spawnJsrun, "spawn", 20000, "spawn: jsrun threads per run")
	flag.IntVar(&p.spawnNode, "spawn-node", 50, "spawn: Node workers per run")
	flag.IntVar(&p.poolItems, "pool-items", 20000, "pool: items per map and per submit+get")
	flag.IntVar(&p.cloneReps, "clone-reps", 20, "clone: repetitions per run")
	flag.IntVar(&p.cloneKindsMs, "clone-kinds-ms", 300, "clone_kinds: milliseconds per measurement")
	flag.IntVar(&p.cpuMs, "cpu-ms", 200, "cpu: milliseconds of one task")
	flag.IntVar(&p.cpuReps, "cpu-reps", 3, "cpu: tries per run (the fastest sequential and parallel times count)")
	flag.IntVar(&p.blocked, "blocked", 10000, "memory_blocked: jsrun threads blocked at once")
	flag.IntVar(&p.blockedNode, "blocked-node", 100, "memory_blocked: Node workers blocked at once")
	flag.IntVar(&p.seq, "seq", 1000000, "memory_seq: sequential jsrun threads")
	flag.IntVar(&p.seqFirst, "seq-first", 10000, "memory_seq: jsrun threads before the first RSS sample")
	flag.IntVar(&p.seqNode, "seq-node", 500, "memory_seq: sequential Node workers")
	flag.IntVar(&p.seqNodeFirst, "seq-node-first", 50, "memory_seq: Node workers before the first RSS sample")
	flag.IntVar(&p.fetchN, "fetch-n", 2000, "fetch: GETs per measurement")
	flag.IntVar(&p.fetchInFlight, "fetch-in-flight", 64, "fetch: requests in flight (and threads)")
	flag.IntVar(&p.consoleN, "console-n", 1000, "console: console.log calls per run")
	flag.IntVar(&p.clusterItems, "cluster-items", 50000, "cluster: items per map")
	flag.DurationVar(&p.timeout, "timeout", 20*time.Minute, "limit for one script run")
	flag.BoolVar(&p.verbose, "v", false, "print every run's measurements")
	flag.Parse()
	if err := run(p); err != nil {
		fmt.Fprintln(os.Stderr, "bench:", err)
		os.Exit(1)
	}
}

func run(p params) error {
	if p.rounds < 1 {
		return errors.New("-n must be at least 1")
	}
	root, err := moduleRoot()
	if err != nil {
		return err
	}
	dir := filepath.Join(root, "scripts", "bench")
	defer clusterCleanup()

	selected := benches
	if p.onlyList != "" {
		selected = nil
		for _, name := range strings.Split(p.onlyList, ",") {
			i := slices.IndexFunc(benches, func(b bench) bool { return b.name == strings.TrimSpace(name) })
			if i < 0 {
				return fmt.Errorf("-only: no pair named %q", name)
			}
			selected = append(selected, benches[i])
		}
	}

	nodeBin, nodeVersion := findNode(p.nodeBin)
	if nodeBin == "" {
		fmt.Fprintf(os.Stderr, "bench: node (%q) was not found: the table shows jsrun's column only\n", p.nodeBin)
	}
	jsrunBin := p.jsrunBin
	if jsrunBin == "" {
		tmp, err := os.MkdirTemp("", "jsrun-bench-")
		if err != nil {
			return err
		}
		defer os.RemoveAll(tmp)
		jsrunBin = filepath.Join(tmp, "jsrun")
		fmt.Fprintln(os.Stderr, "bench: building ./cmd/jsrun")
		build := exec.Command("go", "build", "-o", jsrunBin, "./cmd/jsrun")
		build.Dir = root
		build.Stdout, build.Stderr = os.Stderr, os.Stderr
		if err := build.Run(); err != nil {
			return fmt.Errorf("building jsrun: %w", err)
		}
	}
	maxThreads := max(20000, p.blocked+100)
	if slices.ContainsFunc(selected, func(b bench) bool { return b.name == "fetch" }) {
		url, stop, err := startServer()
		if err != nil {
			return err
		}
		defer stop()
		p.serverURL = url
	}

	// results[side][metric] is one value per round.
	results := map[string]map[string][]float64{"node": {}, "jsrun": {}}
	load0 := loadAvg()
	start := time.Now()
	for round := range p.rounds {
		for _, b := range selected {
			sides := []string{"node", "jsrun"}
			if round%2 == 1 {
				sides = []string{"jsrun", "node"}
			}
			for _, side := range sides {
				var cmd *exec.Cmd
				switch side {
				case "node":
					if b.nodeCmd != nil {
						cmd = b.nodeCmd(p)
						break
					}
					if nodeBin == "" || b.nodeArgs == nil {
						continue
					}
					cmd = exec.Command(nodeBin, append([]string{filepath.Join(dir, "node", b.name+".js")}, b.nodeArgs(p)...)...)
				case "jsrun":
					if b.cmd != nil {
						if cmd, err = b.cmd(p, root, filepath.Join(dir, "jsrun", b.name+".js"), b.jsrunArgs(p)); err != nil {
							return err
						}
						break
					}
					cmd = exec.Command(jsrunBin, append([]string{"--max-threads", strconv.Itoa(maxThreads), filepath.Join(dir, "jsrun", b.name+".js")}, b.jsrunArgs(p)...)...)
				}
				cmd.Dir = filepath.Join(dir, side)
				fmt.Fprintf(os.Stderr, "round %d/%d: %-14s %-5s ", round+1, p.rounds, b.name, side)
				t0 := time.Now()
				var r *result
				if b.wall != "" {
					r, err = runWall(cmd, p.timeout, b.wall)
				} else {
					r, err = runScript(cmd, p.timeout)
				}
				if err != nil {
					fmt.Fprintln(os.Stderr)
					return fmt.Errorf("%s/%s.js: %w", side, b.name, err)
				}
				if b.derive != nil {
					b.derive(r)
				}
				fmt.Fprintf(os.Stderr, "%6.1fs", time.Since(t0).Seconds())
				if p.verbose {
					fmt.Fprintf(os.Stderr, "  %s", r)
				}
				fmt.Fprintln(os.Stderr)
				for m, v := range r.metrics {
					results[side][m] = append(results[side][m], v)
				}
			}
		}
	}

	fmt.Printf("jsrun benchmarks vs Node.js worker_threads: %s\n", time.Now().Format(time.RFC3339))
	fmt.Printf("machine: %s/%s, %d CPUs (runtime.NumCPU), load average %s before, %s after; %d rounds in %s\n",
		runtime.GOOS, runtime.GOARCH, runtime.NumCPU(), load0, loadAvg(), p.rounds, time.Since(start).Round(time.Second))
	fmt.Printf("jsrun: %s (%s)\n", jsrunBin, gitDescribe(root))
	if nodeBin != "" {
		fmt.Printf("node: %s %s", nodeBin, nodeVersion)
		if !piscinaInstalled(nodeBin, filepath.Join(dir, "node")) {
			fmt.Print(" (piscina not installed: its rows are n/a)")
		}
		fmt.Println()
	} else {
		fmt.Println("node: not found: jsrun's column only")
	}
	if l0, l1 := load1(load0), load1(loadAvg()); max(l0, l1) > float64(runtime.NumCPU())/2 {
		fmt.Printf("WARNING: the 1-minute load average (%.2f before, %.2f after) is high for %d CPUs: other processes competed for the CPUs, so times (the cpu speedup above all) are pessimistic\n",
			l0, l1, runtime.NumCPU())
	}
	fmt.Println("each value is the median over the rounds; ratio = jsrun / node")
	fmt.Println()
	printTable(os.Stdout, p, selected, results, nodeBin != "")
	return nil
}

// result is what one script run reported.
type result struct {
	metrics   map[string]float64
	marks     map[string]memSample
	maxRSSKiB int64 // peak RSS of the process (wait4 rusage)
}

func (r *result) String() string {
	keys := make([]string, 0, len(r.metrics))
	for k := range r.metrics {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	var b strings.Builder
	for _, k := range keys {
		fmt.Fprintf(&b, "%s=%.4g ", k, r.metrics[k])
	}
	fmt.Fprintf(&b, "maxrss=%dMiB", r.maxRSSKiB/1024)
	return b.String()
}

type memSample struct{ rssKiB int64 }

// runScript runs cmd, reads its JSON lines, samples its memory at each mark.
func runScript(cmd *exec.Cmd, timeout time.Duration) (*result, error) {
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.StdoutPipe()
	if err != nil {
		return nil, err
	}
	if err := cmd.Start(); err != nil {
		return nil, err
	}
	stop := context.AfterFunc(ctx, func() { _ = cmd.Process.Kill() })
	defer stop()

	r := &result{metrics: map[string]float64{}, marks: map[string]memSample{}}
	var other []string
	sc := bufio.NewScanner(out)
	sc.Buffer(make([]byte, 64*1024), 16<<20)
	for sc.Scan() {
		line := sc.Text()
		var msg struct {
			Metric string   `json:"metric"`
			Value  *float64 `json:"value"`
			Mark   string   `json:"mark"`
		}
		if !strings.HasPrefix(line, "{") || json.Unmarshal([]byte(line), &msg) != nil {
			other = append(other, line)
			continue
		}
		switch {
		case msg.Mark != "":
			s, err := readMem(cmd.Process.Pid)
			if err != nil {
				fmt.Fprintf(os.Stderr, "(no memory sample at %q: %v) ", msg.Mark, err)
				continue
			}
			r.marks[msg.Mark] = s
		case msg.Metric != "" && msg.Value != nil:
			r.metrics[msg.Metric] = *msg.Value
		default:
			other = append(other, line)
		}
	}
	_, _ = io.Copy(io.Discard, out)
	err = cmd.Wait()
	if ctx.Err() != nil {
		return nil, fmt.Errorf("timed out after %v\nstderr:\n%s", timeout, stderr.String())
	}
	if err != nil {
		return nil, fmt.Errorf("%v\nstdout:\n%s\nstderr:\n%s", err, strings.Join(other, "\n"), stderr.String())
	}
	if stderr.Len() > 0 {
		fmt.Fprintf(os.Stderr, "[stderr: %s] ", strings.TrimSpace(stderr.String()))
	}
	r.maxRSSKiB = maxRSSKiB(cmd.ProcessState)
	return r, nil
}

// runWall runs cmd with its stdout to /dev/null and reports its wall
// time, in seconds, as metric.
func runWall(cmd *exec.Cmd, timeout time.Duration, metric string) (*result, error) {
	null, err := os.OpenFile(os.DevNull, os.O_WRONLY, 0)
	if err != nil {
		return nil, err
	}
	defer null.Close()
	var stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = null, &stderr
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	t0 := time.Now()
	if err := cmd.Start(); err != nil {
		return nil, err
	}
	stop := context.AfterFunc(ctx, func() { _ = cmd.Process.Kill() })
	defer stop()
	if err := cmd.Wait(); err != nil {
		return nil, fmt.Errorf("%v\nstderr:\n%s", err, stderr.String())
	}
	r := &result{metrics: map[string]float64{metric: time.Since(t0).Seconds()}, marks: map[string]memSample{}}
	r.maxRSSKiB = maxRSSKiB(cmd.ProcessState)
	return r, nil
}

// startServer serves 1 KiB bodies on a local port for the fetch pair.
func startServer() (url string, stop func(), err error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return "", nil, err
	}
	body := bytes.Repeat([]byte("x"), 1024)
	srv := &http.Server{Handler: http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "text/plain")
		_, _ = w.Write(body)
	})}
	go func() { _ = srv.Serve(l) }()
	return "http://" + l.Addr().String() + "/", func() { _ = srv.Close() }, nil
}

// readMem reads VmRSS of a process from /proc (Linux).
func readMem(pid int) (memSample, error) {
	data, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return memSample{}, err
	}
	var s memSample
	for _, line := range strings.Split(string(data), "\n") {
		k, v, ok := strings.Cut(line, ":")
		if !ok {
			continue
		}
		f := strings.Fields(v)
		if len(f) == 0 {
			continue
		}
		n, _ := strconv.ParseInt(f[0], 10, 64) // kB
		if k == "VmRSS" {
			s.rssKiB = n
		}
	}
	if s.rssKiB == 0 {
		return s, errors.New("no VmRSS in /proc/<pid>/status")
	}
	return s, nil
}

func printTable(w io.Writer, p params, selected []bench, results map[string]map[string][]float64, haveNode bool) {
	var shown []row
	width := len("metric")
	for _, r := range rows(p) {
		if slices.ContainsFunc(selected, func(b bench) bool { return b.name == r.bench }) {
			shown = append(shown, r)
			width = max(width, len(r.label))
		}
	}
	// The label column is padded here, left-aligned; tabwriter right-aligns
	// the numbers.
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintf(tw, "%-*s\tunit\tnode\tjsrun\tratio\tbetter\tgoal (jsrun)\t\n", width, "metric")
	fmt.Fprintf(tw, "%-*s\t----\t----\t-----\t-----\t------\t------------\t\n", width, "------")
	for _, r := range shown {
		n, j := math.NaN(), math.NaN()
		if r.node != "" && haveNode {
			n = medianOf(results["node"][r.node])
		}
		if r.jsrun != "" {
			j = medianOf(results["jsrun"][r.jsrun])
		}
		nodeText := fmtNum(n)
		switch {
		case r.node == "":
			nodeText = "n/a"
		case !haveNode:
			nodeText = "-"
		}
		ratio, better := "-", "-"
		if !r.info && !math.IsNaN(n) && !math.IsNaN(j) && n > 0 && j > 0 {
			ratio = fmtNum(j / n)
			jsrunWins := j < n
			if r.higherBetter {
				jsrunWins = j > n
			}
			f := math.Max(j/n, n/j)
			if jsrunWins {
				better = fmt.Sprintf("jsrun %.2fx", f)
			} else {
				better = fmt.Sprintf("node %.2fx", f)
			}
		}
		goal := ""
		if r.goal != nil {
			goal = r.goalText + " ?"
			if !math.IsNaN(j) {
				if met, known := r.goal(n, j); known {
					goal = r.goalText + map[bool]string{true: " ok", false: " MISS"}[met]
				}
			}
		}
		fmt.Fprintf(tw, "%-*s\t%s\t%s\t%s\t%s\t%s\t%s\t\n", width, r.label, r.unit, nodeText, fmtNum(j), ratio, better, goal)
	}
	_ = tw.Flush()
}

func medianOf(xs []float64) float64 {
	if len(xs) == 0 {
		return math.NaN()
	}
	s := slices.Clone(xs)
	slices.Sort(s)
	m := len(s) / 2
	if len(s)%2 == 1 {
		return s[m]
	}
	return (s[m-1] + s[m]) / 2
}

func fmtNum(x float64) string {
	switch a := math.Abs(x); {
	case math.IsNaN(x):
		return "-"
	case a >= 10000:
		return strconv.FormatFloat(x, 'f', 0, 64)
	case a >= 100:
		return strconv.FormatFloat(x, 'f', 1, 64)
	case a >= 1:
		return strconv.FormatFloat(x, 'f', 2, 64)
	default:
		return strconv.FormatFloat(x, 'f', 3, 64)
	}
}

// moduleRoot finds the directory of jsrun's go.mod from the working
// directory up.
func moduleRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		data, err := os.ReadFile(filepath.Join(dir, "go.mod"))
		if err == nil && strings.Contains(string(data), "module github.com/jsrun/jsrun\n") {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", errors.New("run this inside the jsrun module (go run ./scripts/bench from the repository root)")
		}
		dir = parent
	}
}

func findNode(name string) (path, version string) {
	path, err := exec.LookPath(name)
	if err != nil {
		return "", ""
	}
	out, err := exec.Command(path, "--version").Output()
	if err != nil {
		return "", ""
	}
	return path, strings.TrimSpace(string(out))
}

func piscinaInstalled(nodeBin, dir string) bool {
	cmd := exec.Command(nodeBin, "-e", `require.resolve("piscina")`)
	cmd.Dir = dir
	return cmd.Run() == nil
}

func loadAvg() string {
	data, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return "?"
	}
	f := strings.Fields(string(data))
	if len(f) < 3 {
		return "?"
	}
	return strings.Join(f[:3], " ")
}

// load1 is the 1-minute figure of a loadAvg string (0 if unknown).
func load1(s string) float64 {
	f, _ := strconv.ParseFloat(strings.Fields(s + " 0")[0], 64)
	return f
}

func gitDescribe(root string) string {
	cmd := exec.Command("git", "describe", "--always", "--dirty")
	cmd.Dir = root
	out, err := cmd.Output()
	if err != nil {
		return "unknown commit"
	}
	return "commit " + strings.TrimSpace(string(out))
}
