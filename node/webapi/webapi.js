// TextEncoder, TextDecoder, atob, btoa and performance, as Node's globals.
// natives: encode(s) -> ArrayBuffer; encodeInto(s, u8) -> [read, written];
// decoder(encoding, fatal, ignoreBOM) -> decode(bytes, stream) (a string,
// or null when fatal and the bytes are not valid); atob(s) -> string or
// an error kind; btoa(s) -> string or null; domException(message, name);
// now() -> ms since origin; timeOrigin.

const encodingLabels = new Map();
for (const [name, labels] of [
  ['utf-8', ['unicode-1-1-utf-8', 'unicode11utf8', 'unicode20utf8', 'utf-8', 'utf8', 'x-unicode20utf8']],
  ['utf-16le', ['csunicode', 'iso-10646-ucs-2', 'ucs-2', 'unicode', 'unicodefeff', 'utf-16', 'utf-16le']],
  ['windows-1252', ['ansi_x3.4-1968', 'ascii', 'cp1252', 'cp819', 'csisolatin1', 'ibm819', 'iso-8859-1', 'iso-ir-100',
    'iso8859-1', 'iso88591', 'iso_8859-1', 'iso_8859-1:1987', 'l1', 'latin1', 'us-ascii', 'windows-1252', 'x-cp1252']],
]) {
  for (const label of labels) encodingLabels.set(label, name);
}

class TextEncoder {
  get encoding() {
    return 'utf-8';
  }

  encode(input = '') {
    return new Uint8Array(natives.encode(`${input}`));
  }

  encodeInto(src, dest) {
    validateString(src, 'src');
    if (!(dest instanceof Uint8Array)) throw errInvalidArgType('dest', 'Uint8Array', dest);
    const [read, written] = natives.encodeInto(src, dest);
    return { read, written };
  }
}
Object.defineProperty(TextEncoder.prototype, Symbol.toStringTag, { value: 'TextEncoder', configurable: true });

class TextDecoder {
  #encoding;
  #fatal;
  #ignoreBOM;
  #decode;

  constructor(encoding = 'utf-8', options = undefined) {
    const label = `${encoding}`;
    const name = encodingLabels.get(label.trim().toLowerCase());
    if (name === undefined) {
      throw nodeError(RangeError, 'ERR_ENCODING_NOT_SUPPORTED', `The "${label}" encoding is not supported`);
    }
    if (options != null) validateObject(options, 'options');
    this.#encoding = name;
    this.#fatal = !!(options && options.fatal);
    this.#ignoreBOM = !!(options && options.ignoreBOM);
    this.#decode = natives.decoder(name, this.#fatal, this.#ignoreBOM);
  }

  get encoding() { return this.#encoding; }
  get fatal() { return this.#fatal; }
  get ignoreBOM() { return this.#ignoreBOM; }

  decode(input = undefined, options = undefined) {
    let bytes;
    if (input === undefined) bytes = new Uint8Array(0);
    else if (input instanceof ArrayBuffer) bytes = new Uint8Array(input);
    else if (ArrayBuffer.isView(input)) bytes = new Uint8Array(input.buffer, input.byteOffset, input.byteLength);
    else {
      throw codedError(TypeError, 'ERR_INVALID_ARG_TYPE',
        'The "list" argument must be an instance of SharedArrayBuffer, ArrayBuffer or ArrayBufferView.');
    }
    // Node reads options.stream from whatever options is.
    const out = this.#decode(bytes, !!(options != null && options.stream));
    if (out === null) {
      throw codedError(TypeError, 'ERR_ENCODING_INVALID_ENCODED_DATA', `The encoded data was not valid for encoding ${this.#encoding}`);
    }
    return out;
  }
}
Object.defineProperty(TextDecoder.prototype, Symbol.toStringTag, { value: 'TextDecoder', configurable: true });

function atob(input) {
  if (arguments.length === 0) throw errMissingArgs('input');
  const out = natives.atob(`${input}`);
  if (out === 1) throw natives.domException('Invalid character', 'InvalidCharacterError');
  if (out === 2) throw natives.domException('The string to be decoded is not correctly encoded.', 'InvalidCharacterError');
  return out;
}

function btoa(input) {
  if (arguments.length === 0) throw errMissingArgs('input');
  const out = natives.btoa(`${input}`);
  if (out === null) throw natives.domException('Invalid character', 'InvalidCharacterError');
  return out;
}

class Performance {
  get timeOrigin() {
    return natives.timeOrigin;
  }

  now() {
    return natives.now();
  }

  toJSON() {
    return { timeOrigin: this.timeOrigin };
  }
}
Object.defineProperty(Performance.prototype, Symbol.toStringTag, { value: 'Performance', configurable: true });

Object.assign(exports, { TextEncoder, TextDecoder, atob, btoa, performance: new Performance() });
