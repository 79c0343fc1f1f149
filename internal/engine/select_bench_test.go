package engine

import "testing"

// BenchmarkSelect: a producer thread puts into one of two queues, the main
// runtime selects over both; compare BenchmarkQueuePutGet, the same items
// through one queue with get().
func BenchmarkSelect(b *testing.B) {
	b.ReportAllocs()
	benchJS(b, `
		const a = new threads.Queue(64), c = new threads.Queue(64);
		benchStart();
		const producer = threads.run((a, c, n) => { for (let i = 0; i < n; i++) (i % 2 ? a : c).put(i); }, a, c, N);
		let sum = 0;
		const cases = [{get: a}, {get: c}];
		for (let i = 0; i < N; i++) sum += threads.select(cases).value;
		benchStop();
		producer.get();
		if (sum !== N * (N - 1) / 2) throw new Error("wrong sum");
	`)
	perSecond(b, "items/s")
}
