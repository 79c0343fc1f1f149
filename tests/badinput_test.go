package tests

import (
	"bytes"
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/jsrun/jsrun/host"
	"github.com/jsrun/jsrun/internal/leakcheck"
	"github.com/jsrun/jsrun/threads"
)

// badInputPrelude defines what every row's script uses: check(f) calls f
// and prints "Name|message" for what it threw, or "ok|value" if it
// returned; checkAsync does the same for an async f.
const badInputPrelude = `
function describeThrown(e) {
	if (e !== null && typeof e === "object" && "name" in e) return e.name + "|" + e.message;
	return "non-error|" + String(e);
}
function check(f) {
	try { console.log("ok|" + String(f())) } catch (e) { console.log(describeThrown(e)) }
}
async function checkAsync(f) {
	try { console.log("ok|" + String(await f())) } catch (e) { console.log(describeThrown(e)) }
}
function down(n) { return down(n + 1) + 1 }
const fnA = threads.Atomic, fnS = threads.Shared, fnW = threads.WaitGroup, fnQ = threads.Queue, fnP = threads.Pool;
`

// badInput is one wrong call: the script (after the prelude) must print
// exactly one line, name|message, with that name and every substring in
// the message. ok rows (name "ok") check a call that must keep working.
type badInput struct {
	name string
	src  string
	want string   // the error's name, or "ok"
	msg  []string // substrings of the message (or of the value for "ok")
	// deadlock: the evaluation itself must fail with threads.ErrDeadlock,
	// whose message names what each runtime waits on (msg); the script is
	// stopped, so it prints nothing (want is unused).
	deadlock bool
	opts     []host.Option
}

var badInputs = []badInput{
	// threads.run
	{name: "run/no-args", src: `check(() => threads.run())`, want: "TypeError", msg: []string{"threads.run", "'fn'", "undefined"}},
	{name: "run/number", src: `check(() => threads.run(42))`, want: "TypeError", msg: []string{"threads.run", "'fn'", "number"}},
	{name: "run/source-string", src: `check(() => threads.run("x => x"))`, want: "TypeError", msg: []string{"threads.run", "'fn'", "string"}},
	{name: "run/object", src: `check(() => threads.run({ call() {} }))`, want: "TypeError", msg: []string{"threads.run", "'fn'"}},
	{name: "run/null", src: `check(() => threads.run(null, 1))`, want: "TypeError", msg: []string{"threads.run", "'fn'", "null"}},
	{name: "run/native", src: `check(() => threads.run(Math.max, 1, 2))`, want: "DataCloneError", msg: []string{"fn", "native"}},
	{name: "run/bound", src: `check(() => threads.run(function f(x) { return x }.bind(null), 1))`, want: "DataCloneError", msg: []string{"fn", "bound"}},
	{name: "run/closure-over-local", src: `function makeAdder(n) { return x => x + n } check(() => threads.run(makeAdder(1), 1))`,
		want: "DataCloneError", msg: []string{"fn", `"n"`, "makeAdder", "argument"}},
	{name: "run/symbol-arg", src: `check(() => threads.run(x => x, Symbol("s")))`, want: "DataCloneError", msg: []string{"args[0]", "Symbol"}},
	{name: "run/weakmap-second-arg", src: `check(() => threads.run((a, b) => b, 1, new WeakMap()))`, want: "DataCloneError", msg: []string{"args[1]", "WeakMap"}},
	{name: "run/proxy-in-object", src: `check(() => threads.run(x => x, { p: new Proxy({}, {}) }))`, want: "DataCloneError", msg: []string{"args[0].p", "Proxy"}},
	{name: "run/promise-in-array", src: `check(() => threads.run(x => x, [1, Promise.resolve(2)]))`, want: "DataCloneError", msg: []string{"args[0][1]", "Promise"}},
	{name: "run/uncloneable-global", src: `const ws = new WeakSet(); check(() => threads.run(() => ws))`, want: "DataCloneError", msg: []string{"ws", "WeakSet"}},
	{name: "run/getter-throws-during-clone", src: `check(() => threads.run(x => x, { get a() { throw new EvalError("from the getter") } }))`, want: "EvalError", msg: []string{"from the getter"}},
	// goja words this one itself ("Value is not a constructor"): a native
	// function cannot tell `new f()` from `f()` (ConstructorCall.NewTarget
	// is not set for direct construction), so jsrun cannot name itself here.
	{name: "run/with-new", src: `check(() => new threads.run(() => 1))`, want: "TypeError", msg: []string{"constructor"}},
	{name: "run/uncloneable-result", src: `check(() => threads.run(() => Symbol("r")).get())`, want: "DataCloneError", msg: []string{"result", "Symbol"}},
	{name: "run/deep-recursion", src: `check(() => threads.run(down, 0).get())`, want: "RangeError", msg: []string{"Maximum call stack size exceeded"}},
	{name: "run/past-max-threads", opts: []host.Option{host.WithMaxThreads(2)},
		src:  `const q = fnQ(); const ps = []; check(() => { for (let i = 0; i < 5; i++) ps.push(threads.run(() => q.get())) }); q.close(); ps.forEach(p => { try { p.get() } catch (e) {} })`,
		want: "RangeError", msg: []string{"threads.run", "2"}},

	// ThreadPromise with a wrong this
	{name: "promise/get-plain-object", src: `const p = threads.run(() => 1); p.get(); check(() => p.get.call({}))`, want: "TypeError", msg: []string{"ThreadPromise.get", "'this'"}},
	{name: "promise/get-native-promise", src: `const p = threads.run(() => 1); p.get(); check(() => p.get.call(Promise.resolve(1)))`, want: "TypeError", msg: []string{"ThreadPromise.get", "'this'"}},
	{name: "promise/get-inherited", src: `const p = threads.run(() => 1); p.get(); check(() => Object.create(p).get())`, want: "TypeError", msg: []string{"ThreadPromise.get", "'this'"}},
	{name: "promise/wait-undefined", src: `const p = threads.run(() => 1); p.get(); check(() => p.wait.call(undefined))`, want: "TypeError", msg: []string{"ThreadPromise.wait", "'this'"}},
	{name: "promise/cancel-number", src: `const p = threads.run(() => 1); p.get(); check(() => p.cancel.call(42))`, want: "TypeError", msg: []string{"ThreadPromise.cancel", "'this'"}},
	{name: "promise/get-on-queue", src: `const p = threads.run(() => 1); p.get(); check(() => p.get.call(fnQ()))`, want: "TypeError", msg: []string{"ThreadPromise.get", "'this'"}},
	{name: "promise/get-after-cancel", src: `const p = threads.run(() => { for (;;) {} }); p.cancel(); check(() => p.get())`, want: "CancelledError", msg: []string{"cancelled"}},
	{name: "promise/wait-rethrows", src: `check(() => threads.run(() => { throw new URIError("from the thread") }).wait())`, want: "URIError", msg: []string{"from the thread"}},

	// Atomic
	{name: "atomic/string", src: `check(() => fnA("1"))`, want: "TypeError", msg: []string{"threads.Atomic", "'initial'", "string"}},
	{name: "atomic/fraction", src: `check(() => fnA(1.5))`, want: "TypeError", msg: []string{"threads.Atomic", "'initial'", "1.5"}},
	{name: "atomic/NaN", src: `check(() => new fnA(NaN))`, want: "TypeError", msg: []string{"threads.Atomic", "'initial'", "NaN"}},
	{name: "atomic/Infinity", src: `check(() => fnA(-Infinity))`, want: "TypeError", msg: []string{"threads.Atomic", "'initial'", "Infinity"}},
	{name: "atomic/null", src: `check(() => fnA(null))`, want: "TypeError", msg: []string{"threads.Atomic", "'initial'", "null"}},
	{name: "atomic/unsafe-number", src: `check(() => fnA(2 ** 60))`, want: "RangeError", msg: []string{"threads.Atomic", "'initial'", "safe integer"}},
	{name: "atomic/huge-bigint", src: `check(() => fnA(2n ** 64n))`, want: "RangeError", msg: []string{"threads.Atomic", "'initial'", "64-bit"}},
	{name: "atomic/object-with-throwing-getter", src: `check(() => fnA({ get x() { throw new URIError("a getter ran") } }))`, want: "TypeError", msg: []string{"threads.Atomic", "'initial'", "object"}},
	{name: "atomic/add-string", src: `check(() => fnA().add("x"))`, want: "TypeError", msg: []string{"Atomic.add", "'delta'"}},
	{name: "atomic/add-unsafe", src: `check(() => fnA().add(2 ** 53))`, want: "RangeError", msg: []string{"Atomic.add", "'delta'"}},
	{name: "atomic/add-overflow", src: `const a = fnA(9223372036854775807n); check(() => a.add(1))`, want: "RangeError", msg: []string{"Atomic.add", "overflow"}},
	{name: "atomic/add-underflow", src: `const a = fnA(-9223372036854775808n); check(() => a.add(-1n))`, want: "RangeError", msg: []string{"Atomic.add", "overflow"}},
	{name: "atomic/set-missing", src: `check(() => fnA().set())`, want: "TypeError", msg: []string{"Atomic.set", "'value'", "undefined"}},
	{name: "atomic/set-boxed-number", src: `check(() => fnA().set(new Number(5)))`, want: "TypeError", msg: []string{"Atomic.set", "'value'"}},
	{name: "atomic/swap-NaN", src: `check(() => fnA().swap(NaN))`, want: "TypeError", msg: []string{"Atomic.swap", "'value'"}},
	{name: "atomic/cas-missing-new", src: `check(() => fnA().compareAndSwap(0))`, want: "TypeError", msg: []string{"Atomic.compareAndSwap", "'new'"}},
	{name: "atomic/cas-object-old", src: `check(() => fnA().compareAndSwap({}, 1))`, want: "TypeError", msg: []string{"Atomic.compareAndSwap", "'old'"}},
	{name: "atomic/add-wrong-this", src: `check(() => fnA().add.call({}))`, want: "TypeError", msg: []string{"Atomic.add", "'this'"}},
	{name: "atomic/get-on-prototype", src: `check(() => fnA.prototype.get())`, want: "TypeError", msg: []string{"Atomic.get", "'this'"}},
	{name: "atomic/get-on-queue", src: `check(() => fnA().get.call(fnQ()))`, want: "TypeError", msg: []string{"Atomic.get", "'this'"}},

	// Shared
	{name: "shared/symbol", src: `check(() => fnS(Symbol()))`, want: "DataCloneError", msg: []string{"threads.Shared", "'initial'", "Symbol"}},
	{name: "shared/nested-weakmap", src: `check(() => fnS({ w: [1, new WeakMap()] }))`, want: "DataCloneError", msg: []string{"threads.Shared", "'initial'", "w[1]", "WeakMap"}},
	{name: "shared/set-weakset", src: `check(() => fnS(1).set(new WeakSet()))`, want: "DataCloneError", msg: []string{"Shared.set", "'value'", "WeakSet"}},
	{name: "shared/update-missing", src: `check(() => fnS(1).update())`, want: "TypeError", msg: []string{"Shared.update", "'fn'", "undefined"}},
	{name: "shared/update-string", src: `check(() => fnS(1).update("v => v"))`, want: "TypeError", msg: []string{"Shared.update", "'fn'", "string"}},
	{name: "shared/update-returns-symbol", src: `check(() => fnS(1).update(v => Symbol()))`, want: "DataCloneError", msg: []string{"Shared.update", "Symbol"}},
	{name: "shared/update-async-fn", src: `check(() => fnS(1).update(async v => v))`, want: "DataCloneError", msg: []string{"Shared.update", "Promise"}},
	{name: "shared/update-fn-throws", src: `const s = fnS(1); check(() => s.update(v => { throw new RangeError("mine") }))`, want: "RangeError", msg: []string{"mine"}},
	{name: "shared/reentrant-get", src: `const s = fnS(1); check(() => s.update(v => s.get()))`, want: "Error", msg: []string{"Shared.get", "update()"}},
	{name: "shared/reentrant-set", src: `const s = fnS(1); check(() => s.update(v => { s.set(2); return v }))`, want: "Error", msg: []string{"Shared.set", "update()"}},
	{name: "shared/reentrant-update", src: `const s = fnS(1); check(() => s.update(v => s.update(w => w)))`, want: "Error", msg: []string{"Shared.update", "update()"}},
	{name: "shared/reentrant-get-in-thread", src: `const s = fnS(1); check(() => threads.run(() => s.update(v => s.get())).get())`, want: "Error", msg: []string{"Shared.get", "update()"}},
	{name: "shared/usable-after-reentrant-error", src: `const s = fnS(1); try { s.update(v => s.get()) } catch (e) {} check(() => s.update(v => v + 1) + s.get())`, want: "ok", msg: []string{"ok|4"}},
	{name: "shared/update-waits-on-thread-that-needs-the-lock", deadlock: true,
		src:  `const s = fnS(1); check(() => s.update(v => threads.run(() => s.get()).get()))`,
		want: "deadlock", msg: []string{"main: ThreadPromise.get", "Shared.get"}},
	{name: "shared/get-wrong-this", src: `check(() => fnS(1).get.call({}))`, want: "TypeError", msg: []string{"Shared.get", "'this'"}},

	// WaitGroup
	{name: "waitgroup/add-string", src: `check(() => fnW().add("1"))`, want: "TypeError", msg: []string{"WaitGroup.add", "'delta'", "string"}},
	{name: "waitgroup/add-object-with-throwing-getter", src: `check(() => fnW().add({ get x() { throw new URIError("a getter ran") } }))`, want: "TypeError", msg: []string{"WaitGroup.add", "'delta'", "object"}},
	{name: "waitgroup/add-fraction", src: `check(() => fnW().add(1.5))`, want: "TypeError", msg: []string{"WaitGroup.add", "'delta'"}},
	{name: "waitgroup/add-negative", src: `check(() => fnW().add(-1))`, want: "Error", msg: []string{"WaitGroup.add", "negative"}},
	{name: "waitgroup/done-below-zero", src: `check(() => fnW().done())`, want: "Error", msg: []string{"WaitGroup.done", "negative"}},
	{name: "waitgroup/add-unsafe", src: `check(() => fnW().add(2 ** 53))`, want: "RangeError", msg: []string{"WaitGroup.add", "'delta'"}},
	{name: "waitgroup/counter-too-large", src: `const w = fnW(); w.add(2 ** 53 - 1); check(() => w.add(1))`, want: "RangeError", msg: []string{"WaitGroup.add", "2^53-1"}},
	{name: "waitgroup/wait-timeout-negative", src: `const w = fnW(); w.add(); check(() => w.wait({ timeout: -1 }))`, want: "RangeError", msg: []string{"WaitGroup.wait", "'timeout'", "-1"}},
	{name: "waitgroup/wait-timeout-string", src: `const w = fnW(); w.add(); check(() => w.wait({ timeout: "x" }))`, want: "TypeError", msg: []string{"WaitGroup.wait", "'timeout'", "string"}},
	{name: "waitgroup/wait-timeout-NaN", src: `const w = fnW(); w.add(); check(() => w.wait({ timeout: NaN }))`, want: "RangeError", msg: []string{"WaitGroup.wait", "'timeout'", "NaN"}},
	{name: "waitgroup/wait-number-options", src: `const w = fnW(); w.add(); check(() => w.wait(5))`, want: "TypeError", msg: []string{"WaitGroup.wait", "'options'"}},
	{name: "waitgroup/wait-times-out", src: `const w = fnW(); w.add(); check(() => w.wait({ timeout: 10 }))`, want: "TimeoutError", msg: []string{"WaitGroup.wait"}},
	{name: "waitgroup/waitAsync-wrong-this", src: `check(() => fnW().waitAsync.call(1))`, want: "TypeError", msg: []string{"WaitGroup.waitAsync", "'this'"}},
	{name: "waitgroup/count-wrong-this", src: `check(() => Object.getOwnPropertyDescriptor(fnW.prototype, "count").get.call(null))`, want: "TypeError", msg: []string{"WaitGroup.count", "'this'"}},

	// Queue
	{name: "queue/string", src: `check(() => fnQ("4"))`, want: "TypeError", msg: []string{"threads.Queue", "'maxsize'", "string"}},
	{name: "queue/NaN", src: `check(() => fnQ(NaN))`, want: "TypeError", msg: []string{"threads.Queue", "'maxsize'", "NaN"}},
	{name: "queue/fraction", src: `check(() => new fnQ(1.5))`, want: "TypeError", msg: []string{"threads.Queue", "'maxsize'"}},
	{name: "queue/huge", src: `check(() => fnQ(1e10))`, want: "RangeError", msg: []string{"threads.Queue", "'maxsize'"}},
	{name: "queue/huge-bigint", src: `check(() => fnQ(2n ** 70n))`, want: "RangeError", msg: []string{"threads.Queue", "'maxsize'"}},
	{name: "queue/maxsize-object-with-throwing-getter", src: `check(() => fnQ({ get x() { throw new URIError("a getter ran") } }))`, want: "TypeError", msg: []string{"threads.Queue", "'maxsize'", "object"}},
	{name: "queue/options-object", src: `check(() => fnQ({ maxsize: 2 }))`, want: "TypeError", msg: []string{"threads.Queue", "'maxsize'", "object"}},
	{name: "queue/put-symbol", src: `check(() => fnQ().put(Symbol()))`, want: "DataCloneError", msg: []string{"Queue.put", "'item'", "Symbol"}},
	{name: "queue/put-timeout-negative", src: `check(() => fnQ().put(1, { timeout: -1 }))`, want: "RangeError", msg: []string{"Queue.put", "'timeout'"}},
	{name: "queue/put-timeout-string", src: `check(() => fnQ().put(1, { timeout: "x" }))`, want: "TypeError", msg: []string{"Queue.put", "'timeout'"}},
	{name: "queue/put-timeout-bigint", src: `check(() => fnQ().put(1, { timeout: 1n }))`, want: "TypeError", msg: []string{"Queue.put", "'timeout'"}},
	{name: "queue/put-number-options", src: `check(() => fnQ().put(1, 5))`, want: "TypeError", msg: []string{"Queue.put", "'options'"}},
	{name: "queue/put-times-out", src: `const q = fnQ(1); q.put(1); check(() => q.put(2, { timeout: 5 }))`, want: "TimeoutError", msg: []string{"Queue.put"}},
	{name: "queue/timed-out-put-leaves-no-item", src: `const q = fnQ(1); q.put(1); try { q.put(2, { timeout: 5 }) } catch (e) {} check(() => q.size() + ":" + q.get() + ":" + q.tryGet("none"))`, want: "ok", msg: []string{"ok|1:1:none"}},
	{name: "queue/get-timeout-NaN", src: `check(() => fnQ().get({ timeout: NaN }))`, want: "RangeError", msg: []string{"Queue.get", "'timeout'"}},
	{name: "queue/get-string-options", src: `check(() => fnQ().get("x"))`, want: "TypeError", msg: []string{"Queue.get", "'options'"}},
	{name: "queue/get-times-out", src: `check(() => fnQ().get({ timeout: 5 }))`, want: "TimeoutError", msg: []string{"Queue.get"}},
	{name: "queue/options-getter-throws", src: `check(() => fnQ().get({ get timeout() { throw new URIError("from the getter") } }))`, want: "URIError", msg: []string{"from the getter"}},
	{name: "queue/closed-put", src: `const q = fnQ(); q.close(); check(() => q.put(1))`, want: "QueueClosedError", msg: []string{"Queue.put", "closed"}},
	{name: "queue/closed-tryPut", src: `const q = fnQ(); q.close(); check(() => q.tryPut(1))`, want: "QueueClosedError", msg: []string{"Queue.tryPut", "closed"}},
	{name: "queue/closed-get-after-drain", src: `const q = fnQ(); q.put(1); q.close(); q.get(); check(() => q.get())`, want: "QueueClosedError", msg: []string{"Queue.get", "closed"}},
	{name: "queue/closed-putAsync", src: `const q = fnQ(); q.close(); checkAsync(() => q.putAsync(1))`, want: "QueueClosedError", msg: []string{"Queue.putAsync", "closed"}},
	{name: "queue/closed-getAsync", src: `const q = fnQ(); q.close(); checkAsync(() => q.getAsync())`, want: "QueueClosedError", msg: []string{"Queue.getAsync", "closed"}},
	{name: "queue/closed-while-put-waits",
		src:  `const q = fnQ(1); q.put(0); const p = threads.run(() => q.put(1)); setTimeout(() => q.close(), 20); checkAsync(() => p)`,
		want: "QueueClosedError", msg: []string{"Queue.put", "closed"}},
	{name: "queue/closed-while-get-waits",
		src:  `const q = fnQ(); const p = threads.run(() => q.get()); setTimeout(() => q.close(), 20); checkAsync(() => p)`,
		want: "QueueClosedError", msg: []string{"Queue.get", "closed"}},
	{name: "queue/put-wrong-this", src: `check(() => fnQ().put.call({}, 1))`, want: "TypeError", msg: []string{"Queue.put", "'this'"}},
	{name: "queue/size-on-prototype", src: `check(() => fnQ.prototype.size())`, want: "TypeError", msg: []string{"Queue.size", "'this'"}},
	{name: "queue/iterator-wrong-this", src: `check(() => fnQ()[Symbol.iterator].call(fnA()))`, want: "TypeError", msg: []string{"Queue", "'this'"}},
	{name: "queue/putAsync-symbol", src: `check(() => fnQ().putAsync(Symbol()))`, want: "DataCloneError", msg: []string{"Queue.putAsync", "'item'"}},

	// Pool
	{name: "pool/no-args", src: `check(() => fnP())`, want: "TypeError", msg: []string{"threads.Pool", "'workerFn'", "undefined"}},
	{name: "pool/number-fn", src: `check(() => fnP(42))`, want: "TypeError", msg: []string{"threads.Pool", "'workerFn'", "number"}},
	{name: "pool/native-fn", src: `check(() => fnP(Math.abs))`, want: "DataCloneError", msg: []string{"workerFn", "native"}},
	{name: "pool/closure-over-local", src: `function mk(n) { return x => x + n } check(() => fnP(mk(1), 1))`, want: "DataCloneError", msg: []string{"workerFn", `"n"`, "mk"}},
	{name: "pool/workers-0", src: `check(() => fnP(x => x, 0))`, want: "RangeError", msg: []string{"threads.Pool", "'workers'", "0"}},
	{name: "pool/workers-1e9", src: `check(() => fnP(x => x, 1e9))`, want: "RangeError", msg: []string{"threads.Pool", "'workers'"}},
	{name: "pool/workers-NaN", src: `check(() => fnP(x => x, NaN))`, want: "TypeError", msg: []string{"threads.Pool", "'workers'", "NaN"}},
	{name: "pool/workers-negative", src: `check(() => fnP(x => x, -1))`, want: "RangeError", msg: []string{"threads.Pool", "'workers'"}},
	{name: "pool/workers-fraction", src: `check(() => fnP(x => x, 1.5))`, want: "TypeError", msg: []string{"threads.Pool", "'workers'"}},
	{name: "pool/options-string", src: `check(() => fnP(x => x, "4"))`, want: "TypeError", msg: []string{"threads.Pool", "'options'", "string"}},
	{name: "pool/option-workers-0", src: `check(() => fnP(x => x, { workers: 0 }))`, want: "RangeError", msg: []string{"threads.Pool", "'workers'"}},
	{name: "pool/option-workers-string", src: `check(() => fnP(x => x, { workers: "x" }))`, want: "TypeError", msg: []string{"threads.Pool", "'workers'"}},
	{name: "pool/option-workers-1e9", src: `check(() => fnP(x => x, { workers: 1e9 }))`, want: "RangeError", msg: []string{"threads.Pool", "'workers'"}},
	{name: "pool/queueDepth-0", src: `check(() => fnP(x => x, { workers: 1, queueDepth: 0 }))`, want: "RangeError", msg: []string{"threads.Pool", "'queueDepth'"}},
	{name: "pool/queueDepth-negative", src: `check(() => fnP(x => x, { queueDepth: -5 }))`, want: "RangeError", msg: []string{"threads.Pool", "'queueDepth'"}},
	{name: "pool/queueDepth-NaN", src: `check(() => fnP(x => x, { queueDepth: NaN }))`, want: "TypeError", msg: []string{"threads.Pool", "'queueDepth'"}},
	{name: "pool/past-max-threads", opts: []host.Option{host.WithMaxThreads(3)}, src: `check(() => fnP(x => x, 4))`, want: "RangeError", msg: []string{"threads.Pool", "workers"}},
	{name: "pool/closed-submit", src: `const p = fnP(x => x, 1); p.close(); check(() => p.submit(1))`, want: "PoolClosedError", msg: []string{"Pool.submit", "closed"}},
	{name: "pool/closed-map", src: `const p = fnP(x => x, 1); p.close(); check(() => p.map([1]))`, want: "PoolClosedError", msg: []string{"Pool.map", "closed"}},
	{name: "pool/closed-mapAsync", src: `const p = fnP(x => x, 1); p.close(); checkAsync(() => p.mapAsync([1]))`, want: "PoolClosedError", msg: []string{"Pool.mapAsync", "closed"}},
	{name: "pool/map-number", src: `const p = fnP(x => x, 1); check(() => p.map(5)); p.close()`, want: "TypeError", msg: []string{"Pool.map", "'items'"}},
	{name: "pool/map-missing", src: `const p = fnP(x => x, 1); check(() => p.map()); p.close()`, want: "TypeError", msg: []string{"Pool.map", "'items'"}},
	{name: "pool/mapAsync-number", src: `const p = fnP(x => x, 1); check(() => p.mapAsync(5)); p.close()`, want: "TypeError", msg: []string{"Pool.mapAsync", "'items'"}},
	{name: "pool/submit-symbol", src: `const p = fnP(x => x, 1); check(() => p.submit(Symbol())); p.close()`, want: "DataCloneError", msg: []string{"Pool.submit", "'item'"}},
	{name: "pool/submit-wrong-this", src: `const p = fnP(x => x, 1); check(() => p.submit.call({}, 1)); p.close()`, want: "TypeError", msg: []string{"Pool.submit", "'this'"}},
	{name: "pool/close-wrong-this", src: `const p = fnP(x => x, 1); check(() => p.close.call(fnQ())); p.close()`, want: "TypeError", msg: []string{"Pool.close", "'this'"}},
	{name: "pool/uncloneable-result", src: `const p = fnP(x => Symbol(), 1); check(() => p.submit(1).get()); p.close()`, want: "DataCloneError", msg: []string{"result", "Symbol"}},
	{name: "pool/item-error", src: `const p = fnP(x => { throw new RangeError("item " + x) }, 1); check(() => p.submit(3).get()); p.close()`, want: "RangeError", msg: []string{"item 3"}},
	{name: "pool/close-from-its-own-worker",
		src:  `function work(p) { p.close(); return "closed" } const pool = fnP(work, 2); check(() => pool.submit(pool).get())`,
		want: "Error", msg: []string{"Pool.close"}},
}

// TestBadInput makes every wrong call of the table and checks the exact
// error name and that its message names the argument or method.
func TestBadInput(t *testing.T) {
	if len(badInputs) < 60 {
		t.Fatalf("only %d rows", len(badInputs))
	}
	seen := map[string]bool{}
	for _, row := range badInputs {
		if seen[row.name] {
			t.Fatalf("two rows named %s", row.name)
		}
		seen[row.name] = true
		t.Run(row.name, func(t *testing.T) {
			defer leakcheck.VerifyNone(t)
			var out, errOut bytes.Buffer
			h := newHost(t, append([]host.Option{host.WithStdout(&out), host.WithStderr(&errOut)}, row.opts...)...)
			ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
			defer cancel()
			start := time.Now()
			_, err := h.Eval(ctx, badInputPrelude+row.src)
			took := time.Since(start)
			if ctx.Err() != nil {
				t.Fatalf("hung: still running after %v (stdout %q, err %v)", took, out.String(), err)
			}
			if row.deadlock {
				if !errors.Is(err, threads.ErrDeadlock) {
					t.Fatalf("evaluation error %v (printed %q), want a deadlock error", err, out.String())
				}
				for _, sub := range row.msg {
					if !strings.Contains(err.Error(), sub) {
						t.Errorf("deadlock error %q does not name %q", err, sub)
					}
				}
				if strings.Contains(out.String(), "ok|") {
					t.Errorf("printed %q: the blocked call returned", out.String())
				}
				return
			}
			if err != nil {
				t.Errorf("evaluation failed: %v\nstderr: %s", err, errOut.String())
			}
			lines := strings.Split(strings.TrimSuffix(out.String(), "\n"), "\n")
			if len(lines) != 1 || lines[0] == "" {
				t.Fatalf("printed %q, want one line %s|...", out.String(), row.want)
			}
			name, msg, _ := strings.Cut(lines[0], "|")
			if name != row.want {
				t.Errorf("got %s, want %s", lines[0], row.want)
			}
			target := msg
			if row.want == "ok" {
				target = lines[0]
			}
			for _, sub := range row.msg {
				if !strings.Contains(target, sub) {
					t.Errorf("message %q does not contain %q", lines[0], sub)
				}
			}
		})
	}
}
