package host

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/dop251/goja"
)

// TestCloseStopsEvaluations: an evaluation running when Close is called
// returns an error wrapping ErrClosed, and so does any evaluation after;
// a second Close does nothing.
func TestCloseStopsEvaluations(t *testing.T) {
	t.Parallel()
	started := make(chan struct{})
	h, err := New(WithGlobal("started", func(r *Runtime) (goja.Value, error) {
		return r.ToValue(func() { close(started) }), nil
	}))
	if err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() {
		_, err := h.Eval(context.Background(), `started(); threads.run(() => { for (;;) {} }).get()`)
		done <- err
	}()
	<-started
	if err := h.Close(); err != nil {
		t.Fatalf("Close: %v", err)
	}
	select {
	case err := <-done:
		if !errors.Is(err, ErrClosed) {
			t.Errorf("the running evaluation: err = %v, want ErrClosed", err)
		}
	case <-time.After(30 * time.Second):
		t.Fatal("the running evaluation did not return")
	}
	if _, err := h.Eval(context.Background(), `1`); !errors.Is(err, ErrClosed) {
		t.Errorf("Eval after Close: err = %v, want ErrClosed", err)
	}
	if _, err := h.Call(context.Background(), `function f() {}`, "f"); !errors.Is(err, ErrClosed) {
		t.Errorf("Call after Close: err = %v, want ErrClosed", err)
	}
	if err := h.Close(); err != nil {
		t.Errorf("second Close: %v", err)
	}
}

// TestCloseFromAnEvaluation: a Go function of the embedder that closes
// the host from inside one of its evaluations does not wait for itself
// for ever; that evaluation ends with ErrClosed.
func TestCloseFromAnEvaluation(t *testing.T) {
	t.Parallel()
	var h *Host
	h, err := New(WithGlobal("closeHost", func(r *Runtime) (goja.Value, error) {
		return r.ToValue(func() { _ = h.Close() }), nil
	}), WithFileSystem(t.TempDir()))
	if err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() {
		_, err := h.Eval(context.Background(), `closeHost(); require("fs").writeFileSync("x", "y")`)
		done <- err
	}()
	select {
	case err := <-done:
		if !errors.Is(err, ErrClosed) {
			t.Errorf("err = %v, want ErrClosed", err)
		}
	case <-time.After(30 * time.Second):
		t.Fatal("the evaluation that closed its host did not return")
	}
}
