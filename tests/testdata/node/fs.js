// fs, as scripts use it: sync, callback and promise forms. Run by Node
// (gen.sh) and jsrun (main and thread), each in an empty directory.
'use strict';
const fs = require('fs');
const fsp = require('fs/promises');
const show = (label, f) => {
  try {
    const v = f();
    console.log(label, v === undefined ? 'undefined' : JSON.stringify(v));
  } catch (e) {
    console.log(label, 'threw', e.name, e.code, e.syscall, e.message);
  }
};
const showAsync = async (label, p) => {
  try {
    const v = await p;
    console.log(label, v === undefined ? 'undefined' : JSON.stringify(v));
  } catch (e) {
    console.log(label, 'rejected', e.name, e.code, e.syscall, e.message);
  }
};
const cb = (label, fn, ...args) => new Promise((resolve) => {
  fn(...args, (err, v) => {
    if (err) console.log(label, 'cb error', err.name, err.code, err.syscall, err.message);
    else console.log(label, 'cb', v === undefined ? 'undefined' : JSON.stringify(v));
    resolve();
  });
});

console.log('same module', require('node:fs') === fs, fs.promises === fsp, require('node:fs/promises') === fsp);

// sync
show('mkdirSync', () => fs.mkdirSync('d/e', { recursive: true }));
show('mkdirSync again', () => fs.mkdirSync('d/e', { recursive: true }));
show('mkdirSync exists', () => fs.mkdirSync('d'));
show('writeFileSync', () => fs.writeFileSync('d/e/f.txt', 'hello'));
show('writeFileSync wx', () => fs.writeFileSync('d/e/f.txt', 'x', { flag: 'wx' }));
show('writeFileSync bad flag', () => fs.writeFileSync('d/e/f.txt', 'x', { flag: 'q' }));
show('writeFileSync bad data', () => fs.writeFileSync('d/e/g.txt', 5));
show('writeFileSync typed', () => { fs.writeFileSync('d/e/t.bin', new Uint16Array([0x6968, 0x0a21])); return fs.readFileSync('d/e/t.bin', 'utf8'); });
show('writeFileSync DataView', () => { fs.writeFileSync('d/e/dv.bin', new DataView(new Uint8Array([65, 66, 67, 68]).buffer, 1, 2)); return fs.readFileSync('d/e/dv.bin', 'utf8'); });
show('appendFileSync', () => { fs.appendFileSync('d/e/f.txt', ' world'); fs.appendFileSync('d/e/f.txt', new Uint8Array([33])); return fs.readFileSync('d/e/f.txt', 'utf8'); });
show('writeFileSync flag a', () => { fs.writeFileSync('d/e/f.txt', '?', { flag: 'a' }); return fs.readFileSync('d/e/f.txt', { encoding: 'utf8' }); });
show('readFileSync utf-8', () => fs.readFileSync('d/e/f.txt', 'utf-8'));
show('readFileSync bad encoding', () => fs.readFileSync('d/e/f.txt', 'klingon'));
show('readFileSync missing', () => fs.readFileSync('nope.txt'));
show('readFileSync dir', () => fs.readFileSync('d'));
show('readFileSync bad path', () => fs.readFileSync({}));
show('readFileSync null byte', () => fs.readFileSync('a\0b'));
show('readFileSync length', () => fs.readFileSync('d/e/f.txt').length);
show('readFileSync Buffer', () => { const b = fs.readFileSync('d/e/f.txt'); return [Buffer.isBuffer(b), String(b), b.toString('hex'), require('util').inspect(b)]; });
show('readFileSync encodings', () => ['base64', 'hex', 'latin1', 'ascii', 'utf16le', 'base64url'].map((e) => fs.readFileSync('d/e/f.txt', e)));
show('writeFileSync encodings', () => { fs.writeFileSync('d/e/h.txt', '68c3a9', 'hex'); fs.appendFileSync('d/e/h.txt', 'IQ==', { encoding: 'base64' }); return fs.readFileSync('d/e/h.txt', 'utf8'); });
show('writeFileSync Buffer', () => { fs.writeFileSync('d/e/b.bin', Buffer.from([1, 2, 255])); return [...fs.readFileSync('d/e/b.bin')]; });
show('readdirSync', () => fs.readdirSync('d/e'));
show('readdirSync types', () => fs.readdirSync('d', { withFileTypes: true }).map((e) => [e.name, e.isDirectory(), e.isFile(), e.constructor.name]));
show('readdirSync missing', () => fs.readdirSync('nope'));
show('statSync', () => { const s = fs.statSync('d/e/f.txt'); return [s.isFile(), s.isDirectory(), s.isSymbolicLink(), s.size, (s.mode & 0o170000).toString(8), s.constructor.name, s.mtime instanceof Date, typeof s.mtimeMs, s.nlink]; });
show('statSync dir', () => { const s = fs.statSync('d'); return [s.isFile(), s.isDirectory(), (s.mode & 0o170000).toString(8)]; });
show('statSync missing', () => fs.statSync('nope'));
show('lstatSync', () => fs.lstatSync('d/e/f.txt').isFile());
show('existsSync', () => [fs.existsSync('d'), fs.existsSync('nope'), fs.existsSync(5), fs.existsSync()]);
show('accessSync', () => fs.accessSync('d'));
show('accessSync missing', () => fs.accessSync('nope'));
show('copyFileSync', () => { fs.copyFileSync('d/e/f.txt', 'd/copy.txt'); return fs.readFileSync('d/copy.txt', 'utf8'); });
show('copyFileSync excl', () => fs.copyFileSync('d/e/f.txt', 'd/copy.txt', fs.constants.COPYFILE_EXCL));
show('copyFileSync missing', () => fs.copyFileSync('nope', 'd/x'));
show('copyFileSync to dir', () => fs.copyFileSync('d/copy.txt', 'd'));
show('renameSync', () => { fs.renameSync('d/copy.txt', 'd/moved.txt'); return [fs.existsSync('d/copy.txt'), fs.existsSync('d/moved.txt')]; });
show('renameSync missing', () => fs.renameSync('nope', 'x'));
show('mkdtempSync', () => { const d = fs.mkdtempSync('tmp-'); const ok = /^tmp-[A-Za-z0-9]{6}$/.test(d) && fs.statSync(d).isDirectory(); fs.rmdirSync(d); return ok; });
show('mkdtempSync missing dir', () => fs.mkdtempSync('nodir/x-'));
show('mkdtempSync bad', () => fs.mkdtempSync(5));
show('unlinkSync dir', () => fs.unlinkSync('d'));
show('unlinkSync', () => { fs.unlinkSync('d/moved.txt'); return fs.existsSync('d/moved.txt'); });
show('unlinkSync missing', () => fs.unlinkSync('d/moved.txt'));
show('rmdirSync not empty', () => fs.rmdirSync('d'));
show('rmdirSync file', () => fs.rmdirSync('d/e/f.txt'));
show('rmSync dir', () => fs.rmSync('d'));
show('rmSync missing', () => fs.rmSync('nope'));
show('rmSync missing force', () => fs.rmSync('nope', { force: true }));
show('constants', () => [fs.constants.F_OK, fs.constants.R_OK, fs.constants.W_OK, fs.constants.X_OK, fs.constants.COPYFILE_EXCL]);

(async () => {
  // callbacks
  await cb('readFile', fs.readFile, 'd/e/f.txt', 'utf8');
  await cb('readFile options', fs.readFile, 'd/e/f.txt', { encoding: 'utf8' });
  await cb('readFile missing', fs.readFile, 'nope');
  await new Promise((res) => fs.readFile('d/e/f.txt', (err, b) => { console.log('readFile Buffer', err, Buffer.isBuffer(b), String(b)); res(); }));
  await cb('readFile dir', fs.readFile, 'd');
  await cb('writeFile', fs.writeFile, 'd/w.txt', 'written');
  await cb('appendFile', fs.appendFile, 'd/w.txt', '+more');
  await cb('readFile after', fs.readFile, 'd/w.txt', 'utf8');
  await cb('readdir', fs.readdir, 'd');
  await cb('stat', (p, c) => fs.stat(p, (e, s) => c(e, s && [s.isFile(), s.size])), 'd/w.txt');
  await cb('mkdir', fs.mkdir, 'd/m');
  await cb('rename', fs.rename, 'd/w.txt', 'd/m/w.txt');
  await cb('copyFile', fs.copyFile, 'd/m/w.txt', 'd/m/c.txt');
  await cb('unlink', fs.unlink, 'd/m/c.txt');
  await cb('access missing', fs.access, 'nope');
  show('readFile no callback', () => fs.readFile('d/e/f.txt'));
  show('readFile bad callback', () => fs.readFile('d/e/f.txt', 'utf8'));
  show('readFile bad path', () => fs.readFile({}, () => {}));
  // promises
  await showAsync('promises readFile', fsp.readFile('d/m/w.txt', 'utf8'));
  await showAsync('promises readFile missing', fsp.readFile('nope'));
  await showAsync('promises readFile Buffer', fsp.readFile('d/m/w.txt').then((b) => [Buffer.isBuffer(b), b.toString()]));
  await showAsync('promises readFile bad path', fsp.readFile({}));
  await showAsync('promises writeFile', fsp.writeFile('d/p.txt', 'promised'));
  await showAsync('promises appendFile', fsp.appendFile('d/p.txt', '!'));
  await showAsync('promises readFile after', fsp.readFile('d/p.txt', { encoding: 'utf8' }));
  await showAsync('promises readdir', fsp.readdir('d'));
  await showAsync('promises stat', fsp.stat('d/p.txt').then((s) => [s.isFile(), s.size]));
  await showAsync('promises mkdir', fsp.mkdir('d/q/r', { recursive: true }));
  await showAsync('promises mkdtemp', fsp.mkdtemp('d/q/t-').then((p) => /^d\/q\/t-[A-Za-z0-9]{6}$/.test(p)));
  await showAsync('promises rename', fsp.rename('d/p.txt', 'd/q/p.txt'));
  await showAsync('promises copyFile', fsp.copyFile('d/q/p.txt', 'd/q/c.txt'));
  await showAsync('promises unlink', fsp.unlink('d/q/c.txt'));
  await showAsync('promises access', fsp.access('d/q/p.txt'));
  await showAsync('promises rm dir', fsp.rm('d'));
  await showAsync('promises rm', fsp.rm('d', { recursive: true }));
  await showAsync('promises lstat missing', fsp.lstat('d'));
  // many at once
  await Promise.all(Array.from({ length: 20 }, (_, i) => fsp.writeFile(`n${i}.txt`, String(i))));
  const texts = await Promise.all(Array.from({ length: 20 }, (_, i) => fsp.readFile(`n${i}.txt`, 'utf8')));
  console.log('parallel', texts.join(','));
  await Promise.all(Array.from({ length: 20 }, (_, i) => fsp.unlink(`n${i}.txt`)));
  console.log('left', fs.readdirSync('.'));
})();
