// Node-oracle test of buffer and the global Buffer: see
// scripts/node-expected.sh.
const buffer = require('node:buffer');
const { Buffer: B } = require('buffer');
const log = (...a) => console.log(a.map((x) => (typeof x === 'string' ? x : JSON.stringify(x))).join(' '));
const show = (e) => JSON.stringify([e.name, e.code, e.message, String(e), e.stack.split('\n')[0], Object.keys(e)]);
const t = (label, f) => {
  try {
    log(label, 'ok', JSON.stringify(f()));
  } catch (e) {
    log(label, 'throws', show(e));
  }
};
const h = (b) => b.toString('hex');

log('module', B === Buffer, buffer === require('buffer'), Object.keys(buffer).filter((k) => ['Buffer', 'SlowBuffer', 'kMaxLength', 'kStringMaxLength', 'INSPECT_MAX_BYTES', 'constants', 'isUtf8', 'isAscii'].includes(k)).sort());

const samples = ['', 'hi', 'héllo wörld', '€😀', 'a\ud800b', '\udc00', '\u0000\u007f\u0080\u00ff', 'aGVsbG8=', 'abcdef0123'];
const encodings = ['utf8', 'hex', 'base64', 'base64url', 'latin1', 'binary', 'ascii', 'ucs2', 'utf16le'];
for (const s of samples) {
  for (const e of encodings) {
    t(`from ${JSON.stringify(s)} ${e}`, () => { const b = Buffer.from(s, e); return [h(b), b.toString(e), Buffer.byteLength(s, e), b.length]; });
  }
}
for (const s of ['aGk', 'aGk=', 'a G k=', 'aGk=aGk=', 'YQ==YQ==', 'aG*k', '-_-_', '+/+/', 'aGk==', 'a', 'ab', 'abc', 'YQ=x', '=aGk', '   ']) {
  t(`base64 ${JSON.stringify(s)}`, () => [h(Buffer.from(s, 'base64')), h(Buffer.from(s, 'base64url')), Buffer.byteLength(s, 'base64')]);
}
for (const s of ['abcd', 'abc', 'abzz', 'zz', 'ABcd', 'a', '0g', 'g0ab']) t(`hex ${JSON.stringify(s)}`, () => [h(Buffer.from(s, 'hex')), Buffer.byteLength(s, 'hex')]);
const all = Buffer.from(Array.from({ length: 256 }, (_, i) => i));
for (const e of encodings) t(`all bytes ${e}`, () => { const s = all.toString(e); return [s.length, h(Buffer.from(s, e)).slice(0, 80), Array.from(s.slice(120, 136), (c) => c.charCodeAt(0))]; });
t('utf8 invalid', () => Array.from(Buffer.from([0xe2, 0x82, 0x41, 0xff, 0xf0, 0x9f, 0x98]).toString(), (c) => c.charCodeAt(0)));
t('utf16le odd', () => Array.from(Buffer.from([0x61, 0, 0x00, 0xd8, 0x62]).toString('utf16le'), (c) => c.charCodeAt(0)));
for (const e of ['utf8', 'UTF8', 'utf-8', 'Utf-8', 'hex', 'HEX', 'base64', 'base64url', 'latin1', 'binary', 'ascii', 'ucs2', 'ucs-2', 'utf16le', 'utf-16le', 'UCS2', 'nope', '', 'buffer', undefined, null, 5]) {
  t(`encoding ${JSON.stringify(e)}`, () => [Buffer.isEncoding(e), Buffer.from('hi', e).length]);
}

const b = Buffer.from('abcabc');
t('indexOf', () => [b.indexOf('b'), b.indexOf('b', 2), b.indexOf('b', -2), b.indexOf('b', -100), b.indexOf(''), b.indexOf('', 3), b.indexOf('', 10), b.indexOf(99), b.indexOf(99 + 256), b.indexOf(Buffer.from('ca')), b.indexOf('zz'), b.indexOf('b', 'latin1'), b.indexOf('b', null), b.indexOf('b', {}), b.indexOf('YmM=', 0, 'base64'), b.indexOf(new Uint8Array([99]))]);
t('lastIndexOf', () => [b.lastIndexOf('b'), b.lastIndexOf('b', 3), b.lastIndexOf('b', -3), b.lastIndexOf(''), b.lastIndexOf('', 2), b.lastIndexOf('', -1), b.lastIndexOf('', 100), b.lastIndexOf(98), b.lastIndexOf('b', -100), b.lastIndexOf('abc'), b.lastIndexOf('abc', 2)]);
t('includes', () => [b.includes('ca'), b.includes('x'), b.includes(97, 1), b.includes(97, 4)]);
t('indexOf obj', () => b.indexOf({}));
t('indexOf enc', () => b.indexOf('a', 0, 'nope'));

const r = Buffer.from([1, 2, 3, 4, 5, 6, 7, 8, 0xff, 0x80]);
t('reads', () => [r.readUInt8(0), r.readUint8(9), r.readInt8(8), r.readInt8(9), r.readUInt16LE(0), r.readUInt16BE(0), r.readInt16LE(8), r.readInt16BE(8), r.readUInt32LE(0), r.readUInt32BE(4), r.readInt32LE(6), r.readInt32BE(6), r.readFloatLE(0), r.readFloatBE(0), r.readDoubleLE(0), r.readDoubleBE(2), String(r.readBigUInt64LE(0)), String(r.readBigInt64BE(2)), String(r.readBigUint64BE(1)), r.readUIntLE(0, 3), r.readUIntBE(4, 6), r.readIntLE(7, 3), r.readIntBE(8, 2), r.readUintLE(1, 1)]);
for (const [label, f] of [
  ['readUInt8(10)', () => r.readUInt8(10)], ['readUInt8(-1)', () => r.readUInt8(-1)], ['readUInt8(1.5)', () => r.readUInt8(1.5)],
  ['readUInt8(x)', () => r.readUInt8('x')], ['readInt32LE(8)', () => r.readInt32LE(8)], ['readDoubleLE() small', () => Buffer.alloc(4).readDoubleLE()],
  ['readUIntLE(0)', () => r.readUIntLE(0)], ['readUIntLE(0, 7)', () => r.readUIntLE(0, 7)], ['readIntBE()', () => r.readIntBE()], ['readUIntBE(8, 3)', () => r.readUIntBE(8, 3)],
  ['readBigInt64LE(3)', () => r.readBigInt64LE(3)],
]) t(label, f);
t('writes', () => {
  const w = Buffer.alloc(16);
  const ends = [w.writeUInt8(255, 0), w.writeInt8(-1, 1), w.writeUInt16LE(0x1234, 2), w.writeInt16BE(-2, 4), w.writeUInt32BE(0xdeadbeef, 6), w.writeInt32LE(-5, 10), w.writeUint16BE(7, 14)];
  const w2 = Buffer.alloc(16);
  const ends2 = [w2.writeFloatLE(1.5, 0), w2.writeDoubleBE(-2.25, 4), w2.writeUIntLE(0x123456, 12, 3), w2.writeIntBE(-2, 12, 2)];
  const w3 = Buffer.alloc(16);
  const ends3 = [w3.writeBigUInt64LE(2n ** 64n - 2n, 0), w3.writeBigInt64BE(-3n, 8)];
  return [ends, h(w), ends2, h(w2), ends3, h(w3)];
});
for (const [label, f] of [
  ['writeUInt8(300)', () => Buffer.alloc(2).writeUInt8(300)], ['writeInt8(-129)', () => Buffer.alloc(2).writeInt8(-129)],
  ['writeUInt8(1, 5)', () => Buffer.alloc(2).writeUInt8(1, 5)], ['writeUInt16LE(-1)', () => Buffer.alloc(2).writeUInt16LE(-1)],
  ['writeUInt32LE(2**32)', () => Buffer.alloc(4).writeUInt32LE(2 ** 32)], ['writeInt32BE(2**31)', () => Buffer.alloc(4).writeInt32BE(2 ** 31)],
  ['writeUIntLE(2**48, 0, 6)', () => Buffer.alloc(6).writeUIntLE(2 ** 48, 0, 6)], ['writeIntLE(2**39, 0, 5)', () => Buffer.alloc(6).writeIntLE(2 ** 39, 0, 5)],
  ['writeBigUInt64LE(-1n)', () => Buffer.alloc(8).writeBigUInt64LE(-1n)], ['writeBigInt64LE(2n**63n)', () => Buffer.alloc(8).writeBigInt64LE(2n ** 63n)],
  ['writeDoubleLE(1, 1)', () => Buffer.alloc(8).writeDoubleLE(1, 1)], ['writeUInt8(NaN)', () => { const x = Buffer.alloc(1); x.writeUInt8(NaN); return h(x); }],
  ['writeUInt8("7")', () => { const x = Buffer.alloc(1); x.writeUInt8('7'); return h(x); }],
]) t(label, f);

t('equals(1)', () => b.equals(1));
t('equals', () => [b.equals(Buffer.from('abcabc')), b.equals(Buffer.from('abc')), b.equals(new Uint8Array([97, 98, 99, 97, 98, 99]))]);
t('compare(1)', () => Buffer.compare(1, b));
t('compare(b, 1)', () => Buffer.compare(b, 1));
t('copy(1)', () => b.copy(1));
t('write(1)', () => b.write(1));
t('write', () => { const x = Buffer.alloc(6); return [x.write('héllo', 1), h(x), x.write('€€', 4), h(x), x.write('ab', 'hex'), x.write('zz', 0, 'latin1'), x.write('abcd', 1, 2), h(x), x.write('xyz', 2, 'ucs2'), h(x), x.write('aGk=', 'base64'), h(x), x.write('😀', 3), h(x)]; });
t('write bad offset', () => Buffer.alloc(2).write('a', 5));
t('write bad offset2', () => Buffer.alloc(2).write('a', -1));
t('write bad len', () => Buffer.alloc(2).write('a', 0, 5));
t('write bad enc', () => Buffer.alloc(2).write('a', 0, 1, 'nope'));
t('toString args', () => { const x = Buffer.from('hello'); return [x.toString('utf8', 1), x.toString('utf8', 1, 3), x.toString('utf8', -1, 100), x.toString('utf8', 3, 1), x.toString(undefined, 1), x.toString('utf8', 1.7, 3.2), x.toString('utf8', '1', '3'), x.toString('utf8', NaN, NaN), x.toString('hex', 3), x.toLocaleString('base64')]; });
t('toString enc bad', () => Buffer.from('a').toString('nope'));
t('toString enc empty', () => Buffer.from('a').toString(''));
t('toString enc null', () => Buffer.from('a').toString(null));
t('fill', () => [Buffer.alloc(5).fill('ab').toString(), h(Buffer.alloc(5).fill(0x41, 1, 3)), h(Buffer.alloc(4).fill('aGk=', 'base64')), Buffer.alloc(5, 'xy').toString(), h(Buffer.alloc(3, 257)), h(Buffer.alloc(4).fill('')), h(Buffer.alloc(3).fill(Buffer.from([1, 2]))), h(Buffer.alloc(5).fill('é')), h(Buffer.alloc(4, 'ab', 'hex')), h(Buffer.alloc(3).fill(true)), h(Buffer.alloc(4).fill('a', 1)), h(Buffer.alloc(4).fill('bc', 1, 3, 'latin1'))]);
t('fill bad', () => Buffer.alloc(3).fill('zz', 'hex'));
t('fill bad enc', () => Buffer.alloc(3).fill('a', 'nope'));
t('fill range', () => h(Buffer.alloc(3).fill(1, 5)));
t('fill end bad', () => Buffer.alloc(3).fill(1, 0, 9));
t('alloc bad', () => Buffer.alloc('5'));
t('alloc neg', () => Buffer.alloc(-1));
t('alloc NaN', () => Buffer.alloc(NaN));
t('alloc big', () => Buffer.alloc(2 ** 40));
t('alloc 1.5', () => Buffer.alloc(1.5).length);
t('allocUnsafe', () => [Buffer.allocUnsafe(3).length, Buffer.allocUnsafeSlow(2).length, Buffer.allocUnsafe(0).length]);
t('allocUnsafe bad', () => Buffer.allocUnsafe(-2));
t('from bad', () => Buffer.from(123));
t('from none', () => Buffer.from());
t('from null', () => Buffer.from(null));
t('from bool', () => Buffer.from(true));
t('from obj', () => Buffer.from({ length: 2, 0: 65, 1: 66 }).toString());
t('from arraylike bad', () => Buffer.from({}).length);
t('from length str', () => Buffer.from({ length: '2' }).length);
t('from length -1', () => [Buffer.from({ length: -1 }).length, h(Buffer.from({ length: 3 })), h(Buffer.from({ length: 2, 0: 1.9, 1: 300 }))]);
t('from array', () => h(Buffer.from([1, 256, -1, '7', 1.9, null])));
t('from ab', () => { const ab = new Uint8Array([1, 2, 3, 4]).buffer; const x = Buffer.from(ab, 1, 2); new Uint8Array(ab)[1] = 9; return h(x); });
t('from ab bad offset', () => Buffer.from(new ArrayBuffer(2), 3));
t('from ab bad length', () => Buffer.from(new ArrayBuffer(2), 1, 5));
t('from buffer copies', () => { const a = Buffer.from('ab'); const c = Buffer.from(a); a[0] = 0; return c.toString(); });
t('from Uint16Array', () => h(Buffer.from(new Uint16Array([1, 258]))));
t('from String obj', () => Buffer.from(new String('hey')).toString());
t('from valueOf', () => Buffer.from({ valueOf() { return 'vv'; } }).toString());
t('from toPrimitive', () => Buffer.from({ [Symbol.toPrimitive]() { return 'tp'; } }).toString());
t('from JSON', () => h(Buffer.from(JSON.parse(JSON.stringify(Buffer.from([5, 6]))))));
t('concat', () => [Buffer.concat([Buffer.from('a'), new Uint8Array([98])]).toString(), Buffer.concat([]).length, Buffer.concat([Buffer.from('abc')], 2).toString(), h(Buffer.concat([Buffer.from('abc')], 5))]);
t('concat bad', () => Buffer.concat([1]));
t('concat str', () => Buffer.concat('x'));
t('compare', () => [Buffer.compare(Buffer.from('a'), Buffer.from('b')), Buffer.from('b').compare(Buffer.from('a')), Buffer.from('abc').compare(Buffer.from('abc')), Buffer.from('abcd').compare(Buffer.from('bc'), 0, 2, 1, 3), Buffer.from('ab').compare(Buffer.from('abc')), [Buffer.from('b'), Buffer.from('a'), Buffer.from('ab')].sort(Buffer.compare).map(String)]);
t('copy', () => { const s = Buffer.from('hello'); const d = Buffer.alloc(4); return [s.copy(d), d.toString(), s.copy(d, 1, 3), d.toString(), s.copy(d, 10), s.copy(d, 0, 4, 2), s.copy(new Uint8Array(2))]; });
t('copy bad', () => Buffer.from('a').copy(Buffer.alloc(1), -1));
t('copy bad sourceStart', () => Buffer.from('a').copy(Buffer.alloc(1), 0, 5));
t('slice', () => { const x = Buffer.from('hello'); const s = x.slice(1, 3); s[0] = 65; return [x.toString(), s instanceof Buffer, x.subarray(-2).toString(), x.slice().length, Buffer.isBuffer(x.map((v) => v)), x.filter((v) => v > 100).toString(), x.slice(-3, -1).toString(), Buffer.isBuffer(x.subarray(1))]; });
t('of', () => [h(Buffer.of(1, 2)), Buffer.isBuffer(Buffer.of())]);
t('isBuffer', () => [Buffer.isBuffer(Buffer.alloc(1)), Buffer.isBuffer(new Uint8Array(1)), Buffer.isBuffer(null), Buffer.isBuffer('x')]);
t('toJSON', () => Buffer.from('hi').toJSON());
t('JSON', () => JSON.stringify({ b: Buffer.from([1, 2]) }));
t('swap', () => [h(Buffer.from([1, 2, 3, 4]).swap16()), h(Buffer.from([1, 2, 3, 4]).swap32()), h(Buffer.from([1, 2, 3, 4, 5, 6, 7, 8]).swap64())]);
t('swap bad', () => Buffer.from([1, 2, 3]).swap16());
t('swap32 bad', () => Buffer.from([1, 2, 3]).swap32());
t('byteLength', () => [Buffer.byteLength('é€😀\ud800'), Buffer.byteLength('é€😀', 'latin1'), Buffer.byteLength('abc', 'ucs2'), Buffer.byteLength('aGk=', 'base64'), Buffer.byteLength(new Uint16Array(3)), Buffer.byteLength(new ArrayBuffer(7)), Buffer.byteLength('x', 'nope'), Buffer.byteLength(new DataView(new ArrayBuffer(5)))]);
t('byteLength bad', () => Buffer.byteLength(5));
t('constants', () => [buffer.kMaxLength, buffer.constants.MAX_LENGTH, buffer.constants.MAX_STRING_LENGTH, buffer.INSPECT_MAX_BYTES, Buffer.poolSize, buffer.kStringMaxLength]);
t('isUtf8', () => [buffer.isUtf8(Buffer.from('é')), buffer.isUtf8(Buffer.from([0xff])), buffer.isAscii(Buffer.from('a')), buffer.isAscii(Buffer.from('é')), buffer.isUtf8(new ArrayBuffer(2))]);
t('isUtf8 bad', () => buffer.isUtf8('x'));
const custom = Symbol.for('nodejs.util.inspect.custom');
t('inspect', () => [Buffer.from('hi')[custom](), Buffer.alloc(51)[custom](), Buffer.alloc(60)[custom](), Buffer.alloc(0)[custom]()]);
t('names', () => [Buffer.name, Buffer.from.name, Buffer.prototype.toString.name, Buffer.prototype.readUInt8.name, Buffer.prototype.readUint8.name, Buffer.prototype.readUint8 === Buffer.prototype.readUInt8, Buffer.prototype.toLocaleString === Buffer.prototype.toString, Buffer.length, Buffer.alloc.name, Buffer.prototype.writeBigUInt64LE.name]);
t('proto', () => [Object.getPrototypeOf(Buffer.prototype) === Uint8Array.prototype, Object.getPrototypeOf(Buffer) === Uint8Array, Buffer.from('a') instanceof Uint8Array, Buffer.from('a').constructor === Buffer, Buffer.from('a') instanceof Buffer, Object.prototype.toString.call(Buffer.from('a'))]);
t('new Buffer num', () => new Buffer(2).length);
t('Buffer(str)', () => Buffer('ab').toString());
t('Buffer(num, enc)', () => Buffer(2, 'utf8'));
t('SlowBuffer', () => [buffer.SlowBuffer(3).length, buffer.SlowBuffer(3) instanceof Buffer]);
t('String(buf)', () => [String(Buffer.from('hé')), `${Buffer.from('x')}`, Buffer.from('ab') + '']);
t('keys', () => [Object.keys(Buffer.from('ab')), Array.from(Buffer.from('ab').entries())]);
