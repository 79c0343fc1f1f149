// Event, EventTarget, DOMException, AbortController and AbortSignal, as
// Node has them. natives: timer(ms, fn) runs fn after ms without keeping
// the loop alive; report(err) reports err as uncaught, after the current
// task (an exception in a listener, as Node does).

const domErrorCodes = {
  IndexSizeError: 1, DOMStringSizeError: 2, HierarchyRequestError: 3, WrongDocumentError: 4,
  InvalidCharacterError: 5, NoDataAllowedError: 6, NoModificationAllowedError: 7, NotFoundError: 8,
  NotSupportedError: 9, InUseAttributeError: 10, InvalidStateError: 11, SyntaxError: 12,
  InvalidModificationError: 13, NamespaceError: 14, InvalidAccessError: 15, ValidationError: 16,
  TypeMismatchError: 17, SecurityError: 18, NetworkError: 19, AbortError: 20, URLMismatchError: 21,
  QuotaExceededError: 22, TimeoutError: 23, InvalidNodeTypeError: 24, DataCloneError: 25,
};
const domErrorConstants = [
  'INDEX_SIZE_ERR', 'DOMSTRING_SIZE_ERR', 'HIERARCHY_REQUEST_ERR', 'WRONG_DOCUMENT_ERR',
  'INVALID_CHARACTER_ERR', 'NO_DATA_ALLOWED_ERR', 'NO_MODIFICATION_ALLOWED_ERR', 'NOT_FOUND_ERR',
  'NOT_SUPPORTED_ERR', 'INUSE_ATTRIBUTE_ERR', 'INVALID_STATE_ERR', 'SYNTAX_ERR',
  'INVALID_MODIFICATION_ERR', 'NAMESPACE_ERR', 'INVALID_ACCESS_ERR', 'VALIDATION_ERR',
  'TYPE_MISMATCH_ERR', 'SECURITY_ERR', 'NETWORK_ERR', 'ABORT_ERR', 'URL_MISMATCH_ERR',
  'QUOTA_EXCEEDED_ERR', 'TIMEOUT_ERR', 'INVALID_NODE_TYPE_ERR', 'DATA_CLONE_ERR',
];

function errInvalidThis(type) {
  return nodeError(TypeError, 'ERR_INVALID_THIS', `Value of "this" must be of type ${type}`);
}

class DOMException extends Error {
  #name;
  #message;
  constructor(message = '', options = 'Error') {
    // No message to Error: name and message are the prototype's getters,
    // as in Node, and the stack's header reads them.
    super();
    this.#message = `${message}`;
    if (options !== null && typeof options === 'object') {
      this.#name = 'name' in options ? `${options.name}` : 'Error';
      if ('cause' in options) {
        Object.defineProperty(this, 'cause', { value: options.cause, configurable: true, writable: true, enumerable: false });
      }
    } else {
      this.#name = `${options}`;
    }
  }

  get name() {
    if (!(#name in this)) throw errInvalidThis('DOMException');
    return this.#name;
  }

  get message() {
    if (!(#name in this)) throw errInvalidThis('DOMException');
    return this.#message;
  }

  get code() {
    if (!(#name in this)) throw errInvalidThis('DOMException');
    return domErrorCodes[this.#name] || 0;
  }
}
Object.defineProperty(DOMException.prototype, Symbol.toStringTag, { value: 'DOMException', configurable: true });
domErrorConstants.forEach((name, i) => {
  const desc = { value: i + 1, enumerable: true };
  Object.defineProperty(DOMException, name, desc);
  Object.defineProperty(DOMException.prototype, name, desc);
});

const kTrusted = Symbol('trusted');

class Event {
  #type;
  #bubbles;
  #cancelable;
  #composed;
  #defaultPrevented = false;
  #timeStamp = natives.now();
  #target = null;
  #current = null;
  #dispatching = false;
  #stop = false;
  #trusted = false;

  constructor(type, options = undefined) {
    if (arguments.length === 0) throw errMissingArgs('type');
    if (options != null) validateObject(options, 'options');
    this.#type = `${type}`;
    this.#bubbles = !!(options && options.bubbles);
    this.#cancelable = !!(options && options.cancelable);
    this.#composed = !!(options && options.composed);
    if (options && options[kTrusted] === true) this.#trusted = true;
  }

  static #check(e) {
    if (!(e !== null && typeof e === 'object' && #type in e)) throw errInvalidThis('Event');
  }

  get type() { Event.#check(this); return this.#type; }
  get bubbles() { Event.#check(this); return this.#bubbles; }
  get cancelable() { Event.#check(this); return this.#cancelable; }
  get composed() { Event.#check(this); return this.#composed; }
  get defaultPrevented() { Event.#check(this); return this.#cancelable && this.#defaultPrevented; }
  get timeStamp() { Event.#check(this); return this.#timeStamp; }
  get isTrusted() { Event.#check(this); return this.#trusted; }
  get target() { Event.#check(this); return this.#target; }
  get currentTarget() { Event.#check(this); return this.#current; }
  get srcElement() { Event.#check(this); return this.#target; }
  get eventPhase() { Event.#check(this); return this.#dispatching ? Event.AT_TARGET : Event.NONE; }
  get returnValue() { Event.#check(this); return !this.defaultPrevented; }
  get cancelBubble() { Event.#check(this); return this.#stop; }
  set cancelBubble(v) { Event.#check(this); if (v) this.#stop = true; }

  composedPath() { Event.#check(this); return this.#dispatching ? [this.#current] : []; }
  preventDefault() { Event.#check(this); this.#defaultPrevented = true; }
  stopPropagation() { Event.#check(this); }
  stopImmediatePropagation() { Event.#check(this); this.#stop = true; }

  // dispatch runs at target's listeners in order; it belongs to
  // EventTarget.prototype.dispatchEvent.
  static dispatch(event, target, records) {
    if (event.#dispatching) {
      throw nodeError(Error, 'ERR_EVENT_RECURSION', `The event "${event.#type}" is already being dispatched`);
    }
    event.#dispatching = true;
    event.#target = target;
    event.#current = target;
    event.#stop = false;
    try {
      for (const r of records) {
        if (r.removed) continue;
        if (r.once) r.remove();
        try {
          const listener = r.listener;
          if (typeof listener === 'function') listener.call(target, event);
          else if (listener !== null && typeof listener.handleEvent === 'function') listener.handleEvent(event);
        } catch (err) {
          natives.report(err);
        }
        if (event.#stop) break;
      }
    } finally {
      event.#dispatching = false;
      event.#current = null;
    }
    return !event.defaultPrevented;
  }

  static isEvent(v) {
    return v !== null && typeof v === 'object' && #type in v;
  }
}
Object.defineProperty(Event.prototype, Symbol.toStringTag, { value: 'Event', configurable: true });
for (const [name, value] of [['NONE', 0], ['CAPTURING_PHASE', 1], ['AT_TARGET', 2], ['BUBBLING_PHASE', 3]]) {
  Object.defineProperty(Event, name, { value, enumerable: true });
  Object.defineProperty(Event.prototype, name, { value, enumerable: true });
}
const dispatch = Event.dispatch;
const isEvent = Event.isEvent;
delete Event.dispatch;
delete Event.isEvent;

// flags reads addEventListener's options (or its boolean capture).
// passive is accepted and, as in Node, changes nothing.
function flags(options) {
  if (typeof options === 'boolean' || options == null) return { capture: !!options, once: false, signal: undefined };
  return { capture: !!options.capture, once: !!options.once, signal: options.signal };
}

class EventTarget {
  // #listeners maps an event type to its listener records, in the order
  // they were added.
  #listeners = new Map();

  static #check(t) {
    if (!(t !== null && typeof t === 'object' && #listeners in t)) throw errInvalidThis('EventTarget');
  }

  addEventListener(type, listener, options = undefined) {
    EventTarget.#check(this);
    if (arguments.length < 2) throw errMissingArgs('type', 'listener');
    const { capture, once, signal } = flags(options);
    if (signal !== undefined && !isSignal(signal)) throw errInvalidArgType('options.signal', 'AbortSignal', signal);
    if (listener == null) return; // Node warns and ignores it
    if (typeof listener !== 'function' && typeof listener !== 'object') {
      throw errInvalidArgType('listener', 'EventListener', listener);
    }
    if (signal !== undefined && signal.aborted) return;
    type = `${type}`;
    let list = this.#listeners.get(type);
    if (list === undefined) {
      list = [];
      this.#listeners.set(type, list);
    }
    if (list.some((r) => r.listener === listener && r.capture === capture)) return;
    const listeners = this.#listeners;
    const record = {
      listener, capture, once, removed: false,
      remove() {
        if (record.removed) return;
        record.removed = true;
        const l = listeners.get(type);
        const i = l.indexOf(record);
        if (i >= 0) l.splice(i, 1);
        if (l.length === 0) listeners.delete(type);
        if (record.unsubscribe) record.unsubscribe();
      },
    };
    list.push(record);
    if (signal !== undefined) record.unsubscribe = onAbort(signal, () => record.remove());
  }

  removeEventListener(type, listener, options = undefined) {
    EventTarget.#check(this);
    if (arguments.length < 2) throw errMissingArgs('type', 'listener');
    const { capture } = flags(options);
    const list = this.#listeners.get(`${type}`);
    const record = list && list.find((r) => r.listener === listener && r.capture === capture);
    if (record) record.remove();
  }

  dispatchEvent(event) {
    EventTarget.#check(this);
    if (arguments.length < 1) throw errMissingArgs('event');
    if (!isEvent(event)) throw errInvalidArgType('event', 'Event', event);
    const list = this.#listeners.get(event.type);
    return dispatch(event, this, list ? list.slice() : []);
  }

  // listeners are the listeners of type the target has.
  static listeners(t, type) {
    const list = t.#listeners.get(type);
    return list ? list.map((r) => r.listener) : [];
  }

  static isTarget(t) {
    return t !== null && typeof t === 'object' && #listeners in t;
  }
}
Object.defineProperty(EventTarget.prototype, Symbol.toStringTag, { value: 'EventTarget', configurable: true });
const { listeners: targetListeners, isTarget } = EventTarget;
delete EventTarget.listeners;
delete EventTarget.isTarget;

const kCreate = Symbol('create');

class AbortSignal extends EventTarget {
  #aborted = false;
  #reason = undefined;
  #onabort = null; // { handler, listener } of the onabort attribute

  constructor(key) {
    if (key !== kCreate) throw nodeError(TypeError, 'ERR_ILLEGAL_CONSTRUCTOR', 'Illegal constructor');
    super();
  }

  static #check(s) {
    if (!isSignal(s)) throw errInvalidThis('AbortSignal');
  }

  get aborted() { AbortSignal.#check(this); return this.#aborted; }
  get reason() { AbortSignal.#check(this); return this.#reason; }

  throwIfAborted() {
    AbortSignal.#check(this);
    if (this.#aborted) throw this.#reason;
  }

  get onabort() {
    AbortSignal.#check(this);
    return this.#onabort ? this.#onabort.handler : null;
  }

  set onabort(handler) {
    AbortSignal.#check(this);
    if (typeof handler !== 'function' && (handler === null || typeof handler !== 'object')) handler = null;
    if (handler === null) {
      if (this.#onabort) this.removeEventListener('abort', this.#onabort.listener);
      this.#onabort = null;
      return;
    }
    if (this.#onabort) {
      this.#onabort.handler = handler;
      return;
    }
    const attr = {
      handler,
      listener(event) {
        if (typeof attr.handler === 'function') return attr.handler.call(this, event);
        return undefined;
      },
    };
    this.#onabort = attr;
    this.addEventListener('abort', attr.listener);
  }

  static abort(reason = undefined) {
    const signal = new AbortSignal(kCreate);
    signal.#aborted = true;
    signal.#reason = reason === undefined ? new DOMException('This operation was aborted', 'AbortError') : reason;
    return signal;
  }

  static timeout(delay) {
    validateUint32(delay, 'delay');
    const signal = new AbortSignal(kCreate);
    natives.timer(delay, () => {
      signal.#abort(new DOMException('The operation was aborted due to timeout', 'TimeoutError'));
    });
    return signal;
  }

  static any(signals) {
    if (!Array.isArray(signals)) throw errInvalidArgType('signals', 'Array', signals);
    signals.forEach((s, i) => {
      if (!isSignal(s)) throw errInvalidArgType(`signals[${i}]`, 'AbortSignal', s);
    });
    const done = signals.find((s) => s.#aborted);
    if (done) return AbortSignal.abort(done.#reason);
    const signal = new AbortSignal(kCreate);
    for (const s of signals) onAbort(s, (reason) => signal.#abort(reason));
    return signal;
  }

  // #abort aborts the signal with reason and runs its listeners; a second
  // abort does nothing.
  #abort(reason) {
    if (this.#aborted) return;
    this.#aborted = true;
    this.#reason = reason === undefined ? new DOMException('This operation was aborted', 'AbortError') : reason;
    this.dispatchEvent(new Event('abort', { [kTrusted]: true }));
  }

  static internals() {
    return {
      isSignal: (v) => v !== null && typeof v === 'object' && #aborted in v,
      create: () => new AbortSignal(kCreate),
      abort: (s, reason) => s.#abort(reason),
      state: (s) => [s.#aborted, s.#reason],
    };
  }
}
Object.defineProperty(AbortSignal.prototype, Symbol.toStringTag, { value: 'AbortSignal', configurable: true });
const internals = AbortSignal.internals();
delete AbortSignal.internals;
const isSignal = internals.isSignal;

// onAbort calls fn(reason) once signal aborts; it returns a function that
// cancels that.
function onAbort(signal, fn) {
  const listener = () => fn(signal.reason);
  signal.addEventListener('abort', listener, { once: true });
  return () => signal.removeEventListener('abort', listener);
}

class AbortController {
  #signal = new AbortSignal(kCreate);

  static #check(c) {
    if (!(c !== null && typeof c === 'object' && #signal in c)) throw errInvalidThis('AbortController');
  }

  get signal() { AbortController.#check(this); return this.#signal; }

  abort(reason = undefined) {
    AbortController.#check(this);
    internals.abort(this.#signal, reason);
  }
}
Object.defineProperty(AbortController.prototype, Symbol.toStringTag, { value: 'AbortController', configurable: true });

// util.inspect shows a signal and a controller as Node does:
// "AbortSignal { aborted: false }", "AbortController { signal: ... }".
const kInspect = Symbol.for('nodejs.util.inspect.custom');
function customInspect(self, obj, depth, options, inspect) {
  // Node's signals have symbol-keyed fields, so past the depth they read
  // as [AbortSignal]; these keep theirs private, and say it themselves.
  if (depth < 0) {
    const name = `[${self.constructor.name}]`;
    return typeof options.stylize === 'function' ? options.stylize(name, 'special') : name;
  }
  const opts = Object.assign({}, options, { depth: options.depth === null ? null : options.depth - 1 });
  return `${self.constructor.name} ${inspect(obj, opts)}`;
}
Object.defineProperty(AbortSignal.prototype, kInspect, {
  value: function inspect(depth, options, inspectFn) {
    return customInspect(this, { aborted: this.aborted }, depth, options, inspectFn);
  },
  configurable: true, writable: true,
});
Object.defineProperty(AbortController.prototype, kInspect, {
  value: function inspect(depth, options, inspectFn) {
    return customInspect(this, { signal: this.signal }, depth, options, inspectFn);
  },
  configurable: true, writable: true,
});

function validateUint32(value, name) {
  if (typeof value !== 'number') throw errInvalidArgType(name, 'number', value);
  if (!Number.isInteger(value)) throw errOutOfRange(name, 'an integer', value);
  if (value < 0 || value > 4294967295) throw errOutOfRange(name, '>= 0 && <= 4294967295', value);
}

Object.assign(exports, { DOMException, Event, EventTarget, AbortSignal, AbortController });
exports.internals = {
  isSignal,
  create: internals.create,
  abort: internals.abort,
  state: internals.state,
  onAbort,
  targetListeners,
  isTarget,
  domException: (message, name) => new DOMException(message, name),
};
