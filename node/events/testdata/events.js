// Node-oracle test of events: see scripts/node-expected.sh.
const EventEmitter = require('node:events');
const events = require('events');
const log = (...a) => console.log(a.map((x) => (typeof x === 'string' ? x : JSON.stringify(x))).join(' '));
const names = (list) => list.map((x) => (typeof x === 'symbol' ? x.toString() : x));
const show = (e) => (e instanceof Error
  ? JSON.stringify([e.name, e.code, e.message, String(e), e.stack.split('\n')[0], Object.keys(e)])
  : JSON.stringify(e === undefined ? 'undefined' : e));
const t = (label, f) => {
  try {
    log(label, 'ok', show(f()));
  } catch (e) {
    log(label, 'throws', show(e));
  }
};

log('module', events === EventEmitter, EventEmitter.EventEmitter === EventEmitter, typeof EventEmitter, EventEmitter.name, EventEmitter.length);
log('statics', EventEmitter.defaultMaxListeners, String(EventEmitter.errorMonitor), EventEmitter.captureRejectionSymbol === Symbol.for('nodejs.rejection'), EventEmitter.captureRejections, EventEmitter.usingDomains);
log('typeof', ['once', 'getEventListeners', 'setMaxListeners', 'getMaxListeners', 'listenerCount', 'addAbortListener', 'init'].map((k) => typeof EventEmitter[k]));
const methods = ['on', 'addListener', 'once', 'off', 'removeListener', 'emit', 'prependListener', 'prependOnceListener', 'listenerCount', 'listeners', 'rawListeners', 'eventNames', 'removeAllListeners', 'setMaxListeners', 'getMaxListeners'];
log('methods', methods.map((m) => `${m}:${typeof EventEmitter.prototype[m]}:${EventEmitter.prototype[m].name}`));
log('aliases', EventEmitter.prototype.on === EventEmitter.prototype.addListener, EventEmitter.prototype.off === EventEmitter.prototype.removeListener);

{
  const e = new EventEmitter();
  log('fresh keys', Object.keys(e), e._eventsCount, e._maxListeners === undefined, Object.getPrototypeOf(e._events));
  const order = [];
  e.on('x', (a, b) => order.push(`on1:${a}:${b}`));
  e.on('x', function () { order.push(`this:${this === e}`); });
  e.prependListener('x', () => order.push('prepended'));
  e.once('x', () => order.push('once'));
  e.prependOnceListener('x', () => order.push('prepended-once'));
  log('emit x', e.emit('x', 1, 2), 'emit x again', e.emit('x', 3, 4), 'emit none', e.emit('none'));
  log('order', order);
  log('count', e.listenerCount('x'), e.listeners('x').length, e.rawListeners('x').length, e._eventsCount);
}
{
  const e = new EventEmitter();
  const seen = [];
  e.on('newListener', (type, l) => seen.push(`new:${String(type)}:${l.name}`));
  e.on('removeListener', (type, l) => seen.push(`removed:${String(type)}:${l.name}`));
  function a() {}
  function b() {}
  e.on('x', a);
  e.once('x', b);
  const sym = Symbol('sym');
  e.on(sym, a);
  log('eventNames', names(e.eventNames()));
  log('listeners unwrap', e.listeners('x').map((f) => f.name), 'raw has listener', e.rawListeners('x')[1].listener === b);
  log('listenerCount with listener', e.listenerCount('x', b), e.listenerCount('x', a), e.listenerCount('x', () => {}));
  e.removeListener('x', b); // a once listener, by its original function
  e.off('x', a);
  e.removeListener('nothing', a);
  e.removeListener('x', a);
  log('seen', seen);
  e.removeAllListeners();
  log('after removeAll', names(e.eventNames()), e._eventsCount, seen.slice(-3));
}
{
  const e = new EventEmitter();
  const f = () => {};
  e.on('x', f);
  e.on('x', f);
  e.on('x', () => {});
  e.removeListener('x', f); // the last one added
  log('remove last match', e.listenerCount('x'));
  e.removeAllListeners('x');
  log('removeAll x', e.listenerCount('x'), e.eventNames().length);
  const calls = [];
  const g = () => { calls.push('g'); e.removeListener('y', h); };
  const h = () => calls.push('h');
  e.on('y', g);
  e.on('y', h);
  e.emit('y');
  e.emit('y');
  log('removal during emit', calls);
}
{
  const e = new EventEmitter();
  t('emit error Error', () => e.emit('error', new TypeError('bad thing')));
  t('emit error string', () => e.emit('error', 'boom'));
  t('emit error none', () => e.emit('error'));
  t('emit error object', () => { try { e.emit('error', { a: 1 }); } catch (err) { return [err.message, err.context]; } });
  t('emit error number', () => { try { e.emit('error', 42); } catch (err) { return [err.message, err.context, Object.keys(err)]; } });
  const monitored = [];
  e.on(EventEmitter.errorMonitor, (err) => monitored.push(`monitor:${err.message}`));
  t('errorMonitor then throw', () => e.emit('error', new Error('watched')));
  e.on('error', (err) => monitored.push(`handler:${err.message}`));
  t('handled error', () => e.emit('error', new Error('handled')));
  log('monitored', monitored);
  t('listener throws', () => { const x = new EventEmitter(); x.on('a', () => { throw new RangeError('inside'); }); x.emit('a'); });
}
t('on(x, 1)', () => new EventEmitter().on('x', 1));
t('once(x)', () => new EventEmitter().once('x'));
t('off(x, null)', () => new EventEmitter().off('x', null));
t('prependListener(x, {})', () => new EventEmitter().prependListener('x', {}));
t('setMaxListeners(-1)', () => new EventEmitter().setMaxListeners(-1));
t('setMaxListeners(x)', () => new EventEmitter().setMaxListeners('x'));
t('setMaxListeners(NaN)', () => new EventEmitter().setMaxListeners(NaN));
t('defaultMaxListeners = -1', () => { EventEmitter.defaultMaxListeners = -1; });
t('defaultMaxListeners = x', () => { EventEmitter.defaultMaxListeners = 'x'; });
t('maxListeners', () => { const e = new EventEmitter(); const a = e.getMaxListeners(); e.setMaxListeners(3); return [a, e.getMaxListeners(), e.setMaxListeners(0) === e, EventEmitter.getMaxListeners(e)]; });
t('events.setMaxListeners(x)', () => events.setMaxListeners('x'));
t('events.setMaxListeners(1, 5)', () => events.setMaxListeners(1, 5));
t('getEventListeners(1)', () => events.getEventListeners(1, 'x'));
t('getEventListeners', () => {
  const e = new EventEmitter();
  function l1() {}
  e.once('x', l1);
  const et = new EventTarget();
  function l2() {}
  et.addEventListener('y', l2);
  return [events.getEventListeners(e, 'x').map((f) => f.name), events.getEventListeners(et, 'y').map((f) => f.name), events.getEventListeners(et, 'z').length];
});
t('listenerCount static', () => { const e = new EventEmitter(); e.on('a', () => {}); return EventEmitter.listenerCount(e, 'a'); });
t('chaining', () => { const e = new EventEmitter(); const f = () => {}; return [e.on('a', f) === e, e.once('a', f) === e, e.off('a', f) === e, e.removeAllListeners() === e, e.prependListener('a', f) === e]; });

// Subclasses, old style and new.
{
  class Foo extends EventEmitter {
    constructor() {
      super();
      this.name = 'foo';
    }
  }
  const foo = new Foo();
  foo.on('hi', function (x) { log('class listener', this.name, x, this instanceof Foo, this instanceof EventEmitter); });
  foo.emit('hi', 1);
  function Old() {
    EventEmitter.call(this);
    this.name = 'old';
  }
  Object.setPrototypeOf(Old.prototype, EventEmitter.prototype);
  const old = new Old();
  old.on('hi', function (x) { log('old-style listener', this.name, x); });
  old.emit('hi', 2);
  log('old keys', Object.keys(old));
  const bare = Object.create(EventEmitter.prototype);
  bare.on('z', () => log('emitter without init works'));
  bare.emit('z');
}

// events.once and addAbortListener.
(async () => {
  const e = new EventEmitter();
  setTimeout(() => e.emit('ready', 1, 'two'), 1);
  log('once resolved', await events.once(e, 'ready'));
  log('listeners left', e.listenerCount('ready'), e.listenerCount('error'));
  setTimeout(() => e.emit('error', new Error('failed')), 1);
  try {
    await events.once(e, 'never');
  } catch (err) {
    log('once rejected', show(err), e.listenerCount('never'), e.listenerCount('error'));
  }
  setTimeout(() => e.emit('error', 'err value'), 1);
  log('once error event', await events.once(e, 'error'));
  const ac = new AbortController();
  setTimeout(() => ac.abort('stop'), 1);
  try {
    await events.once(e, 'never', { signal: ac.signal });
  } catch (err) {
    log('once aborted', show(err), JSON.stringify(err.cause), e.listenerCount('never'), e.listenerCount('error'));
  }
  try {
    await events.once(e, 'never', { signal: AbortSignal.abort() });
  } catch (err) {
    log('once pre-aborted', show(err), err.cause.name);
  }
  for (const [label, args] of [['once(1)', [1, 'x']], ['once signal 1', [e, 'x', { signal: 1 }]]]) {
    try {
      await events.once(...args);
    } catch (err) {
      log(label, show(err));
    }
  }
  const et = new EventTarget();
  setTimeout(() => et.dispatchEvent(new Event('ping')), 1);
  const [ev] = await events.once(et, 'ping');
  log('once EventTarget', ev.type, ev instanceof Event, events.getEventListeners(et, 'ping').length);

  const ac2 = new AbortController();
  const order = [];
  events.addAbortListener(ac2.signal, () => order.push('abort listener'));
  ac2.abort();
  events.addAbortListener(ac2.signal, () => order.push('already aborted'));
  order.push('sync');
  await null;
  await null;
  log('addAbortListener', order);
  t('addAbortListener(1)', () => events.addAbortListener(1, () => {}));
  t('addAbortListener(signal, 1)', () => events.addAbortListener(new AbortController().signal, 1));
  t('addAbortListener()', () => events.addAbortListener());
})();
