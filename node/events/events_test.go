package events_test

import (
	"strings"
	"testing"

	"github.com/dop251/goja"
	"github.com/jsrun/jsrun/internal/leakcheck"
	"github.com/jsrun/jsrun/internal/nodetest"
	"github.com/jsrun/jsrun/node/events"
)

func TestMain(m *testing.M) { leakcheck.VerifyTestMain(m) }

func env(warn events.Warn) nodetest.Env {
	load := events.Loader(nodetest.LoopOf, warn, nil)
	return nodetest.Env{
		Modules: nodetest.Module("events", load),
		Globals: map[string]func(*goja.Runtime) error{"abort": nodetest.AbortGlobals},
	}
}

// TestNodeOracle runs testdata/events.js and compares with what Node printed.
func TestNodeOracle(t *testing.T) { env(nil).Check(t, "events") }

// More listeners than the limit print Node's warning once per event.
func TestMaxListenersWarning(t *testing.T) {
	var got []string
	warn := func(_ *goja.Runtime, name, msg string) { got = append(got, name+": "+msg) }
	_, err := env(warn).RunString("warn.js", `
		const EventEmitter = require('events');
		const e = new EventEmitter();
		for (let i = 0; i < 12; i++) e.on('foo', () => {});
		class Foo extends EventEmitter {}
		const f = new Foo();
		f.setMaxListeners(1);
		f.on('x', () => {}); f.on('x', () => {});
		const s = Symbol('t');
		f.on(s, () => {}); f.on(s, () => {});
		f.setMaxListeners(0);
		for (let i = 0; i < 20; i++) f.on('y', () => {});`)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		"MaxListenersExceededWarning: Possible EventEmitter memory leak detected. 11 foo listeners added to [EventEmitter]. MaxListeners is 10. Use emitter.setMaxListeners() to increase limit",
		"MaxListenersExceededWarning: Possible EventEmitter memory leak detected. 2 x listeners added to [Foo]. MaxListeners is 1. Use emitter.setMaxListeners() to increase limit",
		"MaxListenersExceededWarning: Possible EventEmitter memory leak detected. 2 Symbol(t) listeners added to [Foo]. MaxListeners is 1. Use emitter.setMaxListeners() to increase limit",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Fatalf("warnings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
