package console_test

import (
	"bytes"
	"testing"
	"time"

	"github.com/jsrun/jsrun/node/console"
)

// TestColorsPerStream: each stream is coloured only when its option says so.
func TestColorsPerStream(t *testing.T) {
	var out, errOut bytes.Buffer
	rt := newRuntime(t, console.NewPrinter(&out, &errOut), console.Options{ColorStdout: true})
	if _, err := rt.RunString(`console.log({ a: 1 }, "%s", "plain"); console.error({ a: 1 })`); err != nil {
		t.Fatal(err)
	}
	if want := "{ a: \x1b[33m1\x1b[39m } %s plain\n"; out.String() != want {
		t.Errorf("stdout %q, want %q", out.String(), want)
	}
	if want := "{ a: 1 }\n"; errOut.String() != want {
		t.Errorf("stderr %q, want %q", errOut.String(), want)
	}
}

// TestWarningsAndClock: Node's process warnings go to stderr, and the
// timers read Options.Now.
func TestWarningsAndClock(t *testing.T) {
	var out, errOut bytes.Buffer
	now := time.Unix(0, 0)
	clock := func() time.Time { return now }
	rt := newRuntime(t, console.NewPrinter(&out, &errOut), console.Options{Now: clock})
	_ = rt.Set("advance", func(ms int) { now = now.Add(time.Duration(ms) * time.Millisecond) })
	if _, err := rt.RunString(`
		console.timeEnd("nope"); console.countReset("nope");
		console.time("t"); console.time("t");
		advance(1500); console.timeLog("t");
		advance(63000); console.timeEnd("t");
		console.time("h"); advance(3723004); console.timeEnd("h");
		console.time("ms"); advance(12); console.timeEnd("ms");`); err != nil {
		t.Fatal(err)
	}
	wantOut := "t: 1.500s\nt: 1:04.500 (m:ss.mmm)\nh: 1:02:03.004 (h:mm:ss.mmm)\nms: 12ms\n"
	if out.String() != wantOut {
		t.Errorf("stdout %q, want %q", out.String(), wantOut)
	}
	wantErr := "Warning: No such label 'nope' for console.timeEnd()\nWarning: Count for 'nope' does not exist\nWarning: Label 't' already exists for console.time()\n"
	if errOut.String() != wantErr {
		t.Errorf("stderr %q, want %q", errOut.String(), wantErr)
	}
}

// TestPrinterWrite: Write adds no newline and shares WriteLine's streams.
func TestPrinterWrite(t *testing.T) {
	var out, errOut bytes.Buffer
	p := console.NewPrinter(&out, &errOut)
	p.Write(false, "a")
	p.WriteLine(false, "b")
	p.Write(true, "c")
	if out.String() != "ab\n" || errOut.String() != "c" {
		t.Errorf("stdout %q, stderr %q; want %q, %q", out.String(), errOut.String(), "ab\n", "c")
	}
}

// TestConsoleObject: the console's methods are made on first read and
// keep their identity; scripts may replace, add and delete members, and
// Object.keys lists them in Node's order.
func TestConsoleObject(t *testing.T) {
	var out bytes.Buffer
	rt := newRuntime(t, console.NewPrinter(&out, nil), console.Options{})
	v, err := rt.RunString(`
		const log = console.log;
		const same = log === console.log;
		console.info = (x) => console.log("info:", x);
		console.info(1);
		console.mine = 2;
		delete console.dirxml;
		[same, typeof console.dirxml, "dirxml" in console, console.mine, Object.keys(console).slice(0, 3).join(),
		 Object.keys(console).includes("mine"), Object.keys(console).includes("dirxml"), log.name].join()`)
	if err != nil {
		t.Fatal(err)
	}
	if want := "true,undefined,false,2,log,warn,dir,true,false,log"; v.String() != want {
		t.Errorf("got %s, want %s", v, want)
	}
	if out.String() != "info: 1\n" {
		t.Errorf("printed %q", out.String())
	}
}
