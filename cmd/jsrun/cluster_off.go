//go:build !jsrun_cluster

package main

import (
	"fmt"
	"io"

	"github.com/jsrun/jsrun/host"
)

// errNoCluster is what a jsrun built without the jsrun_cluster tag says
// to --nats, --cluster and the worker command. The tag keeps NATS out of
// the binary: linking nats.go and nats-server cost every start about
// 3 ms and 5 MiB (see README, "Beyond one machine").
const errNoCluster = "jsrun: this jsrun is built without cluster support; build it with: go build -tags jsrun_cluster ./cmd/jsrun"

func clusterOptions(natsURL, clusterSpec string, _ []string, _, stderr io.Writer) ([]host.Option, func(), int) {
	if natsURL != "" || clusterSpec != "" {
		fmt.Fprintln(stderr, errNoCluster)
		return nil, func() {}, 2
	}
	return nil, func() {}, 0
}

func workerMain(_ []string, _, stderr io.Writer) int {
	fmt.Fprintln(stderr, errNoCluster)
	return 2
}
