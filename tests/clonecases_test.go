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
			h := host.New(host.WithStdout(&out))
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
