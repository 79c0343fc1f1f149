//go:build race

package clone

// raceEnabled shrinks the slowest tests under the race detector, which
// makes goja several times slower.
const raceEnabled = true
