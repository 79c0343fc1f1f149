// Node-oracle test of crypto: see scripts/node-expected.sh. Random output
// is checked for its shape only.
const crypto = require('node:crypto');
const log = (...a) => console.log(a.map((x) => (typeof x === 'string' ? x : JSON.stringify(x))).join(' '));
const show = (e) => JSON.stringify([e.name, e.code, e.message, String(e), e.stack.split('\n')[0], Object.keys(e), typeof DOMException !== 'undefined' && e instanceof DOMException]);
const t = (label, f) => {
  try {
    const r = f();
    log(label, 'ok', Buffer.isBuffer(r) ? `Buffer:${r.toString('hex')}` : JSON.stringify(r));
  } catch (e) {
    log(label, 'throws', show(e));
  }
};

log('module', crypto === require('crypto'), ['createHash', 'createHmac', 'randomBytes', 'randomUUID', 'getRandomValues', 'randomInt', 'randomFillSync', 'timingSafeEqual', 'getHashes'].map((k) => typeof crypto[k]));
const inputs = ['', 'abc', 'The quick brown fox jumps over the lazy dog', 'é€😀', 'x'.repeat(1000)];
for (const alg of ['md5', 'sha1', 'sha224', 'sha256', 'sha384', 'sha512', 'sha512-224', 'sha512-256', 'sha3-256', 'sha3-512', 'SHA256', 'RSA-SHA1']) {
  for (const s of inputs) {
    t(`${alg} ${JSON.stringify(s.slice(0, 20))}`, () => {
      const hex = crypto.createHash(alg).update(s).digest('hex');
      return [hex, crypto.createHash(alg).update(s).digest('base64'), crypto.createHash(alg).update(s).digest('base64url'), crypto.createHash(alg).update(Buffer.from(s)).digest().toString('hex') === hex];
    });
  }
  t(`hmac ${alg}`, () => [crypto.createHmac(alg, 'key').update('The quick brown fox jumps over the lazy dog').digest('hex'), crypto.createHmac(alg, Buffer.alloc(200, 1)).update('').digest('base64')]);
}
t('update parts', () => crypto.createHash('sha256').update('ab').update('c').digest('hex'));
t('update encodings', () => [crypto.createHash('sha1').update('6869', 'hex').digest('hex'), crypto.createHash('sha1').update('hi').digest('hex'), crypto.createHash('sha1').update('hi', 'nope').digest('hex'), crypto.createHash('sha1').update('aGk=', 'base64').digest('hex'), crypto.createHash('sha1').update('é', 'latin1').digest('hex')]);
t('update views', () => [crypto.createHash('sha1').update(new Uint16Array([1, 2])).digest('hex'), crypto.createHash('sha1').update(new DataView(new ArrayBuffer(2))).digest('hex'), crypto.createHash('sha1').update(new Uint8Array([1, 2, 3]).subarray(1)).digest('hex')]);
t('update ArrayBuffer', () => crypto.createHash('sha1').update(new ArrayBuffer(2)));
t('update number', () => crypto.createHash('sha1').update(1));
t('digest encodings', () => ['latin1', 'binary', 'ucs2', 'utf16le', 'ascii', 'buffer', 'nope', 'hex'].map((e) => { const d = crypto.createHash('md5').update('a').digest(e); return Buffer.isBuffer(d) ? `Buffer:${d.toString('hex')}` : Array.from(d, (c) => c.charCodeAt(0)); }));
t('digest twice', () => { const h = crypto.createHash('sha1'); h.digest(); h.digest(); });
t('update after digest', () => { const h = crypto.createHash('sha1'); h.digest(); h.update('x'); });
t('copy', () => { const h = crypto.createHash('sha256').update('a'); const k = h.copy(); h.update('b'); return [h.digest('hex'), k.digest('hex')]; });
t('copy after digest', () => { const h = crypto.createHash('sha256'); h.digest(); h.copy(); });
t('createHash(nope)', () => crypto.createHash('nope'));
t('createHash(1)', () => crypto.createHash(1));
t('createHash()', () => crypto.createHash());
t('Hash without new', () => crypto.Hash('sha1').update('a').digest('hex'));
t('names', () => [crypto.createHash('sha1').constructor.name, crypto.createHmac('sha1', 'k').constructor.name, crypto.createHash('sha1') instanceof crypto.Hash]);
t('chaining', () => { const h = crypto.createHash('sha1'); return h.update('a') === h; });
t('hmac nope', () => crypto.createHmac('nope', 'k'));
t('hmac twice', () => { const h = crypto.createHmac('sha256', 'k'); h.update('x'); h.digest('hex'); return [h.digest('hex'), h.digest().length]; });
t('hmac update after', () => { const h = crypto.createHmac('sha256', 'k'); h.digest(); h.update('x'); });
t('hmac key number', () => crypto.createHmac('sha256', 5));
t('hmac key missing', () => crypto.createHmac('sha256'));
t('hmac key views', () => [crypto.createHmac('sha256', new ArrayBuffer(3)).update('x').digest('hex'), crypto.createHmac('sha256', new Uint16Array([1])).update('x').digest('hex'), crypto.createHmac('sha256', '').update('x').digest('hex')]);
t('hmac update number', () => crypto.createHmac('sha256', 'k').update(5));
t('hmac alg number', () => crypto.createHmac(5, 'k'));

t('randomBytes', () => { const b = crypto.randomBytes(16); return [Buffer.isBuffer(b), b.length, crypto.randomBytes(0).length, crypto.randomBytes(1.5).length]; });
for (const v of [-1, 2 ** 31, 'x', NaN, null]) t(`randomBytes(${String(v)})`, () => crypto.randomBytes(v));
t('randomBytes(2, 5)', () => crypto.randomBytes(2, 5));
t('randomFillSync', () => { const b = Buffer.alloc(4); return [crypto.randomFillSync(b) === b, crypto.randomFillSync(b, 1, 2) === b, crypto.randomFillSync(new Uint32Array(2)).length]; });
t('randomFillSync bad', () => crypto.randomFillSync(5));
t('randomInt', () => [typeof crypto.randomInt(10), crypto.randomInt(5, 6), crypto.randomInt(-3, -2), Array.from({ length: 50 }, () => crypto.randomInt(3)).every((x) => x >= 0 && x < 3)]);
for (const [label, args] of [['1.5', [1.5]], ['5, 5', [5, 5]], ['0', [0]], ['2**48', [2 ** 48]], ['x', ['x']], ['1, x', [1, 'x']], ['0, 1, 5', [0, 1, 5]]]) t(`randomInt(${label})`, () => crypto.randomInt(...args));
const uuidShape = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
t('randomUUID', () => [uuidShape.test(crypto.randomUUID()), crypto.randomUUID() !== crypto.randomUUID(), uuidShape.test(crypto.randomUUID({ disableEntropyCache: true }))]);
t('randomUUID(5)', () => crypto.randomUUID(5));
t('randomUUID(bad option)', () => crypto.randomUUID({ disableEntropyCache: 1 }));
t('getRandomValues', () => { const a = new Uint32Array(4); return [crypto.getRandomValues(a) === a, crypto.getRandomValues(new BigInt64Array(2)).length, crypto.getRandomValues(new Uint8Array(65536)).length, crypto.getRandomValues(new Uint8ClampedArray(3)).length]; });
for (const [label, v] of [['Float64Array', new Float64Array(2)], ['DataView', new DataView(new ArrayBuffer(2))], ['number', 1], ['65537 bytes', new Uint16Array(32769)], ['array', [1, 2]]]) {
  t(`getRandomValues(${label})`, () => crypto.getRandomValues(v));
}
t('global crypto', () => [typeof globalThis.crypto, crypto.webcrypto === globalThis.crypto, typeof globalThis.crypto.getRandomValues, typeof globalThis.crypto.randomUUID, uuidShape.test(globalThis.crypto.randomUUID()), globalThis.crypto.getRandomValues(new Uint8Array(3)).length]);
t('detached getRandomValues', () => { const g = globalThis.crypto.getRandomValues; return g(new Uint8Array(2)).length; });
t('global getRandomValues errors', () => globalThis.crypto.getRandomValues(new Float32Array(1)));
t('timingSafeEqual', () => [crypto.timingSafeEqual(Buffer.from('a'), Buffer.from('a')), crypto.timingSafeEqual(Buffer.from('a'), Buffer.from('b')), crypto.timingSafeEqual(new Uint8Array(2), new ArrayBuffer(2))]);
t('timingSafeEqual length', () => crypto.timingSafeEqual(Buffer.from('a'), Buffer.from('ab')));
t('timingSafeEqual bad', () => crypto.timingSafeEqual('a', Buffer.from('a')));
t('timingSafeEqual bad 2', () => crypto.timingSafeEqual(Buffer.from('a'), 'a'));
t('getHashes', () => ['md5', 'sha1', 'sha256', 'sha512', 'RSA-SHA256', 'sha3-256'].map((h) => crypto.getHashes().includes(h)));

// One after the other: in Node their order depends on its thread pool.
crypto.randomBytes(8, (err, buf) => {
  log('randomBytes callback', err, buf.length, Buffer.isBuffer(buf));
  crypto.randomInt(10, (err2, n) => log('randomInt callback', String(err2), n >= 0 && n < 10));
});
log('callbacks come later');
