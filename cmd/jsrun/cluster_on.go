//go:build jsrun_cluster

package main

import (
	"fmt"
	"io"

	"github.com/jsrun/jsrun/host"
)

// clusterOptions connects the host to the cluster that --nats names, or
// starts the local one of --cluster; stop ends what it started. A code
// other than 0 is the exit code of a failure it printed.
func clusterOptions(natsURL, clusterSpec string, sandbox []string, stdout, stderr io.Writer) (opts []host.Option, stop func(), code int) {
	stop = func() {}
	if clusterSpec != "" && natsURL != "" {
		fmt.Fprintln(stderr, "jsrun: --cluster and --nats exclude each other")
		return nil, stop, 2
	}
	var stops []func()
	stop = func() {
		for i := len(stops) - 1; i >= 0; i-- {
			stops[i]()
		}
	}
	if clusterSpec != "" {
		n, err := parseLocal(clusterSpec)
		if err != nil {
			fmt.Fprintln(stderr, err)
			return nil, stop, 2
		}
		lc, err := startLocal(n, sandbox, stdout, stderr)
		if err != nil {
			fmt.Fprintln(stderr, err)
			return nil, stop, 1
		}
		stops = append(stops, lc.stop)
		natsURL = lc.URL()
	}
	if natsURL != "" {
		nc, err := connectCluster(natsURL)
		if err != nil {
			fmt.Fprintln(stderr, err)
			stop()
			return nil, func() {}, 1
		}
		stops = append(stops, nc.Close)
		opts = append(opts, host.WithNATS(nc))
	}
	return opts, stop, 0
}
