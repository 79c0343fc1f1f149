// events, as Node's: EventEmitter (a plain function, so that old-style
// subclasses can call it), once, getEventListeners, setMaxListeners and
// addAbortListener. natives: isSignal(v), isTarget(v),
// targetListeners(target, type), warn(name, message).
let defaultMaxListeners = 10;
const errorMonitor = Symbol('events.errorMonitor');
const captureRejectionSymbol = Symbol.for('nodejs.rejection');

function EventEmitter(opts) {
  EventEmitter.init.call(this, opts);
}

EventEmitter.prototype._events = undefined;
EventEmitter.prototype._eventsCount = 0;
EventEmitter.prototype._maxListeners = undefined;

EventEmitter.init = function init(opts) {
  if (this._events === undefined || this._events === Object.getPrototypeOf(this)._events) {
    this._events = Object.create(null);
    this._eventsCount = 0;
  }
  this._maxListeners = this._maxListeners || undefined;
  if (opts != null && opts.captureRejections !== undefined) validateBoolean(opts.captureRejections, 'options.captureRejections');
};

Object.defineProperty(EventEmitter, 'defaultMaxListeners', {
  enumerable: true,
  get() { return defaultMaxListeners; },
  set(n) {
    validateNumber(n, 'defaultMaxListeners', 0);
    defaultMaxListeners = n;
  },
});

function maxListeners(target) {
  return target._maxListeners === undefined ? defaultMaxListeners : target._maxListeners;
}

function addListener(target, type, listener, prepend) {
  validateFunction(listener, 'listener');
  let events = target._events;
  if (events === undefined) {
    events = target._events = Object.create(null);
    target._eventsCount = 0;
  } else if (events.newListener !== undefined) {
    target.emit('newListener', type, listener.listener ? listener.listener : listener);
    events = target._events; // a newListener listener may have changed them
  }
  const existing = events[type];
  if (existing === undefined) {
    events[type] = listener;
    target._eventsCount++;
    return target;
  }
  let list = existing;
  if (typeof existing === 'function') list = events[type] = prepend ? [listener, existing] : [existing, listener];
  else if (prepend) list.unshift(listener);
  else list.push(listener);
  const max = maxListeners(target);
  if (max > 0 && list.length > max && !list.warned) {
    list.warned = true;
    natives.warn('MaxListenersExceededWarning', `Possible EventEmitter memory leak detected. ${list.length} ${String(type)} listeners added to ${inspectValue(target, { depth: -1 })}. MaxListeners is ${max}. Use emitter.setMaxListeners() to increase limit`);
  }
  return target;
}

// onceWrapper makes the listener that once adds: it removes itself, then
// calls listener; rawListeners shows it, with the listener as .listener.
function onceWrapper(target, type, listener) {
  let fired = false;
  const wrapped = function (...args) {
    if (fired) return undefined;
    target.removeListener(type, wrapped);
    fired = true;
    return listener.apply(target, args);
  };
  wrapped.listener = listener;
  return wrapped;
}

const proto = EventEmitter.prototype;

proto.setMaxListeners = function setMaxListeners(n) {
  validateNumber(n, 'setMaxListeners', 0);
  this._maxListeners = n;
  return this;
};

proto.getMaxListeners = function getMaxListeners() {
  return maxListeners(this);
};

proto.emit = function emit(type, ...args) {
  const events = this._events;
  let unhandled = type === 'error';
  if (events !== undefined) {
    if (unhandled && events[errorMonitor] !== undefined) this.emit(errorMonitor, ...args);
    unhandled = unhandled && events.error === undefined;
  } else if (!unhandled) {
    return false;
  }
  if (unhandled) {
    const er = args.length > 0 ? args[0] : undefined;
    if (er instanceof Error) throw er;
    let shown;
    try {
      shown = inspectValue(er);
    } catch {
      shown = String(er);
    }
    const err = nodeError(Error, 'ERR_UNHANDLED_ERROR', `Unhandled error. (${shown})`);
    err.context = er;
    throw err;
  }
  const handler = events[type];
  if (handler === undefined) return false;
  if (typeof handler === 'function') {
    handler.apply(this, args);
  } else {
    for (const listener of handler.slice()) listener.apply(this, args);
  }
  return true;
};

proto.addListener = function addListener_(type, listener) {
  return addListener(this, type, listener, false);
};
Object.defineProperty(proto.addListener, 'name', { value: 'addListener' });
proto.on = proto.addListener;

proto.prependListener = function prependListener(type, listener) {
  return addListener(this, type, listener, true);
};

proto.once = function once(type, listener) {
  validateFunction(listener, 'listener');
  this.on(type, onceWrapper(this, type, listener));
  return this;
};

proto.prependOnceListener = function prependOnceListener(type, listener) {
  validateFunction(listener, 'listener');
  this.prependListener(type, onceWrapper(this, type, listener));
  return this;
};

proto.removeListener = function removeListener(type, listener) {
  validateFunction(listener, 'listener');
  const events = this._events;
  if (events === undefined) return this;
  const list = events[type];
  if (list === undefined) return this;
  if (list === listener || list.listener === listener) {
    this._eventsCount--;
    if (this._eventsCount === 0) {
      this._events = Object.create(null);
    } else {
      delete events[type];
      if (events.removeListener !== undefined) this.emit('removeListener', type, list.listener || listener);
    }
    return this;
  }
  if (typeof list === 'function') return this;
  let at = -1;
  for (let i = list.length - 1; i >= 0; i--) {
    if (list[i] === listener || list[i].listener === listener) {
      at = i;
      break;
    }
  }
  if (at < 0) return this;
  list.splice(at, 1);
  if (list.length === 1) events[type] = list[0];
  if (events.removeListener !== undefined) this.emit('removeListener', type, listener);
  return this;
};
proto.off = proto.removeListener;

proto.removeAllListeners = function removeAllListeners(type) {
  const events = this._events;
  if (events === undefined) return this;
  if (events.removeListener === undefined) {
    if (arguments.length === 0) {
      this._events = Object.create(null);
      this._eventsCount = 0;
    } else if (events[type] !== undefined) {
      if (--this._eventsCount === 0) this._events = Object.create(null);
      else delete events[type];
    }
    return this;
  }
  // Someone listens for removals: remove one by one, removeListener last.
  if (arguments.length === 0) {
    for (const key of Reflect.ownKeys(events)) {
      if (key !== 'removeListener') this.removeAllListeners(key);
    }
    this.removeAllListeners('removeListener');
    this._events = Object.create(null);
    this._eventsCount = 0;
    return this;
  }
  const listeners = events[type];
  if (typeof listeners === 'function') {
    this.removeListener(type, listeners);
  } else if (listeners !== undefined) {
    for (let i = listeners.length - 1; i >= 0; i--) this.removeListener(type, listeners[i]);
  }
  return this;
};

function listenersOf(target, type, unwrap) {
  const events = target._events;
  if (events === undefined) return [];
  const list = events[type];
  if (list === undefined) return [];
  if (typeof list === 'function') return unwrap ? [list.listener || list] : [list];
  return unwrap ? list.map((l) => l.listener || l) : list.slice();
}

proto.listeners = function listeners(type) {
  return listenersOf(this, type, true);
};

proto.rawListeners = function rawListeners(type) {
  return listenersOf(this, type, false);
};

proto.listenerCount = function listenerCount(type, listener) {
  const events = this._events;
  if (events === undefined) return 0;
  const list = events[type];
  if (list === undefined) return 0;
  const all = typeof list === 'function' ? [list] : list;
  if (listener == null) return all.length;
  return all.filter((l) => l === listener || l.listener === listener).length;
};

proto.eventNames = function eventNames() {
  return this._eventsCount > 0 ? Reflect.ownKeys(this._events) : [];
};

function validateSignal(signal, name) {
  if (signal !== undefined && !natives.isSignal(signal)) throw errInvalidArgType(name, 'AbortSignal', signal);
}

// once resolves with the arguments of the first name event of emitter (an
// EventEmitter or an EventTarget); an 'error' event rejects it, and so
// does options.signal when it aborts.
function once(emitter, name, options = undefined) {
  return new Promise((resolve, reject) => {
    const signal = options != null ? options.signal : undefined;
    validateSignal(signal, 'options.signal');
    if (signal !== undefined && signal.aborted) throw errAbort(signal.reason);
    const isEmitter = typeof emitter === 'object' && emitter !== null && typeof emitter.on === 'function';
    const isTarget = !isEmitter && natives.isTarget(emitter);
    if (!isEmitter && !isTarget) throw errInvalidArgType('emitter', 'EventEmitter', emitter);
    const off = (type, listener) => {
      if (isEmitter) emitter.removeListener(type, listener);
      else emitter.removeEventListener(type, listener);
    };
    const onAbort = () => {
      off(name, resolver);
      off('error', onError);
      reject(errAbort(signal.reason));
    };
    const onError = (err) => {
      off(name, resolver);
      if (signal !== undefined) signal.removeEventListener('abort', onAbort);
      reject(err);
    };
    const resolver = (...args) => {
      if (isEmitter) emitter.removeListener('error', onError);
      if (signal !== undefined) signal.removeEventListener('abort', onAbort);
      resolve(args);
    };
    if (isEmitter) {
      emitter.once(name, resolver);
      if (name !== 'error') emitter.once('error', onError);
    } else {
      emitter.addEventListener(name, resolver, { once: true });
    }
    if (signal !== undefined) signal.addEventListener('abort', onAbort, { once: true });
  });
}

function getEventListeners(emitterOrTarget, type) {
  if (emitterOrTarget !== null && typeof emitterOrTarget === 'object' && typeof emitterOrTarget.listeners === 'function') {
    return emitterOrTarget.listeners(type);
  }
  if (natives.isTarget(emitterOrTarget)) return natives.targetListeners(emitterOrTarget, type);
  throw errInvalidArgType('emitter', ['EventEmitter', 'EventTarget'], emitterOrTarget);
}

function getMaxListeners(emitterOrTarget) {
  if (emitterOrTarget !== null && typeof emitterOrTarget === 'object' && typeof emitterOrTarget.getMaxListeners === 'function') {
    return emitterOrTarget.getMaxListeners();
  }
  if (natives.isTarget(emitterOrTarget)) return defaultMaxListeners;
  throw errInvalidArgType('emitter', ['EventEmitter', 'EventTarget'], emitterOrTarget);
}

function setMaxListeners(n = defaultMaxListeners, ...targets) {
  validateNumber(n, 'setMaxListeners', 0);
  if (targets.length === 0) {
    defaultMaxListeners = n;
    return;
  }
  for (const t of targets) {
    if (natives.isTarget(t)) continue; // an EventTarget never warns here
    if (t !== null && typeof t === 'object' && typeof t.setMaxListeners === 'function') t.setMaxListeners(n);
    else throw errInvalidArgType('eventTargets', ['EventEmitter', 'EventTarget'], t);
  }
}

function listenerCount(emitter, type) {
  if (typeof emitter.listenerCount === 'function') return emitter.listenerCount(type);
  return proto.listenerCount.call(emitter, type);
}

// addAbortListener calls listener once signal aborts (in a microtask if it
// already has) and returns a disposable that removes it.
function addAbortListener(signal, listener) {
  if (signal === undefined) throw errInvalidArgType('signal', 'AbortSignal', signal);
  validateSignal(signal, 'signal');
  validateFunction(listener, 'listener');
  let removed = false;
  const run = () => {
    if (!removed) listener();
  };
  const remove = () => {
    removed = true;
    signal.removeEventListener('abort', run);
  };
  if (signal.aborted) Promise.resolve().then(run);
  else signal.addEventListener('abort', run, { once: true });
  const disposable = {};
  if (typeof Symbol.dispose === 'symbol') disposable[Symbol.dispose] = remove;
  return disposable;
}

Object.assign(EventEmitter, {
  EventEmitter, once, getEventListeners, getMaxListeners, setMaxListeners, listenerCount, addAbortListener,
  errorMonitor, captureRejectionSymbol, captureRejections: false, usingDomains: false,
});
exports.EventEmitter = EventEmitter;
