package host

import (
	"context"
	"strings"

	"github.com/dop251/goja"
	"github.com/dop251/goja_nodejs/require"
	"github.com/jsrun/jsrun/internal/jsutil"
	"github.com/jsrun/jsrun/node/util"
)

// The fs module: each call of fsOps in Node's three forms, fs.nameSync,
// fs.name(..., callback) and fs/promises' name, all through the host's one
// door to the file system (files). The asynchronous forms do their I/O on
// a goroutine of their own (engine.Runtime.Go) and settle on the
// runtime's loop; they open only regular files (a named pipe or a device,
// whose read could outlast the evaluation, is EINVAL), where the
// synchronous readFileSync reads anything, as Node does.

// fsCall is one call, its arguments read on the runtime's goroutine.
type fsCall struct {
	syscall, path, dest string // for an error
	// do does the I/O, on any goroutine.
	do func() (any, error)
	// value turns do's result into the script's value, on the runtime's
	// goroutine; nil means undefined.
	value func(rt *goja.Runtime, res any) goja.Value
}

func (c *fsCall) result(rt *goja.Runtime, res any) goja.Value {
	if c.value == nil {
		return goja.Undefined()
	}
	return c.value(rt, res)
}

func (c *fsCall) error(rt *goja.Runtime, err error) goja.Value {
	if v, ok := err.(*fsThrow); ok {
		return v.make(rt)
	}
	return fsErrorTo(rt, err, c.syscall, c.path, c.dest)
}

// fsThrow is an error whose JavaScript value is not an errno's (rm of a
// directory): made on the runtime's goroutine.
type fsThrow struct {
	make func(rt *goja.Runtime) goja.Value
}

func (e *fsThrow) Error() string { return "fs error" }

// fsArgs are a call's arguments, for an op to read.
type fsArgs struct {
	h    *Host
	rt   *goja.Runtime
	args []goja.Value
	sync bool // the Sync form: its I/O blocks the runtime, not a goroutine
}

func (a *fsArgs) arg(i int) goja.Value {
	if i < len(a.args) {
		return a.args[i]
	}
	return goja.Undefined()
}

// path reads argument i as a path: a string or the bytes of a Buffer, with
// no NUL in it, as Node requires.
func (a *fsArgs) path(i int, name string) string {
	v := a.arg(i)
	var p string
	switch {
	case goja.IsString(v):
		p = v.String()
	default:
		b, ok := viewBytes(v)
		if !ok {
			panic(util.InvalidArgType(a.rt, name, "string or an instance of Buffer or URL", v))
		}
		p = string(b)
	}
	if strings.IndexByte(p, 0) >= 0 {
		e := a.rt.NewTypeError("The argument '" + name + "' must be a string, Uint8Array, or URL without null bytes. Received " + quoteJS(p))
		_ = e.Set("code", "ERR_INVALID_ARG_VALUE")
		panic(e)
	}
	return p
}

// option reads key of an options argument (an object; a string is the
// encoding).
func (a *fsArgs) option(i int, key string) goja.Value {
	switch v := a.arg(i); {
	case goja.IsString(v) && key == "encoding":
		return v
	case jsutil.TypeOf(v) == "object":
		if o := v.(*goja.Object).Get(key); o != nil {
			return o
		}
	}
	return goja.Undefined()
}

// resolve is files.resolve for a call's do.
func (a *fsArgs) resolve(p string) (string, error) { return a.h.files.resolve(p) }

// quoteJS is a string as Node quotes it in such a message.
func quoteJS(s string) string {
	return "'" + strings.NewReplacer(`\`, `\\`, `'`, `\'`, "\x00", `\x00`, "\n", `\n`).Replace(s) + "'"
}

// loadFS is the loader of require("fs").
func (h *Host) loadFS(rt *goja.Runtime, module *goja.Object) {
	exports := module.Get("exports").ToObject(rt)
	for _, op := range fsOps {
		sync := op.name + "Sync"
		_ = exports.Set(sync, jsutil.Func(rt, sync, func(c goja.FunctionCall) goja.Value {
			call := op.parse(&fsArgs{h: h, rt: rt, args: c.Arguments, sync: true})
			res, err := call.do()
			if err != nil {
				panic(call.error(rt, err))
			}
			return call.result(rt, res)
		}))
		if op.syncOnly {
			continue
		}
		_ = exports.Set(op.name, jsutil.Func(rt, op.name, func(c goja.FunctionCall) goja.Value {
			h.fsCallback(rt, op, c.Arguments)
			return goja.Undefined()
		}))
	}
	_ = exports.Set("constants", fsConstants(rt))
	_ = exports.DefineAccessorProperty("promises", jsutil.Func(rt, "get promises", func(goja.FunctionCall) goja.Value {
		return requireNative(rt, "fs/promises")
	}), nil, goja.FLAG_TRUE, goja.FLAG_TRUE)
}

// loadFSPromises is the loader of require("fs/promises").
func (h *Host) loadFSPromises(rt *goja.Runtime, module *goja.Object) {
	exports := module.Get("exports").ToObject(rt)
	for _, op := range fsOps {
		if op.syncOnly {
			continue
		}
		_ = exports.Set(op.name, jsutil.Func(rt, op.name, func(c goja.FunctionCall) goja.Value {
			return h.fsPromise(rt, op, c.Arguments)
		}))
	}
	_ = exports.Set("constants", fsConstants(rt))
}

// fsCallback runs op with a callback, Node's last argument.
func (h *Host) fsCallback(rt *goja.Runtime, op fsOp, args []goja.Value) {
	var last goja.Value = goja.Undefined()
	if len(args) > op.required {
		last = args[len(args)-1]
	}
	cb, ok := goja.AssertFunction(last)
	if !ok {
		panic(util.InvalidArgType(rt, "cb", "function", last))
	}
	call := op.parse(&fsArgs{h: h, rt: rt, args: args[:len(args)-1]})
	h.fsAsync(rt, call, func(v, err goja.Value) error {
		var e error
		if err != nil {
			_, e = cb(goja.Undefined(), err)
		} else {
			_, e = cb(goja.Undefined(), goja.Null(), v)
		}
		return e
	})
}

// fsPromise runs op for fs/promises: a bad argument rejects the promise,
// as Node's async functions do.
func (h *Host) fsPromise(rt *goja.Runtime, op fsOp, args []goja.Value) goja.Value {
	p, resolve, reject := rt.NewPromise()
	var call *fsCall
	if ex := rt.Try(func() { call = op.parse(&fsArgs{h: h, rt: rt, args: args}) }); ex != nil {
		_ = reject(ex.Value())
		return rt.ToValue(p)
	}
	h.fsAsync(rt, call, func(v, err goja.Value) error {
		if err != nil {
			return reject(err)
		}
		return resolve(v)
	})
	return rt.ToValue(p)
}

// fsAsync does call's I/O on a goroutine, then settle on rt's loop with
// its value or its error.
func (h *Host) fsAsync(rt *goja.Runtime, call *fsCall, settle func(v, err goja.Value) error) {
	r := h.runtimes.of(rt)
	if r == nil {
		panic(rt.NewTypeError("fs: this runtime has ended"))
	}
	r.Go(func(context.Context) func() error {
		res, err := call.do()
		return func() error {
			if err != nil {
				return settle(nil, call.error(rt, err))
			}
			return settle(call.result(rt, res), nil)
		}
	})
}

// requireNative is require(name) of one of the host's modules, from Go.
func requireNative(rt *goja.Runtime, name string) goja.Value { return require.Require(rt, name) }
