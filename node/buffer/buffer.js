// Buffer, as Node's: a Uint8Array whose prototype is Buffer.prototype
// (made by FastBuffer, as in Node), so that views, slices and species
// (map, filter, subarray) are Buffers too. natives (Go, on Uint8Arrays):
// fromString(str, enc) -> ArrayBuffer; toString(u8, enc) -> string;
// byteLength(str, enc); write(u8, str, enc) -> bytes written; compare(a,
// b); indexOf(hay, needle, from, last); isUtf8(u8); isAscii(u8).

const kMaxLength = 2 ** 32;
const kStringMaxLength = 2 ** 29 - 24;
const INSPECT_MAX_BYTES = 50;

class FastBuffer extends Uint8Array {
  // The constructor Uint8Array's would give is enough: new FastBuffer(n),
  // new FastBuffer(arrayBuffer, offset, length).
}

// normalizeEncoding is the canonical name of an encoding Node knows, or
// undefined.
function normalizeEncoding(enc) {
  switch (`${enc}`.toLowerCase()) {
    case 'utf8': case 'utf-8': return 'utf8';
    case 'hex': return 'hex';
    case 'base64': return 'base64';
    case 'base64url': return 'base64url';
    case 'latin1': case 'binary': return 'latin1';
    case 'ascii': return 'ascii';
    case 'ucs2': case 'ucs-2': case 'utf16le': case 'utf-16le': return 'utf16le';
    default: return undefined;
  }
}

function errUnknownEncoding(enc) {
  return nodeError(TypeError, 'ERR_UNKNOWN_ENCODING', `Unknown encoding: ${enc}`);
}

// encodingOf is the encoding named by enc: utf8 when enc is not a
// non-empty string (as Node's Buffer.from), else it must be known.
function encodingOf(enc) {
  if (typeof enc !== 'string' || enc.length === 0) return 'utf8';
  const e = normalizeEncoding(enc);
  if (e === undefined) throw errUnknownEncoding(enc);
  return e;
}

const isUint8Array = (v) => v instanceof Uint8Array;
const bytesOf = (v) => (v instanceof Uint8Array ? v : new Uint8Array(v.buffer, v.byteOffset, v.byteLength));

function validateOffset(value, name, min = 0, max = kMaxLength) {
  if (typeof value !== 'number') throw errInvalidArgType(name, 'number', value);
  if (!Number.isInteger(value)) throw errOutOfRange(name, 'an integer', value);
  if (value < min || value > max) throw errOutOfRange(name, `>= ${min} && <= ${max}`, value);
}

function validateSize(size) {
  validateNumber(size, 'size', 0, kMaxLength);
}

function fromArrayBuffer(ab, byteOffset, length) {
  if (byteOffset === undefined) {
    byteOffset = 0;
  } else {
    byteOffset = +byteOffset;
    if (Number.isNaN(byteOffset)) byteOffset = 0;
  }
  const max = ab.byteLength - byteOffset;
  if (max < 0) throw nodeError(RangeError, 'ERR_BUFFER_OUT_OF_BOUNDS', '"offset" is outside of buffer bounds');
  if (length === undefined) {
    length = max;
  } else {
    length = +length;
    if (length > 0) {
      if (length > max) throw nodeError(RangeError, 'ERR_BUFFER_OUT_OF_BOUNDS', '"length" is outside of buffer bounds');
    } else {
      length = 0;
    }
  }
  return new FastBuffer(ab, byteOffset, length);
}

function fromArrayLike(obj) {
  if (!(obj.length > 0)) return new FastBuffer(0);
  return new FastBuffer(obj);
}

function fromString(string, encoding) {
  const enc = encodingOf(encoding);
  return new FastBuffer(natives.fromString(string, enc));
}

const fromMessage = 'The first argument must be of type string or an instance of Buffer, ArrayBuffer, or Array or an Array-like Object.';

function errFrom(value) {
  return nodeError(TypeError, 'ERR_INVALID_ARG_TYPE', `${fromMessage} Received ${receivedType(value)}`);
}

function Buffer(arg, encodingOrOffset, length) {
  if (typeof arg === 'number') {
    if (typeof encodingOrOffset === 'string') throw errInvalidArgType('string', 'string', arg);
    return Buffer.alloc(arg);
  }
  return Buffer.from(arg, encodingOrOffset, length);
}
Buffer.prototype = FastBuffer.prototype;
Object.defineProperty(FastBuffer.prototype, 'constructor', { value: Buffer, writable: true, configurable: true });
Object.setPrototypeOf(Buffer, Uint8Array);

const statics = {
  from(value, encodingOrOffset, length) {
    if (typeof value === 'string') return fromString(value, encodingOrOffset);
    if (typeof value === 'object' && value !== null) {
      if (value instanceof ArrayBuffer || (typeof SharedArrayBuffer === 'function' && value instanceof SharedArrayBuffer)) {
        return fromArrayBuffer(value, encodingOrOffset, length);
      }
      const valueOf = value.valueOf && value.valueOf();
      if (valueOf != null && valueOf !== value && (typeof valueOf === 'string' || typeof valueOf === 'object')) {
        return Buffer.from(valueOf, encodingOrOffset, length);
      }
      // An array-like (typed arrays too: each element becomes a byte).
      if (value.length !== undefined || value.buffer instanceof ArrayBuffer) {
        if (typeof value.length !== 'number') return new FastBuffer(0);
        return fromArrayLike(value);
      }
      if (value.type === 'Buffer' && Array.isArray(value.data)) return fromArrayLike(value.data);
      if (typeof value[Symbol.toPrimitive] === 'function') {
        const primitive = value[Symbol.toPrimitive]('string');
        if (typeof primitive === 'string') return fromString(primitive, encodingOrOffset);
      }
    }
    throw errFrom(value);
  },

  of(...items) {
    return fromArrayLike(items);
  },

  alloc(size, fill, encoding) {
    validateSize(size);
    const b = new FastBuffer(size);
    if (fill !== undefined && fill !== 0 && size > 0) return fillBuffer(b, fill, 0, b.length, encoding);
    return b;
  },

  allocUnsafe(size) {
    validateSize(size);
    return new FastBuffer(size);
  },

  allocUnsafeSlow(size) {
    validateSize(size);
    return new FastBuffer(size);
  },

  isBuffer(b) {
    return b instanceof Buffer;
  },

  isEncoding(encoding) {
    return typeof encoding === 'string' && encoding.length !== 0 && normalizeEncoding(encoding) !== undefined;
  },

  byteLength(string, encoding) {
    if (typeof string !== 'string') {
      if (ArrayBuffer.isView(string) || string instanceof ArrayBuffer) return string.byteLength;
      throw errInvalidArgType('string', ['string', 'Buffer', 'ArrayBuffer'], string);
    }
    const enc = typeof encoding === 'string' && encoding.length > 0 ? normalizeEncoding(encoding) : 'utf8';
    return natives.byteLength(string, enc === undefined ? 'utf8' : enc);
  },

  compare(buf1, buf2) {
    if (!isUint8Array(buf1)) throw errInvalidArgType('buf1', ['Buffer', 'Uint8Array'], buf1);
    if (!isUint8Array(buf2)) throw errInvalidArgType('buf2', ['Buffer', 'Uint8Array'], buf2);
    return natives.compare(buf1, buf2);
  },

  concat(list, length) {
    if (!Array.isArray(list)) throw errInvalidArgType('list', 'Array', list);
    if (list.length === 0) return new FastBuffer(0);
    if (length === undefined) {
      length = 0;
      for (let i = 0; i < list.length; i++) {
        if (!isUint8Array(list[i])) throw errInvalidArgType(`list[${i}]`, ['Buffer', 'Uint8Array'], list[i]);
        length += list[i].length;
      }
    } else {
      validateOffset(length, 'length');
    }
    const out = Buffer.allocUnsafe(length);
    let pos = 0;
    for (let i = 0; i < list.length && pos < length; i++) {
      const b = list[i];
      if (!isUint8Array(b)) throw errInvalidArgType(`list[${i}]`, ['Buffer', 'Uint8Array'], b);
      const n = Math.min(b.length, length - pos);
      out.set(n === b.length ? b : b.subarray(0, n), pos);
      pos += n;
    }
    out.fill(0, pos);
    return out;
  },
};
for (const [name, fn] of Object.entries(statics)) {
  Object.defineProperty(Buffer, name, { value: fn, writable: true, configurable: true, enumerable: true });
}
Buffer.poolSize = 8192;

// fillBuffer fills buf[offset, end) with value, as buf.fill does.
function fillBuffer(buf, value, offset, end, encoding) {
  if (typeof value === 'string') {
    if (typeof offset === 'string') {
      encoding = offset;
      offset = 0;
      end = buf.length;
    } else if (typeof end === 'string') {
      encoding = end;
      end = buf.length;
    }
    const enc = encoding === undefined ? 'utf8' : normalizeEncoding(encoding);
    if (enc === undefined) {
      validateString(encoding, 'encoding');
      throw errUnknownEncoding(encoding);
    }
    if (value.length === 0) {
      value = 0;
    } else if (value.length === 1 && (enc === 'utf8' || enc === 'latin1') && value.charCodeAt(0) < 128) {
      value = value.charCodeAt(0);
    } else {
      const bytes = new Uint8Array(natives.fromString(value, enc));
      if (bytes.length === 0) throw errInvalidArgValue('value', value);
      value = bytes;
    }
  } else if (typeof value === 'boolean') {
    value = Number(value);
  }
  if (offset === undefined) {
    offset = 0;
    end = buf.length;
  } else {
    validateOffset(offset, 'offset');
    if (end === undefined) end = buf.length;
    else validateOffset(end, 'end', 0, buf.length);
    if (offset >= end) return buf;
  }
  if (typeof value === 'number') {
    Uint8Array.prototype.fill.call(buf, value & 255, offset, end);
  } else if (isUint8Array(value) || ArrayBuffer.isView(value)) {
    const bytes = bytesOf(value);
    if (bytes.length === 0) throw errInvalidArgValue('value', value);
    for (let i = offset; i < end; i += bytes.length) {
      buf.set(end - i >= bytes.length ? bytes : bytes.subarray(0, end - i), i);
    }
  } else {
    Uint8Array.prototype.fill.call(buf, value, offset, end);
  }
  return buf;
}

function errNotBuffer(name, value) {
  return errInvalidArgType(name, ['Buffer', 'Uint8Array'], value);
}

// toInteger is Node's: a number in the safe range, floored, else the
// default.
function toInteger(n, fallback) {
  n = +n;
  if (!Number.isNaN(n) && n >= Number.MIN_SAFE_INTEGER && n <= Number.MAX_SAFE_INTEGER) return n % 1 === 0 ? n : Math.floor(n);
  return fallback;
}

function indexOf(buffer, value, byteOffset, encoding, last) {
  if (typeof byteOffset === 'string') {
    encoding = byteOffset;
    byteOffset = undefined;
  } else if (byteOffset > 0x7fffffff) {
    byteOffset = 0x7fffffff;
  } else if (byteOffset < -0x80000000) {
    byteOffset = -0x80000000;
  }
  byteOffset = +byteOffset;
  if (Number.isNaN(byteOffset)) byteOffset = last ? buffer.length : 0;
  let needle;
  if (typeof value === 'number') {
    needle = new Uint8Array([value >>> 0 & 255]);
  } else if (typeof value === 'string') {
    const enc = encoding === undefined ? 'utf8' : normalizeEncoding(encoding);
    if (enc === undefined) throw errUnknownEncoding(encoding);
    needle = new Uint8Array(natives.fromString(value, enc));
  } else if (isUint8Array(value)) {
    needle = value;
  } else {
    throw errInvalidArgType('value', ['number', 'string', 'Buffer', 'Uint8Array'], value);
  }
  return natives.indexOf(buffer, needle, byteOffset, last);
}

// Reads and writes of numbers, checked as Node checks them.
function errBounds(name) {
  return nodeError(RangeError, 'ERR_BUFFER_OUT_OF_BOUNDS', name ? `"${name}" is outside of buffer bounds` : 'Attempt to access memory outside buffer bounds');
}

function boundsError(value, length, type) {
  if (Math.floor(value) !== value) {
    validateNumber(value, type || 'offset');
    throw errOutOfRange(type || 'offset', 'an integer', value);
  }
  if (length < 0) throw errBounds();
  throw errOutOfRange(type || 'offset', `>= ${type ? 1 : 0} and <= ${length}`, value);
}

function checkBounds(buf, offset, size) {
  validateNumber(offset, 'offset');
  if (buf[offset] === undefined || buf[offset + size - 1] === undefined) boundsError(offset, buf.length - size);
}

function view(buf) {
  return new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
}

function checkByteLength(byteLength) {
  if (!(byteLength >= 1 && byteLength <= 6 && Number.isInteger(byteLength))) {
    if (byteLength === undefined) throw errInvalidArgType('byteLength', 'number', byteLength);
    boundsError(byteLength, 6, 'byteLength');
  }
}

// intRange is how Node states the range of a write of size bytes.
function intRange(min, max, size) {
  const n = typeof min === 'bigint' ? 'n' : '';
  if (size > 4) {
    if (min === 0 || min === 0n) return `>= 0${n} and < 2${n} ** ${size * 8}${n}`;
    return `>= -(2${n} ** ${size * 8 - 1}${n}) and < 2${n} ** ${size * 8 - 1}${n}`;
  }
  return `>= ${min}${n} and <= ${max}${n}`;
}

const proto = {
  toString(encoding, start, end) {
    if (arguments.length === 0) return natives.toString(this, 'utf8');
    const len = this.length;
    if (start <= 0) start = 0;
    else if (start >= len) return '';
    else start = Math.trunc(start) || 0;
    if (end === undefined || end > len) end = len;
    else end = Math.trunc(end) || 0;
    if (end <= start) return '';
    const enc = encoding === undefined ? 'utf8' : normalizeEncoding(encoding);
    if (enc === undefined) throw errUnknownEncoding(encoding);
    return natives.toString(start === 0 && end === len ? this : this.subarray(start, end), enc);
  },

  toJSON() {
    return { type: 'Buffer', data: Array.from(this) };
  },

  equals(otherBuffer) {
    if (!isUint8Array(otherBuffer)) throw errNotBuffer('otherBuffer', otherBuffer);
    if (this === otherBuffer) return true;
    return this.length === otherBuffer.length && natives.compare(this, otherBuffer) === 0;
  },

  compare(target, targetStart, targetEnd, sourceStart, sourceEnd) {
    if (!isUint8Array(target)) throw errNotBuffer('target', target);
    if (targetStart === undefined) targetStart = 0;
    else validateOffset(targetStart, 'targetStart');
    if (targetEnd === undefined) targetEnd = target.length;
    else validateOffset(targetEnd, 'targetEnd', 0, target.length);
    if (sourceStart === undefined) sourceStart = 0;
    else validateOffset(sourceStart, 'sourceStart');
    if (sourceEnd === undefined) sourceEnd = this.length;
    else validateOffset(sourceEnd, 'sourceEnd', 0, this.length);
    if (sourceStart >= sourceEnd) return targetStart >= targetEnd ? 0 : -1;
    if (targetStart >= targetEnd) return 1;
    return natives.compare(this.subarray(sourceStart, sourceEnd), target.subarray(targetStart, targetEnd));
  },

  copy(target, targetStart, sourceStart, sourceEnd) {
    if (!isUint8Array(target)) throw errNotBuffer('target', target);
    if (targetStart === undefined) {
      targetStart = 0;
    } else {
      targetStart = toInteger(targetStart, 0);
      if (targetStart < 0) throw errOutOfRange('targetStart', '>= 0', targetStart);
    }
    if (sourceStart === undefined) {
      sourceStart = 0;
    } else {
      sourceStart = toInteger(sourceStart, 0);
      if (sourceStart < 0 || sourceStart > this.length) throw errOutOfRange('sourceStart', `>= 0 && <= ${this.length}`, sourceStart);
    }
    if (sourceEnd === undefined) {
      sourceEnd = this.length;
    } else {
      sourceEnd = toInteger(sourceEnd, 0);
      if (sourceEnd < 0) throw errOutOfRange('sourceEnd', '>= 0', sourceEnd);
    }
    if (targetStart >= target.length || sourceStart >= sourceEnd) return 0;
    const n = Math.min(sourceEnd - sourceStart, target.length - targetStart, this.length - sourceStart);
    Uint8Array.prototype.set.call(target, new Uint8Array(this.buffer, this.byteOffset + sourceStart, n), targetStart);
    return n;
  },

  slice(start, end) {
    return this.subarray(start, end);
  },

  write(string, offset, length, encoding) {
    // Node's own wording for this one (its check is in C++).
    if (typeof string !== 'string') throw codedError(TypeError, 'ERR_INVALID_ARG_TYPE', 'argument must be a string');
    if (offset === undefined) {
      offset = 0;
      length = this.length;
    } else if (length === undefined && typeof offset === 'string') {
      encoding = offset;
      length = this.length;
      offset = 0;
    } else {
      validateOffset(offset, 'offset', 0, this.length);
      const remaining = this.length - offset;
      if (length === undefined) {
        length = remaining;
      } else if (typeof length === 'string') {
        encoding = length;
        length = remaining;
      } else {
        validateOffset(length, 'length', 0, this.length);
        if (length > remaining) length = remaining;
      }
    }
    let enc = 'utf8';
    if (encoding) {
      enc = normalizeEncoding(encoding);
      if (enc === undefined) throw errUnknownEncoding(encoding);
    }
    return natives.write(this.subarray(offset, offset + length), string, enc);
  },

  fill(value, offset, end, encoding) {
    return fillBuffer(this, value, offset, end, encoding);
  },

  indexOf(value, byteOffset, encoding) {
    return indexOf(this, value, byteOffset, encoding, false);
  },

  lastIndexOf(value, byteOffset, encoding) {
    return indexOf(this, value, byteOffset, encoding, true);
  },

  includes(value, byteOffset, encoding) {
    return this.indexOf(value, byteOffset, encoding) !== -1;
  },

  swap16() {
    if (this.length % 2 !== 0) throw nodeError(RangeError, 'ERR_INVALID_BUFFER_SIZE', 'Buffer size must be a multiple of 16-bits');
    for (let i = 0; i < this.length; i += 2) [this[i], this[i + 1]] = [this[i + 1], this[i]];
    return this;
  },

  swap32() {
    if (this.length % 4 !== 0) throw nodeError(RangeError, 'ERR_INVALID_BUFFER_SIZE', 'Buffer size must be a multiple of 32-bits');
    for (let i = 0; i < this.length; i += 4) this.subarray(i, i + 4).reverse();
    return this;
  },

  swap64() {
    if (this.length % 8 !== 0) throw nodeError(RangeError, 'ERR_INVALID_BUFFER_SIZE', 'Buffer size must be a multiple of 64-bits');
    for (let i = 0; i < this.length; i += 8) this.subarray(i, i + 8).reverse();
    return this;
  },

  readIntLE(offset, byteLength) { return readVar(this, offset, byteLength, true, true); },
  readIntBE(offset, byteLength) { return readVar(this, offset, byteLength, true, false); },
  readUIntLE(offset, byteLength) { return readVar(this, offset, byteLength, false, true); },
  readUIntBE(offset, byteLength) { return readVar(this, offset, byteLength, false, false); },
  writeIntLE(value, offset, byteLength) { return writeVar(this, value, offset, byteLength, true, true); },
  writeIntBE(value, offset, byteLength) { return writeVar(this, value, offset, byteLength, true, false); },
  writeUIntLE(value, offset, byteLength) { return writeVar(this, value, offset, byteLength, false, true); },
  writeUIntBE(value, offset, byteLength) { return writeVar(this, value, offset, byteLength, false, false); },
};

// Fixed-size reads and writes: [name, size, DataView getter, setter,
// little-endian, min, max]; a null range is a float (no range check).
const numbers = [
  ['UInt8', 1, 'Uint8', false, 0, 255], ['Int8', 1, 'Int8', false, -128, 127],
  ['UInt16LE', 2, 'Uint16', true, 0, 0xffff], ['UInt16BE', 2, 'Uint16', false, 0, 0xffff],
  ['Int16LE', 2, 'Int16', true, -0x8000, 0x7fff], ['Int16BE', 2, 'Int16', false, -0x8000, 0x7fff],
  ['UInt32LE', 4, 'Uint32', true, 0, 0xffffffff], ['UInt32BE', 4, 'Uint32', false, 0, 0xffffffff],
  ['Int32LE', 4, 'Int32', true, -0x80000000, 0x7fffffff], ['Int32BE', 4, 'Int32', false, -0x80000000, 0x7fffffff],
  ['FloatLE', 4, 'Float32', true, null, null], ['FloatBE', 4, 'Float32', false, null, null],
  ['DoubleLE', 8, 'Float64', true, null, null], ['DoubleBE', 8, 'Float64', false, null, null],
  ['BigUInt64LE', 8, 'BigUint64', true, 0n, 2n ** 64n - 1n], ['BigUInt64BE', 8, 'BigUint64', false, 0n, 2n ** 64n - 1n],
  ['BigInt64LE', 8, 'BigInt64', true, -(2n ** 63n), 2n ** 63n - 1n], ['BigInt64BE', 8, 'BigInt64', false, -(2n ** 63n), 2n ** 63n - 1n],
];
for (const [name, size, kind, little, min, max] of numbers) {
  const get = DataView.prototype[`get${kind}`];
  const set = DataView.prototype[`set${kind}`];
  const big = typeof min === 'bigint';
  const read = {
    [`read${name}`](offset = 0) {
      checkBounds(this, offset, size);
      return get.call(view(this), offset, little);
    },
  }[`read${name}`];
  const write = {
    [`write${name}`](value, offset = 0) {
      if (big) {
        if (typeof value !== 'bigint') throw errInvalidArgType('value', 'bigint', value);
      } else {
        value = +value;
      }
      if (min !== null && (value > max || value < min)) throw errOutOfRange('value', intRange(min, max, size), value);
      checkBounds(this, offset, size);
      set.call(view(this), offset, value, little);
      return offset + size;
    },
  }[`write${name}`];
  proto[`read${name}`] = read;
  proto[`write${name}`] = write;
  if (name.includes('UInt')) {
    proto[`read${name.replace('UInt', 'Uint')}`] = read;
    proto[`write${name.replace('UInt', 'Uint')}`] = write;
  }
}
for (const name of ['readUIntLE', 'readUIntBE', 'writeUIntLE', 'writeUIntBE']) proto[name.replace('UInt', 'Uint')] = proto[name];

function readVar(buf, offset, byteLength, signed, little) {
  if (offset === undefined) throw errInvalidArgType('offset', 'number', offset);
  checkByteLength(byteLength);
  checkBounds(buf, offset, byteLength);
  let v = 0;
  for (let i = 0; i < byteLength; i++) {
    const b = buf[offset + (little ? byteLength - 1 - i : i)];
    v = v * 256 + b;
  }
  if (signed && v >= 2 ** (8 * byteLength - 1)) v -= 2 ** (8 * byteLength);
  return v;
}

function writeVar(buf, value, offset, byteLength, signed, little) {
  if (offset === undefined) throw errInvalidArgType('offset', 'number', offset);
  checkByteLength(byteLength);
  value = +value;
  const bits = 8 * byteLength;
  const min = signed ? -(2 ** (bits - 1)) : 0;
  const max = signed ? 2 ** (bits - 1) - 1 : 2 ** bits - 1;
  if (value > max || value < min) throw errOutOfRange('value', intRange(min, max, byteLength), value);
  checkBounds(buf, offset, byteLength);
  let v = value < 0 ? value + 2 ** bits : value;
  for (let i = 0; i < byteLength; i++) {
    buf[offset + (little ? i : byteLength - 1 - i)] = v % 256;
    v = Math.floor(v / 256);
  }
  return offset + byteLength;
}

// inspect is how util.inspect and console.log show a Buffer.
proto[Symbol.for('nodejs.util.inspect.custom')] = function inspect() {
  const shown = Math.min(INSPECT_MAX_BYTES, this.length);
  const hex = [];
  for (let i = 0; i < shown; i++) hex.push(this[i].toString(16).padStart(2, '0'));
  let str = hex.join(' ');
  const more = this.length - shown;
  if (more > 0) str += ` ... ${more} more byte${more > 1 ? 's' : ''}`;
  const name = typeof this.constructor === 'function' ? this.constructor.name : 'Buffer';
  return `<${name} ${str}>`;
};

proto.toLocaleString = proto.toString;
for (const key of Reflect.ownKeys(proto)) {
  Object.defineProperty(FastBuffer.prototype, key, { value: proto[key], writable: true, configurable: true, enumerable: typeof key === 'string' });
}

function SlowBuffer(size) {
  validateSize(size);
  return new FastBuffer(size);
}
SlowBuffer.prototype = FastBuffer.prototype;

Object.assign(exports, {
  Buffer,
  SlowBuffer,
  kMaxLength,
  kStringMaxLength,
  INSPECT_MAX_BYTES,
  constants: { MAX_LENGTH: kMaxLength, MAX_STRING_LENGTH: kStringMaxLength },
  isUtf8(input) {
    if (!ArrayBuffer.isView(input) && !(input instanceof ArrayBuffer)) throw errInvalidArgType('input', ['ArrayBuffer', 'Buffer', 'TypedArray'], input);
    return natives.isUtf8(input instanceof ArrayBuffer ? new Uint8Array(input) : bytesOf(input));
  },
  isAscii(input) {
    if (!ArrayBuffer.isView(input) && !(input instanceof ArrayBuffer)) throw errInvalidArgType('input', ['ArrayBuffer', 'Buffer', 'TypedArray'], input);
    return natives.isAscii(input instanceof ArrayBuffer ? new Uint8Array(input) : bytesOf(input));
  },
});
// wrap makes a Buffer of an ArrayBuffer, for Go (crypto's digests, fs).
natives.wrap = (ab) => new FastBuffer(ab);
