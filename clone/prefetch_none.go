package clone

// havePrefetch is false: the project keeps to Go, and Go has no portable
// prefetch, so the scan does not read ahead. (The read-ahead in
// prefetch.go goes with clone's other reads of Go's map layout in issue
// 14.)
const havePrefetch = false

func prefetch(addr uintptr) {}
