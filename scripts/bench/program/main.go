// Command program measures host.Program for Go services (issue 17), in
// one run, and prints medians over rounds and their ratios:
//
//   - call: prog.Call of a trivial function (a + b) on 2 instances from
//     -callers goroutines, in calls/s, against the floor, a hand-written
//     pool of 2 goja runtimes making the same call on the caller's
//     goroutine with none of a Program's guarantees, and Node's piscina
//     with 2 threads (when `npm install --no-save --no-package-lock
//     --prefix scripts/bench piscina` has installed it);
//
//   - http: the httpservice example (scripts/examples/httpservice) on a
//     loopback listener under -conns keep-alive connections sending
//     POST /quote back to back, in requests/s and p50/p99 latency.
//
//     go run ./scripts/bench/program            # from the repository root
//     go run ./scripts/bench/program -n 3 -d 1s
//
// The machine should be otherwise idle: both rows use every core.
package main

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/dop251/goja"
	"github.com/jsrun/jsrun/host"
	"github.com/jsrun/jsrun/scripts/examples/httpservice"
)

var (
	rounds  = flag.Int("n", 5, "rounds")
	dur     = flag.Duration("d", 2*time.Second, "length of one measurement")
	callers = flag.Int("callers", 4, "goroutines calling at once (call row)")
	conns   = flag.Int("conns", 16, "client connections (http row)")
	nodeBin = flag.String("node", "node", "node binary, for piscina")
)

func main() {
	flag.Parse()
	res := map[string][]float64{}
	for r := range *rounds {
		fmt.Fprintf(os.Stderr, "round %d/%d\n", r+1, *rounds)
		res["call jsrun"] = append(res["call jsrun"], must(programCalls()))
		res["call floor"] = append(res["call floor"], must(floorCalls()))
		if v, err := piscinaCalls(); err == nil {
			res["call piscina"] = append(res["call piscina"], v)
		} else if r == 0 {
			fmt.Fprintln(os.Stderr, "piscina:", err)
		}
		rps, p50, p99 := must3(httpLoad())
		res["http req/s"] = append(res["http req/s"], rps)
		res["http p50"] = append(res["http p50"], p50)
		res["http p99"] = append(res["http p99"], p99)
	}
	med := func(k string) float64 { return median(res[k]) }
	fmt.Printf("host.Program, %d rounds of %v, GOMAXPROCS %d, load %s\n\n", *rounds, *dur, runtime.GOMAXPROCS(0), loadAvg())
	fmt.Printf("| row | median | ratio |\n|---|---|---|\n")
	fmt.Printf("| prog.Call a+b, 2 instances, %d callers | %.0f calls/s | |\n", *callers, med("call jsrun"))
	fmt.Printf("| floor: 2 goja runtimes, hand-written pool | %.0f calls/s | jsrun / floor = %.2f (floor is %.2f× faster) |\n",
		med("call floor"), med("call jsrun")/med("call floor"), med("call floor")/med("call jsrun"))
	if len(res["call piscina"]) > 0 {
		fmt.Printf("| node piscina, 2 threads | %.0f calls/s | jsrun / piscina = %.1f |\n", med("call piscina"), med("call jsrun")/med("call piscina"))
	} else {
		fmt.Printf("| node piscina, 2 threads | n/a (not installed) | |\n")
	}
	fmt.Printf("| httpservice POST /quote, %d conns | %.0f req/s | |\n", *conns, med("http req/s"))
	fmt.Printf("| httpservice latency | p50 %.3f ms, p99 %.3f ms | |\n", med("http p50"), med("http p99"))
}

func must(v float64, err error) float64 {
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	return v
}

func must3(a, b, c float64, err error) (float64, float64, float64) {
	must(0, err)
	return a, b, c
}

// hammer runs call from n goroutines for *dur and returns calls/s.
func hammer(n int, call func() error) (float64, error) {
	var count atomic.Int64
	var stop atomic.Bool
	var wg sync.WaitGroup
	var first error
	var once sync.Once
	start := time.Now()
	for range n {
		wg.Go(func() {
			for !stop.Load() {
				if err := call(); err != nil {
					once.Do(func() { first = err })
					stop.Store(true)
					return
				}
				count.Add(1)
			}
		})
	}
	time.Sleep(*dur)
	stop.Store(true)
	wg.Wait()
	return float64(count.Load()) / time.Since(start).Seconds(), first
}

func programCalls() (float64, error) {
	h, err := host.New()
	if err != nil {
		return 0, err
	}
	defer h.Close()
	ctx := context.Background()
	p, err := h.Load(ctx, `function add(a, b) { return a + b }`, host.WithInstances(2))
	if err != nil {
		return 0, err
	}
	defer p.Close()
	return hammer(*callers, func() error {
		v, err := p.Call(ctx, "add", 1, 2)
		if err == nil && v != int64(3) {
			err = fmt.Errorf("add(1, 2) = %v", v)
		}
		return err
	})
}

func floorCalls() (float64, error) {
	type worker struct {
		rt *goja.Runtime
		fn goja.Callable
	}
	pool := make(chan *worker, 2)
	for range 2 {
		rt := goja.New()
		if _, err := rt.RunString(`function add(a, b) { return a + b }`); err != nil {
			return 0, err
		}
		fn, _ := goja.AssertFunction(rt.Get("add"))
		pool <- &worker{rt, fn}
	}
	return hammer(*callers, func() error {
		w := <-pool
		res, err := w.fn(goja.Undefined(), w.rt.ToValue(1), w.rt.ToValue(2))
		var v any
		if err == nil {
			v = res.Export()
		}
		pool <- w
		if err == nil && v != int64(3) {
			err = fmt.Errorf("add(1, 2) = %v", v)
		}
		return err
	})
}

func piscinaCalls() (float64, error) {
	dir, err := benchDir()
	if err != nil {
		return 0, err
	}
	cmd := exec.Command(*nodeBin, filepath.Join(dir, "node", "program_piscina.js"), "200000")
	cmd.Dir = dir
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return 0, fmt.Errorf("%w: %s", err, strings.TrimSpace(stderr.String()))
	}
	var m struct {
		Value float64 `json:"value"`
	}
	if err := json.Unmarshal(bytes.TrimSpace(out), &m); err != nil {
		return 0, fmt.Errorf("reading %q: %w", out, err)
	}
	return m.Value, nil
}

// benchDir is scripts/bench, found from the working directory.
func benchDir() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "scripts", "bench", "node")); err == nil {
			return filepath.Join(dir, "scripts", "bench"), nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", fmt.Errorf("run from inside the repository")
		}
		dir = parent
	}
}

// httpLoad serves httpservice on loopback and sends it orders from
// *conns connections for *dur: requests/s, p50 and p99 in ms.
func httpLoad() (rps, p50, p99 float64, err error) {
	svc, err := httpservice.New(context.Background(), httpservice.Options{Instances: runtime.GOMAXPROCS(0)})
	if err != nil {
		return 0, 0, 0, err
	}
	defer svc.Close()
	srv := httptest.NewServer(svc)
	defer srv.Close()
	tr := &http.Transport{MaxIdleConnsPerHost: *conns, MaxConnsPerHost: *conns}
	defer tr.CloseIdleConnections()
	client := &http.Client{Transport: tr}
	body, _ := json.Marshal(httpservice.Order{OrderID: "o1", Coupon: "TEN",
		Items: []httpservice.Item{{SKU: "a", Price: 2.5, Qty: 4}, {SKU: "b", Price: 1.25, Qty: 2}}})
	var mu sync.Mutex
	var lat []time.Duration
	rps, err = hammer(*conns, func() error {
		t0 := time.Now()
		resp, err := client.Post(srv.URL+"/quote", "application/json", bytes.NewReader(body))
		if err != nil {
			return err
		}
		_, err = io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		if err == nil && resp.StatusCode != 200 {
			err = fmt.Errorf("status %d", resp.StatusCode)
		}
		d := time.Since(t0)
		mu.Lock()
		lat = append(lat, d)
		mu.Unlock()
		return err
	})
	if err != nil {
		return 0, 0, 0, err
	}
	slices.Sort(lat)
	at := func(q float64) float64 { return float64(lat[int(q*float64(len(lat)-1))]) / 1e6 }
	return rps, at(0.50), at(0.99), nil
}

func median(xs []float64) float64 {
	if len(xs) == 0 {
		return 0
	}
	s := slices.Clone(xs)
	slices.Sort(s)
	if len(s)%2 == 1 {
		return s[len(s)/2]
	}
	return (s[len(s)/2-1] + s[len(s)/2]) / 2
}

func loadAvg() string {
	b, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return "?"
	}
	return strings.Join(strings.Fields(string(b))[:3], " ")
}
