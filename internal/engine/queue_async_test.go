package engine

import (
	"strings"
	"testing"
	"time"
)

// TestQueueAsyncIterator: next() promises the items in order, then
// {done: true} once the queue is closed and drained; the iterator is its
// own async iterator, and the symbols are Symbol.for's.
func TestQueueAsyncIterator(t *testing.T) {
	out, err := evalJS(t, Config{}, 20*time.Second, `
		const q = new threads.Queue();
		const it = q[Symbol.asyncIterator]();
		print(it[Symbol.asyncIterator]() === it, Symbol.asyncIterator === Symbol.for("Symbol.asyncIterator"),
			typeof Symbol.dispose, typeof Symbol.asyncDispose);
		threads.run((q) => { q.put("a"); q.put("b"); q.close(); }, q);
		const seen = [];
		function step() {
			return it.next().then((r) => {
				seen.push(JSON.stringify(r));
				if (!r.done) return step();
				print(seen.join(" "));
			});
		}
		step();
	`)
	if err != nil {
		t.Fatal(err)
	}
	want := "true true symbol symbol\n" + `{"value":"a","done":false} {"value":"b","done":false} {"done":true}`
	if out != want {
		t.Errorf("printed %q, want %q", out, want)
	}
}

// TestQueueAsyncIteratorBadThis: the method on something else is a
// TypeError naming it.
func TestQueueAsyncIteratorBadThis(t *testing.T) {
	_, err := evalJS(t, Config{}, 20*time.Second, `
		const f = new threads.Queue()[Symbol.asyncIterator];
		f.call({});
	`)
	if err == nil || !strings.Contains(err.Error(), "TypeError") || !strings.Contains(err.Error(), "[Symbol.asyncIterator]") {
		t.Fatalf("err = %v, want a TypeError naming [Symbol.asyncIterator]", err)
	}
}
