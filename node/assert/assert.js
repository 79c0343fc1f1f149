// assert, as Node's: AssertionError with Node's messages (the diff of
// strictEqual and deepStrictEqual included), ok, equal, strictEqual,
// deepEqual, deepStrictEqual and their negations, throws, doesNotThrow,
// rejects, doesNotReject, match, doesNotMatch, ifError, fail, strict.
// Values in messages are formatted by natives.inspect (util.inspect).

const readable = {
  deepStrictEqual: 'Expected values to be strictly deep-equal:',
  strictEqual: 'Expected values to be strictly equal:',
  strictEqualObject: 'Expected "actual" to be reference-equal to "expected":',
  deepEqual: 'Expected values to be loosely deep-equal:',
  notDeepStrictEqual: 'Expected "actual" not to be strictly deep-equal to:',
  notStrictEqual: 'Expected "actual" to be strictly unequal to:',
  notStrictEqualObject: 'Expected "actual" not to be reference-equal to "expected":',
  notDeepEqual: 'Expected "actual" not to be loosely deep-equal to:',
  notIdentical: 'Values have same structure but are not reference-equal:',
  notDeepEqualUnequal: 'Expected values not to be loosely deep-equal:',
};

// Beyond this many characters of actual and expected together, a
// one-line difference is shown as a diff rather than "a !== b".
const maxShortLength = 12;

function show(value) {
  return inspectValue(value, {
    compact: false, customInspect: false, depth: 1000, maxArrayLength: Infinity,
    showHidden: false, showProxy: false, sorted: true, getters: true,
  });
}

// withoutStack is a copy of an error with its own enumerable keys and
// message but no stack, which inspect shows as [Name: message].
function withoutStack(err) {
  const copy = Object.create(Object.getPrototypeOf(err));
  for (const k of Object.keys(err)) copy[k] = err[k];
  Object.defineProperty(copy, 'message', { value: err.message });
  return copy;
}

const isObjectLike = (v) => (typeof v === 'object' && v !== null) || typeof v === 'function';

// diffMessage is the message of a failed strictEqual or deepStrictEqual:
// the values side by side when short, else a line diff of their
// inspection (+ actual, - expected), with identical runs cut short.
// header replaces the operator's words (a custom message).
function diffMessage(actual, expected, operator, header) {
  if (operator === 'strictEqual' && ((typeof actual === 'object' && actual !== null && typeof expected === 'object' && expected !== null)
    || (typeof actual === 'function' && typeof expected === 'function'))) {
    operator = 'strictEqualObject';
  }
  if (header === undefined) header = readable[operator];
  const actualShown = show(actual);
  const a = actualShown.split('\n');
  const e = show(expected).split('\n');
  let indicator = '';
  let skipTo = 0; // where the search for identical trailing lines starts counting
  if (a.length === 1 && e.length === 1 && a[0] !== e[0]) {
    const length = a[0].length + e[0].length;
    if (length <= maxShortLength) {
      if ((typeof actual !== 'object' || actual === null) && (typeof expected !== 'object' || expected === null) && (actual !== 0 || expected !== 0)) {
        return `${header}\n\n${a[0]} !== ${e[0]}\n`;
      }
    } else if (operator !== 'strictEqualObject' && length < 80) {
      let i = 0;
      while (a[0][i] === e[0][i]) i++;
      if (i > 2) indicator = `\n  ${' '.repeat(i)}^`;
      else skipTo = i;
    }
  }

  // Identical lines at the end: up to three are kept, the rest counted.
  let end = '';
  let other = '';
  let n = skipTo;
  while (a.length > 0 && e.length > 0 && a[a.length - 1] === e[e.length - 1]) {
    const line = a[a.length - 1];
    if (n++ < 3) end = `\n  ${line}${end}`;
    else other = line;
    a.pop();
    e.pop();
  }
  const lines = Math.max(a.length, e.length);
  if (lines === 0) {
    // Identical structure, different identity.
    const all = actualShown.split('\n');
    if (all.length > 50) {
      all[46] = '...';
      all.length = 47;
    }
    return `${readable.notIdentical}\n\n${all.join('\n')}\n`;
  }
  let skipped = false;
  if (n >= 5) {
    end = `\n...${end}`;
    skipped = true;
  }
  if (other !== '') {
    end = `\n  ${other}${end}`;
    other = '';
  }

  let res = '';
  let printed = 0;
  let identical = 0;
  const top = `${header}\n+ actual - expected`;
  const skippedNote = ' ... Lines skipped';
  // The longer side is walked; past the shorter one's end, its lines are
  // all additions (or removals).
  let longer = a;
  let sign = '+';
  let shorter = e.length;
  if (a.length < lines) {
    longer = e;
    sign = '-';
    shorter = a.length;
  }
  // flushIdentical prints up to the last identical lines before a change.
  const flushIdentical = (from, i) => {
    if (identical > 2) {
      if (identical > 3) {
        if (identical > 4) {
          if (identical === 5) {
            res += `\n  ${from[i - 3]}`;
            printed++;
          } else {
            res += '\n...';
            skipped = true;
          }
        }
        res += `\n  ${from[i - 2]}`;
        printed++;
      }
      res += `\n  ${from[i - 1]}`;
      printed++;
    }
    identical = 0;
  };
  for (let i = 0; i < lines; i++) {
    if (shorter < i + 1) {
      flushIdentical(longer, i);
      if (longer === a) res += `\n${sign} ${longer[i]}`;
      else other += `\n${sign} ${longer[i]}`;
      printed++;
    } else {
      const exp = e[i];
      let act = a[i];
      let differs = act !== exp && (!act.endsWith(',') || act.slice(0, -1) !== exp);
      // Only a trailing comma apart: the same line.
      if (differs && exp.endsWith(',') && exp.slice(0, -1) === act) {
        differs = false;
        act += ',';
      }
      if (differs) {
        flushIdentical(a, i);
        res += `\n+ ${act}`;
        other += `\n- ${exp}`;
        printed += 2;
      } else {
        res += other;
        other = '';
        identical++;
        if (identical <= 2) {
          res += `\n  ${act}`;
          printed++;
        }
      }
    }
    if (printed > 50 && i < lines - 2) {
      return `${top}${skippedNote}\n${res}\n...${other}\n...`;
    }
  }
  return `${top}${skipped ? skippedNote : ''}\n${res}${other}${end}${indicator}`;
}

class AssertionError extends Error {
  constructor(options) {
    validateObject(options, 'options');
    const { message, operator, stackStartFn, details } = options;
    let { actual, expected } = options;
    let text;
    if (message != null && operator !== 'deepStrictEqual' && operator !== 'strictEqual') {
      text = String(message);
    } else if (operator === 'deepStrictEqual' || operator === 'strictEqual') {
      if (actual instanceof Error && 'stack' in actual && expected instanceof Error && 'stack' in expected) {
        // As Node: two errors are compared without their stacks.
        actual = withoutStack(actual);
        expected = withoutStack(expected);
      }
      text = diffMessage(actual, expected, operator, message != null ? String(message) : undefined);
    } else if (operator === 'notDeepStrictEqual' || operator === 'notStrictEqual') {
      let base = readable[operator];
      const res = show(actual).split('\n');
      if (operator === 'notStrictEqual' && isObjectLike(actual)) base = readable.notStrictEqualObject;
      if (res.length > 50) {
        res[46] = '...';
        res.length = 47;
      }
      if (res.length === 1) text = `${base}${res[0].length > 5 ? '\n\n' : ' '}${res[0]}`;
      else text = `${base}\n\n${res.join('\n')}\n`;
    } else {
      let res = show(actual);
      let other = show(expected);
      const known = readable[operator];
      if (operator === 'notDeepEqual' && res === other) {
        res = `${known}\n\n${res}`;
        if (res.length > 1024) res = `${res.slice(0, 1021)}...`;
        text = res;
      } else {
        if (res.length > 512) res = `${res.slice(0, 509)}...`;
        if (other.length > 512) other = `${other.slice(0, 509)}...`;
        if (operator === 'deepEqual') {
          res = `${known}\n\n${res}\n\nshould loosely deep-equal\n\n`;
        } else {
          const unequal = readable[`${operator}Unequal`];
          if (unequal) res = `${unequal}\n\n${res}\n\nshould not loosely deep-equal\n\n`;
          else other = ` ${operator} ${other}`;
        }
        text = `${res}${other}`;
      }
    }
    super(text);
    Object.defineProperty(this, 'name', { value: 'AssertionError [ERR_ASSERTION]', enumerable: false, writable: true, configurable: true });
    void this.stack; // its header, with the code
    this.generatedMessage = !message;
    this.code = 'ERR_ASSERTION';
    if (details) {
      this.actual = undefined;
      this.expected = undefined;
      this.operator = undefined;
      for (let i = 0; i < details.length; i++) this[`message ${i}`] = details[i].message;
    } else {
      this.actual = actual;
      this.expected = expected;
      this.operator = operator;
    }
    this.name = 'AssertionError';
    void stackStartFn;
  }

  toString() {
    return `${this.name} [${this.code}]: ${this.message}`;
  }
}

// Deep equality, as Node's isDeepStrictEqual (strict) and deepEqual.

const tagOf = (v) => Object.prototype.toString.call(v);

function isBoxed(v) {
  return v instanceof Number || v instanceof String || v instanceof Boolean || v instanceof BigInt || v instanceof Symbol;
}

function ownKeys(v, strict) {
  const keys = Object.keys(v);
  if (strict) {
    for (const s of Object.getOwnPropertySymbols(v)) {
      if (Object.prototype.propertyIsEnumerable.call(v, s)) keys.push(s);
    }
  }
  return keys;
}

function deepEqual(a, b, strict, memo) {
  if (a === b) return a !== 0 || !strict || Object.is(a, b);
  if (strict) {
    if (typeof a !== 'object') return typeof a === 'number' && Number.isNaN(a) && Number.isNaN(b);
    if (typeof b !== 'object' || a === null || b === null) return false;
    if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return false;
  } else {
    if (a === null || typeof a !== 'object') {
      if (b === null || typeof b !== 'object') return a == b || (Number.isNaN(a) && Number.isNaN(b)); // eslint-disable-line eqeqeq
      return false;
    }
    if (b === null || typeof b !== 'object') return false;
  }
  const tag = tagOf(a);
  if (tag !== tagOf(b)) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
  } else if (tag === '[object Object]' && !isBoxed(a)) {
    // plain objects and class instances: keys below
  } else if (a instanceof Date) {
    if (!(b instanceof Date) || a.getTime() !== b.getTime()) return false;
  } else if (a instanceof RegExp) {
    if (!(b instanceof RegExp) || a.source !== b.source || a.flags !== b.flags || a.lastIndex !== b.lastIndex) return false;
  } else if (a instanceof Error) {
    if (!(b instanceof Error) || a.message !== b.message || a.name !== b.name) return false;
  } else if (ArrayBuffer.isView(a)) {
    if (!ArrayBuffer.isView(b) || a.byteLength !== b.byteLength) return false;
    const x = new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
    const y = new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
    if (!strict && !(a instanceof DataView) && a.length === b.length) {
      for (let i = 0; i < a.length; i++) if (a[i] != b[i]) return false; // eslint-disable-line eqeqeq
    } else {
      for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return false;
    }
    if (ownKeys(a, strict).length !== ownKeys(b, strict).length) return false;
    return keysEqual(a, b, strict, memo, ownKeys(a, strict).filter((k) => typeof k !== 'string' || String(k >>> 0) !== k));
  } else if (a instanceof ArrayBuffer) {
    if (!(b instanceof ArrayBuffer) || a.byteLength !== b.byteLength) return false;
    const x = new Uint8Array(a);
    const y = new Uint8Array(b);
    for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return false;
  } else if (isBoxed(a)) {
    if (!isBoxed(b) || !Object.is(a.valueOf(), b.valueOf())) return false;
  }
  return keysEqual(a, b, strict, memo);
}

function keysEqual(a, b, strict, memo, keys) {
  const ka = keys || ownKeys(a, strict);
  if (keys === undefined) {
    const kb = ownKeys(b, strict);
    if (ka.length !== kb.length) return false;
    for (const k of ka) {
      if (!Object.prototype.propertyIsEnumerable.call(b, k)) return false;
    }
  }
  // Cycles: a pair already being compared is taken as equal.
  if (memo.a.includes(a) && memo.b[memo.a.indexOf(a)] === b) return true;
  memo.a.push(a);
  memo.b.push(b);
  try {
    if (a instanceof Set) {
      if (!(b instanceof Set) || a.size !== b.size || !setEqual(a, b, strict, memo)) return false;
    } else if (a instanceof Map) {
      if (!(b instanceof Map) || a.size !== b.size || !mapEqual(a, b, strict, memo)) return false;
    }
    for (const k of ka) {
      if (!deepEqual(a[k], b[k], strict, memo)) return false;
    }
    return true;
  } finally {
    memo.a.pop();
    memo.b.pop();
  }
}

function setEqual(a, b, strict, memo) {
  const rest = [];
  for (const v of a) {
    if (!b.has(v) || (typeof v === 'object' && v !== null)) rest.push(v);
  }
  if (rest.length === 0) return true;
  const candidates = [];
  for (const v of b) {
    if (!a.has(v) || (typeof v === 'object' && v !== null)) candidates.push(v);
  }
  for (const v of rest) {
    const i = candidates.findIndex((c) => deepEqual(v, c, strict, memo));
    if (i < 0) return false;
    candidates.splice(i, 1);
  }
  return true;
}

function mapEqual(a, b, strict, memo) {
  const rest = [];
  for (const [k, v] of a) {
    if (b.has(k) && !(typeof k === 'object' && k !== null)) {
      if (!deepEqual(v, b.get(k), strict, memo)) return false;
    } else {
      rest.push([k, v]);
    }
  }
  if (rest.length === 0) return true;
  const candidates = [];
  for (const [k, v] of b) {
    if (!a.has(k) || (typeof k === 'object' && k !== null)) candidates.push([k, v]);
  }
  for (const [k, v] of rest) {
    const i = candidates.findIndex(([ck, cv]) => deepEqual(k, ck, strict, memo) && deepEqual(v, cv, strict, memo));
    if (i < 0) return false;
    candidates.splice(i, 1);
  }
  return true;
}

const isDeepStrictEqual = (a, b) => deepEqual(a, b, true, { a: [], b: [] });
const isDeepEqual = (a, b) => deepEqual(a, b, false, { a: [], b: [] });

// The assertions.

function innerFail(obj) {
  if (obj.message instanceof Error) throw obj.message;
  throw new AssertionError(obj);
}

function innerOk(fn, argLen, value, message) {
  if (value) return;
  let generatedMessage = false;
  if (argLen === 0) {
    generatedMessage = true;
    message = 'No value argument passed to `assert.ok()`';
  } else if (message == null) {
    // Node prints the asserting source line when it can read it; jsrun
    // says what Node says when it cannot.
    generatedMessage = true;
    message = `${show(value)} == true`;
  } else if (message instanceof Error) {
    throw message;
  }
  const err = new AssertionError({ actual: value, expected: true, message, operator: '==', stackStartFn: fn });
  err.generatedMessage = generatedMessage;
  throw err;
}

function ok(...args) {
  innerOk(ok, args.length, ...args);
}

const assert = function ok_(...args) {
  innerOk(ok_, args.length, ...args);
};
Object.defineProperty(assert, 'name', { value: 'ok' });

function fail(actual, expected, message, operator, stackStartFn) {
  const argsLen = arguments.length;
  let internalMessage = false;
  if (argsLen === 0) {
    internalMessage = 'Failed';
  } else if (argsLen === 1) {
    message = actual;
    actual = undefined;
  } else {
    if (argsLen === 2) operator = '!=';
  }
  if (message instanceof Error) throw message;
  const err = new AssertionError({ actual, expected, operator: operator === undefined ? 'fail' : operator, stackStartFn: stackStartFn || fail, message: internalMessage || message });
  if (internalMessage) err.generatedMessage = true;
  throw err;
}

function missing(...names) {
  return errMissingArgs(...names);
}

function equal(actual, expected, message) {
  if (arguments.length < 2) throw missing('actual', 'expected');
  if (actual != expected && (!Number.isNaN(actual) || !Number.isNaN(expected))) { // eslint-disable-line eqeqeq
    innerFail({ actual, expected, message, operator: '==', stackStartFn: equal });
  }
}

function notEqual(actual, expected, message) {
  if (arguments.length < 2) throw missing('actual', 'expected');
  if (actual == expected || (Number.isNaN(actual) && Number.isNaN(expected))) { // eslint-disable-line eqeqeq
    innerFail({ actual, expected, message, operator: '!=', stackStartFn: notEqual });
  }
}

function deepEqualAssert(actual, expected, message) {
  if (arguments.length < 2) throw missing('actual', 'expected');
  if (!isDeepEqual(actual, expected)) innerFail({ actual, expected, message, operator: 'deepEqual', stackStartFn: deepEqualAssert });
}

function notDeepEqual(actual, expected, message) {
  if (arguments.length < 2) throw missing('actual', 'expected');
  if (isDeepEqual(actual, expected)) innerFail({ actual, expected, message, operator: 'notDeepEqual', stackStartFn: notDeepEqual });
}

function deepStrictEqual(actual, expected, message) {
  if (arguments.length < 2) throw missing('actual', 'expected');
  if (!isDeepStrictEqual(actual, expected)) innerFail({ actual, expected, message, operator: 'deepStrictEqual', stackStartFn: deepStrictEqual });
}

function notDeepStrictEqual(actual, expected, message) {
  if (arguments.length < 2) throw missing('actual', 'expected');
  if (isDeepStrictEqual(actual, expected)) innerFail({ actual, expected, message, operator: 'notDeepStrictEqual', stackStartFn: notDeepStrictEqual });
}

function strictEqual(actual, expected, message) {
  if (arguments.length < 2) throw missing('actual', 'expected');
  if (!Object.is(actual, expected)) innerFail({ actual, expected, message, operator: 'strictEqual', stackStartFn: strictEqual });
}

function notStrictEqual(actual, expected, message) {
  if (arguments.length < 2) throw missing('actual', 'expected');
  if (Object.is(actual, expected)) innerFail({ actual, expected, message, operator: 'notStrictEqual', stackStartFn: notStrictEqual });
}

// Comparison shows only the keys an expected object names, for the diff
// of throws/rejects.
class Comparison {
  constructor(obj, keys, actual) {
    for (const key of keys) {
      if (key in obj) {
        if (actual !== undefined && typeof actual[key] === 'string' && obj[key] instanceof RegExp && obj[key].exec(actual[key]) !== null) {
          this[key] = actual[key];
        } else {
          this[key] = obj[key];
        }
      }
    }
  }
}

function compareKey(actual, expected, key, message, keys, fn) {
  if (!(key in actual) || !isDeepStrictEqual(actual[key], expected[key])) {
    if (!message) {
      const a = new Comparison(actual, keys);
      const b = new Comparison(expected, keys, actual);
      const err = new AssertionError({ actual: a, expected: b, operator: 'deepStrictEqual', stackStartFn: fn });
      err.actual = actual;
      err.expected = expected;
      err.operator = fn.name;
      throw err;
    }
    innerFail({ actual, expected, message, operator: fn.name, stackStartFn: fn });
  }
}

function expectedException(actual, expected, message, fn) {
  let generatedMessage = false;
  let throwError = false;
  if (typeof expected !== 'function') {
    if (expected instanceof RegExp) {
      const str = String(actual);
      if (expected.exec(str) !== null) return;
      if (!message) {
        generatedMessage = true;
        message = `The input did not match the regular expression ${show(expected)}. Input:\n\n${show(str)}\n`;
      }
      throwError = true;
    } else if (typeof actual !== 'object' || actual === null) {
      const err = new AssertionError({ actual, expected, message, operator: 'deepStrictEqual', stackStartFn: fn });
      err.operator = fn.name;
      throw err;
    } else {
      const keys = Object.keys(expected);
      if (expected instanceof Error) keys.push('name', 'message');
      else if (keys.length === 0) throw errInvalidArgValue('error', expected, 'may not be an empty object');
      for (const key of keys) {
        if (typeof actual[key] === 'string' && expected[key] instanceof RegExp && expected[key].exec(actual[key]) !== null) continue;
        compareKey(actual, expected, key, message, keys, fn);
      }
      return;
    }
  } else if (expected.prototype !== undefined && actual instanceof expected) {
    return;
  } else if (Object.prototype.isPrototypeOf.call(Error, expected) || expected === Error) {
    if (!message) {
      generatedMessage = true;
      message = `The error is expected to be an instance of "${expected.name}". Received `;
      if (actual instanceof Error) {
        const name = (actual.constructor && actual.constructor.name) || actual.name;
        if (expected.name === name) message += 'an error with identical name but a different prototype.';
        else message += `"${name}"`;
        if (actual.message) message += `\n\nError message:\n\n${actual.message}`;
      } else {
        message += `"${inspectValue(actual, { depth: -1 })}"`;
      }
    }
    throwError = true;
  } else {
    const res = Reflect.apply(expected, {}, [actual]);
    if (res !== true) {
      if (!message) {
        generatedMessage = true;
        const name = expected.name ? `"${expected.name}" ` : '';
        message = `The ${name}validation function is expected to return "true". Received ${inspectValue(res)}`;
        if (actual instanceof Error) message += `\n\nCaught error:\n\n${actual}`;
      }
      throwError = true;
    }
  }
  if (throwError) {
    const err = new AssertionError({ actual, expected, message, operator: fn.name, stackStartFn: fn });
    err.generatedMessage = generatedMessage;
    throw err;
  }
}

const NO_EXCEPTION = {};

function getActual(fn) {
  validateFunction(fn, 'fn');
  try {
    fn();
  } catch (e) {
    return e;
  }
  return NO_EXCEPTION;
}

function checkIsPromise(obj) {
  return obj instanceof Promise || (obj !== null && typeof obj === 'object' && typeof obj.then === 'function' && typeof obj.catch === 'function');
}

async function waitForActual(promiseFn) {
  let resultPromise;
  if (typeof promiseFn === 'function') {
    resultPromise = promiseFn();
    if (!checkIsPromise(resultPromise)) {
      throw nodeError(TypeError, 'ERR_INVALID_RETURN_VALUE',
        `Expected instance of Promise to be returned from the "promiseFn" function but got ${receivedType(resultPromise)}.`);
    }
  } else if (checkIsPromise(promiseFn)) {
    resultPromise = promiseFn;
  } else {
    throw errInvalidArgType('promiseFn', ['Function', 'Promise'], promiseFn);
  }
  try {
    await resultPromise;
  } catch (e) {
    return e;
  }
  return NO_EXCEPTION;
}

function expectsError(fn, actual, error, message) {
  if (typeof error === 'string') {
    if (arguments.length === 4) throw errInvalidArgType('error', ['Object', 'Error', 'Function', 'RegExp'], error);
    if (typeof actual === 'object' && actual !== null) {
      if (actual.message === error) {
        throw nodeError(TypeError, 'ERR_AMBIGUOUS_ARGUMENT', `The "error/message" argument is ambiguous. The error message "${actual.message}" is identical to the message.`);
      }
    } else if (actual === error) {
      throw nodeError(TypeError, 'ERR_AMBIGUOUS_ARGUMENT', `The "error/message" argument is ambiguous. The error "${actual}" is identical to the message.`);
    }
    message = error;
    error = undefined;
  } else if (error != null && typeof error !== 'object' && typeof error !== 'function') {
    throw errInvalidArgType('error', ['Object', 'Error', 'Function', 'RegExp'], error);
  }
  if (actual === NO_EXCEPTION) {
    let details = '';
    if (error && error.name) details += ` (${error.name})`;
    details += message ? `: ${message}` : '.';
    const fnType = fn === assert.rejects ? 'rejection' : 'exception';
    innerFail({ actual: undefined, expected: error, operator: fn.name, message: `Missing expected ${fnType}${details}`, stackStartFn: fn });
  }
  if (!error) return;
  expectedException(actual, error, message, fn);
}

function hasMatchingError(actual, expected) {
  if (typeof expected !== 'function') {
    if (expected instanceof RegExp) return expected.exec(String(actual)) !== null;
    throw errInvalidArgType('expected', ['Function', 'RegExp'], expected);
  }
  if (expected.prototype !== undefined && actual instanceof expected) return true;
  if (Object.prototype.isPrototypeOf.call(Error, expected) || expected === Error) return false;
  return Reflect.apply(expected, {}, [actual]) === true;
}

function expectsNoError(fn, actual, error, message) {
  if (actual === NO_EXCEPTION) return;
  if (typeof error === 'string') {
    message = error;
    error = undefined;
  }
  if (!error || hasMatchingError(actual, error)) {
    const details = message ? `: ${message}` : '.';
    const fnType = fn === assert.doesNotReject ? 'rejection' : 'exception';
    innerFail({ actual, expected: error, operator: fn.name, message: `Got unwanted ${fnType}${details}\nActual message: "${actual && actual.message}"`, stackStartFn: fn });
  }
  throw actual;
}

function throws(promiseFn, ...args) {
  expectsError(throws, getActual(promiseFn), ...args);
}

async function rejects(promiseFn, ...args) {
  expectsError(rejects, await waitForActual(promiseFn), ...args);
}

function doesNotThrow(fn, ...args) {
  expectsNoError(doesNotThrow, getActual(fn), ...args);
}

async function doesNotReject(fn, ...args) {
  expectsNoError(doesNotReject, await waitForActual(fn), ...args);
}

function ifError(err) {
  if (err === null || err === undefined) return;
  let message = 'ifError got unwanted exception: ';
  if (typeof err === 'object' && typeof err.message === 'string') {
    if (err.message.length === 0 && err.constructor) message += err.constructor.name;
    else message += err.message;
  } else {
    message += inspectValue(err);
  }
  const e = new AssertionError({ actual: err, expected: null, operator: 'ifError', message, stackStartFn: ifError });
  e.generatedMessage = false;
  throw e;
}

function internalMatch(string, regexp, message, fn) {
  if (!(regexp instanceof RegExp)) throw errInvalidArgType('regexp', 'RegExp', regexp);
  const match = fn === assert.match;
  if (typeof string !== 'string' || (regexp.exec(string) !== null) !== match) {
    if (message instanceof Error) throw message;
    const generatedMessage = !message;
    message = message || (typeof string !== 'string'
      ? `The "string" argument must be of type string. Received type ${typeof string} (${inspectValue(string)})`
      : `${match ? 'The input did not match the regular expression ' : 'The input was expected to not match the regular expression '}${inspectValue(regexp)}. Input:\n\n${inspectValue(string)}\n`);
    const err = new AssertionError({ actual: string, expected: regexp, message, operator: fn.name, stackStartFn: fn });
    err.generatedMessage = generatedMessage;
    throw err;
  }
}

function match(string, regexp, message) {
  internalMatch(string, regexp, message, match);
}

function doesNotMatch(string, regexp, message) {
  internalMatch(string, regexp, message, doesNotMatch);
}

Object.defineProperty(deepEqualAssert, 'name', { value: 'deepEqual' });

Object.assign(assert, {
  ok, fail, equal, notEqual, deepEqual: deepEqualAssert, notDeepEqual, deepStrictEqual, notDeepStrictEqual,
  strictEqual, notStrictEqual, throws, rejects, doesNotThrow, doesNotReject, ifError, match, doesNotMatch, AssertionError,
});

function strict(...args) {
  innerOk(strict, args.length, ...args);
}
Object.assign(strict, assert, {
  equal: strictEqual, deepEqual: deepStrictEqual, notEqual: notStrictEqual, notDeepEqual: notDeepStrictEqual,
});
strict.strict = strict;
assert.strict = strict;

exports.assert = assert;
exports.isDeepStrictEqual = isDeepStrictEqual;
