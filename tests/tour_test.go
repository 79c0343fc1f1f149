package tests

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestReadmeTourAsModule pastes README.md's tour into tour.mjs, as the
// README says one may, and runs it: top-level await included.
func TestReadmeTourAsModule(t *testing.T) {
	readme, err := os.ReadFile(repoPath("README.md"))
	if err != nil {
		t.Fatal(err)
	}
	_, rest, ok := strings.Cut(string(readme), "## A tour of `threads`\n")
	if !ok {
		t.Fatal("README.md has no tour section")
	}
	_, rest, ok = strings.Cut(rest, "```js\n")
	tour, _, closed := strings.Cut(rest, "```\n")
	if !ok || !closed {
		t.Fatal("the tour has no ```js block")
	}
	path := filepath.Join(t.TempDir(), "tour.mjs")
	if err := os.WriteFile(path, []byte(tour), 0o644); err != nil {
		t.Fatal(err)
	}
	out, errOut, err := evalFile(t, path, 30*time.Second)
	if err != nil {
		t.Fatalf("tour.mjs: %v\nstderr: %s", err, errOut)
	}
	want := "8\n1000\n0\n1\n2\n3\n4\n5\n6\n7\n8\n9\n1 4 9\n"
	if out != want {
		t.Errorf("tour.mjs printed\n%s\nwant (the tour's comments)\n%s", out, want)
	}
}
