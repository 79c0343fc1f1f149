package threads_test

import (
	"context"
	"fmt"

	"github.com/dop251/goja"
	"github.com/jsrun/jsrun/threads"
)

// Most programs use package host; an Env is what it builds on: one per
// host, shared by every evaluation.
func ExampleEnv_Eval() {
	env := threads.NewEnv(threads.Config{MaxThreads: 100})
	src := `
		function fib(n) { return n < 2 ? n : fib(n - 1) + fib(n - 2) }
		const ps = [20, 21, 22].map((n) => threads.run(fib, n));
		ps.map((p) => p.get()).join(" ")
	`
	if err := env.AddScript("fib.js", src); err != nil {
		panic(err)
	}
	prog := goja.MustCompile("fib.js", src, false)
	v, err := env.Eval(context.Background(), func(main *threads.Runtime) (goja.Value, error) {
		return main.RT.RunProgram(prog)
	})
	fmt.Println(v, err)
	// Output: 6765 10946 17711 <nil>
}
