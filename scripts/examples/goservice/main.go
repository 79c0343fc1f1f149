// Command goservice shows a Go service that gives every JavaScript runtime
// its own blocking Go call (a 20 ms "database query") and lets a script fan
// 50 of them out over threads: they run in parallel, one goroutine each, so
// the whole fan-out takes about one query's time instead of fifty.
//
//	go run ./scripts/examples/goservice
package main

import (
	"context"
	"fmt"
	"os"
	"time"

	"github.com/dop251/goja"
	"github.com/jsrun/jsrun/host"
)

// queryDB stands for a blocking call into a backend; it honours ctx, so a
// cancelled thread or evaluation does not wait for it.
func queryDB(ctx context.Context, id int64) (string, error) {
	select {
	case <-time.After(20 * time.Millisecond):
		return fmt.Sprintf("row-%d", id), nil
	case <-ctx.Done():
		return "", ctx.Err()
	}
}

// mydb is the module every runtime gets from require("mydb").
func mydb(r *host.Runtime, exports *goja.Object) error {
	return exports.Set("query", r.Func("query", func(c goja.FunctionCall) goja.Value {
		row, err := queryDB(r.Context(), c.Argument(0).ToInteger())
		if err != nil {
			panic(r.NewGoError(err))
		}
		return r.ToValue(row)
	}))
}

const script = `
const db = require("mydb");
const started = Date.now();
const pending = [];
for (let id = 1; id <= 50; id++) pending.push(threads.run((id) => db.query(id), id));
const rows = pending.map((p) => p.get());
console.log("got " + rows.length + " rows, first " + rows[0] + ", last " + rows[rows.length - 1]);
Date.now() - started
`

func main() {
	h, err := host.New(host.WithStdout(os.Stdout), host.WithModule("mydb", mydb))
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	defer h.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	start := time.Now()
	ms, err := h.Eval(ctx, script)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	fmt.Printf("50 blocking calls of 20 ms each: %v ms inside the script, %v in all (sequentially: 1000 ms)\n",
		ms, time.Since(start).Round(time.Millisecond))
}
