package guard_test

import (
	"fmt"
	"strings"
	"testing"
)

// hazard is a built-in call that, unguarded, kills the process, panics in
// Go or keeps a goroutine busy for minutes; guarded, it throws want.
type hazard struct {
	name    string
	prelude string // statements run first
	expr    string
	want    string // "Name: message" of the error, or the value
}

const (
	errStack  = "RangeError: Maximum call stack size exceeded"
	errString = "RangeError: Invalid string length"
	errArray  = "RangeError: Invalid array length"
	errBuffer = "RangeError: Array buffer allocation failed"
	errBigInt = "RangeError: Maximum BigInt size exceeded"
)

// deep is a prelude making a, an array nested one level past MaxDepth, and
// o, an object nested as deep.
const deep = `let a = [], o = {}; for (let i = 0; i < 10001; i++) { a = [a]; o = {o}; }`

var hazards = []hazard{
	{"JSONParseDeepArray", "", `JSON.parse("[".repeat(10001) + "]".repeat(10001))`, errStack},
	{"JSONParseDeepObject", "", `JSON.parse('{"a":'.repeat(10001) + "1" + "}".repeat(10001))`, errStack},
	{"JSONParseDeepWithReviver", "", `JSON.parse("[".repeat(10001) + "]".repeat(10001), (k, v) => v)`, errStack},
	{"JSONStringifyDeepArray", deep, `JSON.stringify(a)`, errStack},
	{"JSONStringifyDeepObject", deep, `JSON.stringify(o)`, errStack},
	{"JSONStringifyDeepReplacerFunction", deep, `JSON.stringify(o, (k, v) => v)`, errStack},
	{"JSONStringifyDeepReplacerArray", deep, `JSON.stringify(o, ["o"])`, errStack},
	{"JSONStringifyDeepToJSON", deep, `JSON.stringify({toJSON() { return a }})`, errStack},
	{"JSONStringifyHugeReplacerArray", "", `JSON.stringify({}, new Array(2 ** 32 - 1))`, "RangeError: JSON.stringify replacer: length 4294967295 is too long to walk (jsrun limit 67108864)"},
	{"StringOfDeepArray", deep, `String(a)`, errStack},
	{"JoinDeepArray", deep, `a.join()`, errStack},
	{"TemplateOfDeepArray", deep, "`${a}`", errStack},
	{"ToLocaleStringDeepArray", deep, `a.toLocaleString()`, errStack},
	{"FlatDeepArray", deep, `a.flat(Infinity)`, errStack},
	{"JoinSparse", "", `new Array(2 ** 32 - 1).join("")`, "RangeError: Array.prototype.join: length 4294967295 is too long to walk (jsrun limit 67108864)"},
	{"JoinSparseSeparators", "", `new Array(2 ** 29).join(",")`, errString},
	{"JoinArrayLike", "", `Array.prototype.join.call({length: 2 ** 53 - 1}, "")`, "RangeError: Array.prototype.join: length 9007199254740991 is too long to walk (jsrun limit 67108864)"},
	{"ToStringSparse", "", `String(new Array(2 ** 32 - 1))`, errString},
	{"SortArrayLike", "", `Array.prototype.sort.call({length: 2 ** 40})`, "RangeError: Array.prototype.sort: length 1099511627776 is too long to walk (jsrun limit 67108864)"},
	{"MapSparse", "let s = []; s.length = 2 ** 32 - 1;", `s.map(x => x)`, "RangeError: Array.prototype.map: length 4294967295 is too long to walk (jsrun limit 67108864)"},
	{"FillSparse", "", `new Array(2 ** 32 - 1).fill(0)`, "RangeError: Array.prototype.fill: length 4294967295 is too long to walk (jsrun limit 67108864)"},
	{"FlatMapSparse", "", `new Array(2 ** 32 - 1).flatMap(x => x)`, "RangeError: Array.prototype.flatMap: length 4294967295 is too long to walk (jsrun limit 67108864)"},
	{"ToReversedSparse", "", `new Array(2 ** 32 - 1).toReversed()`, "RangeError: Array.prototype.toReversed: length 4294967295 is too long to walk (jsrun limit 67108864)"},
	{"ToSortedArrayLike", "", `Array.prototype.toSorted.call({length: 2 ** 32 - 1})`, "RangeError: Array.prototype.toSorted: length 4294967295 is too long to walk (jsrun limit 67108864)"},
	{"WithSparse", "", `new Array(2 ** 32 - 1).with(0, 1)`, "RangeError: Array.prototype.with: length 4294967295 is too long to walk (jsrun limit 67108864)"},
	{"ToSplicedSparse", "", `new Array(2 ** 32 - 1).toSpliced(0, 1)`, "RangeError: Array.prototype.toSpliced: length 4294967295 is too long to walk (jsrun limit 67108864)"},
	{"ConcatSparse", "", `new Array(2 ** 31).concat(new Array(2 ** 31))`, "RangeError: Array.prototype.concat: length 4294967296 is too long to walk (jsrun limit 67108864)"},
	{"ArrayFromHugeArrayLike", "", `Array.from({length: 2 ** 32})`, errArray},
	{"ArrayFromSparse", "", `Array.from(new Array(2 ** 32 - 1))`, "RangeError: Array.from: length 4294967295 is too long to walk (jsrun limit 67108864)"},
	{"ArrayFromViaConstructor", "", `[].constructor.from({length: 2 ** 32})`, errArray},
	{"RepeatHuge", "", `"x".repeat(2 ** 40)`, errString},
	{"RepeatPastMaxString", "", `"xx".repeat(2 ** 28)`, errString},
	{"PadStartHuge", "", `"x".padStart(2 ** 40)`, errString},
	{"PadEndHuge", "", `"x".padEnd(2 ** 29, "ab")`, errString},
	{"ConcatStrings", `const mb = "x".repeat(2 ** 20);`, `"".concat.apply("", new Array(600).fill(mb))`, errString},
	{"ReplaceAllBlowup", "", `"x".repeat(1e5).replaceAll("", "y".repeat(1e4))`, errString},
	{"ReplaceAllRestOfString", "", "\"x\".repeat(1e5).replaceAll(\"x\", \"$'\")", errString},
	{"ArrayBufferHuge", "", `new ArrayBuffer(2 ** 40)`, errBuffer},
	{"TypedArrayHuge", "", `new Uint8Array(2 ** 40)`, "RangeError: Invalid typed array length: 1099511627776"},
	{"TypedArrayTooManyBytes", "", `new Float64Array(2 ** 32)`, errBuffer},
	{"TypedArrayFromArrayLike", "", `new Uint8Array({length: 2 ** 40})`, "RangeError: Invalid typed array length: 1099511627776"},
	{"TypedArrayFromGetterLength", "", `new Uint8Array({get length() { return 2 ** 40 }})`, "RangeError: Invalid typed array length: 1099511627776"},
	{"TypedArrayFromStatic", "", `Int32Array.from({length: 2 ** 40})`, "RangeError: Invalid typed array length: 1099511627776"},
	{"TypedArrayViaConstructor", "", `new (new Uint8Array(1).constructor)(2 ** 40)`, "RangeError: Invalid typed array length: 1099511627776"},
	{"ArrayBufferViaBuffer", "", `new (new Uint8Array(1).buffer.constructor)(2 ** 40)`, errBuffer},
	{"BigIntAsUintNHugeBits", "", `BigInt.asUintN(2 ** 53 - 1, -1n)`, errBigInt},
	{"BigIntAsUintN2To40", "", `BigInt.asUintN(2 ** 40, -1n)`, errBigInt},
	{"BigIntAsIntNFits", "", `String(BigInt.asIntN(2 ** 40, -1n)) + " " + String(BigInt.asUintN(2 ** 53 - 1, 5n))`, "-1 5"},
	{"BigIntViaConstructor", "", `(0n).constructor.asUintN(2 ** 40, -1n)`, errBigInt},
	{"ApplyHugeArrayLike", "", `Math.max.apply(null, {length: 2 ** 40})`, errArray},
	{"ApplyTooManyArgs", "", `Math.max.apply(null, new Array(131073).fill(1))`, errStack},
	{"ApplyGetterLength", "", `Math.max.apply(null, {get length() { return 2 ** 40 }})`, errArray},
	{"FromCharCodeApply", "", `String.fromCharCode.apply(null, new Array(131073).fill(65))`, errStack},
	{"ReflectApplyHuge", "", `Reflect.apply(Math.max, null, {length: 2 ** 40})`, errArray},
	{"ReflectConstructHuge", "", `Reflect.construct(Array, {length: 2 ** 40})`, errArray},
	// The cases of issue 13 at their sizes there (but String of a
	// 1e6-deep array: building it takes seconds; StringOfDeepArray).
	{"IssueJSONParse3e6", "const n = 3e6;", `JSON.parse("[".repeat(n) + "]".repeat(n))`, errStack},
	{"IssueStringify1e5Deep", "let d = []; for (let i = 0; i < 1e5; i++) d = [d];", `JSON.stringify(d)`, errStack},
	{"IssueArrayBuffer2To40", "", `new ArrayBuffer(2 ** 40)`, errBuffer},
	{"IssueRepeat2To40", "", `"x".repeat(2 ** 40)`, errString},
	{"IssueAsUintN", "", `BigInt.asUintN(2 ** 53 - 1, -1n)`, errBigInt},
	{"IssueJoinSparse", "", `new Array(2 ** 32 - 1).join("")`, "RangeError: Array.prototype.join: length 4294967295 is too long to walk (jsrun limit 67108864)"},
	{"IssueArrayFrom2To32", "", `Array.from({length: 2 ** 32})`, errArray},
}

// script is h as a script whose completion value is what h's expression
// throws.
func (h hazard) script() string {
	return h.prelude + "\n" + caught(h.expr)
}

// check compares what h's script printed with what it should.
func (h hazard) check(got string) string {
	if got = strings.TrimSpace(got); got != h.want {
		return fmt.Sprintf("got %.300q, want %q", got, h.want)
	}
	return ""
}

// TestHazards runs each hazard in a fresh guarded runtime (in a child
// process, so that a missing guard fails only its test).
func TestHazards(t *testing.T) {
	for _, h := range hazards {
		t.Run(h.name, func(t *testing.T) {
			t.Parallel()
			src := h.script()
			if !strings.Contains(h.want, ": ") {
				src = h.prelude + "\n" + h.expr
			}
			if msg := h.check(inChild(t, src)); msg != "" {
				t.Error(msg)
			}
		})
	}
}

// TestHazardsInJsrun runs each hazard under the jsrun command, in the main
// runtime and in a thread, whose caller gets the error.
func TestHazardsInJsrun(t *testing.T) {
	for _, h := range hazards {
		t.Run(h.name, func(t *testing.T) {
			t.Parallel()
			report := `e => console.log(e.name + ": " + e.message)`
			src := fmt.Sprintf(`function hazard() { %s; return %s }
				try { console.log(hazard()) } catch (e) { (%s)(e) }
				try { console.log(threads.run(hazard).get()) } catch (e) { (%s)(e) }`,
				h.prelude, h.expr, report, report)
			if !strings.Contains(h.want, ": ") {
				src = fmt.Sprintf(`function hazard() { %s; return %s }
					console.log(hazard()); console.log(threads.run(hazard).get())`, h.prelude, h.expr)
			}
			out, errOut, code := jsrun(t, src)
			if code != 0 {
				t.Fatalf("exit %d, stdout %q, stderr %.1000s", code, out, errOut)
			}
			lines := strings.Split(strings.TrimSpace(out), "\n")
			if len(lines) != 2 {
				t.Fatalf("want two lines (main, thread), got %q", out)
			}
			for i, where := range []string{"main", "thread"} {
				if msg := h.check(lines[i]); msg != "" {
					t.Errorf("%s: %s", where, msg)
				}
			}
		})
	}
}

// TestClonedBufferLeadsToGuardedConstructor passes an ArrayBuffer to a
// thread: the copy there is made from Go, not by the constructor, and its
// constructor must be the guarded one all the same.
func TestClonedBufferLeadsToGuardedConstructor(t *testing.T) {
	out, errOut, code := jsrun(t, `
		for (const v of [new ArrayBuffer(1), new Uint8Array(1), new DataView(new ArrayBuffer(1))]) {
			try { console.log(threads.run(b => new (b.buffer || b).constructor(2 ** 40), v).get()) }
			catch (e) { console.log(e.name + ": " + e.message) }
		}`)
	want := strings.Repeat(errBuffer+"\n", 3)
	if code != 0 || out != want {
		t.Fatalf("exit %d, stdout %q, want %q; stderr %.1000s", code, out, want, errOut)
	}
}
