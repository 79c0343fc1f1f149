// Node-oracle test of url, URL and URLSearchParams: see
// scripts/node-expected.sh.
const url = require('node:url');
const log = (...a) => console.log(a.map((x) => (typeof x === 'string' ? x : JSON.stringify(x))).join(' '));
const show = (e) => JSON.stringify([e.name, e.code, e.message, String(e), e.stack.split('\n')[0], Object.keys(e), e.input]);
const t = (label, f) => {
  try {
    log(label, 'ok', JSON.stringify(f()));
  } catch (e) {
    log(label, 'throws', show(e));
  }
};
const parts = (u) => [u.href, u.protocol, u.username, u.password, u.host, u.hostname, u.port, u.pathname, u.search, u.hash, u.origin];

log('module', url === require('url'), url.URL === URL, url.URLSearchParams === URLSearchParams, typeof url.fileURLToPath, typeof url.pathToFileURL);
const inputs = [
  ['https://user:pw@example.com:8080/a/b/../c?x=1&y=%20z#frag'],
  ['http://example.com'], ['http://example.com:80/'], ['https://example.com:443/x'], ['HTTP://EXAMPLE.COM/A?B#C'],
  ['http://a/b/c/d;p?q'], ['../x', 'http://a/b/c/d'], ['./y', 'http://a/b/c/'], ['/abs', 'http://a/b/c'], ['?q=1', 'http://a/b/c?x'], ['#h', 'http://a/b/c?x#y'],
  ['//other.host/p', 'https://a/b'], ['http://[::1]:3000/'], ['http://127.0.0.1/'], ['http://0x7f.1/'], ['http://example.com/ä ö?q=ä ö#ä ö'],
  ['http://example.com/%7Efoo'], ['file:///etc/passwd'], ['file://host/share'], ['mailto:someone@example.com'], ['data:text/plain,hello'],
  ['javascript:alert(1)'], ['ws://x.org:81/chat'], ['wss://x.org:443/'], ['ftp://x.org:21/'], ['http://münchen.de/'], ['http://xn--mnchen-3ya.de/'],
  ['http://example.com/a%2Fb'], ['http://ex ample.com'], ['nope'], [''], ['http://'], ['http://a:99999/'], ['https://example.com/?a=1&a=2&b=%zz'],
  ['  http://trim.me/  '], ['http://example.com\\path\\x'], ['http://user@host'], ['http://:pw@host/'], ['blob:https://a.b/uuid'],
  ['http://a/b', 'not a base'], ['foo://bar/baz'], ['foo:bar'],
  ['http://[2001:db8:0:0:0:0:0:1]/'], ['http://[::ffff:192.168.0.1]/'], ['http://[0:0:1:0:0:0:0:0]/'], ['http://[1:2:3:4:5:6:7:8]/'], ['http://[::]/'], ['http://[1::]/'], ['http://[g::1]/'],
  ['http://192.168.0.257/'], ['http://0300.0250.0.1/'], ['http://3232235521/'], ['http://1.2.3.4.5/'], ['http://foo.0x/'], ['http://1.2.3/'],
  ['http://example.com/a b/"q"<>`{}|?x=a b"\'<>#f g"<>`'], ['foo://h/a b/"q"<>?x=a \'"#f'], ['http://example.com/./a/../b/%2e/%2E%2e/c'],
  ['http://EXAMPLE.com./'], ['http://ex%41mple.com/'], ['http://a%00b/'], ['http://xn--/'], ['http://\u00e9xample.com/'], ['https://faß.de/'],
  ['file:///C:/x/../y'], ['file:C:/a'], ['file://localhost/etc'], ['/x', 'file:///a/b'], ['..', 'file:///C:/a'], ['http:/x.org/p'], ['http:x.org/p'], ['https:x', 'https://a/b'],
  ['http://a/b?c', 'http://z/'], ['', 'http://a/b?c#d'], ['#', 'http://a/b'], ['?', 'http://a/b#x'], ['http://a:0/'], ['http://a:080/'], ['http://a:/'], ['http://u:p:q@a/'], ['http://@a/'], ['http://a@b@c/'],
  ['non-spec:/.//p'], ['non-spec:/..//p'], ['sc://ñ.test/'], ['sc://a b/'], ['sc:// /'], ['data:,A%20b'], ['mailto:a?b#c d'],
];
for (const [input, base] of inputs) t(`URL ${JSON.stringify(input)}${base ? ` ${JSON.stringify(base)}` : ''}`, () => parts(base === undefined ? new URL(input) : new URL(input, base)));
t('canParse', () => [URL.canParse('http://x'), URL.canParse('nope'), URL.canParse('/p', 'http://x')]);
t('toString JSON', () => { const u = new URL('http://x.org/p?q#h'); return [String(u), u.toString(), u.toJSON(), JSON.stringify({ u })]; });
t('setters', () => {
  const u = new URL('http://example.com/p');
  u.pathname = '/new path';
  u.search = 'a=1 2';
  u.hash = 'frag ment';
  u.port = '8080';
  u.hostname = 'other.org';
  u.username = 'me';
  u.password = 'secret';
  u.protocol = 'https';
  const a = u.href;
  u.port = '443';
  u.host = 'h.io:99';
  u.search = '';
  u.hash = '';
  return [a, u.href];
});
t('more setters', () => {
  const out = [];
  const u = new URL('http://a.org:81/p?q#h');
  u.protocol = 'ftp'; out.push(u.href);
  u.protocol = 'foo'; out.push(u.href);
  u.protocol = 'https:'; out.push(u.href);
  u.port = '443'; out.push(u.href);
  u.port = '99999'; out.push(u.href);
  u.port = '12ab'; out.push(u.href);
  u.port = ''; out.push(u.href);
  u.hostname = 'b.org:5'; out.push(u.href);
  u.host = 'c.org:7/x'; out.push(u.href);
  u.host = ''; out.push(u.href);
  u.pathname = 'no/slash'; out.push(u.href);
  u.pathname = '/a?b#c'; out.push(u.href);
  u.search = '?x=1#y'; out.push(u.href);
  u.hash = '#z#w'; out.push(u.href);
  u.search = ''; u.hash = ''; out.push(u.href);
  const m = new URL('mailto:x@y');
  m.pathname = '/z'; m.host = 'h'; m.username = 'u'; m.port = '1'; out.push(m.href);
  const f = new URL('file:///a');
  f.username = 'u'; f.port = '5'; f.host = 'h.org'; out.push(f.href);
  return out;
});
t('href setter', () => { const u = new URL('http://a/'); u.href = 'https://b/c'; return u.href; });
t('href setter bad', () => { const u = new URL('http://a/'); u.href = 'nope'; });
t('URL()', () => new URL());
t('URL(1)', () => new URL(1));

// URLSearchParams
t('usp string', () => { const p = new URLSearchParams('?a=1&b=2&a=3&c=%20x+y&d'); return [p.toString(), p.get('a'), p.getAll('a'), p.get('c'), p.get('d'), p.get('zz'), p.has('b'), p.size]; });
t('usp object', () => new URLSearchParams({ a: '1', b: 'x y', c: 'é&=' }).toString());
t('usp pairs', () => new URLSearchParams([['a', '1'], ['a', '2']]).toString());
t('usp bad pair', () => new URLSearchParams([['a']]));
t('usp mutate', () => {
  const p = new URLSearchParams('b=2&a=1&b=3');
  p.append('c', '4');
  p.set('b', '9');
  p.delete('a');
  const before = p.toString();
  p.append('a', 'z');
  p.sort();
  return [before, p.toString(), [...p.keys()], [...p.values()], [...p.entries()], Array.from(p)];
});
t('usp forEach', () => { const out = []; new URLSearchParams('x=1&y=2').forEach((v, k) => out.push(`${k}=${v}`)); return out; });
t('usp linked', () => { const u = new URL('http://a/?x=1'); u.searchParams.append('y', '2 3'); u.searchParams.set('x', '&'); return [u.href, u.search]; });
t('usp from URL search', () => { const u = new URL('http://a/?q=1'); u.search = '?r=2'; return u.searchParams.get('r'); });
t('usp encode', () => new URLSearchParams({ s: "~!@#$%^&*()_+-=[]{}|;':\",./<>? é" }).toString());
t('usp delete value', () => { const p = new URLSearchParams('a=1&a=2'); p.delete('a', '1'); return p.toString(); });
t('usp has value', () => { const p = new URLSearchParams('a=1&a=2'); return [p.has('a', '2'), p.has('a', '3')]; });
t('usp tag', () => Object.prototype.toString.call(new URLSearchParams()));
t('url tag', () => Object.prototype.toString.call(new URL('http://x')));

// helpers
t('fileURLToPath', () => [url.fileURLToPath('file:///tmp/a%20b.txt'), url.fileURLToPath(new URL('file:///x/y'))]);
t('fileURLToPath http', () => url.fileURLToPath('http://x/y'));
t('fileURLToPath host', () => url.fileURLToPath('file://host/x'));
t('fileURLToPath bad', () => url.fileURLToPath(5));
t('fileURLToPath slash', () => url.fileURLToPath('file:///a%2Fb'));
t('pathToFileURL', () => [url.pathToFileURL('/tmp/a b#c?.txt').href, url.pathToFileURL('/x/').href]);
t('domainToASCII', () => [url.domainToASCII('münchen.de'), url.domainToASCII('xn--iñvalid.com'), url.domainToUnicode('xn--mnchen-3ya.de')]);
