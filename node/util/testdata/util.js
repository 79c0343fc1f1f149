// The util module checked against Node: every line this prints under Node
// (./gen.sh writes util.expected) must be printed the same under jsrun.
'use strict';
const util = require('util');
const out = (...a) => print(a.join(' '));

// util.types over a range of values: the names of the checks that hold.
const values = {
  object: {}, array: [], fn() {}, asyncFn: async () => {}, genFn: function* () {},
  gen: (function* () {})(), date: new Date(0), regexp: /x/, map: new Map(), set: new Set(),
  weakMap: new WeakMap(), weakSet: new WeakSet(), promise: Promise.resolve(), error: new TypeError('t'),
  errorLike: Object.create(Error.prototype), u8: new Uint8Array(1), u8c: new Uint8ClampedArray(1),
  i16: new Int16Array(1), f64: new Float64Array(1), big64: new BigInt64Array(1), buffer: new ArrayBuffer(1),
  view: new DataView(new ArrayBuffer(1)), num: new Number(1), str: new String('s'), bool: new Boolean(true),
  bigObj: Object(1n), symObj: Object(Symbol('s')), args: (function () { return arguments; })(),
  proxy: new Proxy({}, {}), mapIter: new Map().keys(), setIter: new Set().values(), prim: 1, nul: null,
};
const checks = Object.keys(util.types).filter((k) => typeof util.types[k] === 'function' &&
  !['isExternal', 'isModuleNamespaceObject', 'isSharedArrayBuffer', 'isKeyObject', 'isCryptoKey'].includes(k)).sort();
for (const [name, v] of Object.entries(values)) {
  out(name + ':', checks.filter((c) => util.types[c](v)).join(' '));
}

// isDeepStrictEqual.
const circA = { v: 1 }; circA.self = circA;
const circB = { v: 1 }; circB.self = circB;
const pairs = [
  [1, 1], [1, '1'], [NaN, NaN], [0, -0], [{ a: 1 }, { a: 1 }], [{ a: 1 }, { a: 2 }], [{ a: 1 }, { a: 1, b: undefined }],
  [[1, 2], [1, 2]], [[1, , 3], [1, undefined, 3]], [new Date(0), new Date(0)], [new Date(0), new Date(1)],
  [/a/g, /a/g], [/a/g, /a/i], [new Map([[1, { x: 1 }]]), new Map([[1, { x: 1 }]])], [new Map([[{ k: 1 }, 1]]), new Map([[{ k: 1 }, 1]])],
  [new Set([1, { a: 1 }]), new Set([{ a: 1 }, 1])], [new Set([1]), new Set([2])], [new Uint8Array([1, 2]), new Uint8Array([1, 2])],
  [new Uint8Array([1]), new Int8Array([1])], [circA, circB], [Object.create(null), {}], [new Number(1), new Number(1)],
  [new Error('x'), new Error('x')], [new Error('x'), new TypeError('x')], [{ [Symbol.for('s')]: 1 }, { [Symbol.for('s')]: 1 }],
  [[1, 2], { 0: 1, 1: 2, length: 2 }], [new Float64Array([0]), new Float64Array([-0])], [new ArrayBuffer(2), new ArrayBuffer(2)],
];
out('isDeepStrictEqual:', pairs.map(([a, b]) => util.isDeepStrictEqual(a, b) ? 'T' : 'F').join(''));

// format and inspect as functions of the module.
out(util.format('%s:%d:%i:%f:%j:%o:%O:%%:%c', 'a', 1.5, 2.5, '3.5', { j: 1 }, [1], { O: 1 }, 'css'));
out(util.formatWithOptions({ compact: false }, { a: 1 }));
out(util.inspect({ a: [1, { b: 2 }] }, { depth: 0 }), util.inspect('s'), typeof util.inspect.custom);
out(JSON.stringify(util.inspect.defaultOptions));
out(util.isArray([]), util.isArray({}), util.stripVTControlCharacters('\u001b[31mred\u001b[39m'));

// inherits.
function Base() {}
Base.prototype.hello = function () { return 'hello'; };
function Derived() {}
util.inherits(Derived, Base);
out(new Derived().hello(), Derived.super_ === Base, new Derived() instanceof Base);

// Errors speak Node.
for (const f of [() => util.promisify(1), () => util.callbackify('x'), () => util.inherits(null, Base), () => util.formatWithOptions(1)]) {
  try { f(); out('no error'); } catch (e) { out(e.name, e.code, e.message); }
}

// deprecate returns a working wrapper.
const dep = util.deprecate((a, b) => a + b, 'do not use', 'DEP_TEST');
out(typeof dep, dep.name === '' || typeof dep.name === 'string');

// promisify and callbackify (results printed once the promises settle).
function cbAdd(a, b, cb) { cb(null, a + b); }
function cbFail(cb) { cb(new Error('failed')); }
const custom = () => {};
custom[util.promisify.custom] = () => Promise.resolve('custom!');
const pAdd = util.promisify(cbAdd);
out(pAdd.name, util.promisify(cbAdd) !== pAdd, util.promisify(pAdd) === pAdd);
pAdd(2, 3).then((v) => out('promisify:', v));
util.promisify(cbFail)().catch((e) => out('promisify rejects:', e.message));
util.promisify(custom)().then((v) => out('promisify.custom:', v));
const cbified = util.callbackify(async (x) => x * 2);
out(cbified.name, cbified.length);
cbified(21, (err, v) => out('callbackify:', err, v));
util.callbackify(() => Promise.reject(null))((err) => out('callbackify falsy:', err.code, err.message));
