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
	if got, want := runScript(t, true, src), "1,0,true,8"; got != want {
		t.Fatalf("got %s, want %s", got, want)
	}
}

// TestHelperCalledByAScript: a script may call the helper itself; it gets
// what the helper does for rewritten code, or a TypeError, never a Go
// panic.
func TestHelperCalledByAScript(t *testing.T) {
	src := `[
		__jsrun$(0, 2, 10),
		__jsrun$(1, 1, 3),
		__jsrun$(2, -8, 1),
		__jsrun$(3, [1, 2]).length,
		__jsrun$(3) === undefined,
		__jsrun$(4) === undefined,
		(() => { try { __jsrun$(99) } catch (e) { return e.name } })(),
		String(__jsrun$()),
		(() => { try { __jsrun$({ valueOf() { return 0 } }, 1n, 2) } catch (e) { return e.name } })(),
	].join()`
	if got, want := runScript(t, true, src), "1024,8,-4,2,true,true,TypeError,NaN,TypeError"; got != want {
		t.Fatalf("got %s, want %s", got, want)
	}
}
