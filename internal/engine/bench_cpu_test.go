package engine

import (
	"runtime/metrics"
	"testing"
)

// cpuMeter measures, between begin and report, the process's CPU time (as
// the OS counts it, where it can: see processCPU) and the part the Go
// runtime accounts to the collector. On a loaded machine a benchmark's
// wall time says little; its CPU time per operation, and the collector's
// share of it, still do.
type cpuMeter struct {
	s           [2]metrics.Sample
	cpu, gc, as float64
}

func newCPUMeter() *cpuMeter {
	m := &cpuMeter{}
	m.s[0].Name = "/cpu/classes/gc/total:cpu-seconds"
	m.s[1].Name = "/cpu/classes/gc/mark/assist:cpu-seconds"
	return m
}

func (m *cpuMeter) read() (cpu, gc, assist float64) {
	metrics.Read(m.s[:])
	return processCPU(), m.s[0].Value.Float64(), m.s[1].Value.Float64()
}

func (m *cpuMeter) begin() { m.cpu, m.gc, m.as = m.read() }

// report adds the CPU time per operation since begin to b's metrics:
// cpu-ms/op (the whole process; absent where processCPU cannot tell),
// gc-ms/op (the collector, assists included, by the runtime's estimate),
// assist-ms/op (the part of it allocating goroutines paid) and gc-% (the
// collector's share of cpu-ms/op).
func (m *cpuMeter) report(b *testing.B) {
	c, g, a := m.read()
	dc, dg, da := c-m.cpu, g-m.gc, a-m.as
	if b.N == 0 {
		return
	}
	n := float64(b.N)
	b.ReportMetric(dg*1e3/n, "gc-ms/op")
	b.ReportMetric(da*1e3/n, "assist-ms/op")
	if dc > 0 {
		b.ReportMetric(dc*1e3/n, "cpu-ms/op")
		b.ReportMetric(100*dg/dc, "gc-%")
	}
}
