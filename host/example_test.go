package host_test

import (
	"context"
	"errors"
	"fmt"
	"os"
	"time"

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
