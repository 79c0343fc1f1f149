package inspect

import (
	"github.com/dop251/goja"
)

// intrinsicsSrc returns the built-ins an Inspector reads values through,
// taken once per runtime so that a script replacing Map.prototype.entries
// or Object.getOwnPropertyDescriptor later cannot change what is printed
// (Node keeps its primordials for the same reason).
const intrinsicsSrc = `(function () {
	const gopd = Object.getOwnPropertyDescriptor;
	const getter = (o, k) => gopd(o, k).get;
	const TypedArray = Object.getPrototypeOf(Uint8Array);
	const mapIter = new Map().entries();
	const setIter = new Set().values();
	return [
		gopd,
		Object.prototype.propertyIsEnumerable,
		Object.prototype.hasOwnProperty,
		Object.prototype,
		Error,
		getter(Map.prototype, "size"),
		Map.prototype.entries,
		Object.getPrototypeOf(mapIter).next,
		getter(Set.prototype, "size"),
		Set.prototype.values,
		Object.getPrototypeOf(setIter).next,
		getter(TypedArray.prototype, Symbol.toStringTag),
		WeakMap.prototype.has,
		WeakSet.prototype.has,
		getter(DataView.prototype, "byteLength"),
		Date.prototype.getTime,
		Date.prototype.toISOString,
		Date.prototype.toString,
		RegExp.prototype.toString,
		Function.prototype.toString,
		Error.prototype.toString,
		Symbol.for("nodejs.util.inspect.custom"),
		JSON.stringify,
		WeakMap.prototype,
		WeakSet.prototype,
		DataView.prototype,
		getter(ArrayBuffer.prototype, "byteLength"),
		Array.prototype,
		Function.prototype,
		getter(Object.prototype, "__proto__"),
		Number.parseInt,
		Number.parseFloat,
		Number,
		String,
		Object.getOwnPropertySymbols,
		Error.prototype,
		Object.keys,
		Reflect.has,
		Symbol.prototype.toString,
		Number.prototype.valueOf,
		String.prototype.valueOf,
		Boolean.prototype.valueOf,
		BigInt.prototype.valueOf,
		Symbol.prototype.valueOf,
		Object.getPrototypeOf(mapIter),
		Object.getPrototypeOf(setIter),
		Object.getPrototypeOf(function* () {}).prototype,
		Object.getPrototypeOf(async function () {}),
		Object.getPrototypeOf(function* () {}),
		(() => { try { return Object.getPrototypeOf((0, eval)("(async function* () {})")); } catch { return null; } })(),
	];
})()`

var intrinsicsProg = goja.MustCompile("inspect-intrinsics.js", intrinsicsSrc, true)

// realm holds one runtime's built-ins as the Inspector first saw them.
type realm struct {
	rt *goja.Runtime

	gopd, propIsEnum, hasOwn                     goja.Callable
	objectProto, errorCtor                       *goja.Object
	mapSize, mapEntries, mapIterNext             goja.Callable
	setSize, setValues, setIterNext              goja.Callable
	typedArrayTag                                goja.Callable
	weakMapHas, weakSetHas, dataViewByteLength   goja.Callable
	dateGetTime, dateToISO, dateToString         goja.Callable
	regexpToString, funcToString, errorToString  goja.Callable
	custom                                       *goja.Symbol
	jsonStringify                                goja.Callable
	weakMapProto, weakSetProto, dataViewProto    *goja.Object
	arrayBufferByteLength                        goja.Callable
	arrayProto, funcProto                        *goja.Object
	protoGetter                                  goja.Callable
	parseInt, parseFloat, toNumber, toStringCall goja.Callable
	ownSymbols                                   goja.Callable
	errorProto                                   *goja.Object
	objectKeys, reflectHas                       goja.Callable
	symbolToString                               goja.Callable
	// valueOf of Number, String, Boolean, BigInt and Symbol, by kind
	valueOf                                    [5]goja.Callable
	mapIterProto, setIterProto, generatorProto *goja.Object
	// AsyncFunction.prototype, GeneratorFunction.prototype and
	// AsyncGeneratorFunction.prototype (nil when goja has none)
	asyncFnProto, genFnProto, asyncGenFnProto *goja.Object
}

func newRealm(rt *goja.Runtime) *realm {
	v, err := rt.RunProgram(intrinsicsProg)
	if err != nil {
		panic(err)
	}
	arr := v.(*goja.Object)
	at := func(i int) goja.Value { return arr.Get(itoa(i)) }
	fn := func(i int) goja.Callable {
		f, _ := goja.AssertFunction(at(i))
		return f
	}
	obj := func(i int) *goja.Object { return at(i).(*goja.Object) }
	r := &realm{rt: rt}
	r.gopd, r.propIsEnum, r.hasOwn = fn(0), fn(1), fn(2)
	r.objectProto, r.errorCtor = obj(3), obj(4)
	r.mapSize, r.mapEntries, r.mapIterNext = fn(5), fn(6), fn(7)
	r.setSize, r.setValues, r.setIterNext = fn(8), fn(9), fn(10)
	r.typedArrayTag = fn(11)
	r.weakMapHas, r.weakSetHas, r.dataViewByteLength = fn(12), fn(13), fn(14)
	r.dateGetTime, r.dateToISO, r.dateToString = fn(15), fn(16), fn(17)
	r.regexpToString, r.funcToString, r.errorToString = fn(18), fn(19), fn(20)
	r.custom = at(21).(*goja.Symbol)
	r.jsonStringify = fn(22)
	r.weakMapProto, r.weakSetProto, r.dataViewProto = obj(23), obj(24), obj(25)
	r.arrayBufferByteLength = fn(26)
	r.arrayProto, r.funcProto = obj(27), obj(28)
	r.protoGetter = fn(29)
	r.parseInt, r.parseFloat, r.toNumber, r.toStringCall = fn(30), fn(31), fn(32), fn(33)
	r.ownSymbols, r.errorProto, r.objectKeys = fn(34), obj(35), fn(36)
	r.reflectHas = fn(37)
	r.symbolToString = fn(38)
	for i := range r.valueOf {
		r.valueOf[i] = fn(39 + i)
	}
	r.mapIterProto, r.setIterProto, r.generatorProto = obj(44), obj(45), obj(46)
	r.asyncFnProto, r.genFnProto = obj(47), obj(48)
	r.asyncGenFnProto, _ = at(49).(*goja.Object)
	return r
}

// call runs f and turns a JavaScript exception into a Go panic that goja
// rethrows to the script (as Node lets it propagate out of inspect).
func call(f goja.Callable, this goja.Value, args ...goja.Value) goja.Value {
	v, err := f(this, args...)
	if err != nil {
		panic(err)
	}
	return v
}

// try runs f and reports whether it threw; for the probes (is this a
// WeakMap?) where Node asks V8 and nothing can throw.
func try(f goja.Callable, this goja.Value, args ...goja.Value) (goja.Value, bool) {
	v, err := f(this, args...)
	if err != nil {
		if _, ok := err.(*goja.Exception); !ok {
			panic(err) // an interrupt or a stack overflow is not an answer
		}
		return nil, false
	}
	return v, true
}
