// The console corpus: every case prints through console (and util) and the
// output must equal Node's byte for byte. Regenerate the expected files
// with ./gen.sh (runs this file under Node). Rules that keep the output
// the same under both engines:
//   - an Error's real stack differs between engines: cases either set
//     .stack to a fixed string or print only the first line;
//   - timers print a label starting "timer" and gen.sh masks their values;
//   - console.trace's frames are masked (lines starting with "    at ").
'use strict';
const util = require('util');
const cases = [];
const t = (name, fn) => cases.push([name, fn]);
const log = (...a) => console.log(...a);
const firstLine = (v) => util.inspect(v).split('\n')[0];
const withStack = (e, stack) => { e.stack = stack; return e; };

// Primitives at top level and inside containers.
t('numbers', () => { log(1, -0, 0, NaN, Infinity, -Infinity, 1.5, -2.25); log(1e21, 1e-7, 123456789012345680000, 0.1 + 0.2, 2 ** 53); });
t('numbers in array', () => log([1, -0, NaN, 1e21, -1e-7, 0.5]));
t('strings top', () => log('plain', '', 'with\nnewline'));
t('strings nested', () => log(['a', '', "it's", 'say "hi"', 'both \' and "', 'all \' " `']));
t('string escapes', () => log(['\n\t\r\b\f\v', '\x00\x01\x1f', '\x7f\x80\x9f', 'back\\slash', '\u001b[31mred']));
t('unicode strings', () => log(['é', '日本語', '😀', 'a\u0301']));
t('lone surrogates', () => log(['\ud800', 'x\udc00y', '\ud83d\ude00']));
t('booleans null undefined', () => log(true, false, null, undefined, [true, null, undefined]));
t('undefined alone', () => log(undefined));
t('empty log', () => log());
t('bigint', () => log(10n, -5n, [1n, 2n], { big: 12345678901234567890n }));
t('symbols', () => log(Symbol(), Symbol('desc'), Symbol.iterator, Symbol.for('reg'), [Symbol('in array')]));
t('symbol description with quote', () => log([Symbol("it's")]));

// Objects.
t('empty object', () => log({}));
t('flat object', () => log({ a: 1, b: 'two', c: true, d: null, e: undefined }));
t('nested depth', () => log({ a: { b: { c: { d: { e: 1 } } } } }));
t('nested arrays depth', () => log([[[[['deep']]]]]));
t('array of objects depth', () => log([{ a: { b: { c: 1 } } }]));
t('keys needing quotes', () => log({ 'a-b': 1, 'c d': 2, '1a': 3, valid_id: 4, '': 5, "it's": 6, 'say "x"': 7, $dollar: 8, 'é': 9 }));
t('numeric keys', () => log({ 1: 'one', 2: 'two', 10: 'ten', b: 'b', 0: 'zero' }));
t('__proto__ key', () => log({ ['__proto__']: 1, x: 2 }));
t('null prototype', () => log(Object.create(null)));
t('null prototype with keys', () => { const o = Object.create(null); o.a = 1; o.b = { c: 2 }; log(o); });
t('null prototype nested', () => log({ inner: Object.create(null) }));
t('object inheriting null proto', () => log(Object.create(Object.create(null))));
t('symbol keys', () => log({ [Symbol('s')]: 1, a: 2, [Symbol()]: 3 }));
t('non-enumerable hidden', () => { const o = { a: 1 }; Object.defineProperty(o, 'hidden', { value: 2 }); log(o); });
t('non-enumerable symbol hidden', () => { const o = { a: 1 }; Object.defineProperty(o, Symbol('h'), { value: 2 }); log(o); });
t('long object breaks', () => log({ alpha: 'aaaaaaaaaa', beta: 'bbbbbbbbbb', gamma: 'cccccccccc', delta: 'dddddddddd', epsilon: 'eeeeeeeeee' }));
t('object just under 80', () => log({ a1: 'xxxxxxxxxxxx', a2: 'xxxxxxxxxxxx', a3: 'xxxxxxxxxxxx', a4: 'xxxxxxxxx' }));
t('object at 72', () => log({ a1: 'xxxxxxxxxxxx', a2: 'xxxxxxxxxxxx', a3: 'xxxxxxxxxxxx', a4: 'xxxxxxxxxx' }));
t('many keys', () => { const o = {}; for (let i = 0; i < 30; i++) o['key' + i] = i; log(o); });
t('compact 3 nesting', () => log({ a: { b: { c: {} } }, x: [1, 2, { y: [3] }] }));
t('wide nested', () => log({ first: { second: { third: 'value that is rather long indeed' }, other: [1, 2, 3] }, sibling: 'text' }));
t('object with multiline string', () => log({ text: 'line one\nline two\nline three is longer than the rest of them, really' }));
t('long string in object', () => log({ s: 'x'.repeat(100) }));
t('long string top', () => log('y'.repeat(100)));
t('long string nested breaks', () => log([{ s: 'short\nbut broken\n' }]));
t('object with function values', () => log({ f() {}, g: function () {}, h: () => {}, k: async () => {} }));
t('object with class values', () => log({ A: class A {}, B: class {} }));

// Arrays.
t('empty array', () => log([]));
t('small array', () => log([1, 2, 3]));
t('mixed array', () => log([1, 'two', { three: 3 }, [4], null, undefined]));
t('array of 7 numbers groups', () => log([1, 2, 3, 4, 5, 6, 7]));
t('array of 26 numbers', () => log(Array.from({ length: 26 }, (_, i) => i * 3)));
t('array of 30', () => log(Array.from({ length: 30 }, (_, i) => i)));
t('array of 100', () => log(Array.from({ length: 100 }, (_, i) => i)));
t('array of 101', () => log(Array.from({ length: 101 }, (_, i) => i)));
t('array of 120', () => log(Array.from({ length: 120 }, (_, i) => i)));
t('array of 120 zeros', () => log(new Array(120).fill(0)));
t('array of big numbers', () => log(Array.from({ length: 12 }, (_, i) => i * 123456789)));
t('array of negative numbers', () => log([-1, 22, -333, 4444, -55555, 6, -7, 88, -999]));
t('array of floats', () => log([1.5, 2.25, 3.125, 4.0625, 5.03125, 6.015625, 7.5, 8.25]));
t('array of short strings', () => log(['a', 'bb', 'ccc', 'dddd', 'e', 'ff', 'ggg', 'hhhh', 'i', 'jj']));
t('alphabet', () => log('abcdefghijklmnopqrstuvwxyz'.split('')));
t('array of words', () => log(['apple', 'banana', 'cherry', 'date', 'elderberry', 'fig', 'grape', 'honeydew', 'kiwi', 'lemon', 'mango']));
t('array of long strings', () => log(['a fairly long string number one', 'a fairly long string number two', 'three', 'four', 'five', 'six', 'seven']));
t('array mixed numbers strings', () => log([1, 'a', 2, 'b', 3, 'c', 4, 'd']));
t('array of bigints groups', () => log([1n, 22n, 333n, 4444n, 5n, 66n, 777n]));
t('array of booleans', () => log([true, false, true, true, false, false, true, false]));
t('array of arrays', () => log([[1, 2], [3, 4], [5, 6], [7, 8], [9, 10], [11, 12], [13, 14]]));
t('array of objects', () => log([{ a: 1 }, { b: 2 }, { c: 3 }]));
t('array with extra props', () => { const a = [1, 2]; a.extra = 'x'; a[Symbol('s')] = 1; log(a); });
t('array only extra props', () => { const a = []; a.k = 1; log(a); });
t('nested array in object breaking', () => log({ list: Array.from({ length: 40 }, (_, i) => 'item' + i) }));
t('array of 200 strings', () => log(Array.from({ length: 200 }, (_, i) => String(i))));
t('array of undefined', () => log([undefined, undefined, null]));

// Holes and sparse arrays.
t('hole', () => log([1, , 3]));
t('leading hole', () => log([, 1]));
t('trailing holes', () => log([1, , ,]));
t('all holes', () => log(new Array(5)));
t('one hole of many', () => log([1, , , , 5]));
t('sparse long', () => { const a = []; a[150] = 'x'; log(a); });
t('sparse with values', () => { const a = [1, 2]; a[10] = 3; a[20] = 4; log(a); });
t('holes grouped', () => { const a = Array.from({ length: 10 }, (_, i) => i); delete a[3]; log(a); });
t('huge sparse', () => log(new Array(1e9)));

// Circular references.
t('circular self', () => { const a = {}; a.self = a; log(a); });
t('circular array', () => { const a = [1]; a.push(a); log(a); });
t('circular nested', () => { const x = { y: {} }; x.y.back = x; log({ x }); });
t('two circular', () => { const a = { name: 'a' }; const b = { name: 'b', a }; a.b = b; a.self = a; log(a); });
t('circular in map', () => { const m = new Map(); m.set('me', m); log(m); });
t('shared not circular', () => { const s = { v: 1 }; log({ p: s, q: s }); });

// Functions and classes.
t('named function', () => log(function f() {}));
t('anonymous function', () => log(function () {}));
t('arrow', () => log(() => {}));
t('named arrow', () => { const arrow = () => {}; log(arrow); });
t('async function', () => log(async function af() {}));
t('async arrow', () => log(async () => {}));
t('generator', () => log(function* gen() {}));
t('class', () => log(class A {}));
t('anonymous class', () => log(class {}));
t('derived class', () => { class A {} class B extends A {} log(B); });
t('class with static', () => { class S { static x = 1; } log(S); });
t('function with props', () => { function g() {} g.prop = 1; log(g); });
t('bound function', () => { function h() {} log(h.bind(null)); });
t('native function', () => log(Math.max, [].push));
t('method shorthand', () => log({ m() {} }.m));
t('functions in array', () => log([function a() {}, () => {}, class C {}]));
t('class with comment before brace', () => log(class /* c */ D {}));

// Class instances.
t('class instance', () => { class Point { constructor(x, y) { this.x = x; this.y = y; } } log(new Point(1, 2)); });
t('empty class instance', () => { class Foo {} log(new Foo()); });
t('subclass instance', () => { class A { constructor() { this.a = 1; } } class B extends A { constructor() { super(); this.b = 2; } } log(new B()); });
t('function constructor', () => { function Legacy() { this.v = 1; } log(new Legacy()); });
t('instance in object', () => { class P { constructor() { this.z = 0; } } log({ p: new P(), list: [new P()] }); });
t('instance depth', () => { class N { constructor(c) { this.c = c; } } log(new N(new N(new N(new N(null))))); });
t('toStringTag getter', () => { class T { get [Symbol.toStringTag]() { return 'Tagged'; } } log(new T()); });
t('toStringTag own enumerable', () => log({ [Symbol.toStringTag]: 'X', a: 1 }));
t('object with constructor prop', () => log({ constructor: 'not a function' }));
t('anonymous class instance', () => { const C = (() => class {})(); log(new C()); });

// Getters and setters.
t('getter', () => log({ get a() { return 1; } }));
t('setter', () => log({ set a(v) {} }));
t('getter setter', () => log({ get a() { return 1; }, set a(v) {} }));
t('throwing getter not called', () => log({ get boom() { throw new Error('called'); }, ok: 1 }));
t('getters option', () => log(util.inspect({ get a() { return 1; }, get o() { return { x: 1 }; }, get n() { return null; } }, { getters: true })));
t('getters option throws', () => log(util.inspect({ get bad() { throw new Error('nope'); } }, { getters: true })));
t('defineProperty getter', () => { const o = {}; Object.defineProperty(o, 'g', { get() { return 1; }, enumerable: true }); log(o); });
t('array index getter', () => { const a = [1, 2]; Object.defineProperty(a, 0, { get() { return 9; }, enumerable: true }); log(a); });

// Maps, Sets, weak collections.
t('map', () => log(new Map([[1, 'a'], ['b', { c: 2 }]])));
t('empty map', () => log(new Map()));
t('map object keys', () => log(new Map([[{ k: 1 }, [1, 2]], [[3], new Set([4])]])));
t('set', () => log(new Set([1, 'two', { three: 3 }])));
t('empty set', () => log(new Set()));
t('big set', () => log(new Set(Array.from({ length: 120 }, (_, i) => i))));
t('big map', () => log(new Map(Array.from({ length: 101 }, (_, i) => [i, i]))));
t('map subclass', () => { class MyMap extends Map {} log(new MyMap([['a', 1]])); });
t('set subclass', () => { class MySet extends Set {} log(new MySet([1])); });
t('map with props', () => { const m = new Map([[1, 2]]); m.extra = true; log(m); });
t('nested map depth', () => log({ a: { b: { c: new Map([[1, 2]]) } } }));
t('weakmap', () => log(new WeakMap()));
t('weakset', () => log(new WeakSet()));
t('map long entries', () => log(new Map([['first key that is long', 'first value that is long'], ['second key that is long', 'second value']])));

// Dates, RegExps, boxed primitives.
t('date', () => log(new Date(0)));
t('date in array', () => log([new Date(86400000)]));
t('invalid date', () => log(new Date(NaN)));
t('date with props', () => log(Object.assign(new Date(0), { a: 1 })));
t('regexp', () => log(/ab+c/gi, new RegExp('a+b'), /[\]]/u));
t('regexp with props', () => { const r = /x/; r.extra = 1; log(r); });
t('regexp in object', () => log({ re: /^\d+$/m }));
t('boxed number', () => log(new Number(3), new Number(-0)));
t('boxed string', () => log(new String('abc')));
t('boxed boolean', () => log(new Boolean(false)));
t('boxed bigint', () => log(Object(10n)));
t('boxed symbol', () => log(Object(Symbol('s'))));
t('boxed string with prop', () => { const s = new String('ab'); s.x = 1; log(s); });
t('boxed in array', () => log([new Number(1), new String('s')]));

// Errors (stacks set to fixed strings, or first line only).
t('error fixed stack', () => log(withStack(new Error('boom'), 'Error: boom\n    at foo (/app/x.js:1:2)\n    at bar (/app/y.js:3:4)')));
t('error no frames', () => log(withStack(new Error('plain'), 'Error: plain')));
t('error in object', () => log({ e: withStack(new Error('inner'), 'Error: inner\n    at f (/a.js:1:1)') }));
t('error with props', () => { const e = withStack(new Error('coded'), 'Error: coded\n    at g (/b.js:2:2)'); e.code = 'E_CODE'; e.errno = 5; log(e); });
t('type error', () => log(withStack(new TypeError('bad type'), 'TypeError: bad type\n    at h (/c.js:3:3)')));
t('custom error class', () => { class MyError extends Error {} log(withStack(new MyError('mine'), 'Error: mine\n    at i (/d.js:4:4)')); });
t('custom error named', () => { class ValidationError extends Error { constructor(m) { super(m); this.name = 'ValidationError'; } } log(withStack(new ValidationError('invalid'), 'ValidationError: invalid\n    at j (/e.js:5:5)')); });
t('error name changed', () => { const e = new Error('m'); e.name = 'Custom'; log(withStack(e, 'Custom: m\n    at k (/f.js:6:6)')); });
t('error in array no frames', () => log([withStack(new Error('a'), 'Error: a'), withStack(new RangeError('b'), 'RangeError: b')]));
t('error empty stack', () => { const e = new Error('nostack'); e.stack = ''; log(e); });
t('error first line', () => log(firstLine(new Error('real stack'))));
t('type error first line', () => log(firstLine(new TypeError('real type'))));
t('thrown error first line', () => { try { null.x; } catch (e) { log(firstLine(e).split(':')[0]); } });
t('error cause', () => { const e = withStack(new Error('outer', { cause: withStack(new Error('inner'), 'Error: inner') }), 'Error: outer\n    at z (/z.js:1:1)'); log(e); });
t('error cause primitive', () => log(withStack(new Error('w', { cause: 42 }), 'Error: w')));
t('error message multiline', () => log(withStack(new Error('l1\nl2'), 'Error: l1\nl2\n    at q (/q.js:1:1)')));
t('error nested deep', () => log({ a: { b: withStack(new Error('deep'), 'Error: deep\n    at r (/r.js:1:1)') } }));

// Typed arrays, ArrayBuffer, DataView.
t('uint8array', () => log(new Uint8Array([1, 2, 3])));
t('empty typed', () => log(new Uint8Array(0)));
t('typed kinds', () => log(new Int8Array([-1, 1]), new Uint16Array([65535]), new Int16Array([-300]), new Uint32Array([4e9]), new Int32Array([-2e9])));
t('float typed', () => log(new Float32Array([0.1, -0, NaN]), new Float64Array([1.5, Infinity])));
t('bigint typed', () => log(new BigInt64Array([1n, -2n]), new BigUint64Array([3n])));
t('clamped', () => log(new Uint8ClampedArray([0, 255])));
t('typed long', () => log(new Uint8Array(120)));
t('typed groups', () => log(new Uint16Array(Array.from({ length: 30 }, (_, i) => i * 100))));
t('arraybuffer', () => log(new ArrayBuffer(4)));
t('arraybuffer data', () => log(new Uint8Array([0xde, 0xad, 0xbe, 0xef]).buffer));
t('arraybuffer long', () => log(new ArrayBuffer(120)));
t('dataview', () => log(new DataView(new ArrayBuffer(2))));
t('typed in object', () => log({ bytes: new Uint8Array([1, 2]) }));

// Promises, proxies, arguments, misc.
t('promise resolved', () => log(Promise.resolve(42)));
t('promise object', () => log(Promise.resolve({ a: 1 })));
t('promise pending', () => log(new Promise(() => {})));
t('promise rejected', () => { const p = Promise.reject(7); p.catch(() => {}); log(p); });
t('promise in array', () => log([Promise.resolve('x')]));
t('proxy object', () => log(new Proxy({ a: 1 }, {})));
t('proxy array', () => log(new Proxy([1, 2], {})));
t('proxy traps not run', () => log(new Proxy({ t: 1 }, { get() { throw new Error('trap'); }, ownKeys() { throw new Error('trap'); } })));
t('revoked proxy', () => { const r = Proxy.revocable({}, {}); r.revoke(); log(r.proxy); });
t('showProxy', () => log(util.inspect(new Proxy({ a: 1 }, {}), { showProxy: true })));
t('arguments', () => log((function () { return arguments; })(1, 'two')));
t('empty arguments', () => log((function () { return arguments; })()));
t('Math and JSON', () => log(Math, JSON));
t('global-ish objects', () => log(Reflect.ownKeys(Reflect).length > 5));

// inspect.custom.
t('custom string', () => log({ [util.inspect.custom]() { return 'CUSTOM'; } }));
t('custom object', () => log({ [util.inspect.custom]() { return { replaced: true }; } }));
t('custom nested', () => log({ inner: { [util.inspect.custom]() { return 'X\nY'; } } }));
t('custom depth arg', () => log({ a: { [util.inspect.custom](depth) { return 'depth ' + depth; } } }));
t('custom options arg', () => log({ [util.inspect.custom](d, o) { return typeof o.stylize + ' ' + o.breakLength; } }));
t('custom uses inspect', () => log({ [util.inspect.custom](d, o, insp) { return insp({ z: 1 }); } }));
t('custom returns this', () => { const o = { v: 1, [util.inspect.custom]() { return this; } }; log(util.inspect(o).startsWith('{ v: 1')); });
t('customInspect false', () => log(util.inspect({ [util.inspect.custom]() { return 'no'; }, v: 1 }, { customInspect: false }).split('\n')[0]));
t('custom symbol is registered', () => log(util.inspect.custom === Symbol.for('nodejs.util.inspect.custom')));

// util.inspect options.
t('depth 0', () => log(util.inspect({ a: { b: 1 }, c: [1] }, { depth: 0 })));
t('depth Infinity', () => log(util.inspect({ a: { b: { c: { d: { e: {} } } } } }, { depth: Infinity })));
t('depth null', () => log(util.inspect([[[[[1]]]]], { depth: null })));
t('legacy depth arg', () => log(util.inspect({ a: { b: { c: {} } } }, false, 0)));
t('compact false', () => log(util.inspect({ a: 1, b: [1, 2] }, { compact: false })));
t('compact true', () => log(util.inspect({ a: 1, b: { c: 'x'.repeat(70) } }, { compact: true })));
t('compact 1', () => log(util.inspect({ a: { b: 1 } }, { compact: 1 })));
t('breakLength Infinity', () => log(util.inspect({ alpha: 'aaaaaaaaaa', beta: 'bbbbbbbbbb', gamma: 'cccccccccc', delta: 'dddddddddd', epsilon: 'eeeeeeeeee' }, { breakLength: Infinity })));
t('breakLength 20', () => log(util.inspect({ a: 1, b: 2, c: 3, d: 4 }, { breakLength: 20 })));
t('sorted', () => log(util.inspect({ c: 1, a: 2, b: 3 }, { sorted: true })));
t('maxArrayLength 2', () => log(util.inspect([1, 2, 3, 4], { maxArrayLength: 2 })));
t('maxArrayLength 0', () => log(util.inspect([1, 2], { maxArrayLength: 0 })));
t('maxStringLength', () => log(util.inspect('abcdefghij', { maxStringLength: 4 }), util.inspect(['abcdef'], { maxStringLength: 1 })));
t('showHidden array', () => log(util.inspect([1, 2], { showHidden: true })));
t('showHidden object', () => { const o = { a: 1 }; Object.defineProperty(o, 'h', { value: 2 }); log(util.inspect(o, { showHidden: true })); });
t('numericSeparator', () => log(util.inspect([1234567, 1234.5678, -98765, 12345n], { numericSeparator: true })));
t('colors', () => log(util.inspect({ n: 1, s: 'x', b: true, u: undefined, z: null, y: Symbol('q'), d: new Date(0), r: /x/, big: 1n, f() {} }, { colors: true })));
t('colors array grouping', () => log(util.inspect(Array.from({ length: 10 }, (_, i) => i), { colors: true })));
t('inspect string', () => log(util.inspect('str'), util.inspect("it's")));
t('inspect number', () => log(util.inspect(-0), util.inspect(5)));

// util.format and console specifiers.
t('%s string', () => log('%s!', 'hello'));
t('%s number', () => log('%s', 42, '%s', -0));
t('%s bigint', () => log('%s', 10n));
t('%s symbol', () => log('%s', Symbol('sym')));
t('%s object', () => log('%s', { a: 1 }));
t('%s nested object', () => log('%s', { a: { b: { c: 1 } } }));
t('%s array', () => log('%s', [1, [2, [3]]]));
t('%s null undefined', () => log('%s %s', null, undefined));
t('%s toString', () => log('%s', { toString() { return 'custom toString'; } }));
t('%s class toString', () => { class W { toString() { return 'W!'; } } log('%s', new W()); });
t('%s error', () => log('%s', withStack(new Error('e'), 'Error: e')));
t('%s date', () => log('%s', new Date(0)));
t('%s function', () => log('%s', function named() { return 1; }));
t('%d', () => log('%d %d %d %d %d', 42, '42', 1.5, {}, 10n));
t('%d symbol', () => log('%d', Symbol('x')));
t('%i', () => log('%i %i %i %i', 42.9, '0x10', '-7.5', 'abc'));
t('%f', () => log('%f %f %f', '1.5e2', 3, 'x'));
t('%j', () => log('%j', { a: [1, 'x'], b: null }));
t('%j circular', () => { const c = {}; c.c = c; log('%j', c); });
t('%j undefined', () => log('%j', undefined));
t('%o', () => log('%o', { a: [1, 2] }));
t('%O', () => log('%O', { a: { b: { c: { d: 1 } } } }));
t('%c', () => log('%cstyled', 'color: red'));
t('%%', () => log('100%% sure', 1));
t('percent alone', () => log('100%'));
t('unknown specifier', () => log('%x %s', 'y'));
t('missing args', () => log('%s %s %d', 'only'));
t('extra args', () => log('%s', 'a', 'b', { c: 1 }, [2]));
t('non-string first', () => log(1, 'a', { b: 2 }, 'c'));
t('object first then string', () => log({ a: 1 }, '%s', 'x'));
t('format direct', () => log(util.format('%s=%d', 'x', 5), util.format(1, 2), util.format('%%'), util.format()));
t('formatWithOptions', () => log(util.formatWithOptions({ colors: true }, '%O', { a: 1 })));
t('trailing percent', () => log('a%', 'b'));

// console methods.
t('info debug dirxml', () => { console.info('info', { i: 1 }); console.debug('debug'); console.dirxml('dirxml', [1]); });
t('dir', () => { console.dir({ a: { b: { c: { d: 1 } } } }); console.dir({ a: { b: { c: 1 } } }, { depth: 0 }); });
t('dir ignores custom', () => console.dir({ [util.inspect.custom]() { return 'C'; }, v: 1 }, { depth: 0 }));
t('group', () => {
  console.group('Group A');
  log('inside');
  log({ multi: 'line\nvalue', long: 'x'.repeat(80) });
  console.group();
  log('nested', [1, 2]);
  console.groupEnd();
  console.groupCollapsed('collapsed');
  log('in collapsed');
  console.groupEnd();
  console.groupEnd();
  log('outside');
  console.groupEnd();
  log('still outside');
});
t('count', () => { console.count(); console.count(); console.count('x'); console.count('default'); console.countReset(); console.count(); console.count(1); });
t('time', () => { console.time('timer-a'); console.timeLog('timer-a', 'data', { d: 1 }); console.timeEnd('timer-a'); console.time(); console.timeEnd(); });
t('table array of objects', () => console.table([{ a: 1, b: 'x' }, { a: 2, c: [1, 2, 3, 4] }]));
t('table array of primitives', () => console.table([1, 'two', null]));
t('table object of objects', () => console.table({ r1: { c: 1 }, r2: { c: 2, d: { deep: { x: 1 } } } }));
t('table columns', () => console.table([{ a: 1, b: 2 }, { a: 3, b: 4 }], ['b']));
t('table mixed', () => console.table([{ a: 1 }, 5, [7, 8]]));
t('table map', () => console.table(new Map([['k', { v: 1 }], ['k2', 2]])));
t('table set', () => console.table(new Set(['a', 'b'])));
t('table primitive', () => { console.table(5); console.table('str'); console.table(null); });
t('table empty', () => console.table([]));
t('table wide chars', () => console.table([{ name: '日本', v: 1 }]));
t('stderr methods', () => { console.error('to stderr', { e: 1 }); console.warn('warn %d', 3); log('stdout between'); });
t('assert', () => { console.assert(true, 'never'); console.assert(false, 'failed %s', 'x'); console.assert(false); console.assert(0, { a: 1 }); console.assert(false, 42); });
t('trace', () => { console.trace('traced %s', 'here', { t: 1 }); console.trace(); });
t('group on stderr', () => { console.group('g'); console.error('indented error'); console.groupEnd(); });

for (const [name, fn] of cases) {
  console.log(`--- ${name}`);
  console.error(`--- ${name}`);
  fn();
}
