package main

import (
	"os"
	"testing"

	"github.com/jsrun/jsrun/internal/natstest"
)

// TestMain shares one embedded NATS server among the tests, and checks
// for leaked goroutines after it stops.
func TestMain(m *testing.M) { os.Exit(natstest.Main(m)) }
