// Node-oracle test of timers/promises: see scripts/node-expected.sh.
const tp = require('node:timers/promises');
const same = require('timers/promises');
const log = (...a) => console.log(a.map((x) => (typeof x === 'string' ? x : JSON.stringify(x))).join(' '));
const show = (e) => (e instanceof Error
  ? JSON.stringify([e.name, e.code, e.message, String(e), e.stack.split('\n')[0], Object.keys(e), e.cause === undefined ? 'no cause' : String(e.cause)])
  : JSON.stringify(e));

log('module', tp === same, typeof tp.setTimeout, typeof tp.setImmediate, typeof tp.scheduler.wait, typeof tp.scheduler.yield, tp.setTimeout.name, tp.setImmediate.name);

(async () => {
  // Timers and immediates are ordered among their own kind: which comes
  // first depends, in Node, on how long the script took. The late timer
  // is far off so that a slow start (a loaded machine, a thread) cannot
  // make it due before the short ones registered after it.
  const order = [];
  const imms = [];
  const p1 = tp.setTimeout(200, 'late').then((v) => order.push(`timeout 200:${v}`));
  const p2 = tp.setTimeout(1, 'early').then((v) => order.push(`timeout 1:${v}`));
  setTimeout(() => order.push('global setTimeout 1'), 1);
  const p3 = tp.setImmediate('imm').then((v) => imms.push(`immediate:${v}`));
  const p4 = tp.setTimeout().then((v) => order.push(`no delay:${v}`));
  const p5 = tp.setTimeout(-5, 'negative').then((v) => order.push(`negative:${v}`));
  const p6 = tp.scheduler.wait(2).then((v) => order.push(`wait:${v}`));
  const p7 = tp.scheduler.yield().then((v) => imms.push(`yield:${v}`));
  setImmediate(() => imms.push('global setImmediate'));
  order.push('sync');
  await Promise.all([p1, p2, p3, p4, p5, p6, p7]);
  log('order', order, imms);

  const ac = new AbortController();
  const aborted = tp.setTimeout(50, 'v', { signal: ac.signal });
  ac.abort('why');
  try {
    await aborted;
  } catch (e) {
    log('aborted timeout', show(e));
  }
  const ac2 = new AbortController();
  const imm = tp.setImmediate('v', { signal: ac2.signal });
  ac2.abort();
  try {
    await imm;
  } catch (e) {
    log('aborted immediate', show(e), e.cause.name);
  }
  try {
    await tp.setTimeout(1, 'v', { signal: AbortSignal.abort(7) });
  } catch (e) {
    log('pre-aborted', show(e));
  }
  const ac3 = new AbortController();
  log('not aborted', await tp.setTimeout(1, 'fine', { signal: ac3.signal }));
  ac3.abort(); // after it settled: nothing
  log('with ref false and something else alive', await Promise.race([tp.setTimeout(1, 'unref', { ref: false }), tp.setTimeout(30, 'ref')]));

  const bad = [
    ['delay x', () => tp.setTimeout('x')],
    ['delay null', () => tp.setTimeout(null)],
    ['options 5', () => tp.setTimeout(1, 1, 5)],
    ['options null', () => tp.setTimeout(1, 1, null)],
    ['options array', () => tp.setTimeout(1, 1, [])],
    ['signal 5', () => tp.setTimeout(1, 1, { signal: 5 })],
    ['signal null', () => tp.setTimeout(1, 1, { signal: null })],
    ['ref 5', () => tp.setTimeout(1, 1, { ref: 5 })],
    ['immediate options 5', () => tp.setImmediate(1, 5)],
    ['immediate signal {}', () => tp.setImmediate(1, { signal: {} })],
  ];
  for (const [label, f] of bad) {
    let p;
    try {
      p = f();
    } catch (e) {
      log(label, 'threw synchronously', show(e));
      continue;
    }
    try {
      await p;
      log(label, 'resolved');
    } catch (e) {
      log(label, 'rejected', show(e));
    }
  }
})();
