// Package promstats exports a jsrun Host's figures (host.Stats) to
// Prometheus, in one line:
//
//	prometheus.MustRegister(promstats.New(h))
//
// It lives apart from host so that a program that does not import it
// does not link client_golang. Every figure is read when Prometheus
// scrapes, from the host's atomics: the collector keeps no state and
// costs the scripts nothing. Counters end in _total; gauges are what
// runs now.
package promstats

import (
	"github.com/jsrun/jsrun/host"
	"github.com/prometheus/client_golang/prometheus"
)

// Source is what a Collector reads: a *host.Host, or anything else that
// reports host.Stats.
type Source interface{ Stats() host.Stats }

// Collector is a prometheus.Collector of one Source's figures.
type Collector struct {
	src     Source
	metrics []metric
}

type metric struct {
	desc *prometheus.Desc
	kind prometheus.ValueType
	get  func(*host.Stats) int64
}

// New makes a Collector of src's figures, named jsrun_*.
func New(src Source) *Collector { return NewWithLabels(src, nil) }

// NewWithLabels is New with labels on every figure, so that a program
// with several hosts registers one Collector for each.
func NewWithLabels(src Source, labels prometheus.Labels) *Collector {
	c := &Collector{src: src}
	add := func(name, help string, kind prometheus.ValueType, get func(*host.Stats) int64) {
		c.metrics = append(c.metrics, metric{prometheus.NewDesc("jsrun_"+name, help, nil, labels), kind, get})
	}
	counter, gauge := prometheus.CounterValue, prometheus.GaugeValue
	add("threads_started_total", "Threads ever started, Pool workers included.", counter, func(s *host.Stats) int64 { return s.ThreadsStarted })
	add("threads_live", "Threads running now.", gauge, func(s *host.Stats) int64 { return s.ThreadsLive })
	add("threads_peak", "The most threads running at once.", gauge, func(s *host.Stats) int64 { return s.ThreadsPeak })
	add("pool_items_queued", "Pool items waiting for a worker.", gauge, func(s *host.Stats) int64 { return s.PoolQueued })
	add("pool_items_running", "Pool items a worker runs now.", gauge, func(s *host.Stats) int64 { return s.PoolRunning })
	add("pool_items_done_total", "Pool items that gave a value.", counter, func(s *host.Stats) int64 { return s.PoolDone })
	add("pool_items_failed_total", "Pool items that threw or were cancelled.", counter, func(s *host.Stats) int64 { return s.PoolFailed })
	add("queue_items", "Items the Queues hold now.", gauge, func(s *host.Stats) int64 { return s.QueueItems })
	add("clones_total", "Values cloned between runtimes.", counter, func(s *host.Stats) int64 { return s.Clones })
	add("cloned_bytes_total", "Size of the values cloned, as the clone size limit measures it.", counter, func(s *host.Stats) int64 { return s.ClonedBytes })
	add("deadlocks_total", "Evaluations and calls ended by a deadlock.", counter, func(s *host.Stats) int64 { return s.Deadlocks })
	add("evaluations_running", "Evaluations (Eval, Call) running now.", gauge, func(s *host.Stats) int64 { return s.Evaluations })
	add("calls_running", "Program calls running now.", gauge, func(s *host.Stats) int64 { return s.Calls })
	add("abandoned_goroutines", "Goroutines of stopped evaluations stuck where goja cannot interrupt them.", gauge, func(s *host.Stats) int64 { return s.AbandonedGoroutines })
	add("abandoned_goroutines_total", "Goroutines ever abandoned.", counter, func(s *host.Stats) int64 { return s.AbandonedTotal })
	return c
}

// Describe sends the descriptions of every figure.
func (c *Collector) Describe(ch chan<- *prometheus.Desc) {
	for _, m := range c.metrics {
		ch <- m.desc
	}
}

// Collect reads the figures once and sends them.
func (c *Collector) Collect(ch chan<- prometheus.Metric) {
	s := c.src.Stats()
	for _, m := range c.metrics {
		ch <- prometheus.MustNewConstMetric(m.desc, m.kind, float64(m.get(&s)))
	}
}
