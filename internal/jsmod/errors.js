// Node's errors, written for jsrun. This text is appended to the body of
// every module written in JavaScript (see jsmod.go): function declarations
// are hoisted, so a module's own lines keep their numbers in stacks.

// nodeError makes an error of class Base with Node's code: the code is an
// own enumerable property, the stack's first line reads
// "TypeError [CODE]: message" and so does toString, as in Node.
function nodeError(Base, code, message) {
  const err = new Base(message);
  Object.defineProperty(err, 'name', { value: `${err.name} [${code}]`, configurable: true, writable: true });
  void err.stack; // goja fixes the stack's header on its first read
  delete err.name;
  err.code = code;
  Object.defineProperty(err, 'toString', {
    value: function toString() { return `${this.name} [${code}]: ${this.message}`; },
    configurable: true, writable: true,
  });
  return err;
}

// receivedType describes a wrong argument as Node's messages do.
function receivedType(value) {
  if (value === null || value === undefined) return String(value);
  switch (typeof value) {
    case 'function':
      return `function ${value.name}`;
    case 'object':
      if (value.constructor && 'name' in value.constructor) return `an instance of ${value.constructor.name}`;
      return inspectValue(value, { depth: -1 });
    case 'string': {
      if (value.length > 28) value = `${value.slice(0, 25)}...`;
      return value.indexOf("'") === -1 ? `type string ('${value}')` : `type string (${JSON.stringify(value)})`;
    }
    case 'number':
      return `type number (${Object.is(value, -0) ? '-0' : String(value)})`;
    case 'bigint':
      return `type bigint (${value}n)`;
    default:
      return `type ${typeof value} (${String(value)})`;
  }
}

// inspectValue is util.inspect, as the host provides it.
function inspectValue(value, options) {
  return natives.inspect(value, options);
}

// typeNames are the expectations ERR_INVALID_ARG_TYPE words as types
// ("of type string"); a capitalized class name reads as an instance, and
// anything else ("a safe integer") is said as it is.
const typeNames = ['string', 'function', 'number', 'object', 'Function', 'Object', 'boolean', 'bigint', 'symbol'];
const className = /^([A-Z][a-z0-9]*)+$/;

// listed joins words as Node's messages do: "a", "a or b", "a, b, or c".
function listed(words) {
  if (words.length <= 2) return words.join(' or ');
  return `${words.slice(0, -1).join(', ')}, or ${words[words.length - 1]}`;
}

// argName is how a message names an argument or a property of one.
function argName(name) {
  if (name.endsWith(' argument')) return `The ${name}`;
  return `The "${name}" ${name.includes('.') ? 'property' : 'argument'}`;
}

// ERR_INVALID_ARG_TYPE: expected is a type ("string"), a class
// ("AbortSignal"), another phrase ("a safe integer"), or a list of them.
function errInvalidArgType(name, expected, actual) {
  if (!Array.isArray(expected)) expected = [expected];
  const types = [];
  const instances = [];
  const other = [];
  for (const e of expected) {
    if (typeNames.includes(e)) types.push(e.toLowerCase());
    else if (className.test(e)) instances.push(e);
    else other.push(e);
  }
  // An object expected along with classes reads as one more class.
  if (instances.length > 0 && types.includes('object')) {
    types.splice(types.indexOf('object'), 1);
    instances.push('Object');
  }
  let msg = `${argName(name)} must be `;
  if (types.length > 0) {
    msg += `${types.length > 1 ? 'one of type' : 'of type'} ${listed(types)}`;
    if (instances.length > 0 || other.length > 0) msg += ' or ';
  }
  if (instances.length > 0) {
    msg += `an instance of ${listed(instances)}`;
    if (other.length > 0) msg += ' or ';
  }
  if (other.length > 1) msg += `one of ${listed(other)}`;
  else if (other.length === 1) msg += `${other[0].toLowerCase() !== other[0] ? 'an ' : ''}${other[0]}`;
  return nodeError(TypeError, 'ERR_INVALID_ARG_TYPE', `${msg}. Received ${receivedType(actual)}`);
}

// ERR_INVALID_ARG_VALUE.
function errInvalidArgValue(name, value, reason = 'is invalid') {
  let shown = inspectValue(value);
  if (shown.length > 128) shown = `${shown.slice(0, 128)}...`;
  const kind = name.includes('.') ? 'property' : 'argument';
  return nodeError(TypeError, 'ERR_INVALID_ARG_VALUE', `The ${kind} '${name}' ${reason}. Received ${shown}`);
}

// withSeparators writes an integer's digits in groups of three: 1_000_000.
function withSeparators(digits) {
  let out = '';
  let i = digits.length;
  const start = digits[0] === '-' ? 1 : 0;
  for (; i >= start + 4; i -= 3) out = `_${digits.slice(i - 3, i)}${out}`;
  return `${digits.slice(0, i)}${out}`;
}

// ERR_OUT_OF_RANGE: range reads as after "It must be".
function errOutOfRange(name, range, value) {
  let received;
  if (Number.isInteger(value) && Math.abs(value) > 2 ** 32) received = withSeparators(String(value));
  else if (typeof value === 'bigint') {
    received = String(value);
    if (value > 2n ** 32n || value < -(2n ** 32n)) received = withSeparators(received);
    received += 'n';
  } else received = inspectValue(value);
  return nodeError(RangeError, 'ERR_OUT_OF_RANGE', `The value of "${name}" is out of range. It must be ${range}. Received ${received}`);
}

// ERR_MISSING_ARGS: names are the arguments that are missing.
function errMissingArgs(...names) {
  const quoted = names.map((n) => `"${n}"`);
  let list = quoted[0];
  if (quoted.length === 2) list = `${quoted[0]} and ${quoted[1]}`;
  else if (quoted.length > 2) list = `${quoted.slice(0, -1).join(', ')}, and ${quoted[quoted.length - 1]}`;
  return nodeError(TypeError, 'ERR_MISSING_ARGS', `The ${list} argument${names.length > 1 ? 's' : ''} must be specified`);
}

function validateString(value, name) {
  if (typeof value !== 'string') throw errInvalidArgType(name, 'string', value);
}

function validateFunction(value, name) {
  if (typeof value !== 'function') throw errInvalidArgType(name, 'function', value);
}

function validateBoolean(value, name) {
  if (typeof value !== 'boolean') throw errInvalidArgType(name, 'boolean', value);
}

// validateObject accepts an object that is not an array (nor null,
// unless nullable).
function validateObject(value, name, nullable = false) {
  if (value === null ? !nullable : typeof value !== 'object' || Array.isArray(value)) {
    throw errInvalidArgType(name, 'object', value);
  }
}

function validateNumber(value, name, min = undefined, max = undefined) {
  if (typeof value !== 'number') throw errInvalidArgType(name, 'number', value);
  if ((min != null && value < min) || (max != null && value > max) || ((min != null || max != null) && Number.isNaN(value))) {
    const range = min != null && max != null ? `>= ${min} && <= ${max}` : min != null ? `>= ${min}` : `<= ${max}`;
    throw errOutOfRange(name, range, value);
  }
}

function validateInteger(value, name, min = Number.MIN_SAFE_INTEGER, max = Number.MAX_SAFE_INTEGER) {
  if (typeof value !== 'number') throw errInvalidArgType(name, 'number', value);
  if (!Number.isInteger(value)) throw errOutOfRange(name, 'an integer', value);
  if (value < min || value > max) throw errOutOfRange(name, `>= ${min} && <= ${max}`, value);
}

// errAbort is Node's AbortError (not the DOMException of the same name):
// what an API that takes a signal rejects with when the signal aborts.
function errAbort(cause) {
  const err = new Error('The operation was aborted', { cause });
  err.code = 'ABORT_ERR';
  err.name = 'AbortError';
  return err;
}

// codedError is an error with Node's code property but a plain header,
// which is how Node makes a few of its errors (TextDecoder's).
function codedError(Base, code, message) {
  const err = new Base(message);
  err.code = code;
  return err;
}
