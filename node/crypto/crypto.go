// Package crypto is Node's crypto module for what scripts use without
// keys or ciphers: createHash (md5, sha1, sha224, sha256, sha384, sha512,
// sha512-224, sha512-256, sha3-224/256/384/512, any case, RSA- prefixed
// names too) with update/digest/copy, createHmac with the same digests,
// randomBytes, randomFillSync, randomInt, randomUUID, getRandomValues,
// timingSafeEqual, getHashes, and webcrypto, which is the global crypto
// (getRandomValues, randomUUID; no subtle). Hash and Hmac are not
// streams. The API is JavaScript (crypto.js); hashing and randomness are
// Go's crypto packages.
package crypto

import (
	"crypto/hmac"
	"crypto/md5"
	"crypto/rand"
	"crypto/sha1"
	"crypto/sha256"
	"crypto/sha3"
	"crypto/sha512"
	"crypto/subtle"
	_ "embed"
	"encoding"
	"hash"
	"math/big"
	"sort"
	"strings"

	"github.com/dop251/goja"
	"github.com/dop251/goja_nodejs/require"
	"github.com/jsrun/jsrun/eventloop"
	"github.com/jsrun/jsrun/internal/abort"
	"github.com/jsrun/jsrun/internal/jsmod"
	"github.com/jsrun/jsrun/internal/jsutil"
	"github.com/jsrun/jsrun/node/buffer"
)

//go:embed crypto.js
var cryptoJS string

var (
	source = jsmod.New("node:crypto", cryptoJS)
	key    = goja.NewSymbol("jsrun.crypto")
)

// hashes maps the names createHash takes (lower case) to their makers.
var hashes = map[string]func() hash.Hash{
	"md5":        md5.New,
	"sha1":       sha1.New,
	"sha224":     sha256.New224,
	"sha256":     sha256.New,
	"sha384":     sha512.New384,
	"sha512":     sha512.New,
	"sha512-224": sha512.New512_224,
	"sha512-256": sha512.New512_256,
	"sha3-224":   func() hash.Hash { return sha3.New224() },
	"sha3-256":   func() hash.Hash { return sha3.New256() },
	"sha3-384":   func() hash.Hash { return sha3.New384() },
	"sha3-512":   func() hash.Hash { return sha3.New512() },
}

func hashNamed(name string) func() hash.Hash {
	name = strings.ToLower(name)
	if f, ok := hashes[name]; ok {
		return f
	}
	return hashes[strings.TrimPrefix(name, "rsa-")]
}

// names is getHashes(): each name, and its RSA- form as OpenSSL lists it.
func names() []any {
	var out []string
	for n := range hashes {
		out = append(out, n, "RSA-"+strings.ToUpper(n))
	}
	sort.Strings(out)
	list := make([]any, len(out))
	for i, n := range out {
		list[i] = n
	}
	return list
}

// Loader is the loader of "crypto" (and "node:crypto"). loop gives a
// runtime's event loop (randomBytes with a callback calls back on it);
// inspect formats values in messages.
func Loader(loop func(*goja.Runtime) *eventloop.Loop, inspect jsmod.Inspector) require.ModuleLoader {
	return func(rt *goja.Runtime, module *goja.Object) {
		exports, err := of(rt, loop, inspect)
		jsmod.Throw(rt, "crypto", err)
		_ = module.Set("exports", exports)
	}
}

// Install installs the global crypto: the module's webcrypto, as in Node.
func Install(loop func(*goja.Runtime) *eventloop.Loop, inspect jsmod.Inspector) func(*goja.Runtime) error {
	return func(rt *goja.Runtime) error {
		exports, err := of(rt, loop, inspect)
		if err != nil {
			return err
		}
		return rt.GlobalObject().Set("crypto", exports.Get("webcrypto"))
	}
}

func of(rt *goja.Runtime, loop func(*goja.Runtime) *eventloop.Loop, inspect jsmod.Inspector) (*goja.Object, error) {
	return jsmod.PerRuntime(rt, key, func() (*goja.Object, error) { return load(rt, loop(rt), inspect) })
}

func load(rt *goja.Runtime, loop *eventloop.Loop, inspect jsmod.Inspector) (*goja.Object, error) {
	bufferModule := rt.NewObject()
	_ = bufferModule.Set("exports", rt.NewObject())
	buffer.Loader(inspect)(rt, bufferModule)
	natives := jsmod.Natives(rt, inspect)
	_ = natives.Set("Buffer", bufferModule.Get("exports").ToObject(rt).Get("Buffer"))
	set := func(name string, f func(goja.FunctionCall) goja.Value) {
		_ = natives.Set(name, jsutil.Func(rt, name, f))
	}
	bytesArg := func(v goja.Value) []byte {
		var b []byte
		if err := rt.ExportTo(v, &b); err != nil {
			panic(rt.NewTypeError("not a Uint8Array"))
		}
		return b
	}
	set("hasher", func(c goja.FunctionCall) goja.Value {
		mk := hashNamed(c.Argument(0).String())
		if mk == nil {
			return goja.Null()
		}
		var h hash.Hash
		if k := c.Argument(1); !goja.IsUndefined(k) {
			h = hmac.New(mk, append([]byte(nil), bytesArg(k)...))
		} else {
			h = mk()
		}
		return hasher(rt, h, mk)
	})
	set("hashes", func(goja.FunctionCall) goja.Value { return rt.NewArray(names()...) })
	set("random", func(c goja.FunctionCall) goja.Value {
		_, _ = rand.Read(bytesArg(c.Argument(0)))
		return goja.Undefined()
	})
	set("randomInt", func(c goja.FunctionCall) goja.Value {
		lo, hi := c.Argument(0).ToInteger(), c.Argument(1).ToInteger()
		n, _ := rand.Int(rand.Reader, big.NewInt(hi-lo))
		return rt.ToValue(lo + n.Int64())
	})
	set("uuid", func(goja.FunctionCall) goja.Value { return rt.ToValue(uuid()) })
	set("equal", func(c goja.FunctionCall) goja.Value {
		return rt.ToValue(subtle.ConstantTimeCompare(bytesArg(c.Argument(0)), bytesArg(c.Argument(1))) == 1)
	})
	set("fromBytes", func(c goja.FunctionCall) goja.Value {
		ab, _ := c.Argument(0).Export().(goja.ArrayBuffer)
		v, err := buffer.Wrap(rt, ab.Bytes())
		if err != nil {
			panic(err)
		}
		return v
	})
	set("later", func(c goja.FunctionCall) goja.Value {
		fn, _ := goja.AssertFunction(c.Argument(0))
		loop.Immediate(func() error {
			_, err := fn(goja.Undefined())
			return err
		})
		return goja.Undefined()
	})
	// DOMException's classes are built only when an error needs one.
	set("domException", func(c goja.FunctionCall) goja.Value {
		signals, err := abort.For(rt, loop)
		jsmod.Throw(rt, "DOMException", err)
		return signals.DOMException(c.Argument(0).String(), c.Argument(1).String())
	})
	exports := rt.NewObject()
	if err := source.Load(rt, exports, natives); err != nil {
		return nil, err
	}
	return exports, nil
}

// hasher is the JavaScript face of one running hash or HMAC.
func hasher(rt *goja.Runtime, h hash.Hash, mk func() hash.Hash) *goja.Object {
	o := rt.NewObject()
	_ = o.Set("update", jsutil.Func(rt, "update", func(c goja.FunctionCall) goja.Value {
		var b []byte
		if err := rt.ExportTo(c.Argument(0), &b); err != nil {
			panic(rt.NewTypeError("not a Uint8Array"))
		}
		h.Write(b)
		return goja.Undefined()
	}))
	_ = o.Set("digest", jsutil.Func(rt, "digest", func(goja.FunctionCall) goja.Value {
		return rt.ToValue(rt.NewArrayBuffer(h.Sum(nil)))
	}))
	_ = o.Set("copy", jsutil.Func(rt, "copy", func(goja.FunctionCall) goja.Value {
		// Go's hashes save and restore their state (hash.Cloner would be
		// newer than the go directive allows everywhere).
		m, ok := h.(encoding.BinaryMarshaler)
		if !ok {
			panic(rt.NewTypeError("this hash cannot be copied"))
		}
		state, err := m.MarshalBinary()
		if err != nil {
			panic(rt.NewTypeError("this hash cannot be copied"))
		}
		dup := mk()
		if err := dup.(encoding.BinaryUnmarshaler).UnmarshalBinary(state); err != nil {
			panic(rt.NewTypeError("this hash cannot be copied"))
		}
		return hasher(rt, dup, mk)
	}))
	return o
}

// uuid is a random (version 4) UUID.
func uuid() string {
	var b [16]byte
	_, _ = rand.Read(b[:])
	b[6] = b[6]&0x0f | 0x40
	b[8] = b[8]&0x3f | 0x80
	const hexdigits = "0123456789abcdef"
	out := make([]byte, 0, 36)
	for i, x := range b {
		if i == 4 || i == 6 || i == 8 || i == 10 {
			out = append(out, '-')
		}
		out = append(out, hexdigits[x>>4], hexdigits[x&0xf])
	}
	return string(out)
}
