// Node-oracle test of path (POSIX): see scripts/node-expected.sh.
const path = require('node:path');
const log = (...a) => console.log(a.map((x) => JSON.stringify(x)).join(' '));

const samples = [
  '', '.', '..', '/', '//', '///', 'a', '/a', 'a/', '/a/', 'a/b', '/a/b/', 'a//b', '/a//b', '//a', '//a/b',
  'a/./b', 'a/../b', '../a', '../../a/b', '/../a', '/a/b/../../..', 'a/b/../../..', './', '.a', '..a', '...',
  'a.', 'a..', '.a.', 'a.b.c', '/x/y.tar.gz', 'dir/.hidden', 'dir/.hidden.txt', '/foo/bar/baz/asdf/quux.html',
  'file.', '/a/b.c/', 'a/b.c//', '.././a/./b/../c', 'é/ü.txt', ' /x ',
];
for (const p of samples) {
  log('normalize', p, path.normalize(p));
  log('dirname', p, path.dirname(p));
  log('basename', p, path.basename(p));
  log('extname', p, path.extname(p));
  log('isAbsolute', p, path.isAbsolute(p));
  log('parse', p, path.parse(p));
  log('format(parse)', p, path.format(path.parse(p)));
}

for (const [p, s] of [['a.txt', '.txt'], ['a.txt', 'txt'], ['a.txt', 'a.txt'], ['.txt', '.txt'], ['/x/a.txt/', '.txt'], ['a', ''], ['aaa', 'a'], ['/', 'x']]) {
  log('basename', p, s, path.basename(p, s));
}

const joins = [[], [''], ['', ''], ['a', 'b'], ['/a', '/b'], ['a', '', 'b'], ['a/', '/b/'], ['..', 'a'], ['/', '..', 'a'], ['a', '../..', 'b'], ['./', './a'], ['a', '.']];
for (const j of joins) log('join', j, path.join(...j));

const resolves = [['/a', 'b', 'c'], ['/a', '/b', 'c'], ['/a/b', '../c'], ['/', 'a/..'], ['/a/', 'b/', ''], ['/a', '..', '..', '..'], ['/x', './y/'], ['/foo/bar', './baz']];
for (const r of resolves) log('resolve', r, path.resolve(...r));

const relatives = [['/a/b', '/a/b'], ['/a/b', '/a/b/c'], ['/a/b/c', '/a/b'], ['/a/b/c', '/a/d'], ['/', '/a'], ['/a', '/'], ['/data/orandea/test/aaa', '/data/orandea/impl/bbb'], ['/a/bc', '/a/b'], ['/a/b', '/a/bc'], ['/a//b/', '/a/b/c/']];
for (const [f, t] of relatives) log('relative', f, t, path.relative(f, t));

const formats = [{ root: '/', dir: '/home/u', base: 'f.txt' }, { root: '/', base: 'f.txt' }, { name: 'f', ext: 'txt' }, { name: 'f', ext: '.txt' }, { dir: 'a', name: 'f', ext: '.js', base: '' }, { root: '/', dir: '/', base: 'x' }, {}];
for (const f of formats) log('format', f, path.format(f));

log('sep', path.sep, 'delimiter', path.delimiter, 'posix', path.posix === path, path.posix.join('a', 'b'));
log('names', path.join.name, path.resolve.name, typeof path.toNamespacedPath, path.toNamespacedPath('/a'));
log('resolve relative is absolute', path.isAbsolute(path.resolve('x')), path.resolve('') === path.resolve('.'));

function error(label, f) {
  try {
    f();
    log(label, 'no error');
  } catch (e) {
    log(label, e.name, e.code, e.message, String(e), e.stack.split('\n')[0], Object.keys(e));
  }
}
error('join(1)', () => path.join('a', 1));
error('normalize(null)', () => path.normalize(null));
error('dirname({})', () => path.dirname({}));
error('basename(x, 1)', () => path.basename('x', 1));
error('extname([])', () => path.extname([]));
error('relative(1)', () => path.relative(1, 'a'));
error('relative(a, 1)', () => path.relative('a', 1));
error('resolve(a, 1)', () => path.resolve('a', 1, 'b'));
error('isAbsolute(undefined)', () => path.isAbsolute());
error('parse(Symbol)', () => path.parse(Symbol('s')));
error('format(null)', () => path.format(null));
error('format(str)', () => path.format('x'));
error('join(fn)', () => path.join(function named() {}));
error('join(10n)', () => path.join(10n));
error('join(long)', () => path.join(1, 'x'.repeat(40)));
