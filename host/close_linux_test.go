package host

import (
	"os"
	"testing"
)

// openFiles counts the process's open file descriptors.
func openFiles(t *testing.T) int {
	t.Helper()
	entries, err := os.ReadDir("/proc/self/fd")
	if err != nil {
		t.Fatal(err)
	}
	return len(entries)
}

// TestCloseReleasesTheDirectory: a thousand hosts confined to a directory,
// each closed, leave the process's open files as they were (the os.Root
// of WithFileSystem was never closed).
func TestCloseReleasesTheDirectory(t *testing.T) {
	dir := t.TempDir()
	open := func() {
		h, err := New(WithFileSystem(dir))
		if err != nil {
			t.Fatal(err)
		}
		if err := h.Close(); err != nil {
			t.Fatal(err)
		}
	}
	open() // whatever the first use of the os package opens for good
	before := openFiles(t)
	for range 1000 {
		open()
	}
	if after := openFiles(t); after != before {
		t.Errorf("open files: %d before, %d after 1,000 New and Close", before, after)
	}
}
