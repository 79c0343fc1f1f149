package tests

import (
	"math/rand/v2"
	"strconv"
	"strings"
)

// huntGen writes the crash hunt's scripts: calls of built-ins with huge
// sizes and deeply nested arguments, the kinds that recurse in Go or
// allocate in proportion to an argument, in every place a script can make
// them (main script, try/catch, thread, promise job, timer). The same seed
// always gives the same script.
type huntGen struct {
	r *rand.Rand
	// called lists the built-in calls a script makes, for the report.
	called []string
}

func newHuntGen(seed uint64) *huntGen {
	return &huntGen{r: rand.New(rand.NewPCG(seed, 0x6a7372756e))}
}

func (g *huntGen) pick(xs ...string) string { return xs[g.r.IntN(len(xs))] }

// size is a length or count: mostly huge, sometimes ordinary or odd.
func (g *huntGen) size() string {
	switch n := g.r.IntN(10); {
	case n < 3:
		return g.pick("0", "1", "1000", "1e5", "1e6", "1e7", "3e7")
	case n < 8:
		return g.pick("2 ** 24", "2 ** 28", "2 ** 30", "2 ** 31 - 1", "2 ** 31", "2 ** 32 - 1", "2 ** 32", "2 ** 40", "2 ** 53 - 1")
	default:
		return g.pick("-1", "NaN", "Infinity", "-Infinity", "1.5", "2 ** 64", `"1e9"`, "Number.MAX_VALUE")
	}
}

// depth is how deep a nested value or source text goes.
func (g *huntGen) depth() string {
	return g.pick("1e3", "1e4", "1e5", "3e5", "1e6", "3e6")
}

// bigSize is a BigInt exponent, shift or width.
func (g *huntGen) bigSize() string {
	return g.pick("1n", "64n", "1000n", "2n ** 20n", "2n ** 30n", "2n ** 32n", "2n ** 40n", "2n ** 53n", "2n ** 64n", "-1n", "-(2n ** 40n)")
}

// str is a string expression, often huge.
func (g *huntGen) str() string {
	switch g.r.IntN(4) {
	case 0:
		return g.pick(`"x"`, `"ab"`, `"x".repeat(2 ** 20)`, `"é😀".repeat(1e5)`)
	default:
		return g.expand(g.pick(`"x".repeat(@S)`, `"é".repeat(@S)`, `"x".padEnd(@S, "yz")`, `String(new Array(@S))`))
	}
}

// deep is a value nested deep, built in a way that is itself cheap (or
// itself one of the hazards).
func (g *huntGen) deep() string {
	return g.expand(g.pick(
		`(() => { let a = []; for (let i = 0; i < @D; i++) a = [a]; return a })()`,
		`(() => { let a = [1]; for (let i = 0; i < @D; i++) a = [a, i]; return a })()`,
		`(() => { let o = {}; for (let i = 0; i < @D; i++) o = [{o}]; return o })()`,
		`Array(@D).fill(0).reduce((a) => [a], [])`,
		`JSON.parse("[".repeat(@D) + "]".repeat(@D))`,
	))
}

// wide is an array (or array-like) with a huge length.
func (g *huntGen) wide() string {
	return g.expand(g.pick(
		`new Array(@S)`, `Array(@S).fill(1)`, `Array.from({length: @S})`,
		`(() => { const a = []; a.length = @S; return a })()`, `[1, 2, 3]`, `Array(@S).fill("xy")`,
	))
}

// obj is something with a huge number of keys.
func (g *huntGen) obj() string {
	return g.expand(g.pick(
		`({length: @S})`, `new Array(@S)`, `new Uint8Array(@S)`, `"x".repeat(@S)`,
		`Object.fromEntries(Array.from({length: @S}, (_, i) => ["k" + i, i]))`,
		`(() => { const o = {}; for (let i = 0; i < @L; i++) o["k" + i] = i; return o })()`,
	))
}

// expand fills a template's holes; a hole named twice gets the same value
// both times (the two halves of "[".repeat(D) + "]".repeat(D) match).
func (g *huntGen) expand(tmpl string) string {
	fills := map[string]string{}
	var b strings.Builder
	for {
		i := strings.IndexByte(tmpl, '@')
		if i < 0 {
			b.WriteString(tmpl)
			return b.String()
		}
		b.WriteString(tmpl[:i])
		j := i + 1
		for j < len(tmpl) && (tmpl[j] >= 'A' && tmpl[j] <= 'Z' || tmpl[j] >= '0' && tmpl[j] <= '9') {
			j++
		}
		hole := tmpl[i+1 : j]
		tmpl = tmpl[j:]
		v, ok := fills[hole]
		if !ok {
			v = g.fill(strings.TrimRight(hole, "0123456789"))
			fills[hole] = v
		}
		b.WriteString(v)
	}
}

func (g *huntGen) fill(kind string) string {
	switch kind {
	case "S":
		return "(" + g.size() + ")"
	case "D":
		return "(" + g.depth() + ")"
	case "B":
		return "(" + g.bigSize() + ")"
	case "L":
		// A loop in JavaScript: a timeout can stop it anyway, so it only
		// needs to be long enough to make a big value.
		return g.pick("1e3", "1e5", "3e5")
	case "N":
		return strconv.Itoa(20 + g.r.IntN(16))
	case "SEP":
		return g.pick(`""`, `","`, `"ab"`, `"x".repeat(1e6)`)
	case "STR":
		return "(" + g.str() + ")"
	case "DEEP":
		return g.deep()
	case "WIDE":
		return g.wide()
	case "OBJ":
		return g.obj()
	}
	panic("crash hunt: no hole " + kind)
}

// huntCalls are the calls, by area. Each is an expression.
var huntCalls = map[string][]string{
	"JSON": {
		`JSON.parse("[".repeat(@D) + "]".repeat(@D))`,
		`JSON.parse('{"a":'.repeat(@D) + "0" + "}".repeat(@D))`,
		`JSON.parse("[" + "0,".repeat(@S) + "0]").length`,
		`JSON.stringify(@DEEP).length`,
		`JSON.stringify(@DEEP, null, 2).length`,
		`JSON.stringify(@DEEP, (k, v) => v).length`,
		`JSON.stringify(@WIDE).length`,
		`JSON.stringify(@STR).length`,
		`JSON.stringify(@OBJ).length`,
		`(() => { const o = {}; o.toJSON = () => JSON.stringify(o); return JSON.stringify(o) })()`,
	},
	"Array": {
		`@WIDE.join(@SEP).length`,
		`Array.prototype.join.call({length: @S}, @SEP).length`,
		`new Array(@S).fill(0).length`,
		`Array.prototype.fill.call({length: @S}, 0).length`,
		`Array.from({length: @S}).length`,
		`Array.from({length: @S}, (_, i) => i).length`,
		`Array.from(@STR).length`,
		`@WIDE.sort().length`,
		`Array.prototype.sort.call({length: @S}).length`,
		`@DEEP.flat(Infinity).length`,
		`@WIDE.flat().length`,
		`(() => { const a = [0]; a[0] = a; return a.flat(Infinity).length })()`,
		`[].concat(@WIDE, @WIDE).length`,
		`Array.prototype.concat.apply([], @WIDE).length`,
		`String(@DEEP).length`,
		`(@DEEP + "").length`,
		`@DEEP.join().length`,
		`@DEEP.toLocaleString().length`,
		`@WIDE.toString().length`,
		`@WIDE.map((x) => x).length`,
		`@WIDE.slice(0).length`,
		`@WIDE.reverse().length`,
		`@WIDE.indexOf(7)`,
		`Array.prototype.indexOf.call({length: @S}, 7)`,
		`Array.prototype.includes.call({length: @S}, 7)`,
		`Array.prototype.lastIndexOf.call({length: @S}, 7)`,
		`@WIDE.copyWithin(1, 0).length`,
		`@WIDE.splice(0).length`,
		`[...@WIDE.keys()].length`,
		`Array.prototype.reverse.call({length: @S, 0: 1}).length`,
		`(() => { const a = []; a.length = @S; a.push(1, 2); return a.length })()`,
		`Array.of(...@WIDE).length`,
		`Array.from({length: 1}, function f() { return Array.from({length: 1}, f) })`,
		`[2, 1].sort(function f() { [2, 1].sort(f); return 0 })`,
	},
	"String": {
		`@STR.length`,
		`"ab".repeat(@S).length`,
		`"".padStart(@S).length`,
		`"a".padEnd(@S, "bc").length`,
		`"a".padStart(@S, "é").length`,
		`String.fromCharCode(...@WIDE).length`,
		`String.fromCharCode.apply(null, @WIDE).length`,
		`String.fromCodePoint.apply(null, Array.from({length: @S}, () => 66)).length`,
		`@STR.repeat(@S).length`,
		`@STR.concat(@STR, @STR).length`,
		`"".concat(...@WIDE).length`,
		`@STR.split("").length`,
		`@STR.normalize("NFD").length`,
		`@STR.toUpperCase().length`,
		`encodeURIComponent(@STR).length`,
		`escape(@STR).length`,
		`@STR.replaceAll("x", "$&$&").length`,
		`String.raw({raw: {length: @S}}).length`,
		"`${@STR}${@STR}`.length",
		`@STR.localeCompare(@STR)`,
		`(() => { const o = {}; o.toString = () => String(o); return String(o) })()`,
		`"a".replace(/a/, function f() { return "a".replace(/a/, f) })`,
	},
	"TypedArray": {
		`new ArrayBuffer(@S).byteLength`,
		`new Uint8Array(@S).length`,
		`new Float64Array(@S).length`,
		`new BigInt64Array(@S).length`,
		`new Uint8Array(@S).fill(7).length`,
		`new Uint8Array(@S).join(@SEP).length`,
		`new Uint8Array(@S).sort().length`,
		`new Uint8Array(@S).map((x) => x).length`,
		`Array.from(new Uint8Array(@S)).length`,
		`new Uint8Array(new ArrayBuffer(16), 0, @S).length`,
		`new DataView(new ArrayBuffer(@S)).byteLength`,
		`new ArrayBuffer(@S).slice(0).byteLength`,
		`Uint8Array.from({length: @S}).length`,
		`new Uint8Array(@WIDE).length`,
		`[...new Uint8Array(@S)].length`,
		`new Uint8Array(@S).toString().length`,
		`new Float32Array(@S).reverse().length`,
		`new Uint16Array(@S).subarray(1).length`,
		`new Uint8Array(@S).set(new Uint8Array(@S2))`,
	},
	"BigInt": {
		`BigInt.asUintN(@S, -1n)`,
		`BigInt.asIntN(@S, -1n)`,
		`BigInt.asUintN(@S, 2n ** @B)`,
		`BigInt.asIntN(64, 1n << @B)`,
		`1n << @B`,
		`-1n << @B`,
		`(2n ** @B) >> 1n`,
		`2n ** @B`,
		`(-3n) ** @B`,
		`(2n ** @B) * (2n ** @B)`,
		`BigInt("1" + "0".repeat(@S))`,
		`(10n ** @B).toString().length`,
		`(2n ** @B).toString(36).length`,
		`BigInt(Number.MAX_VALUE) ** @B`,
	},
	"spread/apply": {
		`Math.max(...@WIDE)`,
		`Math.max.apply(null, @WIDE)`,
		`Math.min(...new Uint8Array(@S))`,
		`((...a) => a.length)(...@WIDE)`,
		`Reflect.apply(Math.max, null, {length: @S})`,
		`Function.prototype.apply.call(Math.max, null, @WIDE)`,
		`Reflect.construct(Array, @WIDE).length`,
		`new Array(...@WIDE).length`,
		`[...@WIDE].length`,
		`[...@STR].length`,
		`Object.assign({}, ...@WIDE)`,
		`new Set(@WIDE).size`,
		`new Map(Array(@S).fill([1, 1])).size`,
		`(function () { return arguments.length }).apply(null, @WIDE)`,
		`Function.prototype.call.apply(Math.max, @WIDE)`,
		`Math.hypot(...@WIDE)`,
		`Array.prototype.push.apply([], {length: @S})`,
	},
	"RegExp": {
		`new RegExp("(".repeat(@D) + "a" + ")".repeat(@D)).test("a")`,
		`new RegExp("(?:a|".repeat(@D) + "b" + ")".repeat(@D)).test("b")`,
		`new RegExp("a{" + @S + "}").test("a")`,
		`/(a+)+$/.test("a".repeat(@N) + "!")`,
		`new RegExp("a".repeat(@S)).test("a")`,
		`/x/.exec(@STR)`,
		`@STR.replace(/(x)/g, "$1$1").length`,
		`/(?:)/g[Symbol.split](@STR).length`,
		`new RegExp(@STR).source.length`,
		`@STR.search(/(a|aa)*b/)`,
		`(@STR.match(/x/g) || []).length`,
		`[...@STR.matchAll(/x/g)].length`,
	},
	"Object": {
		`Object.keys(@OBJ).length`,
		`Object.values(@OBJ).length`,
		`Object.entries(@OBJ).length`,
		`Object.getOwnPropertyNames(@OBJ).length`,
		`Reflect.ownKeys(@OBJ).length`,
		`Object.keys(Object.assign({}, @OBJ)).length`,
		`Object.keys({...@OBJ}).length`,
		`Object.freeze(@OBJ)`,
		`(() => { let o = {}; for (let i = 0; i < @D; i++) o = Object.create(o); return [o.missing, "x" in o, String(o)] })()`,
		`(() => { let p = {}; for (let i = 0; i < @D; i++) p = new Proxy(p, {}); return [p.x, "x" in p, Object.keys(p)] })()`,
		`(() => { let f = function () { return 1 }; for (let i = 0; i < @D; i++) f = f.bind(null); return [f(), new f()] })()`,
		`(() => { const o = {}; o.valueOf = () => +o; return +o })()`,
		`new Proxy({}, {get(t, k, r) { return r[k] }}).x`,
	},
	"eval": {
		`eval("[".repeat(@D) + "]".repeat(@D))`,
		`eval("(".repeat(@D) + "0" + ")".repeat(@D))`,
		`new Function("return " + "!".repeat(@D) + "0")()`,
		`eval("({a:".repeat(@D) + "0" + "})".repeat(@D))`,
		`eval("() => ".repeat(@D) + "0")`,
		`eval("if (1) ".repeat(@D) + ";")`,
	},
	"threads": {
		`threads.run((v) => typeof v, @DEEP).get()`,
		`threads.run((v) => v.length, @WIDE).get()`,
		`threads.run((s) => s.length, @STR).get()`,
		`threads.Shared(@DEEP).get()`,
		`threads.run(() => @STR.length).get()`,
	},
}

// huntAreas are huntCalls' keys in a fixed order, so that a seed always
// picks the same call.
var huntAreas = []string{"JSON", "Array", "String", "TypedArray", "BigInt", "spread/apply", "RegExp", "Object", "eval", "threads"}

// call is one built-in call, as an expression.
func (g *huntGen) call() string {
	area := huntAreas[g.r.IntN(len(huntAreas))]
	calls := huntCalls[area]
	i := g.r.IntN(len(calls))
	g.called = append(g.called, area+"#"+strconv.Itoa(i))
	return g.expand(calls[i])
}

// huntPrelude prints a result or an error briefly: a result may be huge,
// and turning it into a string may be one of the hazards itself.
const huntPrelude = `function __show(r) {
	if (typeof r === "number" || typeof r === "boolean" || r == null) return String(r);
	return typeof r;
}
function __err(e) {
	try { return "caught " + String(e && e.name) + ": " + String(e && e.message).slice(0, 200) } catch (_) { return "caught something" }
}
`

// statement puts one call where a script can make it.
func (g *huntGen) statement() string {
	x := g.call()
	switch g.r.IntN(8) {
	case 0:
		return x + ";"
	case 1:
		return "console.log(__show(" + x + "));"
	case 2, 3:
		return "try { console.log(__show(" + x + ")) } catch (e) { console.log(__err(e)) }"
	case 4:
		return "try { console.log(threads.run(() => typeof (" + x + ")).get()) } catch (e) { console.log(__err(e)) }"
	case 5:
		return "threads.run(() => { " + x + " });"
	case 6:
		return "(async () => { await null; console.log(__show(" + x + ")) })().catch((e) => console.log(__err(e)));"
	default:
		return "setTimeout(() => { try { console.log(__show(" + x + ")) } catch (e) { console.log(__err(e)) } }, 0);"
	}
}

// script is a whole script: one to three statements, so that a script
// goes on after a contained failure.
func (g *huntGen) script() string {
	var b strings.Builder
	b.WriteString(huntPrelude)
	for n := 1 + g.r.IntN(3); n > 0; n-- {
		b.WriteString(g.statement())
		b.WriteByte('\n')
	}
	return b.String()
}
