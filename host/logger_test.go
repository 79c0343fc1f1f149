package host_test

import (
	"bytes"
	"context"
	"log/slog"
	"os"
	"strings"
	"testing"

	"github.com/jsrun/jsrun/host"
)

// noTime drops the time from records, for output a test can compare.
func noTime(_ []string, a slog.Attr) slog.Attr {
	if a.Key == slog.TimeKey {
		return slog.Attr{}
	}
	return a
}

func TestWithLoggerLevels(t *testing.T) {
	t.Parallel()
	var buf, out bytes.Buffer
	l := slog.New(slog.NewTextHandler(&buf, &slog.HandlerOptions{Level: slog.LevelDebug, ReplaceAttr: noTime}))
	h, err := host.New(host.WithLogger(l), host.WithStdout(&out), host.WithStderr(&out))
	if err != nil {
		t.Fatal(err)
	}
	defer h.Close()
	_, err = h.Eval(context.Background(), `
		console.debug("d", 1);
		console.log({ a: [1, "x"] });
		console.info("i");
		console.warn("w");
		console.error(new Map([[1, 2]]));
		threads.run(() => console.log("from a thread")).get();
	`)
	if err != nil {
		t.Fatal(err)
	}
	want := `level=DEBUG msg="d 1" thread=main script=<eval>
level=INFO msg="{ a: [ 1, 'x' ] }" thread=main script=<eval>
level=INFO msg=i thread=main script=<eval>
level=WARN msg=w thread=main script=<eval>
level=ERROR msg="Map(1) { 1 => 2 }" thread=main script=<eval>
level=INFO msg="from a thread" thread="thread 1" script=<eval>
`
	if buf.String() != want {
		t.Fatalf("records:\n%s\nwant:\n%s", buf.String(), want)
	}
	if out.Len() != 0 {
		t.Fatalf("the streams got %q", out.String())
	}
	if _, err := host.New(host.WithLogger(nil)); err == nil || !strings.Contains(err.Error(), "WithLogger(nil)") {
		t.Fatalf("WithLogger(nil): %v", err)
	}
}

func ExampleWithLogger() {
	l := slog.New(slog.NewTextHandler(os.Stdout, &slog.HandlerOptions{ReplaceAttr: noTime}))
	h, err := host.New(host.WithLogger(l))
	if err != nil {
		panic(err)
	}
	defer h.Close()
	_, err = h.Eval(context.Background(), `console.warn("low stock:", { sku: "a1", left: 2 })`)
	if err != nil {
		panic(err)
	}
	// Output: level=WARN msg="low stock: { sku: 'a1', left: 2 }" thread=main script=<eval>
}
