package engine

import (
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/jsrun/jsrun/eventloop"
)

// TestThreadsOutliveTheThreadThatStartedThem: a thread's return does not
// cancel the threads it started; the evaluation waits for all of them.
func TestThreadsOutliveTheThreadThatStartedThem(t *testing.T) {
	t.Parallel()
	var want []string
	for i := 1; i <= 12; i++ {
		want = append(want, fmt.Sprint(i))
	}
	mustEval(t, `
		function chain(n) { print(n); if (n < 12) threads.run(chain, n + 1); }
		threads.run(chain, 1);
	`, strings.Join(want, "\n"))
	mustEval(t, `
		threads.run(() => {
			threads.run(() => {
				threads.run(() => { threads.sleep(30); print("grandchild") });
			});
		});
	`, "grandchild")
}

// TestGrandchildErrorAfterItsParentReturned fails the evaluation as an
// unhandled rejection, with the grandchild's stack.
func TestGrandchildErrorAfterItsParentReturned(t *testing.T) {
	t.Parallel()
	_, err := evalJS(t, Config{}, 20*time.Second, `
		threads.run(() => {
			threads.run(() => {
				threads.run(() => { threads.sleep(30); throw new TypeError("grandchild boom") });
			});
		});
	`)
	var u *eventloop.UncaughtError
	if !errors.As(err, &u) || u.Kind != eventloop.KindUnhandledRejection {
		t.Fatalf("err = %v, want an unhandled rejection", err)
	}
	if u.Name != "TypeError" || u.Message != "grandchild boom" || !strings.Contains(u.Stack, "test.js:4:") {
		t.Errorf("rejection %s: %s, stack %q; want the grandchild's TypeError with its stack", u.Name, u.Message, u.Stack)
	}
}

// TestCancelReachesThreadsWhoseParentReturned: an explicit cancel() still
// reaches the threads its thread's children started, after those children
// returned.
func TestCancelReachesThreadsWhoseParentReturned(t *testing.T) {
	t.Parallel()
	mustEval(t, `
		const started = threads.Atomic();
		const q = threads.Queue();
		const top = threads.run((q) => {
			threads.run(() => { threads.run(() => { started.add(); for (;;) {} }) });
			q.get();
		}, q);
		while (started.get() < 1) threads.sleep(1);
		top.cancel();
		try { top.get() } catch (e) { print(e.name) }
	`, "CancelledError")
}
