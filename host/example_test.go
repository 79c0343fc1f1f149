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
	h := host.New(host.WithStdout(os.Stdout))
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
	h := host.New()
	_, err := h.EvalWithTimeout(100*time.Millisecond, `threads.run(() => { for (;;) {} }).get()`)
	fmt.Println(errors.Is(err, context.DeadlineExceeded))
	// Output: true
}

func ExampleScriptError() {
	h := host.New()
	_, err := h.Eval(context.Background(), `threads.run(() => { throw new RangeError("out of range") }).get()`)
	var se *host.ScriptError
	if errors.As(err, &se) {
		fmt.Println(se.Kind, se.Name, se.Message)
	}
	// Output: uncaught exception RangeError out of range
}

func ExampleExitError() {
	h := host.New()
	_, err := h.Eval(context.Background(), `threads.run(() => process.exit(3)).wait()`)
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
	h := host.New(host.WithModule("backend", lookup))
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
	h := host.New(host.WithGlobal("version", func(r *host.Runtime) (goja.Value, error) {
		return r.ToValue("1.2.3"), nil
	}))
	v, _ := h.Eval(context.Background(), `version + " / " + threads.run(() => version).get()`)
	fmt.Println(v)
	// Output: 1.2.3 / 1.2.3
}

func ExampleHost_Call() {
	h := host.New()
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
	h := host.New(host.WithFileSystem(dir))
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
