// Package tests runs jsrun end to end: the scripts under scripts/ through
// the host, and the jsrun command itself, checking what they print and how
// they exit. Every test checks that no goroutine is left behind.
package tests
