//go:build amd64 || arm64

package clone

import "unsafe"

// prefetch asks the CPU to start loading the cache line at p and returns
// at once. It never faults, whatever p is.
//
//go:noescape
func prefetch(p unsafe.Pointer)
