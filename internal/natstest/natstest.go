// Package natstest runs one embedded NATS server with JetStream per test
// package: starting one costs ~50 ms, so the tests of a package share it
// and keep apart by naming their pools, buckets and streams differently.
package natstest

import (
	"fmt"
	"os"
	"testing"
	"time"

	"github.com/jsrun/jsrun/internal/leakcheck"
	"github.com/nats-io/nats-server/v2/server"
)

// URL is the shared server's address, set by Main.
var URL string

// Main starts the shared server (file store in a temporary directory),
// runs the tests, stops the server, and then checks for leaked goroutines
// (the server's own are gone after WaitForShutdown). Call it from
// TestMain: os.Exit(natstest.Main(m)).
func Main(m *testing.M) int {
	dir, err := os.MkdirTemp("", "jsrun-nats-")
	if err != nil {
		fmt.Fprintln(os.Stderr, "natstest:", err)
		return 1
	}
	defer os.RemoveAll(dir)
	s, err := server.NewServer(&server.Options{Host: "127.0.0.1", Port: -1, JetStream: true,
		StoreDir: dir, NoLog: true, NoSigs: true})
	if err != nil {
		fmt.Fprintln(os.Stderr, "natstest:", err)
		return 1
	}
	s.Start()
	if !s.ReadyForConnections(10 * time.Second) {
		fmt.Fprintln(os.Stderr, "natstest: the server did not become ready")
		return 1
	}
	URL = s.ClientURL()
	code := m.Run()
	s.Shutdown()
	s.WaitForShutdown()
	if code == 0 {
		if err := leakcheck.Find(); err != nil {
			fmt.Fprintln(os.Stderr, "natstest: leaked goroutines:", err)
			return 1
		}
	}
	return code
}
