//go:build !jsrun_cluster

package testbin

// buildTags: see tags_cluster.go.
const buildTags = ""
