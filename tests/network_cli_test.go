package tests

import (
	"net/http"
	"net/http/httptest"
	"sync/atomic"
	"testing"
)

// --no-net: every fetch, in main and in a thread, fails as Node's network
// errors do, and nothing reaches the server; without it the same script
// reaches it (the network is on by default, as in Node).
func TestCommandNoNet(t *testing.T) {
	t.Parallel()
	var reached atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		reached.Add(1)
		_, _ = w.Write([]byte("hi"))
	}))
	defer srv.Close()
	src := `const u = process.argv[process.argv.length - 1];
const why = (e) => e.message + ': ' + e.cause.code;
Promise.all([
  fetch(u).then((r) => r.text(), why),
  threads.run((u) => fetch(u).then((r) => r.text(), (e) => e.message + ': ' + e.cause.code), u),
]).then((a) => console.log(a.join(' / ')));`
	stdout, stderr, code, _ := runJsrun(t, "", "--no-net", "-e", src, srv.URL)
	if want := "fetch failed: ERR_ACCESS_DENIED / fetch failed: ERR_ACCESS_DENIED\n"; code != 0 || stdout != want {
		t.Fatalf("--no-net: exit %d, stdout %q, want %q; stderr %q", code, stdout, want, stderr)
	}
	if n := reached.Load(); n != 0 {
		t.Fatalf("--no-net: %d requests reached the server", n)
	}
	stdout, stderr, code, _ = runJsrun(t, "", "-e", src, srv.URL)
	if want := "hi / hi\n"; code != 0 || stdout != want {
		t.Fatalf("default: exit %d, stdout %q, want %q; stderr %q", code, stdout, want, stderr)
	}
}
