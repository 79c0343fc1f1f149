//go:build jsrun_cluster

package cluster_test

import (
	"context"
	"fmt"
	"sort"
	"testing"
	"time"

	"github.com/jsrun/jsrun/host"
	"github.com/nats-io/nuid"
)

// BenchmarkClusterPool: a trivial function's items through the embedded
// server and 2 in-process workers (one thread each), against a local Pool
// of 2 workers in the same run. items/s is the figure.
//
//	go test -run '^$' -bench ClusterPool ./tests/cluster
func BenchmarkClusterPool(b *testing.B) {
	for _, remote := range []bool{false, true} {
		name := "local"
		if remote {
			name = "cluster"
		}
		b.Run(name, func(b *testing.B) {
			pool := "bench-" + nuid.Next()
			opt := `{workers: 2}`
			var opts []host.Option
			if remote {
				for range 2 {
					serve(b, pool)
				}
				opt = `{cluster: "` + pool + `"}`
				opts = append(opts, host.WithNATS(connect(b)))
			}
			h, err := host.New(opts...)
			if err != nil {
				b.Fatal(err)
			}
			defer h.Close()
			const n = 2000
			src := fmt.Sprintf(`const p = threads.Pool((x) => x + 1, %s);
				for (let r = 0; r < %d; r++) p.map(Array.from({length: %d}, (_, i) => i));
				p.close();`, opt, b.N, n)
			b.ResetTimer()
			start := time.Now()
			if _, err := h.Eval(context.Background(), src); err != nil {
				b.Fatal(err)
			}
			b.ReportMetric(float64(n*b.N)/time.Since(start).Seconds(), "items/s")
		})
	}
}

// BenchmarkClusterLatency: one item at a time, submit to result; reports
// the median and p99.
func BenchmarkClusterLatency(b *testing.B) {
	pool := "lat-" + nuid.Next()
	serve(b, pool)
	h, err := host.New(host.WithNATS(connect(b)))
	if err != nil {
		b.Fatal(err)
	}
	defer h.Close()
	src := fmt.Sprintf(`const p = threads.Pool((x) => x, {cluster: %q});
		p.submit(0).get(); // opens the pool, warms the worker
		const ns = [];
		for (let i = 0; i < %d; i++) { const t = process.hrtime.bigint(); p.submit(i).get(); ns.push(Number(process.hrtime.bigint() - t)); }
		p.close();
		ns`, pool, max(b.N, 200))
	b.ResetTimer()
	v, err := h.Eval(context.Background(), src)
	if err != nil {
		b.Fatal(err)
	}
	var ns []float64
	for _, x := range v.([]any) {
		switch x := x.(type) {
		case int64:
			ns = append(ns, float64(x))
		case float64:
			ns = append(ns, x)
		}
	}
	sort.Float64s(ns)
	b.ReportMetric(ns[len(ns)/2]/1e6, "ms-median")
	b.ReportMetric(ns[len(ns)*99/100]/1e6, "ms-p99")
}
