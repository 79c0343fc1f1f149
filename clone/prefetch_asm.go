//go:build amd64 || arm64

package clone

// havePrefetch says prefetch does something here.
const havePrefetch = true

// prefetch asks the CPU to start loading the cache line at addr and
// returns at once. It never faults, whatever addr is, and holds nothing.
func prefetch(addr uintptr)
