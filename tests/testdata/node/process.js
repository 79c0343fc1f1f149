// process, as scripts use it: run by Node (gen.sh) and by jsrun, in the
// main runtime and in a thread; stdout and stderr must match.
'use strict';
const show = (label, f) => {
  try {
    console.log(label, f());
  } catch (e) {
    console.log(label, 'threw', e.name, e.code, e.message);
  }
};

show('types', () => ['pid', 'ppid', 'version', 'arch', 'platform', 'exitCode', 'argv', 'env', 'versions']
  .map((k) => `${k}:${typeof process[k]}`).join(' '));
show('functions', () => ['cwd', 'nextTick', 'hrtime', 'memoryUsage', 'uptime', 'exit', 'emitWarning', 'on', 'once', 'off', 'emit']
  .every((k) => typeof process[k] === 'function'));
show('pid', () => Number.isInteger(process.pid) && process.pid > 0 && Number.isInteger(process.ppid));
show('version', () => /^v\d+\.\d+\.\d+/.test(process.version));
show('cwd', () => typeof process.cwd() === 'string' && process.cwd().startsWith('/'));
show('arch', () => ['x64', 'arm64', 'ia32', 'arm', 'ppc64', 's390x', 'riscv64', 'loong64', 'mips', 'mipsel'].includes(process.arch));
show('require("process")', () => require('process') === process && require('node:process') === process);

// hrtime
show('hrtime', () => { const t = process.hrtime(); return t.length === 2 && t.every(Number.isInteger) && t[1] < 1e9; });
show('hrtime diff', () => { const t = process.hrtime(); const d = process.hrtime(t); return d[0] >= 0 && d[1] >= 0 && d[0] < 5; });
show('hrtime bad', () => process.hrtime(5));
show('hrtime bad length', () => process.hrtime([1, 2, 3]));
show('hrtime.bigint', () => { const a = process.hrtime.bigint(); const b = process.hrtime.bigint(); return typeof a === 'bigint' && b >= a; });
show('memoryUsage', () => Object.keys(process.memoryUsage()).join());
show('memoryUsage values', () => Object.values(process.memoryUsage()).every((v) => Number.isInteger(v) && v >= 0));
show('rss', () => process.memoryUsage.rss() > 0);
show('uptime', () => { const u = process.uptime(); return typeof u === 'number' && u >= 0 && u < 600; });

// exitCode
for (const v of ['a', '2', 1.5, 3, undefined, 2 ** 40, 0]) show(`exitCode = ${String(v)}`, () => { process.exitCode = v; return process.exitCode; });
show('exit bad code', () => process.exit('x'));

// the emitter
show('chain', () => process.on('custom', () => {}) === process && process.off('custom', () => {}) === process);
show('emit', () => {
  const seen = [];
  const a = (...args) => seen.push(`a:${args.join('+')}`);
  const b = function () { seen.push(`b:${this === process}`); };
  process.on('e', a);
  process.prependListener('e', b);
  process.once('e', () => seen.push('once'));
  const first = process.emit('e', 1, 2);
  const count = process.listenerCount('e');
  process.emit('e', 3);
  process.off('e', a);
  process.emit('e', 4);
  const none = process.emit('nobody');
  process.removeAllListeners('e');
  return [first, count, none, process.listenerCount('e'), ...seen].join(' ');
});
show('listeners', () => { const f = () => {}; process.on('l', f); const r = process.listeners('l')[0] === f; process.removeListener('l', f); return r; });
show('eventNames', () => { process.on('n1', () => {}); process.on('n2', () => {}); const r = process.eventNames().filter((n) => n === 'n1' || n === 'n2').join(); process.removeAllListeners('n1'); process.removeAllListeners('n2'); return r; });
show('on bad listener', () => process.on('x', 5));
show('emit error unhandled', () => process.emit('error', new TypeError('boom')));
show('emit throws', () => { process.once('t', () => { throw new RangeError('in listener'); }); return process.emit('t'); });

// nextTick: in order, with arguments, after the current code
const order = [];
process.nextTick((a, b) => order.push(`tick1 ${a} ${b}`), 'x', 'y');
process.nextTick(() => { order.push('tick2'); process.nextTick(() => order.push('tick3')); });
order.push('sync');
show('nextTick bad', () => process.nextTick(5));
setTimeout(() => console.log('order', order.join(', ')), 1);

// stdout and stderr
show('stdout.write', () => process.stdout.write('written\n'));
show('stderr.write', () => process.stderr.write('to stderr\n'));
show('write bytes', () => process.stdout.write(new Uint8Array([98, 121, 116, 101, 115, 10])));
show('write bad', () => process.stdout.write(5));
process.stdout.write('with callback\n', () => console.log('write callback ran'));

// warnings: printed to stderr, and emitted
process.on('warning', (w) => console.log('warning event', w.name, w.message, w.code, w.detail));
process.emitWarning('careful');
process.emitWarning('old', 'DeprecationWarning', 'DEP0999');
process.emitWarning('with options', { type: 'MyWarning', code: 'MY1', detail: 'more detail' });
show('emitWarning bad', () => process.emitWarning(5));

process.on('exit', (code) => console.log('exit event', code, process.exitCode));
