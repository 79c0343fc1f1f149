package rewrite

import "testing"

// TestHelpersStayHidden checks that the helpers are not enumerable and
// cannot be replaced or deleted, in sloppy and strict code.
func TestHelpersStayHidden(t *testing.T) {
	src := `
		const names = Object.getOwnPropertyNames(globalThis).filter((n) => n.startsWith("__jsrun$"));
		let listed = Object.keys(globalThis).filter((n) => n.startsWith("__jsrun$")).length;
		for (const k in globalThis) if (k.startsWith("__jsrun$")) listed++;
		const kept = names.every((n) => {
			const before = globalThis[n];
			globalThis[n] = 1;
			delete globalThis[n];
			let strictThrew = false;
			try { (() => { "use strict"; globalThis[n] = 1 })() } catch (e) { strictThrew = e instanceof TypeError }
			const d = Object.getOwnPropertyDescriptor(globalThis, n);
			return globalThis[n] === before && strictThrew && !d.writable && !d.configurable && !d.enumerable;
		});
		let a = 2n, b = 3n;
		[names.length, listed, kept, String(a ** b)].join()
	`
	if got, want := runScript(t, true, src), "4,0,true,8"; got != want {
		t.Fatalf("got %s, want %s", got, want)
	}
}
