package engine

import "testing"

// TestNumbersCrossAsThemselves: numbers that skip the snapshot (Pool item
// arguments, thread and Pool results) keep every value a clone keeps
// (-0, NaN, infinities, integers past 2^31 and 2^53, fractions), count as
// clones as before, and other values still take the snapshot.
func TestNumbersCrossAsThemselves(t *testing.T) {
	t.Parallel()
	mustEval(t, `
		const xs = [0, -0, 1, -1, 2 ** 31, 2 ** 53 + 2, 0.1, -1.5e300, NaN, Infinity, -Infinity];
		const show = (v) => Object.is(v, -0) ? "-0" : String(v);
		const pool = threads.Pool((x) => x, 2);
		print(pool.map(xs).map(show).join(" "));
		print(xs.map((x) => show(pool.submit(x).get())).join(" "));
		print(xs.map((x) => show(threads.run((y) => y, x).get())).join(" "));
		print(pool.map([1n, "s", true, null, undefined, {a: 1}]).map((v) => typeof v).join(" "));
		const before = threads.stats().clones;
		pool.submit(7).get();
		print(threads.stats().clones - before);
		pool.close();
	`, "0 -0 1 -1 2147483648 9007199254740994 0.1 -1.5e+300 NaN Infinity -Infinity\n"+
		"0 -0 1 -1 2147483648 9007199254740994 0.1 -1.5e+300 NaN Infinity -Infinity\n"+
		"0 -0 1 -1 2147483648 9007199254740994 0.1 -1.5e+300 NaN Infinity -Infinity\n"+
		"bigint string boolean object undefined object\n"+
		"2")
}
