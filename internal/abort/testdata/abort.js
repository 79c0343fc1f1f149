// Node-oracle test of AbortController, AbortSignal, Event, EventTarget and
// DOMException: see scripts/node-expected.sh.
const log = (...a) => console.log(a.map((x) => (typeof x === 'string' ? x : JSON.stringify(x))).join(' '));
const show = (e) => (e instanceof Error || e instanceof DOMException
  ? JSON.stringify([e.name, e.code, e.message, String(e), e.stack.split('\n')[0], Object.keys(e), e instanceof DOMException, e instanceof Error])
  : JSON.stringify(e === undefined ? 'undefined' : e));
const t = (label, f) => {
  try {
    log(label, 'ok', show(f()));
  } catch (e) {
    log(label, 'throws', show(e));
  }
};

// DOMException
t('DOMException()', () => new DOMException());
t('DOMException(m, Custom)', () => new DOMException('m', 'Custom'));
t('DOMException(m, AbortError)', () => new DOMException('m', 'AbortError'));
t('DOMException(m, {name, cause})', () => { const e = new DOMException('m', { name: 'DataCloneError', cause: 5 }); return [e.name, e.code, e.cause, Object.getOwnPropertyNames(e).sort()]; });
t('DOMException(1, 2)', () => new DOMException(1, 2));
t('DOMException consts', () => [DOMException.ABORT_ERR, DOMException.TIMEOUT_ERR, DOMException.DATA_CLONE_ERR, DOMException.prototype.INDEX_SIZE_ERR]);
t('DOMException tag', () => Object.prototype.toString.call(new DOMException('x')));
t('DOMException own', () => Object.getOwnPropertyNames(new DOMException('x', 'AbortError')));

// Event
t('new Event()', () => new Event());
t('new Event(1)', () => new Event(1).type);
t('new Event(x, 1)', () => new Event('x', 1));
t('Event props', () => { const e = new Event('x', { cancelable: true }); e.preventDefault(); return [e.type, e.bubbles, e.cancelable, e.composed, e.defaultPrevented, e.eventPhase, e.isTrusted, e.target, e.currentTarget, typeof e.timeStamp, e.returnValue, e.cancelBubble, Object.keys(e), Event.AT_TARGET, e.composedPath().length]; });
t('Event not cancelable', () => { const e = new Event('x'); e.preventDefault(); return e.defaultPrevented; });
t('Event tag', () => Object.prototype.toString.call(new Event('x')));

// EventTarget
t('add()', () => new EventTarget().addEventListener());
t('add(x)', () => new EventTarget().addEventListener('x'));
t('add(x, 1)', () => new EventTarget().addEventListener('x', 1));
t('add(x, f, {signal: 1})', () => new EventTarget().addEventListener('x', () => {}, { signal: 1 }));
t('dispatch(1)', () => new EventTarget().dispatchEvent(1));
t('dispatch()', () => new EventTarget().dispatchEvent());
t('remove()', () => new EventTarget().removeEventListener());
t('EventTarget tag', () => Object.prototype.toString.call(new EventTarget()));
{
  const et = new EventTarget();
  const order = [];
  const f = (e) => order.push(`f:${e.type}:${e.target === et}:${e.currentTarget === et}:${e.eventPhase}`);
  et.addEventListener('a', f);
  et.addEventListener('a', f); // a duplicate is ignored
  et.addEventListener('a', { handleEvent(e) { order.push(`obj:${this !== et}`); } });
  et.addEventListener('a', () => order.push('once'), { once: true });
  et.addEventListener('a', function () { order.push(`this:${this === et}`); });
  et.addEventListener('b', (e) => { order.push('b1'); e.stopImmediatePropagation(); });
  et.addEventListener('b', () => order.push('b2'));
  et.addEventListener('c', (e) => { e.preventDefault(); order.push(`passive:${e.defaultPrevented}`); }, { passive: true });
  et.addEventListener('d', (e) => { e.preventDefault(); });
  log('dispatch a', et.dispatchEvent(new Event('a')));
  log('dispatch a again', et.dispatchEvent(new Event('a')));
  log('dispatch b', et.dispatchEvent(new Event('b')));
  log('dispatch c', et.dispatchEvent(new Event('c', { cancelable: true })));
  log('dispatch d', et.dispatchEvent(new Event('d', { cancelable: true })));
  et.removeEventListener('a', f);
  log('after remove', et.dispatchEvent(new Event('a')));
  log('order', order);
  const e = new Event('r');
  et.addEventListener('r', () => t('recursion', () => et.dispatchEvent(e)));
  et.dispatchEvent(e);
  const ac = new AbortController();
  et.addEventListener('s', () => log('signal listener ran'), { signal: ac.signal });
  ac.abort();
  log('dispatch s after abort', et.dispatchEvent(new Event('s')));
  const removed = [];
  et.addEventListener('m', () => { removed.push(1); et.removeEventListener('m', g); });
  const g = () => removed.push(2);
  et.addEventListener('m', g);
  et.dispatchEvent(new Event('m'));
  log('removed during dispatch', removed);
}

// AbortSignal and AbortController
t('new AbortSignal', () => new AbortSignal());
t('any(1)', () => AbortSignal.any(1));
t('any([1])', () => AbortSignal.any([1]));
t('any()', () => AbortSignal.any());
t('timeout()', () => AbortSignal.timeout());
t('timeout(1.5)', () => AbortSignal.timeout(1.5));
t('timeout(-1)', () => AbortSignal.timeout(-1));
t('timeout(2**32)', () => AbortSignal.timeout(2 ** 32));
t('aborted getter this', () => Object.getOwnPropertyDescriptor(AbortSignal.prototype, 'aborted').get.call({}));
t('throwIfAborted this', () => AbortSignal.prototype.throwIfAborted.call({}));
t('tags', () => [Object.prototype.toString.call(new AbortController()), Object.prototype.toString.call(new AbortController().signal)]);
t('keys', () => [Object.keys(new AbortController()), Object.keys(new AbortController().signal)]);
t('signal is EventTarget', () => [new AbortController().signal instanceof EventTarget, typeof AbortSignal.prototype.addEventListener]);
{
  const ac = new AbortController();
  const s = ac.signal;
  const order = [];
  log('before', s.aborted, show(s.reason), s.onabort);
  s.addEventListener('abort', (e) => order.push(`listener1:${e.type}:${e.isTrusted}:${e.target === s}:${s.aborted}`));
  s.onabort = (e) => order.push(`onabort1:${e.constructor.name}`);
  s.addEventListener('abort', () => order.push('listener2'));
  s.onabort = (e) => order.push('onabort2'); // keeps the first one's place
  t('throwIfAborted before', () => s.throwIfAborted());
  ac.abort();
  ac.abort('again'); // nothing
  log('order', order);
  log('after', s.aborted, show(s.reason), typeof s.onabort);
  t('throwIfAborted after', () => s.throwIfAborted());
}
{
  const ac = new AbortController();
  ac.abort('why');
  t('reason string', () => ac.signal.reason);
  const ac2 = new AbortController();
  ac2.abort(null);
  t('reason null', () => ac2.signal.reason);
  const ac3 = new AbortController();
  const err = new RangeError('custom');
  ac3.abort(err);
  t('reason error is same', () => ac3.signal.reason === err);
  t('throwIfAborted custom', () => ac3.signal.throwIfAborted());
  const ac4 = new AbortController();
  ac4.signal.onabort = () => log('never');
  ac4.signal.onabort = null;
  ac4.abort();
  log('onabort null', ac4.signal.onabort);
}
t('AbortSignal.abort()', () => AbortSignal.abort().reason);
t('AbortSignal.abort(5)', () => [AbortSignal.abort(5).aborted, AbortSignal.abort(5).reason]);
{
  const a = new AbortController();
  const b = new AbortController();
  const any = AbortSignal.any([a.signal, b.signal]);
  any.addEventListener('abort', () => log('any aborted', show(any.reason)));
  log('any before', any.aborted);
  b.abort('from b');
  a.abort('from a');
  log('any after', any.aborted, show(any.reason));
  t('any of aborted', () => AbortSignal.any([new AbortController().signal, AbortSignal.abort('x')]).reason);
  t('any of none', () => AbortSignal.any([]).aborted);
}
{
  const s = AbortSignal.timeout(5);
  const early = AbortSignal.timeout(1);
  log('timeout before', s.aborted);
  s.onabort = (ev) => {
    log('timeout fired', ev.type, ev.isTrusted, show(s.reason), early.aborted);
    t('throwIfAborted timeout', () => s.throwIfAborted());
  };
  // An unref'd timer fires while something else keeps the loop alive.
  setTimeout(() => log('done'), 50);
  // One left alone does not keep it alive.
  AbortSignal.timeout(100000);
}
// An exception in a listener is reported as uncaught: abort_test.go checks it.
