// The globals a jsrun runtime shares with Node: run by Node (gen.sh) and
// jsrun (main and thread). A top-level const of the same name as a global
// (as scripts write `const crypto = require('crypto')`) leaves the global
// to globalThis.
'use strict';
const crypto = require('crypto');
const show = (label, f) => {
  try {
    console.log(label, f());
  } catch (e) {
    console.log(label, 'threw', e.name, e.code, e.message);
  }
};
const names = ['Buffer', 'URL', 'URLSearchParams', 'TextEncoder', 'TextDecoder', 'atob', 'btoa', 'performance',
  'structuredClone', 'AbortController', 'AbortSignal', 'queueMicrotask', 'crypto', 'Event', 'EventTarget', 'DOMException',
  'setTimeout', 'setInterval', 'setImmediate', 'clearTimeout', 'clearInterval', 'clearImmediate', 'console', 'process'];
show('typeof', () => names.map((n) => `${n}:${typeof globalThis[n]}`).join(' '));
show('typeof bare', () => [typeof Buffer, typeof URL, typeof TextEncoder, typeof performance, typeof AbortSignal, typeof Event].join());
show('module crypto is not the global', () => [crypto === globalThis.crypto, crypto.webcrypto === globalThis.crypto, typeof globalThis.crypto.randomUUID]);
show('identities', () => [require('buffer').Buffer === Buffer, require('url').URL === URL, require('url').URLSearchParams === URLSearchParams,
  require('node:buffer') === require('buffer'), require('events') === require('node:events')]);
show('Buffer', () => [Buffer.from('héllo').toString('base64'), Buffer.byteLength('é'), Buffer.concat([Buffer.from('a'), Buffer.from('b')]).toString(), String(Buffer.alloc(2))]);
show('Buffer inspect', () => require('util').inspect(Buffer.from('hi')));
show('URL', () => { const u = new URL('https://user:pw@example.com:8080/a/../b?x=1&y=2#h'); return [u.href, u.host, u.pathname, u.searchParams.get('y'), String(new URLSearchParams({ a: '1 2', b: 'é' }))]; });
show('URL invalid', () => new URL('nope'));
show('TextEncoder', () => Array.from(new TextEncoder().encode('€')));
show('TextDecoder', () => [new TextDecoder().decode(new Uint8Array([0xe2, 0x82, 0xac])), new TextDecoder('utf-16le').decode(new Uint8Array([65, 0])), new TextDecoder().encoding]);
show('atob btoa', () => [btoa('hello'), atob('aGVsbG8='), (() => { try { return btoa('€') } catch (e) { return e.name } })()]);
show('performance', () => [typeof performance.now(), performance.now() >= 0, typeof performance.timeOrigin, performance.timeOrigin > 1.6e12]);
show('AbortController', () => { const c = new AbortController(); const seen = []; c.signal.addEventListener('abort', () => seen.push('abort')); c.abort(); return [c.signal.aborted, c.signal.reason.name, seen.join()]; });
show('AbortSignal.abort', () => { const s = AbortSignal.abort('why'); return [s.aborted, s.reason]; });
show('throwIfAborted', () => AbortSignal.abort(new RangeError('r')).throwIfAborted());
show('AbortSignal.any', () => { const c = new AbortController(); const s = AbortSignal.any([c.signal]); c.abort('x'); return [s.aborted, s.reason]; });
show('EventTarget', () => { const t = new EventTarget(); let got = ''; t.addEventListener('ping', (e) => { got = e.type + ':' + (e instanceof Event); }); t.dispatchEvent(new Event('ping')); return got; });
show('DOMException', () => { const e = new DOMException('m', 'AbortError'); return [e.name, e.code, e.message, e instanceof Error]; });
show('structuredClone', () => structuredClone({ a: new Map([[1, { b: 2n }]]) }).a.get(1).b);
show('structuredClone error', () => structuredClone(() => 1));
show('structuredClone error class', () => { try { structuredClone(Symbol('s')) } catch (e) { return [e instanceof DOMException, e instanceof Error, e.name, e.code, e.message, Object.prototype.toString.call(e)] } });
show('crypto global', () => [crypto.randomUUID().length, globalThis.crypto.getRandomValues(new Uint8Array(4)).length]);
queueMicrotask(() => console.log('microtask ran'));
const timeout = AbortSignal.timeout(5);
timeout.addEventListener('abort', () => console.log('timeout', timeout.reason.name));
