//go:build !unix

package engine

// processCPU is unknown here: benchmarks report no cpu-ms/op.
func processCPU() float64 { return 0 }
