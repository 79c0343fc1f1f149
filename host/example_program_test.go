package host_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"

	"github.com/jsrun/jsrun/host"
)

func ExampleHost_Load() {
	h, err := host.New()
	if err != nil {
		panic(err)
	}
	defer h.Close()
	ctx := context.Background()
	// The script runs once per instance; its functions serve every call.
	prog, err := h.Load(ctx, `
		const greeting = "hello";
		function greet(name) { return greeting + ", " + name }
	`, host.WithInstances(2))
	if err != nil {
		panic(err)
	}
	defer prog.Close()
	v, err := prog.Call(ctx, "greet", "gopher")
	fmt.Println(v, err)
	// Output: hello, gopher <nil>
}

func ExampleProgram_CallInto() {
	h, err := host.New()
	if err != nil {
		panic(err)
	}
	defer h.Close()
	ctx := context.Background()
	type Item struct {
		SKU   string  `json:"sku"`
		Price float64 `json:"price"`
	}
	type Quote struct {
		Total float64 `json:"total"`
		Items []Item  `json:"items"`
	}
	prog, err := h.Load(ctx, `
		// Threads work inside a call and end with it.
		async function quote(items) {
			const prices = items.map((it) => threads.run((p) => p * 1.2, it.price));
			const priced = items.map((it, i) => ({ sku: it.sku, price: prices[i].get() }));
			return { total: priced.reduce((s, it) => s + it.price, 0), items: priced };
		}
	`)
	if err != nil {
		panic(err)
	}
	defer prog.Close()
	var q Quote
	err = prog.CallInto(ctx, &q, "quote", []Item{{"a", 10}, {"b", 5}})
	fmt.Printf("%+v %v\n", q, err)
	// Output: {Total:18 Items:[{SKU:a Price:12} {SKU:b Price:6}]} <nil>
}

func ExampleDecode() {
	h, err := host.New()
	if err != nil {
		panic(err)
	}
	defer h.Close()
	v, err := h.Eval(context.Background(), `({ price: "12" })`)
	if err != nil {
		panic(err)
	}
	type Item struct {
		Price float64 `json:"price"`
	}
	_, err = host.Decode[Item](v)
	fmt.Println(err)
	// Output: result.price: want number, got string
}

func ExampleHost_Stats() {
	h, err := host.New()
	if err != nil {
		panic(err)
	}
	defer h.Close()
	_, err = h.Eval(context.Background(), `
		const ps = [1, 2, 3].map((n) => threads.run((n) => n * n, n));
		ps.forEach((p) => p.get());
	`)
	if err != nil {
		panic(err)
	}
	s := h.Stats()
	fmt.Println(s.ThreadsStarted, s.ThreadsLive, s.Deadlocks)
	// Output: 3 0 0
}

func ExampleHost_LoadFile() {
	dir, err := os.MkdirTemp("", "loadfile")
	if err != nil {
		panic(err)
	}
	defer os.RemoveAll(dir)
	if real, err := filepath.EvalSymlinks(dir); err == nil {
		dir = real // macOS keeps temp dirs behind a symlink
	}
	// An ES module: Call calls its exports; its top level runs once per
	// instance, top-level await included.
	src := `import { run } from "threads";
const rate = await Promise.resolve(1.2);
const price = (n) => n * rate;
export function quote(n) { return run(price, n).get() }
`
	if err := os.WriteFile(filepath.Join(dir, "quote.mjs"), []byte(src), 0o644); err != nil {
		panic(err)
	}
	h, err := host.New(host.WithFileSystem(dir))
	if err != nil {
		panic(err)
	}
	defer h.Close()
	ctx := context.Background()
	prog, err := h.LoadFile(ctx, filepath.Join(dir, "quote.mjs"), host.WithInstances(1))
	if err != nil {
		panic(err)
	}
	defer prog.Close()
	v, err := prog.Call(ctx, "quote", 10)
	fmt.Println(v, err)
	// Output: 12 <nil>
}
