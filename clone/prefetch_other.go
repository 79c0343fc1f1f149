//go:build !amd64 && !arm64

package clone

// havePrefetch says prefetch does nothing here, so the scan does not read
// ahead.
const havePrefetch = false

func prefetch(addr uintptr) {}
