package host

import (
	"context"
	"errors"
	"fmt"

	"github.com/dop251/goja"
	"github.com/jsrun/jsrun/internal/engine"
	"github.com/jsrun/jsrun/transform"
)

// A Program of a file runs it as EvalFile does, by its kind
// (transform.KindOf): an ES module is imported in each instance and Call
// calls its exports; a CommonJS file (TypeScript stripped) runs with
// module, exports, require, __filename and __dirname, and Call calls
// module.exports[name], else the global function name. A Program of a
// source string (Load) is a classic script, as Eval runs one.

// programKind is how a Program runs its code and finds its functions.
type programKind int

const (
	classicProgram  programKind = iota // a script: global functions
	commonJSProgram                    // module.exports, then globals
	moduleProgram                      // the module's exports
)

// fileProgram is what LoadFile decides of the file at abs, whose content
// is src: the compiled code and its kind.
func (h *Host) fileProgram(ctx context.Context, abs, src string) (*engine.Script, programKind, error) {
	res, err := h.transformFile(abs, src)
	if err != nil {
		var se *transform.SyntaxError
		if errors.As(err, &se) && gojaReportsSyntax(abs, src) {
			// goja's own syntax error, as EvalFile reports it.
			s, err := h.scriptOf(ctx, abs, src)
			return s, commonJSProgram, err
		}
		return nil, 0, transformError(err)
	}
	if res.Kind != transform.Module {
		s, err := h.scriptOf(ctx, abs, res.Code)
		return s, commonJSProgram, err
	}
	s, err := h.env.ModuleScript(ctx, res.Path, res.Code, moduleInfoOf(res))
	if errors.Is(err, engine.ErrStopped) {
		return nil, 0, h.evalError(ctx, err)
	}
	if err != nil {
		return nil, 0, syntaxError(err, res.Code)
	}
	return s, moduleProgram, nil
}

// scriptOf compiles a script, its error one Eval would return.
func (h *Host) scriptOf(ctx context.Context, name, src string) (*engine.Script, error) {
	s, err := h.env.Script(ctx, name, src)
	if err != nil {
		if ctx.Err() != nil {
			return nil, h.evalError(ctx, err)
		}
		return nil, syntaxError(err, src)
	}
	return s, nil
}

// start is the first Run of an instance: it runs the program's code and
// keeps in inst where Call finds functions.
func (p *Program) start(inst *instance) func(*engine.Runtime) (goja.Value, error) {
	return func(r *engine.Runtime) (goja.Value, error) {
		rt := r.RT
		v, err := rt.RunProgram(p.script.Program())
		if err != nil {
			return nil, err
		}
		switch p.kind {
		case commonJSProgram:
			inst.module, _ = rt.Get("module").(*goja.Object)
		case moduleProgram:
			promise := p.h.linkerOf(r).Import(p.file)
			if promise.State() == goja.PromiseStateRejected {
				markHandled(rt, promise)
				return nil, throwValue(rt, promise.Result())
			}
			inst.imported = promise
		}
		return v, nil
	}
}

// started checks what start left once the instance's loop has run out:
// a module's top-level await has settled.
func (p *Program) started(inst *instance) error {
	if p.kind != moduleProgram {
		return nil
	}
	promise := inst.imported
	inst.imported = nil
	switch promise.State() {
	case goja.PromiseStateFulfilled:
		if ns, ok := promise.Result().(*goja.Object); ok {
			inst.exports = ns
			return nil
		}
	case goja.PromiseStatePending:
		return fmt.Errorf("jsrun: Load: %s: unsettled top-level await: the module's promise never settled", p.file)
	}
	// A rejection the loop did not report: no module reaches here.
	return fmt.Errorf("jsrun: Load: %s: the module did not evaluate", p.file)
}

// find is the function Call calls by name.
func (inst *instance) find(rt *goja.Runtime, p *Program, name string) (goja.Callable, error) {
	switch p.kind {
	case moduleProgram:
		if fn, ok := inst.function(name, inst.exports.Get(name)); ok {
			return fn, nil
		}
		return nil, fmt.Errorf("jsrun: Call: no function %q in the exports of %s", name, p.file)
	case commonJSProgram:
		if inst.module != nil {
			if exp, ok := inst.module.Get("exports").(*goja.Object); ok {
				if fn, ok := inst.function(name, exp.Get(name)); ok {
					return fn, nil
				}
			}
		}
		if fn, ok := inst.function(name, rt.Get(name)); ok {
			return fn, nil
		}
		return nil, fmt.Errorf("jsrun: Call: no function %q in module.exports of %s nor as a global", name, p.file)
	}
	if fn, ok := inst.function(name, rt.Get(name)); ok {
		return fn, nil
	}
	return nil, fmt.Errorf("jsrun: Call: the script defines no global function %q", name)
}
