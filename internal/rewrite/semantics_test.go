package rewrite

import (
	"encoding/json"
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/dop251/goja"
)

// operands are JavaScript expressions of every kind an operand of **, <<
// and >> can be; each is evaluated afresh for every use.
var operands = []string{
	"2", "-0", "0.5", "-3.7", "NaN", "Infinity", "-Infinity", "2 ** 31", "-(2 ** 53)", "1e308", "40", "-1",
	"3", "39", "62", "63", "64", "-2", "-8", "21", "2 ** 53 + 2", "2 ** 62", "1e20", "-1e20", "0.1 * 30", "6 / 2",
	"3037000499", "3037000500", "-3037000500", "1.0000001", "-0.5", "Number.MIN_VALUE", "4294967296 + 5", "-(2 ** 31)",
	`"3"`, `""`, `"abc"`, `" 12 "`, "true", "null", "undefined",
	"3n", "-3n", "0n", "64n", "-1n", "1n", "2n", "-2n", "8n",
	`logged("a", 5)`, `logged("b", 2n)`, `logged("c", "6")`, `logged("d", 6 / 2)`, `logged("e", 2 ** 53 + 2)`,
	`"3.0"`, `"1e3"`, `" 0x10 "`, `"-0"`, `"0b11"`, `"2e-3"`,
	`({ toString() { log.push("toString"); return "7" } })`,
	`({ [Symbol.toPrimitive](hint) { log.push("toPrimitive " + hint); return 4n } })`,
	`({ [Symbol.toPrimitive](hint) { log.push("toPrimitive " + hint); return 3 } })`,
	`({ [Symbol.toPrimitive]: 5 })`,
	`({ [Symbol.toPrimitive]() { return {} } })`,
	`({ valueOf() { log.push("valueOf object"); return {} }, toString() { log.push("toString 9"); return 9n } })`,
	`({ valueOf() { throw new EvalError("from valueOf") } })`,
	`({ valueOf() { return {} }, toString() { return {} } })`,
	"new Date(3)", "[]", "[2]", "[2n]", `Symbol("s")`, "Object(3n)", "Object(2)",
}

// compoundOperands are fewer operands for the compound forms, which have
// more forms to go through.
var compoundOperands = []string{
	"2", "-0", "NaN", `"3"`, "null", "undefined", "3n", "-2n", "0n",
	`logged("a", 5)`, `logged("b", 2n)`, `({ valueOf() { throw new EvalError("from valueOf") } })`, `Symbol("s")`,
}

var operators = []string{"**", "<<", ">>"}

// TestOperatorsKeepTheirMeaning compares every operand pair under each
// guarded operator, compiled by goja alone and through the rewrite: the
// value (its type, -0 included) or the error's name and message, and the
// order of every operand evaluation and conversion, must be the same.
func TestOperatorsKeepTheirMeaning(t *testing.T) {
	for _, op := range operators {
		var cases []string
		for _, a := range operands {
			for _, b := range operands {
				// L and R make each operand a call, so that every pair
				// goes through the helpers; the bare pair checks what the
				// rewrite leaves alone.
				cases = append(cases, fmt.Sprintf("L(%s) %s R(%s)", a, op, b), fmt.Sprintf("(%s) %s (%s)", a, op, b))
			}
		}
		compareCases(t, cases)
	}
}

// TestCompoundAssignmentsKeepTheirMeaning does the same for x op= y with
// every kind of target: a name, properties of this, super, a name, a
// call's result, keys that need converting, a private field, a frozen
// object in strict and sloppy code, a constant and an undeclared name.
func TestCompoundAssignmentsKeepTheirMeaning(t *testing.T) {
	forms := []string{
		// A name, and the value of the assignment.
		`(() => { let x = $A; const r = (x $OP= R($B)); return show(r) + " / " + show(x) })()`,
		// A property of a name, read and written through accessors.
		`(() => { let v = $A; const o = { get p() { log.push("get p"); return v }, set p(n) { log.push("set p " + show(n)); v = n } }; o.p $OP= R($B); return v })()`,
		// A property of a call's result: the call runs once.
		`(() => { const o = { p: $A }; const get = () => (log.push("get o"), o); get().p $OP= R($B); return o.p })()`,
		// A key that needs converting: converted once.
		`(() => { const o = { p: $A }; const k = { toString() { log.push("key"); return "p" } }; o[k] $OP= R($B); return o.p })()`,
		// A computed key from a call, on a call's result.
		`(() => { const o = { p: $A }; const get = () => (log.push("get o"), o); get()[L("p")] $OP= R($B); return o.p })()`,
		// A literal key on a name, and an index.
		`(() => { const o = { p: $A }; o["p"] $OP= R($B); return o.p })()`,
		`(() => { const a = [$A]; a[0] $OP= R($B); return a[0] })()`,
		// this, super and a private field.
		`(() => { class C { constructor() { this.p = $A } m() { this.p $OP= R($B); return this.p } } return new C().m() })()`,
		`(() => { let v = $A; class P { get p() { log.push("super get"); return v } set p(n) { log.push("super set"); v = n } } class C extends P { m() { return super.p $OP= R($B) } } return new C().m() })()`,
		`(() => { class C { #p = $A; m(o) { o.#p $OP= R($B); return o.#p } } const c = new C(); return c.m((log.push("get o"), c)) })()`,
		`(() => { class C { #p = $A; m() { this.#p $OP= R($B); return this.#p } } return new C().m() })()`,
		// A frozen object: strict code throws, sloppy code carries on.
		`(() => { "use strict"; const o = Object.freeze({ p: $A }); o.p $OP= R($B); return o.p })()`,
		`(() => { const o = Object.freeze({ p: $A }); const r = (o.p $OP= R($B)); return show(r) + " / " + show(o.p) })()`,
		`(() => { "use strict"; const o = Object.freeze({ p: $A }); const get = () => o; get().p $OP= R($B); return o.p })()`,
		// A constant, an undeclared name, a null base.
		`(() => { const x = $A; x $OP= R($B); return x })()`,
		`(() => { undeclaredName $OP= R($B) })()`,
		`(() => { const o = null; const get = () => o; get().p $OP= R($B) })()`,
		`(() => { const o = undefined; o.p $OP= R($B) })()`,
	}
	for _, op := range operators {
		var cases []string
		for _, form := range forms {
			for _, a := range compoundOperands {
				for _, b := range compoundOperands {
					r := strings.NewReplacer("$OP", op, "$A", a, "$B", b)
					cases = append(cases, r.Replace(form))
				}
			}
		}
		compareCases(t, cases)
	}
}

// compareCases runs every case (an expression) through describe in one
// script per compiler and fails for each whose outcome differs.
func compareCases(t *testing.T, cases []string) {
	t.Helper()
	compareCasesWith(t, "", cases)
}

// compareCasesWith is compareCases with more definitions for the cases.
func compareCasesWith(t *testing.T, more string, cases []string) {
	t.Helper()
	var src strings.Builder
	src.WriteString(prelude)
	src.WriteString(more)
	src.WriteString("JSON.stringify([\n")
	for _, c := range cases {
		fmt.Fprintf(&src, "describe(() => %s),\n", c)
	}
	src.WriteString("])")
	plain := decodeOutcomes(t, runScript(t, false, src.String()), len(cases))
	rewritten := decodeOutcomes(t, runScript(t, true, src.String()), len(cases))
	failed := 0
	for i, c := range cases {
		if gojaInternals.ReplaceAllString(plain[i], nodeMessage) != gojaInternals.ReplaceAllString(rewritten[i], nodeMessage) {
			if failed++; failed <= 20 {
				t.Errorf("%s\n  goja:      %s\n  rewritten: %s", c, plain[i], rewritten[i])
			}
		}
	}
	if failed > 20 {
		t.Errorf("... %d cases differ in all", failed)
	}
}

// gojaInternals is goja's message for an object neither valueOf nor
// toString makes a primitive: it prints goja's Go struct, addresses and
// all. The helpers, which convert operands themselves, give Node's
// message instead (nodeMessage).
var gojaInternals = regexp.MustCompile(`Could not convert &\{.*\} to primitive`)

const nodeMessage = "Cannot convert object to primitive value"

func decodeOutcomes(t *testing.T, out string, n int) []string {
	t.Helper()
	var list []string
	if err := json.Unmarshal([]byte(out), &list); err != nil || len(list) != n {
		t.Fatalf("the cases did not run: %.500s", out)
	}
	return list
}

// TestResultTypesStay checks what Go sees of Number results (Export gives
// an int64 or a float64, as goja holds the Number): the same under the
// rewrite, for every pair of Number operands.
func TestResultTypesStay(t *testing.T) {
	var numbers []string
	for _, o := range operands {
		if !strings.ContainsAny(o, `"n({[`) && o != "null" && o != "undefined" && o != "true" {
			numbers = append(numbers, o)
		}
	}
	var src strings.Builder
	src.WriteString("[")
	for _, op := range operators {
		for _, a := range numbers {
			for _, b := range numbers {
				fmt.Fprintf(&src, "((a, b) => a %s b)(%s, %s),\n", op, a, b)
			}
		}
	}
	src.WriteString("]")
	export := func(rewritten bool) []any {
		rt := goja.New()
		compile := goja.Compile
		if rewritten {
			Install(rt)
			compile = Compile
		}
		prg, err := compile("types.js", src.String(), false)
		if err != nil {
			t.Fatal(err)
		}
		v, err := rt.RunProgram(prg)
		if err != nil {
			t.Fatal(err)
		}
		return v.Export().([]any)
	}
	plain, rewritten := export(false), export(true)
	for i := range plain {
		if fmt.Sprintf("%T %v", plain[i], plain[i]) != fmt.Sprintf("%T %v", rewritten[i], rewritten[i]) {
			t.Errorf("case %d: goja %T %v, rewritten %T %v", i, plain[i], plain[i], rewritten[i], rewritten[i])
		}
	}
	if len(plain) < 1000 {
		t.Fatalf("only %d cases", len(plain))
	}
}
