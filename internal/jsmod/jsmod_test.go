package jsmod_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/dop251/goja"
	"github.com/jsrun/jsrun/internal/jsmod"
)

func TestLoadAndHelpers(t *testing.T) {
	src := jsmod.New("node:test", `exports.check = (v) => { validateString(v, 'name'); return v; };`)
	rt := goja.New()
	exports := rt.NewObject()
	if err := src.Load(rt, exports, jsmod.Natives(rt, nil)); err != nil {
		t.Fatal(err)
	}
	_ = rt.Set("m", exports)
	v, err := rt.RunString(`try { m.check(5) } catch (e) { [e.name, e.code, e.message, e.stack.split('\n')[0], Object.keys(e).join()].join('|') }`)
	if err != nil {
		t.Fatal(err)
	}
	want := `TypeError|ERR_INVALID_ARG_TYPE|The "name" argument must be of type string. Received type number (5)|TypeError [ERR_INVALID_ARG_TYPE]: The "name" argument must be of type string. Received type number (5)|code`
	if v.String() != want {
		t.Fatalf("got  %s\nwant %s", v, want)
	}
	if !strings.Contains(v.String(), "ERR_INVALID_ARG_TYPE") {
		t.Fatal("no code")
	}
}

// A module that does not compile is a TypeError naming it, from MustLoad.
func TestMustLoadBadSource(t *testing.T) {
	src := jsmod.New("node:broken", `exports.x = ;`)
	rt := goja.New()
	_ = rt.Set("load", func() { src.MustLoad(rt, rt.NewObject(), rt.NewObject()) })
	v, err := rt.RunString(`try { load(); 'loaded' } catch (e) { e.name + ': ' + e.message }`)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(v.String(), "TypeError: node:broken: internal error") {
		t.Fatalf("got %q", v)
	}
}

// An interrupt that reaches a module's code stops the script, and the
// interrupt stays raised for the code around it.
func TestThrowKeepsInterrupt(t *testing.T) {
	rt := goja.New()
	stop := errors.New("stop")
	_ = rt.Set("interruptAndThrow", func() {
		rt.Interrupt(stop)
		_, err := rt.RunString(`for (;;) {}`)
		jsmod.Throw(rt, "test", err)
	})
	_, err := rt.RunString(`try { interruptAndThrow() } catch (e) { 'caught' }`)
	var ie *goja.InterruptedError
	if !errors.As(err, &ie) || ie.Value() != stop {
		t.Fatalf("err = %v, want the interrupt", err)
	}
}

func TestPerRuntime(t *testing.T) {
	rt := goja.New()
	key := goja.NewSymbol("test")
	built := 0
	build := func() (*goja.Object, error) { built++; return rt.NewObject(), nil }
	a, _ := jsmod.PerRuntime(rt, key, build)
	b, _ := jsmod.PerRuntime(rt, key, build)
	if a != b || built != 1 {
		t.Fatalf("built %d times, same object %v", built, a == b)
	}
}

func TestPlaceholderInspect(t *testing.T) {
	rt := goja.New()
	f, err := jsmod.PlaceholderInspect(rt)
	if err != nil {
		t.Fatal(err)
	}
	_ = rt.Set("inspect", f)
	v, err := rt.RunString(`[inspect("it's"), inspect(-0), inspect(10n), inspect([1, , 'a']), inspect({ b: 1, a: [2] }, { compact: false, sorted: true }),
		inspect(new Map([[1, { x: 1 }]])), inspect(Object.create(null)), inspect(function f() {}), inspect(class A {}), inspect(new Number(3))].join('|')`)
	if err != nil {
		t.Fatal(err)
	}
	want := `"it's"|-0|10n|[ 1, <1 empty item>, 'a' ]|{
  a: [
    2
  ],
  b: 1
}|Map(1) { 1 => { x: 1 } }|[Object: null prototype] {}|[Function: f]|[class A]|[Number: 3]`
	if v.String() != want {
		t.Fatalf("got\n%s\nwant\n%s", v, want)
	}
}
