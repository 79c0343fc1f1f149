package engine

import (
	"context"
	"fmt"
	"testing"
)

// TestScriptsAreKeptBounded: a source compiled again is the same Script
// (its cache of function analyses with it), and the Env keeps at most
// maxScripts, the most recently used.
func TestScriptsAreKeptBounded(t *testing.T) {
	t.Parallel()
	env := NewEnv(Config{})
	ctx := context.Background()
	src := func(i int) string { return fmt.Sprintf("threads.run(() => %d).get()", i) }
	first, err := env.Script(ctx, "<eval>", src(0))
	if err != nil {
		t.Fatal(err)
	}
	if again, _ := env.Script(ctx, "<eval>", src(0)); again != first {
		t.Errorf("the same source compiled again")
	}
	if other, _ := env.Script(ctx, "other.js", src(0)); other == first {
		t.Errorf("the same source under another name is the same Script")
	}
	for i := 1; i <= maxScripts+10; i++ {
		s, err := env.Script(ctx, "<eval>", src(i))
		if err != nil {
			t.Fatal(err)
		}
		if v, err := env.Eval(ctx, s, nil); err != nil || v.ToInteger() != int64(i) {
			t.Fatalf("source %d: %v, %v", i, v, err)
		}
	}
	env.scripts.mu.Lock()
	n := len(env.scripts.m)
	_, kept := env.scripts.m[scriptKey{"<eval>", src(maxScripts + 10)}]
	env.scripts.mu.Unlock()
	if n != maxScripts || !kept {
		t.Errorf("%d scripts kept (the last among them: %v), want %d", n, kept, maxScripts)
	}
	if again, _ := env.Script(ctx, "<eval>", src(0)); again == first {
		t.Errorf("the least recently used source was kept")
	}
}
