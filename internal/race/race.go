// Package race says whether the race detector is on, so that tests can run
// their heaviest cases smaller under it (goja runs several times slower
// there) while the plain run keeps the full sizes.
package race
