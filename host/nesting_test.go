package host

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/jsrun/jsrun/internal/leakcheck"
)

// A text nested past what goja's parser can follow on the Go stack is
// Node's RangeError, not the end of the process (see internal/nesting).
func TestEvalDeepText(t *testing.T) {
	defer leakcheck.VerifyNone(t)
	h := newHost(t)
	deep := strings.Repeat("(", 300_000) + "0" + strings.Repeat(")", 300_000)
	_, err := h.Eval(context.Background(), deep)
	var se *ScriptError
	if !errors.As(err, &se) || se.Name != "RangeError" || se.Message != "Maximum call stack size exceeded" {
		t.Fatalf("got %v (%T); want the RangeError", err, err)
	}
	if v, err := h.Eval(context.Background(), strings.Repeat("(", 1000)+"7"+strings.Repeat(")", 1000)); err != nil || v != int64(7) {
		t.Fatalf("a text nested 1,000 deep: %v, %v", v, err)
	}
}
