package inspect_test

import (
	"testing"

	"github.com/jsrun/jsrun/internal/leakcheck"
)

func TestMain(m *testing.M) { leakcheck.VerifyTestMain(m) }
