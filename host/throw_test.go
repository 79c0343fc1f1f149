package host

import (
	"context"
	"errors"
	"testing"

	"github.com/dop251/goja"
)

// TestRuntimeThrow: Runtime.Throw and NewError make errors of the
// language's classes, or Errors with a custom name, with a code; they
// cross from a thread with their name and code.
func TestRuntimeThrow(t *testing.T) {
	t.Parallel()
	h := newHost(t, WithModule("errs", func(r *Runtime, exports *goja.Object) error {
		_ = exports.Set("typeError", r.Func("typeError", func(goja.FunctionCall) goja.Value {
			r.Throw("TypeError", "ERR_BAD", "bad input")
			return nil
		}))
		_ = exports.Set("custom", r.Func("custom", func(goja.FunctionCall) goja.Value {
			panic(r.NewError("QuotaError", "", "over quota"))
		}))
		return nil
	}))
	v, err := h.Eval(context.Background(), `
		const errs = require("errs");
		const show = (f) => { try { f() } catch (e) {
			return [e instanceof Error, e instanceof TypeError, e.name, e.code, e.message, e.stack.split("\n")[0],
				Object.keys(e).join("+"), String(e.stack.includes("at typeError (native)") || e.stack.includes("at custom (native)"))].join("|") } };
		[show(errs.typeError), show(errs.custom), threads.run(() => { try { require("errs").custom() } catch (e) { return e.name + " " + e.message } }).get(),
		 (() => { try { threads.run(() => require("errs").typeError()).get() } catch (e) { return [e instanceof TypeError, e.name, e.message, e.code].join() } })()].join("\n")`)
	if err != nil {
		t.Fatal(err)
	}
	want := "true|true|TypeError|ERR_BAD|bad input|TypeError: bad input|code|true\n" +
		"true|false|QuotaError||over quota|QuotaError: over quota||true\n" +
		"QuotaError over quota\n" +
		"true,TypeError,bad input,"
	if v != want {
		t.Errorf("got\n%v\nwant\n%s", v, want)
	}
}

// TestModuleLoadErrorIsAnError: a module whose load fails throws a plain
// Error naming the module, not a GoError.
func TestModuleLoadErrorIsAnError(t *testing.T) {
	t.Parallel()
	h := newHost(t, WithModule("broken", func(*Runtime, *goja.Object) error { return errors.New("no database") }))
	v, err := h.Eval(context.Background(), `try { require("broken") } catch (e) { e.name + ": " + e.message + " " + (e.value === undefined) }`)
	if want := `Error: require("broken"): no database true`; err != nil || v != want {
		t.Errorf("got %v, %v; want %s", v, err, want)
	}
}
