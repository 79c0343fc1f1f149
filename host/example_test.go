package host_test

import (
	"context"
	"errors"
	"fmt"
	"os"
	"time"

	"github.com/dop251/goja"
	"github.com/jsrun/jsrun/host"
)

func ExampleHost_Eval() {
	h, err := host.New(host.WithStdout(os.Stdout))
	if err != nil {
		panic(err)
	}
	defer h.Close()
	v, err := h.Eval(context.Background(), `
		function add(a, b) { return a + b }
		console.log("in a thread:", threads.run(add, 1, 2).get());
		threads.run(add, 20, 22).get()  // the completion value
	`)
	fmt.Println(v, err)
	// Output:
	// in a thread: 3
	// 42 <nil>
}

func ExampleHost_EvalWithTimeout() {
	h, err := host.New()
	if err != nil {
		panic(err)
	}
	defer h.Close()
	_, err = h.EvalWithTimeout(100*time.Millisecond, `threads.run(() => { for (;;) {} }).get()`)
	fmt.Println(errors.Is(err, context.DeadlineExceeded))
	// Output: true
}

func ExampleScriptError() {
	h, err := host.New()
	if err != nil {
		panic(err)
	}
	defer h.Close()
	_, err = h.Eval(context.Background(), `threads.run(() => { throw new RangeError("out of range") }).get()`)
	var se *host.ScriptError
	if errors.As(err, &se) {
		fmt.Println(se.Kind, se.Name, se.Message)
	}
	// Output: uncaught exception RangeError out of range
}

func ExampleExitError() {
	h, err := host.New()
	if err != nil {
		panic(err)
	}
	defer h.Close()
	_, err = h.Eval(context.Background(), `threads.run(() => process.exit(3)).wait()`)
	var exit *host.ExitError
	fmt.Println(errors.As(err, &exit), exit.Code)
	// Output: true 3
}

// A Go service gives every runtime its own blocking Go functions as a
// module; JavaScript fans calls out over threads, each blocking on its own
// goroutine.
func ExampleWithModule() {
	lookup := func(r *host.Runtime, exports *goja.Object) error {
		return exports.Set("square", func(c goja.FunctionCall) goja.Value {
			n := c.Argument(0).ToInteger()
			select {
			case <-time.After(5 * time.Millisecond): // a slow backend
			case <-r.Context().Done(): // the thread or the evaluation was cancelled
				panic(r.NewGoError(r.Context().Err()))
			}
			return r.ToValue(n * n)
		})
	}
	h, err := host.New(host.WithModule("backend", lookup))
	if err != nil {
		panic(err)
	}
	defer h.Close()
	v, err := h.Eval(context.Background(), `
		const backend = require("backend");
		const calls = [];
		for (let i = 1; i <= 10; i++) calls.push(threads.run((i) => backend.square(i), i));
		calls.map((p) => p.get()).reduce((a, b) => a + b, 0)
	`)
	fmt.Println(v, err)
	// Output: 385 <nil>
}

func ExampleWithGlobal() {
	h, err := host.New(host.WithGlobal("version", func(r *host.Runtime) (goja.Value, error) {
		return r.ToValue("1.2.3"), nil
	}))
	if err != nil {
		panic(err)
	}
	defer h.Close()
	v, _ := h.Eval(context.Background(), `version + " / " + threads.run(() => version).get()`)
	fmt.Println(v)
	// Output: 1.2.3 / 1.2.3
}

func ExampleHost_Call() {
	h, err := host.New()
	if err != nil {
		panic(err)
	}
	defer h.Close()
	v, err := h.Call(context.Background(), `
		function total(items) {
			return threads.Pool((x) => x * 2, 2).map(items).reduce((a, b) => a + b, 0);
		}
	`, "total", []int{1, 2, 3})
	fmt.Println(v, err)
	// Output: 12 <nil>
}

func ExampleWithFileSystem() {
	dir, _ := os.MkdirTemp("", "jsrun-example")
	defer os.RemoveAll(dir)
	h, err := host.New(host.WithFileSystem(dir))
	if err != nil {
		panic(err)
	}
	defer h.Close()
	v, _ := h.Eval(context.Background(), `
		const fs = require("fs");
		fs.writeFileSync("note.txt", "inside");
		let outside;
		try { fs.readFileSync("/etc/passwd") } catch (e) { outside = e.code }
		fs.readFileSync("note.txt", "utf8") + " " + outside
	`)
	fmt.Println(v)
	// Output: inside EACCES
}

// New reports a bad option at once, and Close releases what the host
// holds; a closed host runs nothing.
func ExampleNew() {
	_, err := host.New(host.WithMaxThreads(-1), host.WithStdout(nil))
	fmt.Println(errors.Is(err, host.ErrInvalidOption))
	fmt.Println(err)

	h, err := host.New(host.WithMaxThreads(10))
	if err != nil {
		panic(err)
	}
	fmt.Println(h.Close())
	_, err = h.Eval(context.Background(), `1 + 1`)
	fmt.Println(errors.Is(err, host.ErrClosed))
	// Output:
	// true
	// jsrun: invalid option: WithMaxThreads(-1): the limit must not be negative
	// jsrun: invalid option: WithStdout(nil): give io.Discard to drop the output
	// <nil>
	// true
}

// Close stops the evaluations still running: each returns an error
// wrapping ErrClosed.
func ExampleHost_Close() {
	h, err := host.New()
	if err != nil {
		panic(err)
	}
	done := make(chan error)
	go func() {
		_, err := h.Eval(context.Background(), `threads.run(() => { for (;;) {} }).get()`)
		done <- err
	}()
	time.Sleep(50 * time.Millisecond) // let it start
	h.Close()
	fmt.Println(errors.Is(<-done, host.ErrClosed))
	// Output: true
}

// The limits are options; a negative one is an error, 0 the default.
func ExampleWithMaxThreads() {
	h, err := host.New(host.WithMaxThreads(2), host.WithStdout(os.Stdout))
	if err != nil {
		panic(err)
	}
	defer h.Close()
	_, err = h.Eval(context.Background(), `
		const gate = threads.Queue();
		const held = [threads.run((g) => g.get(), gate), threads.run((g) => g.get(), gate)];
		try { threads.run(() => 1) } catch (e) { console.log(e.name) }
		gate.put(1); gate.put(2);
		held.forEach((p) => p.get());
	`)
	fmt.Println(err)
	// Output:
	// RangeError
	// <nil>
}

// The bound is process-wide, and New only ever lowers it: this host,
// which would allow longer matches, leaves a smaller bound in place.
func ExampleWithRegexpMatchTimeout() {
	h, err := host.New(host.WithRegexpMatchTimeout(5 * time.Second))
	if err != nil {
		panic(err)
	}
	defer h.Close()
	v, err := h.Eval(context.Background(), `/(a+)+\1b/.test("aaaab")`)
	fmt.Println(v, err)
	// Output: true <nil>
}

// A Go function throws a JavaScript error with Runtime.Throw: one of the
// language's classes, or a custom name, with Node's code property.
func ExampleRuntime_Throw() {
	h, err := host.New(host.WithStdout(os.Stdout), host.WithModule("quota", func(r *host.Runtime, exports *goja.Object) error {
		return exports.Set("take", r.Func("take", func(c goja.FunctionCall) goja.Value {
			n := c.Argument(0)
			if !goja.IsNumber(n) {
				r.Throw("TypeError", "ERR_INVALID_ARG_TYPE", `The "n" argument must be of type number`)
			}
			if n.ToInteger() > 10 {
				panic(r.NewError("QuotaExceededError", "EQUOTA", "only 10 left")) // the same, as a value
			}
			return n
		}))
	}))
	if err != nil {
		panic(err)
	}
	defer h.Close()
	_, err = h.Eval(context.Background(), `
		const { take } = require("quota");
		for (const n of ["1", 11]) {
			try { take(n) } catch (e) { console.log(e instanceof Error, e.name, e.code, e.message) }
		}
	`)
	fmt.Println(err)
	// Output:
	// true TypeError ERR_INVALID_ARG_TYPE The "n" argument must be of type number
	// true QuotaExceededError EQUOTA only 10 left
	// <nil>
}
