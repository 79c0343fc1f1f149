package resolve_test

import (
	"encoding/json"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/jsrun/jsrun/transform/resolve"
)

// osFS reads the testdata tree.
type osFS struct{}

func (osFS) Stat(p string) (fs.FileInfo, error) { return os.Stat(p) }
func (osFS) ReadFile(p string) ([]byte, error)  { return os.ReadFile(p) }

type expectation struct {
	From, Spec   string
	Import       string
	Require      string
	ImportError  *nodeError
	RequireError *nodeError
}

type nodeError struct{ Code, Message string }

// TestAgainstNode compares with what Node gave for the same tree
// (testdata/expect.mjs wrote testdata/expected.json).
func TestAgainstNode(t *testing.T) {
	tree, err := filepath.Abs("testdata/tree")
	if err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile("testdata/expected.json")
	if err != nil {
		t.Fatal(err)
	}
	var cases []expectation
	if err := json.Unmarshal(data, &cases); err != nil {
		t.Fatal(err)
	}
	r := &resolve.Resolver{FS: osFS{}, Builtin: func(n string) bool { return n == "fs" || n == "path" }}
	rel := func(s string) string { return strings.ReplaceAll(s, tree, "<tree>") }
	for _, c := range cases {
		importer := filepath.Join(tree, c.From)
		got, err := r.Import(c.Spec, importer)
		compare(t, "import", c, rel(got), err, c.Import, c.ImportError, rel)
		got, err = r.Require(c.Spec, importer)
		compare(t, "require", c, rel(got), err, c.Require, c.RequireError, rel)
	}
}

func compare(t *testing.T, how string, c expectation, got string, err error, want string, wantErr *nodeError, rel func(string) string) {
	t.Helper()
	if wantErr == nil {
		if err != nil || got != want {
			t.Errorf("%s %q from %s: got %q, %v; Node: %q", how, c.Spec, c.From, got, err, want)
		}
		return
	}
	var re *resolve.Error
	if err == nil || !asError(err, &re) {
		t.Errorf("%s %q from %s: got %q, %v; Node: %s", how, c.Spec, c.From, got, err, wantErr.Code)
		return
	}
	if re.Code() != wantErr.Code || rel(re.Error()) != wantErr.Message {
		t.Errorf("%s %q from %s:\n got %s %q\nNode %s %q", how, c.Spec, c.From, re.Code(), rel(re.Error()), wantErr.Code, wantErr.Message)
	}
}

func asError(err error, re **resolve.Error) bool {
	e, ok := err.(*resolve.Error)
	*re = e
	return ok
}
