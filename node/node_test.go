package node_test

import (
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/dop251/goja"
	"github.com/dop251/goja_nodejs/require"
	"github.com/jsrun/jsrun/eventloop"
	"github.com/jsrun/jsrun/internal/leakcheck"
	"github.com/jsrun/jsrun/internal/nodetest"
	"github.com/jsrun/jsrun/node"
)

func TestMain(m *testing.M) { leakcheck.VerifyTestMain(m) }

func env() nodetest.Env {
	cfg := node.Config{Loop: nodetest.LoopOf, Cwd: func() string { return "/work" }}
	return nodetest.Env{Modules: node.Modules(cfg), Globals: node.Globals(cfg)}
}

func TestNames(t *testing.T) {
	cfg := node.Config{Loop: nodetest.LoopOf}
	var mods []string
	for name := range node.Modules(cfg) {
		mods = append(mods, name)
	}
	var want []string
	for _, n := range node.ModuleNames {
		want = append(want, n, "node:"+n)
	}
	sort.Strings(mods)
	sort.Strings(want)
	if !slices.Equal(mods, want) {
		t.Errorf("modules %v, want %v", mods, want)
	}
	var globals []string
	for name := range node.Globals(cfg) {
		globals = append(globals, name)
	}
	want = append([]string(nil), node.GlobalNames...)
	sort.Strings(globals)
	sort.Strings(want)
	if !slices.Equal(globals, want) {
		t.Errorf("globals %v, want %v", globals, want)
	}
}

// Every module under both names is one object; a module that is also a
// global is the global.
func TestIdentities(t *testing.T) {
	out, err := env().RunString("ids.js", `
		const names = ['path', 'events', 'os', 'url', 'buffer', 'assert', 'assert/strict', 'crypto', 'timers/promises'];
		const same = names.map((n) => require(n) === require('node:' + n));
		console.log(same.every(Boolean), require('buffer').Buffer === Buffer, require('url').URL === URL,
			require('url').URLSearchParams === URLSearchParams, require('crypto').webcrypto === crypto,
			require('assert').strict === require('assert/strict'),
			new AbortController().signal instanceof AbortSignal, new AbortController().signal instanceof EventTarget,
			new DOMException('x') instanceof Error, typeof performance.now(), atob(btoa('ok')),
			new TextDecoder().decode(new TextEncoder().encode('é')), require('path').resolve('x'))`)
	if err != nil {
		t.Fatal(err)
	}
	if want := "true true true true true true true true true number ok é /work/x\n"; out != want {
		t.Fatalf("got %q, want %q", out, want)
	}
}

// Every function a script can reach from the modules and globals is
// named as a script would name it: no Go name ("github.com/...func1").
func TestNoGoNames(t *testing.T) {
	out, err := env().RunString("names.js", `
		const seen = new Set();
		const bad = [];
		function walk(v, path, depth) {
			if (v === null || (typeof v !== 'object' && typeof v !== 'function') || seen.has(v) || depth > 4) return;
			seen.add(v);
			if (typeof v === 'function' && /[./()*]|func\d/.test(v.name) && !/^(get|set) /.test(v.name)) bad.push(path + ' is named ' + v.name);
			for (const k of Reflect.ownKeys(v)) {
				if (k === 'caller' || k === 'arguments') continue;
				const d = Object.getOwnPropertyDescriptor(v, k);
				const p = path + '.' + String(k);
				if ('value' in d) walk(d.value, p, depth + 1);
				for (const f of [d.get, d.set]) if (f && /[./*]|func\d/.test(f.name.replace(/^(get|set) /, ''))) bad.push(p + ' accessor is named ' + f.name);
			}
		}
		const roots = {};
		for (const n of ['path', 'events', 'os', 'url', 'buffer', 'assert', 'crypto', 'timers/promises']) roots[n] = require(n);
		for (const n of ['TextEncoder', 'TextDecoder', 'atob', 'btoa', 'performance', 'AbortController', 'AbortSignal', 'Event', 'EventTarget', 'DOMException', 'URL', 'URLSearchParams', 'Buffer', 'crypto']) roots[n] = globalThis[n];
		for (const [n, v] of Object.entries(roots)) walk(v, n, 0);
		console.log(seen.size > 200, bad.join('\n') || 'none');`)
	if err != nil {
		t.Fatal(err)
	}
	if out != "true none\n" {
		t.Fatalf("functions with Go names:\n%s", out)
	}
}

// Bad arguments to every function of every module and global throw
// JavaScript errors that name no Go type, and never a Go panic.
func TestBadInputGivesJavaScriptErrors(t *testing.T) {
	out, err := env().RunString("bad.js", `
		const args = [undefined, null, 0, -1, 1.5, NaN, 2 ** 53, 'x', '', Symbol('s'), 10n, {}, [], () => {}, new Uint8Array(2), { length: -1 }, { valueOf() { throw new Error('valueOf'); } }];
		const goish = /github\.com|goja|\*[a-z]|reflect|runtime error|interface conversion|invalid memory|nil pointer|Go value/i;
		const bad = [];
		let calls = 0;
		function tryCall(label, f, thisArg, as) {
			calls++;
			let r;
			try { r = Reflect.apply(f, thisArg, as); } catch (e) {
				const text = e instanceof Error ? e.name + ': ' + e.message + '\n' + e.stack : String(e);
				if (goish.test(text)) bad.push(label + ' threw ' + text.split('\n').slice(0, 3).join(' | '));
			}
			if (r && typeof r.then === 'function') r.then(() => {}, (e) => { if (goish.test(String(e && e.message))) bad.push(label + ' rejected ' + e.message); });
		}
		const skip = new Set(['setTimeout', 'scheduler.wait']); // they wait; checked by their own tests
		function each(obj, name) {
			for (const k of Reflect.ownKeys(obj)) {
				const d = Object.getOwnPropertyDescriptor(obj, k);
				if (typeof d.value !== 'function' || skip.has(String(k))) continue;
				for (const a of args) {
					tryCall(name + '.' + String(k), d.value, obj, [a]);
					tryCall(name + '.' + String(k), d.value, obj, [a, a, a]);
				}
			}
		}
		for (const n of ['path', 'events', 'os', 'url', 'buffer', 'assert', 'crypto']) each(require(n), n);
		for (const n of ['TextEncoder', 'TextDecoder', 'URL', 'URLSearchParams', 'Buffer', 'AbortSignal', 'EventTarget', 'Event', 'DOMException']) {
			each(globalThis[n], n);
			for (const a of args) tryCall('new ' + n, function () { return Reflect.construct(globalThis[n], arguments); }, null, [a]);
		}
		const instances = {
			buffer: Buffer.from('abcdef'), url: new URL('http://a/b'), params: new URLSearchParams('a=1'), encoder: new TextEncoder(),
			decoder: new TextDecoder(), signal: new AbortController().signal, target: new EventTarget(), emitter: new (require('events'))(),
			hash: require('crypto').createHash('sha1'), hmac: require('crypto').createHmac('sha1', 'k'),
		};
		instances.emitter.on('error', () => {});
		for (const [n, o] of Object.entries(instances)) {
			let p = o;
			while (p && p !== Object.prototype) { each(p, n); p = Object.getPrototypeOf(p); if (p === Uint8Array.prototype) break; }
		}
		for (const n of ['atob', 'btoa']) for (const a of args) tryCall(n, globalThis[n], null, [a]);
		for (const a of args) tryCall('crypto.getRandomValues', crypto.getRandomValues, crypto, [a]);
		setTimeout(() => console.log(calls > 3000, bad.length === 0 ? 'none' : bad.slice(0, 20).join('\n')), 5);`)
	if err != nil {
		t.Fatal(err)
	}
	if out != "true none\n" {
		t.Fatalf("errors that show Go:\n%s", out)
	}
}

// Registering the modules installs nothing: a fresh runtime has none of
// the globals, and no module is built until it is required.
func TestLazy(t *testing.T) {
	out, err := nodetest.Env{Modules: node.Modules(node.Config{Loop: nodetest.LoopOf})}.RunString("lazy.js", `
		const names = ['TextEncoder', 'TextDecoder', 'atob', 'btoa', 'performance', 'AbortController', 'AbortSignal', 'Event', 'EventTarget', 'DOMException', 'URL', 'URLSearchParams', 'Buffer', 'crypto'];
		console.log(names.filter((n) => n in globalThis).join(',') || 'none', Object.getOwnPropertySymbols(globalThis).length);
		require('path');
		console.log(Object.getOwnPropertySymbols(globalThis).length);`)
	if err != nil {
		t.Fatal(err)
	}
	// path keeps no per-runtime state; the symbol count stays.
	if lines := strings.Split(strings.TrimSpace(out), "\n"); len(lines) != 2 || !strings.HasPrefix(lines[0], "none ") {
		t.Fatalf("got %q", out)
	}
}

// BenchmarkFirstUse measures what a fresh runtime pays the first time
// its code names a global or requires a module (nothing before that).
func BenchmarkFirstUse(b *testing.B) {
	loopFor := map[*goja.Runtime]*eventloop.Loop{}
	cfg := node.Config{Loop: func(rt *goja.Runtime) *eventloop.Loop { return loopFor[rt] }}
	globals := node.Globals(cfg)
	for _, name := range node.GlobalNames {
		b.Run("global/"+name, func(b *testing.B) {
			b.ReportAllocs()
			for i := 0; i < b.N; i++ {
				b.StopTimer()
				rt := goja.New()
				loopFor[rt] = eventloop.New(rt)
				b.StartTimer()
				if err := globals[name](rt); err != nil {
					b.Fatal(err)
				}
				delete(loopFor, rt)
			}
		})
	}
	for _, name := range node.ModuleNames {
		b.Run("require/"+name, func(b *testing.B) {
			registry := require.NewRegistry()
			node.Register(registry, cfg)
			b.ReportAllocs()
			for i := 0; i < b.N; i++ {
				b.StopTimer()
				rt := goja.New()
				loopFor[rt] = eventloop.New(rt)
				m := registry.Enable(rt)
				b.StartTimer()
				if _, err := m.Require(name); err != nil {
					b.Fatal(err)
				}
				delete(loopFor, rt)
			}
		})
	}
}

// Runtimes on several goroutines share the compiled modules; under the
// race detector this checks that sharing.
func TestConcurrentRuntimes(t *testing.T) {
	const n = 8
	errs := make(chan error, n)
	for i := 0; i < n; i++ {
		go func() {
			out, err := env().RunString("many.js", `
				const { createHash } = require('crypto');
				const assert = require('assert');
				const e = new (require('events'))();
				let got;
				e.once('x', (v) => { got = v; });
				e.emit('x', Buffer.from(new URL('http://h/p?q=1').searchParams.get('q')).toString('hex'));
				assert.strictEqual(got, '31');
				require('timers/promises').setTimeout(1, createHash('sha1').update(require('path').join('a', '..', 'b')).digest('hex'))
					.then((h) => console.log(h, new TextDecoder().decode(new TextEncoder().encode('ok'))));`)
			if err == nil && out != "e9d71f5ee7c92d6dc9e92ffdad17b8bd49418f98 ok\n" {
				err = &mismatch{out}
			}
			errs <- err
		}()
	}
	for i := 0; i < n; i++ {
		if err := <-errs; err != nil {
			t.Error(err)
		}
	}
}

type mismatch struct{ out string }

func (m *mismatch) Error() string { return "unexpected output " + m.out }
