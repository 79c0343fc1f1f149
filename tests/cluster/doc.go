// Package cluster holds the end-to-end tests of cluster pools, built with
// the jsrun_cluster tag only (see cluster_test.go).
package cluster
