package tests

import (
	"bytes"
	"context"
	"testing"
	"time"

	"github.com/jsrun/jsrun/host"
	"github.com/jsrun/jsrun/internal/clonecases"
	"github.com/jsrun/jsrun/internal/leakcheck"
)

// TestCloneCasesThroughThreads sends every structured-clone case of clone's
// table through a thread and back, as an argument and then as the result of
// threads.run(x => x, v).get(), and through a Queue and a Shared, and
// compares what comes back with the case's expected value in the caller.
// Cases that need a thrown error's preserved name are left to clone's own
// tests: an argument is cloned by the HTML rule.
func TestCloneCasesThroughThreads(t *testing.T) {
	defer leakcheck.VerifyNone(t)
	ran := 0
	for _, c := range clonecases.RoundTrip {
		if c.PreserveErrorNames {
			continue
		}
		want := c.Want
		if want == "" {
			want = c.Src
		}
		t.Run(c.Name, func(t *testing.T) {
			var out bytes.Buffer
			h := newHost(t, host.WithStdout(&out))
			src := clonecases.Comparator + `
				// A fresh value for each path: a getter may change its source.
				const make = () => (` + c.Src + `);
				const want = (` + want + `);
				const q = threads.Queue(), s = threads.Shared(null);
				const viaThread = threads.run((x) => x, make()).get();
				q.put(make());
				const viaQueue = threads.run(() => q.get()).get();
				threads.run((x) => s.set(x), make()).get();
				const viaShared = s.get();
				console.log(JSON.stringify([__cloneEq(want, viaThread), __cloneEq(want, viaQueue), __cloneEq(want, viaShared)]));
			`
			ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
			defer cancel()
			if _, err := h.Eval(ctx, src); err != nil {
				t.Fatalf("%v", err)
			}
			if got := out.String(); got != `["","",""]`+"\n" {
				t.Fatalf("differences (thread, queue, shared): %s", got)
			}
		})
		ran++
	}
	if ran < 60 {
		t.Fatalf("only %d cases ran", ran)
	}
	t.Logf("%d cases through a thread, a Queue and a Shared", ran)
}

// TestBigValuesThroughThreads sends values big enough for clone's parallel
// paths (an array of 1,500 records: its elements are walked on several
// goroutines, and the restore builds on several) through a thread and
// back, a Queue and a Shared, with references shared across the array,
// cycles, a getter that changes a later element while it is cloned, and
// elements of other kinds among the records.
func TestBigValuesThroughThreads(t *testing.T) {
	defer leakcheck.VerifyNone(t)
	var out bytes.Buffer
	h := newHost(t, host.WithStdout(&out))
	src := clonecases.Comparator + `
		function records(n) {
			const out = [];
			for (let i = 0; i < n; i++) out.push({id: i, name: "r" + i, tags: ["a" + (i % 3)], pos: {x: i, y: [i, -i]}});
			return out;
		}
		function make() {
			const a = records(1500), s = {shared: true};
			a[3].s = s; a[1400].s = s; a[1499].back = a; a[700].self = a[700];
			a[10].next = a[1200]; a[1200].prev = a[10];
			a[20] = new Map([[a[21], a[1300]]]); a[1100] = new Date(0); a[1101] = [1, , 3];
			Object.defineProperty(a[5], "g", {enumerable: true, get() { a[1000].name = "changed"; return 1; }});
			return a;
		}
		// What each clone must equal: the value after its getter ran.
		function expected() {
			const a = make();
			a[1000].name = "changed";
			a[5] = Object.assign({}, a[5]);
			a[5].g = 1;
			return a;
		}
		const want = expected();
		const q = threads.Queue(), s = threads.Shared(null);
		const results = [];
		results.push(threads.run((x) => x, make()).get());
		results.push(threads.run((x) => x.length + ":" + x[1000].name + ":" + (x[1499].back === x) + ":" + (x[3].s === x[1400].s), make()).get());
		q.put(make());
		results.push(threads.run(() => q.get()).get());
		threads.run((x) => s.set(x), make()).get();
		results.push(s.get());
		console.log(JSON.stringify([__cloneEq(want, results[0]), results[1], __cloneEq(want, results[2]), __cloneEq(want, results[3])]));
	`
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	if _, err := h.Eval(ctx, src); err != nil {
		t.Fatalf("%v", err)
	}
	if got, want := out.String(), `["","1500:changed:true:true","",""]`+"\n"; got != want {
		t.Fatalf("got  %s\nwant %s", got, want)
	}
}
