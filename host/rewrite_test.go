package host

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// TestOperatorsAreGuardedEverywhere checks that Eval's own source and the
// functions carried into threads and pools are compiled through the
// rewrite (internal/rewrite): a BigInt shift by 2^64 gives Node's 0n
// (goja alone reads the count's low 64 bits and gives 1n), and a spread of
// 200,000 arguments throws Node's RangeError (goja alone takes seconds).
// The process-killing cases run in a child process, in ./tests.
func TestOperatorsAreGuardedEverywhere(t *testing.T) {
	t.Parallel()
	const spread = `(() => { try { Math.max(...Array(2e5).fill(1)); return "no error" } catch (e) { return e.name + ": " + e.message } })()`
	const rangeErr = "RangeError: Maximum call stack size exceeded"
	h := newHost(t)
	for src, want := range map[string]any{
		`String(1n >> (2n ** 64n))`:                                                                         "0",
		`let n = 2n ** 64n; let x = 1n; x >>= n; String(x)`:                                                 "0",
		`threads.run(() => String(1n >> (2n ** 64n))).get()`:                                                "0",
		`function shift(a, b) { return String(a >> b) } threads.run(shift, 1n, 2n ** 64n).get()`:            "0",
		`const p = threads.Pool((n) => String(1n >> n)); const r = p.submit(2n ** 64n).get(); p.close(); r`: "0",
		spread: rangeErr,
		`threads.run(() => ` + spread + `).get()`: rangeErr,
	} {
		ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
		v, err := h.Eval(ctx, src)
		cancel()
		if err != nil || v != want {
			t.Errorf("Eval(%q) = %#v, %v; want %#v", src, v, err, want)
		}
	}
}

// TestModulesAreRewritten checks that modules loaded by require are
// compiled through the rewrite, keep their functions' positions and
// source text, and can still be carried into threads.
func TestModulesAreRewritten(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	files := map[string]string{
		"shift.js": "// a module with a guarded operation\n" +
			"exports.shift = function shift(a, b) {\n" +
			"  return String(a >> b);\n" +
			"};\n" +
			"exports.fail = function fail(a, b) {\n" +
			"  const x = a ** b;\n" +
			"  throw new Error('from the module ' + x);\n" +
			"};\n",
		"plain.js": "exports.add = (a, b) => a + b;\n",
		"main.js": `const { shift, fail } = require("./shift.js");
const { add } = require("./plain.js");
let stack;
try { fail(2, 3) } catch (e) { stack = e.stack }
[
	shift(1n, 2n ** 64n),
	threads.run(() => shift(1n, 2n ** 64n)).get(),
	shift.toString(),
	add(1, 2),
	/shift\.js:7:9/.test(stack),
].join("|")`,
	}
	for name, src := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(src), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	v, err := newHost(t).EvalFile(ctx, filepath.Join(dir, "main.js"))
	want := "0|0|function shift(a, b) {\n  return String(a >> b);\n}|3|true"
	if err != nil || v != want {
		t.Fatalf("got %#v, %v\nwant %#v", v, err, want)
	}
}
