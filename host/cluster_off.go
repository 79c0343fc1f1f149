//go:build !jsrun_cluster

package host

import "github.com/jsrun/jsrun/internal/engine"

// remotePools stands in for the cluster's pools in a build without the
// jsrun_cluster tag (see cluster.go): no option sets it, so
// threads.Pool(fn, {cluster}) is an Error that says no cluster is
// configured.
type remotePools struct{ engine.RemotePools }

func (*remotePools) close() {}
