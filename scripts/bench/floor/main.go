// Command floor measures what a fresh-runtime-per-task design cannot beat
// (issue 20): a warm goroutine receives two numbers over a channel, builds
// goja.New(), runs a precompiled `(a, b) => a + b` on them and sends the
// result back. It prints the mean µs of one such round trip as
// scripts/bench's JSON line ({"metric":"floor_us",...}), after a warm-up.
// scripts/bench runs it as the other side of its floor pair.
//
//	go run ./scripts/bench/floor [iterations=20000]
package main

import (
	"encoding/json"
	"fmt"
	"os"
	"strconv"
	"time"

	"github.com/dop251/goja"
)

func main() {
	n := 20000
	if len(os.Args) > 1 {
		v, err := strconv.Atoi(os.Args[1])
		if err != nil || v < 1 {
			fmt.Fprintln(os.Stderr, "floor: the argument is a number of iterations")
			os.Exit(2)
		}
		n = v
	}
	prog := goja.MustCompile("floor.js", "(a, b) => a + b", true)
	type task struct{ a, b int64 }
	in, out := make(chan task), make(chan int64)
	go func() {
		for t := range in {
			rt := goja.New()
			v, err := rt.RunProgram(prog)
			if err != nil {
				panic(err)
			}
			fn, _ := goja.AssertFunction(v)
			res, err := fn(goja.Undefined(), rt.ToValue(t.a), rt.ToValue(t.b))
			if err != nil {
				panic(err)
			}
			out <- res.ToInteger()
		}
	}()
	trip := func(k int) {
		if got := <-func() chan int64 { in <- task{int64(k), 1}; return out }(); got != int64(k)+1 {
			panic(fmt.Sprintf("floor: %d + 1 = %d", k, got))
		}
	}
	for k := range 200 { // warm-up, as scripts/bench/jsrun/floor.js
		trip(k)
	}
	t0 := time.Now()
	for k := range n {
		trip(k)
	}
	us := time.Since(t0).Seconds() * 1e6 / float64(n)
	close(in)
	_ = json.NewEncoder(os.Stdout).Encode(map[string]any{"metric": "floor_us", "value": us})
}
