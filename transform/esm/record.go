package esm

import (
	"path/filepath"

	"github.com/dop251/goja"
	"github.com/jsrun/jsrun/internal/jsutil"
	"github.com/jsrun/jsrun/transform"
)

// moduleObject is what a module's body receives (transform.Param): its
// namespace object, import.meta, and the functions its imports call.
func (l *Linker) moduleObject(rec *record) *goja.Object {
	o := l.rt.NewObject()
	_ = o.Set("ns", rec.ns)
	_ = o.Set("meta", l.meta(rec.id))
	set := func(name string, fn any) {
		// Named, so that a stack through them shows no Go name.
		f := l.rt.ToValue(fn).(*goja.Object)
		jsutil.SetName(l.rt, f, name)
		_ = o.Set(name, f)
	}
	set("i", func(spec string, kind int, _ string) goja.Value {
		if kind == transform.ImportDynamic {
			return l.marker(spec, rec.id)
		}
		return l.static(spec, rec.id)
	})
	set("toESM", func(v goja.Value) goja.Value {
		obj, ok := v.(*goja.Object)
		if !ok {
			return v
		}
		if d, ok := l.dynamic[obj]; ok {
			return l.rt.ToValue(l.importFrom(d.spec, d.importer))
		}
		return v
	})
	set("scope", func(reader goja.Value) {
		if l.opts.Scope != nil {
			l.opts.Scope(rec.id, reader)
		}
	})
	set("link", func() bool { return l.link(rec) })
	set("linked", func() *goja.Promise { return l.linked(rec) })
	return o
}

// link evaluates rec's imports. It returns true when they are all
// evaluated (it throws the first one's error), false when one awaits at
// top level: then the body awaits linked.
func (l *Linker) link(rec *record) bool {
	l.evaluateImports(rec, func(err goja.Value) {
		rec.linkDone, rec.linkErr = true, err
		if rec.linked != nil {
			rec.linked(err)
		}
	})
	if !rec.linkDone {
		return false
	}
	if rec.linkErr != nil {
		panic(rec.linkErr)
	}
	return true
}

// linked is a promise of the end of rec's imports' evaluation.
func (l *Linker) linked(rec *record) *goja.Promise {
	p, resolve, reject := l.rt.NewPromise()
	settle := func(err goja.Value) {
		if err != nil {
			_ = reject(err)
		} else {
			_ = resolve(goja.Undefined())
		}
	}
	if rec.linkDone {
		settle(rec.linkErr)
	} else {
		rec.linked = settle
	}
	return p
}

// static returns the namespace of an import that the walk has evaluated
// (or is evaluating, in a cycle); it throws the import's error.
func (l *Linker) static(spec, importer string) goja.Value {
	dep, err := l.resolve(spec, importer)
	if err != nil {
		panic(err)
	}
	if dep.state == stateNew {
		l.evaluate(dep, func(goja.Value) {})
	}
	if dep.state == stateFailed {
		panic(dep.err)
	}
	return dep.ns
}

// marker stands for an import() until toESM turns it into the promise.
func (l *Linker) marker(spec, importer string) *goja.Object {
	m := l.rt.NewObject()
	l.dynamic[m] = dynamicImport{spec, importer}
	return m
}

// importFrom is import(spec) in importer: a promise of the namespace.
func (l *Linker) importFrom(spec, importer string) *goja.Promise {
	dep, err := l.resolve(spec, importer)
	if err != nil {
		p, _, reject := l.rt.NewPromise()
		_ = reject(err)
		return p
	}
	return l.Import(dep.id)
}

// meta is import.meta of the module id.
func (l *Linker) meta(id string) *goja.Object {
	m := l.rt.NewObject()
	if filepath.IsAbs(id) {
		_ = m.Set("url", fileURL(id))
		_ = m.Set("filename", id)
		_ = m.Set("dirname", filepath.Dir(id))
	}
	resolve := l.rt.ToValue(func(spec string) string {
		id, err := l.loader.Resolve(spec, id)
		if err != nil {
			panic(l.fail(err))
		}
		if filepath.IsAbs(id) {
			return fileURL(id)
		}
		return id
	}).(*goja.Object)
	jsutil.SetName(l.rt, resolve, "resolve")
	_ = m.Set("resolve", resolve)
	return m
}
