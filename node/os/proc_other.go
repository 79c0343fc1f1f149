//go:build !linux

package os

import "runtime"

type cpu struct {
	model                      string
	speed                      int
	user, nice, sys, idle, irq uint64
}

// Outside Linux jsrun does not read the machine's counters: the values
// are the count of CPUs and zeros.
func cpuInfo() []cpu {
	out := make([]cpu, runtime.NumCPU())
	for i := range out {
		out[i].model = "unknown"
	}
	return out
}

func memory() (total, free uint64) { return 0, 0 }
func uptime() float64              { return 0 }
func loadavg() [3]float64          { return [3]float64{} }
func release() string              { return "" }
func version() string              { return "" }

func machine() string {
	switch runtime.GOARCH {
	case "amd64":
		return "x86_64"
	case "386":
		return "i686"
	}
	return runtime.GOARCH
}
