package host

import (
	"context"
	"errors"
	"runtime"
	"runtime/debug"
	"strings"
	"testing"
	"time"

	"github.com/dop251/goja"
)

// The memory tests hold a few hundred MB at most: the limit is 256 MiB, and
// without it (on main) each script would end normally after holding 600 MB.
const testMemoryLimit = 256 << 20

// holdInThreads is the "1000 threads × 100 MB each" at a cheaper
// scale: 30 threads, each holding 20 MB of strings made in 1 MB steps,
// all alive at once.
const holdInThreads = `
	const ready = threads.WaitGroup(), hold = threads.WaitGroup();
	ready.add(30); hold.add(1);
	const ps = [];
	for (let i = 0; i < 30; i++) ps.push(threads.run((ready, hold) => {
		const parts = [];
		for (let j = 0; j < 20; j++) parts.push("x".repeat(1024).repeat(1024));
		ready.done();
		hold.wait();
		return parts.length;
	}, ready, hold));
	ready.wait();
	hold.done();
	ps.reduce((n, p) => n + p.get(), 0);
`

// holdInMain holds 600 MB in the main runtime, 1 MB at a time.
const holdInMain = `
	const parts = [];
	for (let j = 0; j < 600; j++) parts.push("x".repeat(1024).repeat(1024));
	parts.length;
`

// checkOutOfMemory checks that err is the memory limit's RangeError.
func checkOutOfMemory(t *testing.T, v any, err error) {
	t.Helper()
	var se *ScriptError
	if !errors.As(err, &se) || se.Name != "RangeError" || !strings.Contains(se.Message, "out of memory: limit 268435456 bytes") {
		t.Fatalf("Eval = %v, %v; want RangeError: out of memory: limit 268435456 bytes", v, err)
	}
	if !errors.Is(err, ErrMemoryLimit) {
		t.Fatalf("errors.Is(%v, ErrMemoryLimit) is false", err)
	}
}

// settle lets the memory of an evaluation that was stopped go, so that
// the next test starts from a small heap.
func settle() {
	runtime.GC()
	debug.FreeOSMemory()
}

func TestMemoryLimitStopsThreadsHoldingTooMuch(t *testing.T) {
	defer settle()
	h := newHost(t, WithMemoryLimit(testMemoryLimit))
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	v, err := h.Eval(ctx, holdInThreads)
	checkOutOfMemory(t, v, err)
}

func TestMemoryLimitStopsMainHoldingTooMuch(t *testing.T) {
	defer settle()
	h := newHost(t, WithMemoryLimit(testMemoryLimit))
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	v, err := h.Eval(ctx, holdInMain)
	checkOutOfMemory(t, v, err)
}

// TestMemoryLimitLeavesUnlimitedEvaluationsAlone: the limit fails the
// evaluations that asked for it, not one running at the same time on a
// host without a limit.
func TestMemoryLimitLeavesUnlimitedEvaluationsAlone(t *testing.T) {
	defer settle()
	s := newStuckHook(t)
	free := newHost(t, s.option())
	ch := evalAsync(context.Background(), free, `
		threads.run(() => require("stuck").block()).get();
		"done";
	`)
	s.waitEntered(t)
	limited := newHost(t, WithMemoryLimit(testMemoryLimit))
	v, err := limited.Eval(context.Background(), holdInMain)
	checkOutOfMemory(t, v, err)
	s.free()
	if r := awaitEval(t, ch); r.err != nil || r.v != "done" {
		t.Fatalf("the unlimited evaluation = %v, %v; want done", r.v, r.err)
	}
}

// TestMemoryLimitRestoresGoMemoryLimit: the Go runtime's memory limit is
// the evaluation's while it runs, and what it was once none runs.
func TestMemoryLimitRestoresGoMemoryLimit(t *testing.T) {
	before := debug.SetMemoryLimit(-1)
	h := newHost(t, WithMemoryLimit(testMemoryLimit), WithModule("limit", func(r *Runtime, exports *goja.Object) error {
		return exports.Set("get", func() int64 { return debug.SetMemoryLimit(-1) })
	}))
	v, err := h.Eval(context.Background(), `require("limit").get()`)
	if err != nil || v != int64(testMemoryLimit) {
		t.Fatalf("Go's memory limit during the evaluation = %v, %v; want %d", v, err, testMemoryLimit)
	}
	if after := debug.SetMemoryLimit(-1); after != before {
		t.Fatalf("Go's memory limit after = %d; want %d as before", after, before)
	}
}

// TestMemoryLimitNextEvaluationStartsAfresh: the heap an evaluation left
// when it was stopped is garbage for the next one, even before the
// collector has run again.
func TestMemoryLimitNextEvaluationStartsAfresh(t *testing.T) {
	defer settle()
	h := newHost(t, WithMemoryLimit(testMemoryLimit))
	v, err := h.Eval(context.Background(), holdInMain)
	checkOutOfMemory(t, v, err)
	v, err = h.Eval(context.Background(), `threads.sleep(200); threads.run(() => "small").get()`)
	if err != nil || v != "small" {
		t.Fatalf("next Eval = %v, %v; want small", v, err)
	}
}

// TestMemoryLimitRefusesOneBufferPastIt: one allocation larger than what
// the limit leaves cannot be stopped once made (past the machine's memory
// it ends the process), so the buffer constructors refuse it up front, as
// Node does when its allocation fails.
func TestMemoryLimitRefusesOneBufferPastIt(t *testing.T) {
	defer settle()
	h := newHost(t, WithMemoryLimit(testMemoryLimit))
	v, err := h.Eval(context.Background(), `
		const caught = [];
		for (const make of [() => new ArrayBuffer(2 ** 30), () => new Float64Array(2 ** 27), () => threads.run(() => new Uint8Array(2 ** 30)).get()]) {
			try { make(); caught.push("made") } catch (e) { caught.push(e.name + ": " + e.message) }
		}
		caught.push(new ArrayBuffer(2 ** 20).byteLength);
		caught.join("; ")`)
	want := "RangeError: Array buffer allocation failed; RangeError: Array buffer allocation failed; RangeError: Array buffer allocation failed; 1048576"
	if err != nil || v != want {
		t.Fatalf("Eval = %v, %v; want %q", v, err, want)
	}
}
