package cluster

import (
	"errors"
	"fmt"
	"time"

	"github.com/nats-io/nats-server/v2/server"
)

// StartServer starts an in-process NATS server with JetStream, its store
// in dir (a file store, so that a restart on the same dir loses nothing),
// listening on a free port of 127.0.0.1. It is what `jsrun --cluster
// local` and the tests run on. Stop it with s.Shutdown and
// s.WaitForShutdown; s.ClientURL() is its address.
func StartServer(dir string) (*server.Server, error) {
	return startServer(dir, -1)
}

// startServer starts the server on port (-1: a free one).
func startServer(dir string, port int) (*server.Server, error) {
	opts := &server.Options{
		ServerName: "jsrun-local",
		Host:       "127.0.0.1",
		Port:       port,
		JetStream:  true,
		StoreDir:   dir,
		NoLog:      true,
		NoSigs:     true,
	}
	s, err := server.NewServer(opts)
	if err != nil {
		return nil, fmt.Errorf("cluster: start NATS server: %w", err)
	}
	s.Start()
	if !s.ReadyForConnections(10 * time.Second) {
		s.Shutdown()
		s.WaitForShutdown()
		return nil, errors.New("cluster: the NATS server did not become ready within 10s")
	}
	return s, nil
}
