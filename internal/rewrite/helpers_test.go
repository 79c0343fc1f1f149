package rewrite

import (
	"testing"

	"github.com/dop251/goja"
)

// runScript runs src in a fresh runtime, compiled by goja alone (plain) or
// through the rewrite, and returns its completion value as a string, or
// the error.
func runScript(t *testing.T, rewritten bool, src string) string {
	t.Helper()
	rt, prg, err := compileCase(rewritten, src)
	if err != nil {
		return "compile error: " + err.Error()
	}
	v, err := rt.RunProgram(prg)
	if err != nil {
		return "uncaught: " + err.Error()
	}
	return v.String()
}

// compileCase compiles src as case.js for a fresh runtime, through the
// rewrite (and with its helper installed) or as goja alone would.
func compileCase(rewritten bool, src string) (*goja.Runtime, *goja.Program, error) {
	rt := goja.New()
	if !rewritten {
		prg, err := goja.Compile("case.js", src, false)
		return rt, prg, err
	}
	Install(rt)
	prg, err := Compile("case.js", src, false)
	return rt, prg, err
}

// prelude is what the semantics cases use: L and R log the evaluation of
// an operand, logged(name, v) is an object whose valueOf logs its call,
// and describe(f) runs f and tells its value or error and the log.
const prelude = `
var log = [];
function L(v) { log.push("eval left"); return v }
function R(v) { log.push("eval right"); return v }
function logged(name, v) { return { valueOf() { log.push("valueOf " + name); return v } } }
function show(v) {
	if (typeof v === "object" && v !== null) return "object"
	return typeof v + " " + (Object.is(v, -0) ? "-0" : String(v))
}
function describe(f) {
	log = [];
	let out;
	try { out = "value " + show(f()) } catch (e) { out = "throw " + (e && e.name) + ": " + (e && e.message) }
	return out + " | " + log.join(", ")
}
`
