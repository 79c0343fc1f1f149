package transform_test

import (
	"testing"

	"github.com/jsrun/jsrun/internal/leakcheck"
)

// esbuild runs goroutines of its own: none may outlive a call.
func TestMain(m *testing.M) { leakcheck.VerifyTestMain(m) }
