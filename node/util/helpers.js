// The parts of node:util written in JavaScript; see doc.go.
(function install(util, types) {
  'use strict';
  const kCustomPromisify = Symbol.for('nodejs.util.promisify.custom');
  const { defineProperty, getOwnPropertyDescriptors, getPrototypeOf, setPrototypeOf, is, keys } = Object;
  const hasOwn = (o, k) => Object.prototype.hasOwnProperty.call(o, k);
  const isEnum = (o, k) => Object.prototype.propertyIsEnumerable.call(o, k);
  const toTag = (o) => Object.prototype.toString.call(o);

  function received(v) {
    if (v == null) return ` Received ${v}`;
    if (typeof v === 'function') return ` Received function ${v.name}`;
    if (typeof v === 'object') {
      const c = v.constructor;
      return c && c.name ? ` Received an instance of ${c.name}` : ` Received ${util.inspect(v, { depth: -1 })}`;
    }
    let shown = util.inspect(v, { colors: false });
    if (shown.length > 28) shown = `${shown.slice(0, 25)}...`;
    return ` Received type ${typeof v} (${shown})`;
  }
  function invalidArg(name, type, v) {
    const e = new TypeError(`The "${name}" argument must be of type ${type}.${received(v)}`);
    e.code = 'ERR_INVALID_ARG_TYPE';
    return e;
  }

  function promisify(original) {
    if (typeof original !== 'function') throw invalidArg('original', 'function', original);
    if (original[kCustomPromisify]) {
      const fn = original[kCustomPromisify];
      if (typeof fn !== 'function') throw invalidArg('util.promisify.custom', 'function', fn);
      return defineProperty(fn, kCustomPromisify, { value: fn, enumerable: false, writable: false, configurable: true });
    }
    function fn(...args) {
      return new Promise((resolve, reject) => {
        Reflect.apply(original, this, [...args, (err, ...values) => {
          if (err) return reject(err);
          resolve(values[0]);
        }]);
      });
    }
    setPrototypeOf(fn, getPrototypeOf(original));
    defineProperty(fn, kCustomPromisify, { value: fn, enumerable: false, writable: false, configurable: true });
    const descs = getOwnPropertyDescriptors(original);
    for (const k of Reflect.ownKeys(descs)) {
      try { defineProperty(fn, k, descs[k]); } catch { /* a non-configurable own key */ }
    }
    return fn;
  }
  defineProperty(promisify, 'custom', { value: kCustomPromisify, enumerable: true });

  function callbackify(original) {
    if (typeof original !== 'function') throw invalidArg('original', 'function', original);
    function callbackified(...args) {
      const cb = args.pop();
      if (typeof cb !== 'function') throw invalidArg('last argument', 'function', cb);
      const onRejected = (reason) => {
        if (!reason) {
          const e = new Error('Promise was rejected with falsy value');
          e.code = 'ERR_FALSY_VALUE_REJECTION';
          e.reason = reason;
          reason = e;
        }
        cb.call(this, reason);
      };
      Reflect.apply(original, this, args).then((ret) => cb.call(this, null, ret), onRejected);
    }
    const descs = getOwnPropertyDescriptors(original);
    if (typeof descs.length.value === 'number') descs.length.value++;
    if (typeof descs.name.value === 'string') descs.name.value += 'Callbackified';
    for (const k of ['length', 'name']) {
      try { defineProperty(callbackified, k, descs[k]); } catch { /* keep ours */ }
    }
    return callbackified;
  }

  const warnedCodes = new Set();
  function deprecate(fn, msg, code) {
    if (typeof fn !== 'function') throw invalidArg('fn', 'function', fn);
    let warned = false;
    function deprecated(...args) {
      if (!warned && !(code !== undefined && warnedCodes.has(code))) {
        warned = true;
        if (code !== undefined) warnedCodes.add(code);
        const p = globalThis.process;
        if (p && typeof p.emitWarning === 'function') {
          p.emitWarning(msg, 'DeprecationWarning', code);
        } else {
          console.error(`${code ? `[${code}] ` : ''}DeprecationWarning: ${msg}`);
        }
      }
      return new.target ? Reflect.construct(fn, args, new.target) : Reflect.apply(fn, this, args);
    }
    setPrototypeOf(deprecated, fn);
    if (fn.prototype) deprecated.prototype = fn.prototype;
    return deprecated;
  }

  function inherits(ctor, superCtor) {
    if (ctor === undefined || ctor === null) throw invalidArg('ctor', 'function', ctor);
    if (superCtor === undefined || superCtor === null) throw invalidArg('superCtor', 'function', superCtor);
    if (superCtor.prototype === undefined) throw invalidArg('superCtor.prototype', 'object', superCtor.prototype);
    defineProperty(ctor, 'super_', { value: superCtor, writable: true, configurable: true });
    setPrototypeOf(ctor.prototype, superCtor.prototype);
  }

  // isDeepStrictEqual follows Node's strict deep equality: SameValue for
  // primitives, equal prototypes and tags, own enumerable keys (symbols
  // too), Map and Set contents in any order, and cycles.
  function isDeepStrictEqual(a, b) {
    return deepEqual(a, b, new Map());
  }
  function deepEqual(a, b, memo) {
    if (a === b) return a !== 0 || is(a, b);
    if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) {
      return typeof a === 'function' || typeof b === 'function' ? false : is(a, b);
    }
    if (getPrototypeOf(a) !== getPrototypeOf(b) || toTag(a) !== toTag(b)) return false;
    const seen = memo.get(a);
    if (seen !== undefined && seen.has(b)) return true;
    if (seen === undefined) memo.set(a, new Set([b])); else seen.add(b);
    if (Array.isArray(a)) {
      if (!Array.isArray(b) || a.length !== b.length) return false;
      for (let i = 0; i < a.length; i++) {
        if (hasOwn(a, i) !== hasOwn(b, i) || !deepEqual(a[i], b[i], memo)) return false;
      }
      return sameKeys(a, b, memo, true);
    }
    if (types.isDate(a)) {
      if (!types.isDate(b) || !is(a.getTime(), b.getTime())) return false;
    } else if (types.isRegExp(a)) {
      if (!types.isRegExp(b) || a.source !== b.source || a.flags !== b.flags || a.lastIndex !== b.lastIndex) return false;
    } else if (types.isNativeError(a) || a instanceof Error) {
      if (a.message !== b.message || a.name !== b.name) return false;
    } else if (types.isBoxedPrimitive(a)) {
      if (!types.isBoxedPrimitive(b) || !is(a.valueOf(), b.valueOf())) return false;
    } else if (types.isTypedArray(a) || types.isArrayBuffer(a) || types.isDataView(a)) {
      const bytes = (v) => types.isArrayBuffer(v) ? new Uint8Array(v) : new Uint8Array(v.buffer, v.byteOffset, v.byteLength);
      const x = bytes(a), y = bytes(b);
      if (x.length !== y.length) return false;
      if (types.isFloat32Array(a) || types.isFloat64Array(a)) {
        if (a.length !== b.length) return false;
        for (let i = 0; i < a.length; i++) if (!is(a[i], b[i])) return false;
      } else {
        for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return false;
      }
      return sameKeys(a, b, memo, true);
    } else if (types.isMap(a)) {
      if (a.size !== b.size) return false;
      outer: for (const [k, v] of a) {
        if (b.has(k)) {
          if (!deepEqual(v, b.get(k), memo)) return false;
          continue;
        }
        if (typeof k !== 'object' || k === null) return false;
        for (const [k2, v2] of b) {
          if (!a.has(k2) && deepEqual(k, k2, memo) && deepEqual(v, v2, memo)) continue outer;
        }
        return false;
      }
    } else if (types.isSet(a)) {
      if (a.size !== b.size) return false;
      outer: for (const v of a) {
        if (b.has(v)) continue;
        if (typeof v !== 'object' || v === null) return false;
        for (const v2 of b) {
          if (!a.has(v2) && deepEqual(v, v2, memo)) continue outer;
        }
        return false;
      }
    } else if (types.isWeakMap(a) || types.isWeakSet(a) || types.isPromise(a)) {
      return false;
    }
    return sameKeys(a, b, memo, false);
  }
  function sameKeys(a, b, memo, skipIndices) {
    const own = (o) => keys(o).filter((k) => !(skipIndices && /^(0|[1-9][0-9]*)$/.test(k)));
    const ka = own(a), kb = own(b);
    if (ka.length !== kb.length) return false;
    for (const k of ka) {
      if (!isEnum(b, k) || !deepEqual(a[k], b[k], memo)) return false;
    }
    const sa = Object.getOwnPropertySymbols(a).filter((s) => isEnum(a, s));
    const sb = Object.getOwnPropertySymbols(b).filter((s) => isEnum(b, s));
    if (sa.length !== sb.length) return false;
    for (const s of sa) {
      if (!isEnum(b, s) || !deepEqual(a[s], b[s], memo)) return false;
    }
    return true;
  }

  Object.assign(util, { promisify, callbackify, deprecate, inherits, isDeepStrictEqual });
})
