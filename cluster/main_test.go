package cluster

import (
	"os"
	"testing"

	"github.com/jsrun/jsrun/internal/natstest"
	"github.com/nats-io/nats.go"
)

func TestMain(m *testing.M) { os.Exit(natstest.Main(m)) }

// connect opens a connection to the shared server, closed with the test.
func connect(t *testing.T) *nats.Conn {
	t.Helper()
	nc, err := nats.Connect(natstest.URL)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(nc.Close)
	return nc
}
