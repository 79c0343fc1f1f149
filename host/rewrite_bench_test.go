package host

import (
	"context"
	"fmt"
	"io"
	"testing"
)

// ordinaryScript is a script with no guarded operation in its hot path:
// string and object work, a sort, a few shifts by constants.
const ordinaryScript = `
const words = [];
for (let i = 0; i < 500; i++) words.push("w" + ((i * 7919) %% 500).toString(36));
const counts = {};
for (const w of words) counts[w] = (counts[w] || 0) + 1;
const list = Object.keys(counts).sort();
let h = 0;
for (const w of list) for (let j = 0; j < w.length; j++) h = (h * 31 + w.charCodeAt(j)) | 0;
h ^ (list.length << 3) // run %d
`

// BenchmarkHostEvalOrdinary evaluates an ordinary script whose text
// changes every time, so that each Eval compiles it (parse for the
// index, parse and rewrite, compile), makes a main runtime and runs it.
func BenchmarkHostEvalOrdinary(b *testing.B) {
	h := newHost(b, WithStdout(io.Discard), WithStderr(io.Discard))
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		i++
		if _, err := h.Eval(context.Background(), fmt.Sprintf(ordinaryScript, i)); err != nil {
			b.Fatal(err)
		}
	}
}
