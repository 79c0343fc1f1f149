package host

import (
	"context"
	"fmt"
	"sync"
	"testing"
)

// closureJS is a source whose thread function closes over a local, with
// n in its text: a thread must refuse it with a DataCloneError, which
// takes the analysis of this very source.
const closureJS = `const g = (() => { const k = 5; return () => k + %d })();
	let r; try { threads.run(g).get(); r = "carried" } catch (e) { r = e.name } r`

// TestEvalSourcesTakeTurns evaluates two sources one after the other and
// then the first again, on one host: each time, the functions of the
// source being run are the ones the thread analysis knows (a closure over
// a local is refused as such, not carried).
func TestEvalSourcesTakeTurns(t *testing.T) {
	t.Parallel()
	h := newHost(t)
	a := fmt.Sprintf(closureJS, 0)
	b := `threads.run(() => 1 + 1).get()`
	for i, c := range []struct {
		src  string
		want any
	}{{a, "DataCloneError"}, {b, int64(2)}, {a, "DataCloneError"}} {
		v, err := h.Eval(context.Background(), c.src)
		if err != nil || v != c.want {
			t.Errorf("eval %d: %#v, %v; want %#v", i, v, err, c.want)
		}
	}
}

// TestConcurrentEvalsOfDifferentSources runs different sources on one
// host at once: each evaluation's functions are analysed in its own source
// (they were looked up in whichever source was added last).
func TestConcurrentEvalsOfDifferentSources(t *testing.T) {
	t.Parallel()
	h := newHost(t)
	var wg sync.WaitGroup
	errs := make(chan error, 4)
	for g := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range 40 {
				// 100 sources in all, more than a host keeps, each run by
				// several goroutines: evictions and re-adds race.
				if v, err := h.Eval(context.Background(), fmt.Sprintf(closureJS, (g*37+i*13)%100)); err != nil || v != "DataCloneError" {
					errs <- fmt.Errorf("goroutine %d, source %d: %v, %v; want DataCloneError", g, i, v, err)
					return
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
}

// TestEvalSourcesBounded evaluates more distinct sources than a host
// keeps compiled (see internal/engine): a source dropped runs again as
// well as the first time.
func TestEvalSourcesBounded(t *testing.T) {
	t.Parallel()
	h := newHost(t)
	for i := range 100 {
		if v, err := h.Eval(context.Background(), fmt.Sprintf(closureJS, i)); err != nil || v != "DataCloneError" {
			t.Fatalf("source %d: %v, %v", i, v, err)
		}
	}
	if v, err := h.Eval(context.Background(), fmt.Sprintf(closureJS, 0)); err != nil || v != "DataCloneError" {
		t.Errorf("a dropped source run again: %v, %v", v, err)
	}
}

// TestEvalSourcesSharingAFunctionText evaluates, one after the other, two
// sources holding one function text, closing over a local in one and at
// top level in the other: each run analyses it in the source being run.
func TestEvalSourcesSharingAFunctionText(t *testing.T) {
	t.Parallel()
	h := newHost(t)
	closure := `const g = (() => { const k = 5; return () => k + 1 })();
		let r; try { r = threads.run(g).get() } catch (e) { r = e.name } r`
	top := `var k = 5; const g = () => k + 1; threads.run(g).get()`
	for i, c := range []struct {
		src  string
		want any
	}{{closure, "DataCloneError"}, {top, int64(6)}, {closure, "DataCloneError"}, {top, int64(6)}} {
		if v, err := h.Eval(context.Background(), c.src); err != nil || v != c.want {
			t.Errorf("eval %d: %#v, %v; want %#v", i, v, err, c.want)
		}
	}
}

// TestConcurrentEvalsSharingAFunctionText runs the two sources of
// TestEvalSourcesSharingAFunctionText at once, many times: each analyses
// the text in its own source, whichever ran last (the last one compiled
// or run decided for both).
func TestConcurrentEvalsSharingAFunctionText(t *testing.T) {
	t.Parallel()
	h := newHost(t)
	closure := `const g = (() => { const k = 5; return () => k + 1 })();
		let r; for (let i = 0; i < 20; i++) { try { r = threads.run(g).get() } catch (e) { r = e.name } } r`
	top := `var k = 5; const g = () => k + 1; let r; for (let i = 0; i < 20; i++) r = threads.run(g).get(); r`
	var wg sync.WaitGroup
	errs := make(chan error, 2)
	for _, c := range []struct {
		src  string
		want any
	}{{closure, "DataCloneError"}, {top, int64(6)}} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range 50 {
				if v, err := h.Eval(context.Background(), c.src); err != nil || v != c.want {
					errs <- fmt.Errorf("run %d: %#v, %v; want %#v", i, v, err, c.want)
					return
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
}
