// Node-oracle test of assert: see scripts/node-expected.sh. Messages are
// made with the stand-in for util.inspect until the host passes its own.
const assert = require('node:assert');
const strict = require('assert/strict');
const log = (...a) => console.log(a.map((x) => (typeof x === 'string' ? x : JSON.stringify(x))).join(' '));
const show = (e) => JSON.stringify({ name: e.name, code: e.code, message: e.message, generatedMessage: e.generatedMessage, operator: e.operator, keys: Object.keys(e), str: String(e).split('\n')[0], head: e.stack.split('\n')[0] });

log('module', assert === require('assert'), strict === assert.strict, strict.strict === strict, typeof assert, assert.name, assert.AssertionError.name,
  ['ok', 'equal', 'notEqual', 'strictEqual', 'notStrictEqual', 'deepEqual', 'notDeepEqual', 'deepStrictEqual', 'notDeepStrictEqual', 'throws', 'doesNotThrow', 'rejects', 'doesNotReject', 'match', 'doesNotMatch', 'ifError', 'fail'].map((k) => `${k}:${typeof assert[k]}:${assert[k].name}`));
log('strict aliases', strict.equal === assert.strictEqual, strict.deepEqual === assert.deepStrictEqual, strict.notEqual === assert.notStrictEqual);
const cases = [
  () => assert.strictEqual(1, 2),
  () => assert.strictEqual("a", "b"),
  () => assert.strictEqual("hello world", "hello there"),
  () => assert.strictEqual(1, 2, "custom"),
  () => assert.strictEqual({a: 1}, {a: 1}),
  () => assert.strictEqual([1,2], [1,3]),
  () => assert.notStrictEqual(1, 1),
  () => assert.notStrictEqual("a", "a"),
  () => assert.deepStrictEqual({a: 1, b: [1, 2]}, {a: 1, b: [1, 3]}),
  () => assert.deepStrictEqual([1, 2, 3], [1, 2, 4]),
  () => assert.deepStrictEqual({a: 1}, {a: "1"}),
  () => assert.deepStrictEqual(1, "1"),
  () => assert.notDeepStrictEqual({a: 1}, {a: 1}),
  () => assert.equal(1, 2),
  () => assert.equal("a", "b"),
  () => assert.ok(0, "zero"),
  () => assert.fail(),
  () => assert.fail("boom"),
  () => assert.throws(() => {}),
  () => assert.throws(() => { throw new Error("x") }, /y/),
  () => assert.throws(() => { throw new TypeError("x") }, RangeError),
  () => assert.throws(() => { throw new Error("x") }, { message: "y" }),
  () => assert.deepStrictEqual(new Map([[1, 2]]), new Map([[1, 3]])),
  () => assert.deepStrictEqual(new Set([1]), new Set([2])),
  () => assert.strictEqual(NaN, 0),
  () => assert.strictEqual(undefined, null),
  () => assert.doesNotThrow(() => { throw new Error("boom") }),
  () => assert.doesNotThrow(() => { throw new Error("boom") }, "msg"),
  () => assert.doesNotThrow(() => { throw new TypeError("boom") }, RangeError),
  () => assert.throws(() => {}, TypeError),
  () => assert.throws(() => {}, "my message"),
  () => assert.throws(() => {}, TypeError, "my message"),
  () => assert.throws(() => { throw 5 }, TypeError),
  () => assert.throws(() => { throw new TypeError("x") }, (e) => false),
  () => assert.throws(() => { throw new TypeError("x") }, function check(e) { return 1 }),
  () => assert.throws("x"),
  () => assert.throws(() => { throw new Error("x") }, 5),
  () => assert.throws(() => { throw new Error("x") }, {}),
  () => assert.throws(() => { throw new Error("x") }, "x", "y"),
  () => assert.throws(() => { throw new Error("abc") }, { message: /b/, name: "Error" }),
  () => assert.throws(() => { throw new Error("abc") }, { message: /z/ }),
  () => assert.throws(() => { throw { code: 1, other: 2 } }, { code: 2 }),
  () => assert.throws(() => { throw null }, { code: 2 }),
  () => assert.match("abc", /x/),
  () => assert.match(5, /x/),
  () => assert.match("abc", "x"),
  () => assert.doesNotMatch("abc", /b/),
  () => assert.ifError(null),
  () => assert.ifError(new Error("e1")),
  () => assert.ifError("str"),
  () => assert.notEqual(1, "1"),
  () => assert.deepEqual({a: 1}, {a: 2}),
  () => assert.deepEqual({a: 1}, {a: "1"}),
  () => assert.notDeepEqual({a: 1}, {a: "1"}),
  () => assert.notDeepEqual({a: 1}, {a: 1}),
  () => assert.ok(),
  () => assert.fail(new TypeError("failerr")),
  () => assert.strict.equal(1, "1"),
  () => assert.strict.deepEqual([1], ["1"]),
  () => new assert.AssertionError(5),
  () => { throw new assert.AssertionError({ message: "m", actual: 1, expected: 2, operator: "op" }) },
  () => { throw new assert.AssertionError({ actual: 1, expected: 2, operator: "strictEqual" }) },
  () => assert.deepStrictEqual({a: [1, {b: 2}]}, {a: [1, {b: 3}]}),
  () => assert.deepStrictEqual([1, 2, 3, 4, 5, 6, 7, 8], [1, 2, 3, 4, 5, 6, 7, 9, 10]),
  () => assert.deepStrictEqual(new Date(0), new Date(1)),
  () => assert.deepStrictEqual(Object.create(null), {}),
  () => assert.deepStrictEqual([1, , 3], [1, undefined, 3]),
  () => assert.deepStrictEqual(new Set([{a: 1}]), new Set([{a: 1}])),
  () => assert.deepStrictEqual(new Map([[{k: 1}, "v"]]), new Map([[{k: 1}, "v"]])),
  () => assert.deepStrictEqual(NaN, NaN),
  () => assert.deepStrictEqual([NaN], [NaN]),
  () => assert.deepStrictEqual(-0, 0),
  () => assert.deepEqual(-0, 0),
  () => assert.deepStrictEqual(new Number(1), new Number(2)),
  () => assert.deepStrictEqual(/a/g, /a/i),
  () => assert.deepStrictEqual(new Error("a"), new Error("b")),
  () => assert.deepStrictEqual(new Uint8Array([1]), new Uint8Array([2])),
  () => assert.deepStrictEqual({ [Symbol.for("s")]: 1 }, { [Symbol.for("s")]: 2 }),
  () => { const a = {}; a.self = a; const b = {}; b.self = b; assert.deepStrictEqual(a, b) },
  () => assert.deepEqual(1, "1"),
  () => assert.deepEqual([1, 2], ["1", "2"]),
  () => assert.deepEqual(new Set([1]), new Set(["1"])),
  () => assert.strictEqual("a\nb", "a\nc"),
  () => assert.strictEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].map(String).join(""), "x"),
  () => assert.ok(0, 'zero'),
  () => assert(false, 'plain call'),
  () => assert.ok(true),
  () => assert.strictEqual(1, 1),
  () => assert.deepStrictEqual({ a: [1, { b: new Map([[1, new Set([2])]]) }] }, { a: [1, { b: new Map([[1, new Set([2])]]) }] }),
  () => assert.equal(NaN, NaN),
  () => assert.strictEqual(1),
  () => assert.deepStrictEqual(),
  () => assert.ok(false, new RangeError('own')),
  () => assert.deepStrictEqual(Array.from({ length: 30 }, (_, i) => i), Array.from({ length: 30 }, (_, i) => (i === 15 ? -1 : i))),
  () => assert.deepStrictEqual({ a: 1, b: 2, c: 3, d: 4, e: 5, f: 6, g: 7 }, { a: 1, b: 2, c: 3, d: 4, e: 5, f: 6, g: 8 }),
  () => assert.deepStrictEqual([[1, 2], [3, 4]], [[1, 2], [3, 5]]),
  () => assert.deepStrictEqual({ x: 'a-b', 'y-z': 1 }, { x: 'a-b', 'y-z': 2 }),
  () => assert.notDeepStrictEqual([1, 2, 3], [1, 2, 3]),
  () => assert.notStrictEqual([1], [1]),
  () => assert.deepStrictEqual(new (class Point { constructor() { this.x = 1; } })(), { x: 1 }),
];
for (const c of cases) {
  try {
    c();
    console.log('no throw');
  } catch (e) {
    console.log(show(e));
  }
}
(async () => {
  for (const c of [
    () => assert.rejects(Promise.resolve(1)),
    () => assert.rejects(() => Promise.reject(new TypeError('r')), RangeError),
    () => assert.rejects(() => 5),
    () => assert.rejects(5),
    () => assert.rejects(Promise.reject(new Error('ok')), /ok/),
    () => assert.doesNotReject(Promise.reject(new Error('bad'))),
    () => assert.doesNotReject(Promise.resolve(1)),
    () => assert.rejects(async () => { throw new Error('m'); }, { message: 'n' }),
  ]) {
    try {
      await c();
      console.log('resolved');
    } catch (e) {
      console.log(show(e));
    }
  }
})();
