//go:build jsrun_cluster

package testbin

// buildTags are the tags the jsrun command is built with: those of the
// test binary, so that a test run with -tags jsrun_cluster runs a jsrun
// that has the cluster.
const buildTags = "jsrun_cluster"
