// crypto, as Node's, for what scripts use without keys: hashes, HMACs,
// random bytes, numbers and UUIDs, getRandomValues, timingSafeEqual.
// natives: hasher(alg, key?) -> {update(u8), digest() -> ArrayBuffer,
// copy()} or null for an unknown algorithm; hashes() -> names;
// random(u8) fills u8; randomInt(min, max); uuid(); bytes(v) -> the bytes
// of a string (utf8) or a view, as a Uint8Array; Buffer; fromBytes(ab) ->
// Buffer; toString(buffer, enc) -> string or undefined for an encoding
// Node does not know; later(fn) runs fn after the current task;
// domException(message, name).

const { Buffer } = natives;

function dataBytes(data, encoding) {
  if (typeof data === 'string') return Buffer.from(data, Buffer.isEncoding(encoding) ? encoding : 'utf8');
  if (ArrayBuffer.isView(data)) return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  throw errInvalidArgType('data', ['string', 'Buffer', 'TypedArray', 'DataView'], data);
}

function output(ab, encoding) {
  const buf = natives.fromBytes(ab);
  if (encoding === undefined || encoding === 'buffer' || !Buffer.isEncoding(encoding)) return buf;
  return buf.toString(encoding);
}

const kState = Symbol('kState');

function errFinalized() {
  return nodeError(Error, 'ERR_CRYPTO_HASH_FINALIZED', 'Digest already called');
}

function Hash(algorithm, options) {
  if (!(this instanceof Hash)) return new Hash(algorithm, options);
  if (algorithm instanceof Hash) {
    // copy()
    this[kState] = { h: algorithm[kState].h.copy(), done: false };
    return;
  }
  validateString(algorithm, 'algorithm');
  if (options != null) validateObject(options, 'options');
  const h = natives.hasher(algorithm);
  if (h === null) throw new Error('Digest method not supported');
  this[kState] = { h, done: false };
}

Hash.prototype.update = function update(data, encoding) {
  const s = this[kState];
  if (s.done) throw errFinalized();
  s.h.update(dataBytes(data, encoding));
  return this;
};

Hash.prototype.digest = function digest(outputEncoding) {
  const s = this[kState];
  if (s.done) throw errFinalized();
  s.done = true;
  return output(s.h.digest(), outputEncoding);
};

Hash.prototype.copy = function copy(options) {
  const s = this[kState];
  if (s.done) throw errFinalized();
  return new Hash(this, options);
};

function keyBytes(key) {
  if (typeof key === 'string') return Buffer.from(key);
  if (ArrayBuffer.isView(key)) return new Uint8Array(key.buffer, key.byteOffset, key.byteLength);
  if (key instanceof ArrayBuffer) return new Uint8Array(key);
  throw errInvalidArgType('key', ['string', 'ArrayBuffer', 'Buffer', 'TypedArray', 'DataView', 'KeyObject', 'CryptoKey'], key);
}

function Hmac(hmac, key, options) {
  if (!(this instanceof Hmac)) return new Hmac(hmac, key, options);
  validateString(hmac, 'hmac');
  const k = keyBytes(key);
  if (options != null) validateObject(options, 'options');
  const h = natives.hasher(hmac, k);
  if (h === null) throw codedError(TypeError, 'ERR_CRYPTO_INVALID_DIGEST', `Invalid digest: ${hmac}`);
  this[kState] = { h, done: false };
}

Hmac.prototype.update = Hash.prototype.update;

// A second digest gives an empty result, as Node's.
Hmac.prototype.digest = function digest(outputEncoding) {
  const s = this[kState];
  if (s.done) return output(new ArrayBuffer(0), outputEncoding);
  s.done = true;
  return output(s.h.digest(), outputEncoding);
};

function createHash(algorithm, options) {
  return new Hash(algorithm, options);
}

function createHmac(hmac, key, options) {
  return new Hmac(hmac, key, options);
}

const kMaxRandomBytes = 2 ** 31 - 1;

function randomBytes(size, callback) {
  validateNumber(size, 'size', 0, kMaxRandomBytes);
  if (callback !== undefined) validateFunction(callback, 'callback');
  const buf = Buffer.alloc(Math.floor(size));
  natives.random(buf);
  if (callback === undefined) return buf;
  natives.later(() => callback(null, buf));
  return undefined;
}

function randomFillSync(buf, offset = 0, size = undefined) {
  if (!ArrayBuffer.isView(buf) && !(buf instanceof ArrayBuffer)) {
    throw errInvalidArgType('buf', ['ArrayBuffer', 'ArrayBufferView'], buf);
  }
  const bytes = buf instanceof ArrayBuffer ? new Uint8Array(buf) : new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
  validateNumber(offset, 'offset', 0, bytes.length);
  if (size === undefined) size = bytes.length - offset;
  validateNumber(size, 'size', 0, bytes.length - offset);
  natives.random(bytes.subarray(offset, offset + size));
  return buf;
}

const kMaxRange = 2 ** 48 - 1;

function randomInt(min, max, callback) {
  // randomInt(max[, callback]) as well as randomInt(min, max[, callback]).
  const minNotSpecified = typeof max === 'undefined' || typeof max === 'function';
  if (minNotSpecified) {
    callback = max;
    max = min;
    min = 0;
  }
  const isSync = typeof callback === 'undefined';
  if (!isSync) validateFunction(callback, 'callback');
  if (!Number.isSafeInteger(min)) throw errInvalidArgType('min', 'a safe integer', min);
  if (!Number.isSafeInteger(max)) throw errInvalidArgType('max', 'a safe integer', max);
  if (max <= min) throw errOutOfRange('max', `greater than the value of "min" (${min})`, max);
  if (max - min > kMaxRange) throw errOutOfRange(minNotSpecified ? 'max' : 'max - min', `<= ${kMaxRange}`, max - min);
  const n = natives.randomInt(min, max);
  if (isSync) return n;
  natives.later(() => callback(undefined, n));
  return undefined;
}

function randomUUID(options) {
  if (options !== undefined) validateObject(options, 'options');
  if (options !== undefined && options.disableEntropyCache !== undefined) {
    validateBoolean(options.disableEntropyCache, 'options.disableEntropyCache');
  }
  return natives.uuid();
}

const integerArrays = [Int8Array, Uint8Array, Uint8ClampedArray, Int16Array, Uint16Array, Int32Array, Uint32Array, BigInt64Array, BigUint64Array];

function getRandomValues(data) {
  if (!integerArrays.some((C) => data instanceof C)) {
    throw natives.domException('The data argument must be an integer-type TypedArray', 'TypeMismatchError');
  }
  if (data.byteLength > 65536) {
    throw natives.domException('The requested length exceeds 65,536 bytes', 'QuotaExceededError');
  }
  natives.random(new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
  return data;
}

function timingSafeEqual(buf1, buf2) {
  const view = (v, name) => {
    if (v instanceof ArrayBuffer) return new Uint8Array(v);
    if (ArrayBuffer.isView(v)) return new Uint8Array(v.buffer, v.byteOffset, v.byteLength);
    throw codedError(TypeError, 'ERR_INVALID_ARG_TYPE', `The "${name}" argument must be an instance of ArrayBuffer, Buffer, TypedArray, or DataView.`);
  };
  const a = view(buf1, 'buf1');
  const b = view(buf2, 'buf2');
  if (a.length !== b.length) throw codedError(RangeError, 'ERR_CRYPTO_TIMING_SAFE_EQUAL_LENGTH', 'Input buffers must have the same byte length');
  return natives.equal(a, b);
}

function getHashes() {
  return natives.hashes();
}

// Crypto is the class of webcrypto, the global crypto: its methods need
// it as this, as in Node (no subtle).
class Crypto {
  #brand = true;

  static #check(c) {
    if (!(c !== null && typeof c === 'object' && #brand in c)) {
      throw nodeError(TypeError, 'ERR_INVALID_THIS', 'Value of "this" must be of type Crypto');
    }
  }

  getRandomValues(data) {
    Crypto.#check(this);
    return getRandomValues(data);
  }

  randomUUID() {
    Crypto.#check(this);
    return natives.uuid();
  }
}
const webcrypto = new Crypto();

Object.assign(exports, {
  createHash, createHmac, Hash, Hmac, randomBytes, randomFillSync, randomInt, randomUUID,
  getRandomValues: (data) => webcrypto.getRandomValues(data),
  timingSafeEqual, getHashes, webcrypto, constants: {},
});
exports.pseudoRandomBytes = randomBytes;
exports.prng = randomBytes;
exports.rng = randomBytes;
