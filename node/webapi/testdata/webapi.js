// Node-oracle test of TextEncoder, TextDecoder, atob, btoa and performance:
// see scripts/node-expected.sh.
const log = (...a) => console.log(a.map((x) => (typeof x === 'string' ? x : JSON.stringify(x))).join(' '));
const show = (e) => (e instanceof Error
  ? JSON.stringify([e.name, e.code, e.message, String(e), e.stack.split('\n')[0], Object.keys(e), e instanceof DOMException])
  : JSON.stringify(e));
const t = (label, f) => {
  try {
    log(label, 'ok', JSON.stringify(f()));
  } catch (e) {
    log(label, 'throws', show(e));
  }
};
const codes = (s) => Array.from(s, (c) => c.codePointAt(0).toString(16));

// TextEncoder
const te = new TextEncoder();
t('encoding', () => [te.encoding, Object.keys(te), Object.prototype.toString.call(te)]);
for (const s of ['', 'abc', 'héllo', '€', '😀', 'a\ud800b', '\udc00', 'x\ud83d', '\0']) t(`encode ${JSON.stringify(s)}`, () => Array.from(te.encode(s)));
t('encode()', () => Array.from(te.encode()));
t('encode(null)', () => Array.from(te.encode(null)));
t('encode(123)', () => Array.from(te.encode(123)));
t('encode returns Uint8Array', () => [te.encode('a') instanceof Uint8Array, te.encode('ab').buffer.byteLength]);
for (const [s, n] of [['abc', 5], ['ab€😀', 5], ['ab€😀', 9], ['😀', 3], ['€', 2], ['a\ud800', 4]]) {
  t(`encodeInto ${JSON.stringify(s)} ${n}`, () => { const d = new Uint8Array(n); const r = te.encodeInto(s, d); return [r, Array.from(d)]; });
}
t('encodeInto sub', () => { const buf = new Uint8Array(6); const r = te.encodeInto('xy', buf.subarray(2, 4)); return [r, Array.from(buf)]; });
t('encodeInto([])', () => te.encodeInto('abc', []));
t('encodeInto(5)', () => te.encodeInto(5, new Uint8Array(2)));

// TextDecoder
const td = new TextDecoder();
t('decoder props', () => [td.encoding, td.fatal, td.ignoreBOM, Object.keys(td), Object.prototype.toString.call(td)]);
for (const label of ['utf8', ' UTF-8 ', 'unicode-1-1-utf-8', 'utf-16le', 'utf-16', 'latin1', 'ascii', 'ISO-8859-1', 'windows-1252', 'nope', null, '']) {
  t(`label ${JSON.stringify(label)}`, () => new TextDecoder(label).encoding);
}
t('options 5', () => new TextDecoder('utf-8', 5));
t('fatal props', () => { const d = new TextDecoder('utf-8', { fatal: true, ignoreBOM: 1 }); return [d.fatal, d.ignoreBOM]; });
const utf8Cases = [
  [0x68, 0x69], [0xc3, 0xa9], [0xe2, 0x82, 0xac], [0xf0, 0x9f, 0x98, 0x80], [0xff], [0x80], [0xc3], [0xe2, 0x82], [0xe2, 0x82, 0x41],
  [0xf0, 0x9f, 0x98], [0xf0, 0x9f, 0x41, 0x42], [0xed, 0xa0, 0x80], [0xe0, 0x80, 0x80], [0xf4, 0x90, 0x80, 0x80], [0xf5, 0x41], [0xc0, 0xaf],
  [0xef, 0xbb, 0xbf, 0x61], [0xef, 0xbb, 0xbf, 0xef, 0xbb, 0xbf], [0x61, 0xef, 0xbb, 0xbf], [0xfe, 0xff, 0x00], [],
];
for (const bytes of utf8Cases) {
  t(`utf-8 [${bytes.map((b) => b.toString(16))}]`, () => codes(td.decode(new Uint8Array(bytes))));
  t(`utf-8 fatal [${bytes.map((b) => b.toString(16))}]`, () => codes(new TextDecoder('utf-8', { fatal: true }).decode(new Uint8Array(bytes))));
}
t('ignoreBOM', () => codes(new TextDecoder('utf-8', { ignoreBOM: true }).decode(new Uint8Array([0xef, 0xbb, 0xbf, 0x61]))));
t('decode()', () => td.decode());
t('decode(ArrayBuffer)', () => td.decode(new Uint8Array([0x61, 0x62]).buffer));
t('decode(DataView)', () => td.decode(new DataView(new Uint8Array([0x61, 0x62, 0x63]).buffer, 1, 2)));
t('decode(subarray)', () => td.decode(new Uint8Array([0x61, 0x62, 0x63, 0x64]).subarray(1, 3)));
t('decode(Uint16Array)', () => td.decode(new Uint16Array([0x6261])));
t('decode(5)', () => td.decode(5));
t('decode(str)', () => td.decode('abc'));
t('decode(x, 5)', () => td.decode(new Uint8Array(1), 5));
{
  const d = new TextDecoder();
  const parts = [[0xe2], [0x82], [0xac, 0xf0, 0x9f], [0x98, 0x80, 0xc3]].map((p) => codes(d.decode(new Uint8Array(p), { stream: true })));
  parts.push(codes(d.decode()));
  t('stream utf-8', () => parts);
  const b = new TextDecoder();
  const withBom = [codes(b.decode(new Uint8Array([0xef, 0xbb]), { stream: true })), codes(b.decode(new Uint8Array([0xbf, 0x61]), { stream: true })), codes(b.decode(new Uint8Array([0xef, 0xbb, 0xbf])))];
  t('stream BOM only first', () => withBom);
  t('BOM again after end', () => codes(b.decode(new Uint8Array([0xef, 0xbb, 0xbf, 0x62]))));
}
const utf16Cases = [[0x61, 0x00, 0x62, 0x00], [0x3d, 0xd8, 0x00, 0xde], [0x3d, 0xd8], [0x00, 0xde, 0x61, 0x00], [0x61], [0xff, 0xfe, 0x61, 0x00], [0x3d, 0xd8, 0x61, 0x00]];
for (const bytes of utf16Cases) {
  t(`utf-16le [${bytes.map((b) => b.toString(16))}]`, () => codes(new TextDecoder('utf-16le').decode(new Uint8Array(bytes))));
  t(`utf-16le fatal [${bytes.map((b) => b.toString(16))}]`, () => codes(new TextDecoder('utf-16le', { fatal: true }).decode(new Uint8Array(bytes))));
}
{
  const d = new TextDecoder('utf-16le');
  t('stream utf-16le', () => [[0x3d], [0xd8, 0x00], [0xde, 0x61], [0x00]].map((p) => codes(d.decode(new Uint8Array(p), { stream: true }))));
}
t('windows-1252', () => codes(new TextDecoder('latin1').decode(new Uint8Array([0x41, 0x80, 0x81, 0x9f, 0xa0, 0xe9, 0xff]))));

// atob and btoa
for (const s of ['aGk=', 'aGk', ' aG k= ', 'aGVsbG8gd29ybGQ=', '', 'YQ==', 'YQ', 'YR==', '/+8=', 'a', 'ab=c', 'ab*c', 'aGk==', 'aGk=a', 'YQ=', '====', 'a===', '\u00e9', 'aG\tk\n=', 'Zm9vYmFy']) {
  t(`atob ${JSON.stringify(s)}`, () => codes(atob(s)));
}
t('atob()', () => atob());
t('atob(null)', () => atob(null));
t('atob(undefined)', () => atob(undefined));
t('atob(1234)', () => codes(atob(1234)));
for (const s of ['', 'hi', 'hello world', '\u00ff\u0000\u0080', '€', '😀', 'a\ud800', 'Zm9v']) t(`btoa ${JSON.stringify(s)}`, () => btoa(s));
t('btoa()', () => btoa());
t('btoa(null)', () => btoa(null));
t('btoa(123)', () => btoa(123));
t('btoa(Symbol)', () => btoa(Symbol('x')));
t('round trip', () => atob(btoa('\u0000\u0001\u00fe\u00ff')) === '\u0000\u0001\u00fe\u00ff');

// performance
t('performance', () => {
  const a = performance.now();
  const b = performance.now();
  const now = Date.now();
  return [typeof a, b >= a, a >= 0, typeof performance.timeOrigin, Math.abs(performance.timeOrigin + b - now) < 60000, Object.prototype.toString.call(performance), typeof performance.toJSON().timeOrigin];
});
