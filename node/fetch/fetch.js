// fetch, Headers, Request and Response, as Node's (undici's) for what
// scripts use. natives: send(method, url, headers, body, redirect, done)
// starts a request in Go and returns a function that cancels it; done(err,
// res) runs on the loop once, with err a {message, code, errno, syscall,
// address, port, hostname} record or res a {status, statusText, url,
// redirected, headers, body} record (headers a flat [name, value, ...]
// list, body an ArrayBuffer); dataURL(url) is such a record for a data:
// URL, or null. encode(string) is its UTF-8 ArrayBuffer;
// decode(ArrayBuffer) is its text (UTF-8, BOM dropped, bad bytes U+FFFD);
// isSignal(v) tells an AbortSignal, newSignal() makes one, onAbort(signal,
// fn) calls fn(reason) when it aborts and returns a function that stops
// that; URL and URLSearchParams are url's classes.

const STATE = Symbol('state');
const kInspect = Symbol.for('nodejs.util.inspect.custom');
const hide = (obj, value) => Object.defineProperty(obj, STATE, { value });

// st is the state of a Headers, Request or Response; a method called on
// anything else throws as Node's do.
function st(self) {
  const s = self !== null && typeof self === 'object' ? self[STATE] : undefined;
  if (s === undefined) throw new TypeError('Illegal invocation');
  return s;
}

// ---- Headers ----

const tokenRe = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
const badValueRe = /[\0\r\n]/;

function headerName(name, who) {
  name = `${name}`;
  if (!tokenRe.test(name)) throw new TypeError(`Headers.${who}: "${name}" is an invalid header name.`);
  return name.toLowerCase();
}

function headerValue(value, who) {
  value = byteString(`${value}`).replace(/^[\t\n\r ]+|[\t\n\r ]+$/g, '');
  if (badValueRe.test(value)) throw new TypeError(`Headers.${who}: "${value}" is an invalid header value.`);
  return value;
}

// byteString checks that every unit of s fits a byte, as WebIDL's
// ByteString does.
function byteString(s) {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c > 255) {
      throw new TypeError(`Cannot convert argument to a ByteString because the character at index ${i} has a value of ${c} which is greater than 255.`);
    }
  }
  return s;
}

class Headers {
  constructor(init = undefined) {
    // map: lower-case name -> [values]; names: lower-case name -> the
    // name as first given (util.inspect shows it, as Node's does).
    hide(this, { map: new Map(), names: new Map() });
    if (init === undefined || init === null) return;
    if (typeof init !== 'object' && typeof init !== 'function') {
      throw new TypeError('Headers constructor: Argument 1 could not be converted to one of: sequence<sequence<ByteString>>, record<ByteString, ByteString>.');
    }
    if (init instanceof Headers) {
      for (const [name, values] of init[STATE].map) st(this).map.set(name, values.slice());
      for (const [name, given] of init[STATE].names) st(this).names.set(name, given);
    } else if (typeof init[Symbol.iterator] === 'function') {
      for (const pair of init) {
        const list = [...pair];
        if (list.length !== 2) throw new TypeError('Headers constructor: expected name/value pair to be length 2, found ' + list.length + '.');
        this.append(list[0], list[1]);
      }
    } else {
      for (const key of Object.keys(init)) this.append(key, init[key]);
    }
  }

  append(name, value) {
    const key = headerName(name, 'append');
    const v = headerValue(value, 'append');
    const { map, names } = st(this);
    const list = map.get(key);
    if (list) {
      list.push(v);
    } else {
      map.set(key, [v]);
      names.set(key, `${name}`);
    }
  }

  set(name, value) {
    const key = headerName(name, 'set');
    st(this).map.set(key, [headerValue(value, 'set')]);
    st(this).names.set(key, `${name}`);
  }

  delete(name) {
    const key = headerName(name, 'delete');
    st(this).map.delete(key);
    st(this).names.delete(key);
  }

  get(name) {
    const list = st(this).map.get(headerName(name, 'get'));
    if (list === undefined) return null;
    return list.join(', ');
  }

  has(name) {
    return st(this).map.has(headerName(name, 'has'));
  }

  getSetCookie() {
    return (st(this).map.get('set-cookie') || []).slice();
  }

  // entries are sorted by name, each name's values joined, but set-cookie
  // listed once per value, as the Fetch standard sorts and combines.
  *entries() {
    const map = st(this).map;
    for (const name of [...map.keys()].sort()) {
      if (name === 'set-cookie') {
        for (const v of map.get(name)) yield [name, v];
      } else {
        yield [name, map.get(name).join(', ')];
      }
    }
  }

  *keys() {
    for (const [name] of this.entries()) yield name;
  }

  *values() {
    for (const [, value] of this.entries()) yield value;
  }

  forEach(callback, thisArg = undefined) {
    if (typeof callback !== 'function') {
      throw new TypeError("Headers.forEach: Argument 1 could not be converted to: Function.");
    }
    for (const [name, value] of this.entries()) callback.call(thisArg, value, name, this);
  }

  [Symbol.iterator]() {
    return this.entries();
  }

  [kInspect](depth, options, inspect) {
    const shown = {};
    for (const [key, values] of st(this).map) shown[st(this).names.get(key)] = values.join(', ');
    return `Headers ${inspect(shown, options)}`;
  }
}
Object.defineProperty(Headers.prototype, Symbol.toStringTag, { value: 'Headers', configurable: true });

// flat lists h as [name, value, ...] for Go, set-cookie once per value.
function flat(h) {
  const out = [];
  for (const [name, values] of h[STATE].map) {
    if (name === 'set-cookie') {
      for (const v of values) out.push(name, v);
    } else {
      out.push(name, values.join(', '));
    }
  }
  return out;
}

// ---- bodies ----

// extract turns a body init into {bytes (ArrayBuffer), type (or null)}.
function extract(body) {
  if (typeof body === 'string') return { bytes: natives.encode(body), type: 'text/plain;charset=UTF-8' };
  if (body instanceof ArrayBuffer) return { bytes: body.slice(0), type: null };
  if (ArrayBuffer.isView(body)) {
    return { bytes: body.buffer.slice(body.byteOffset, body.byteOffset + body.byteLength), type: null };
  }
  if (body instanceof natives.URLSearchParams) {
    return { bytes: natives.encode(body.toString()), type: 'application/x-www-form-urlencoded;charset=UTF-8' };
  }
  return { bytes: natives.encode(`${body}`), type: 'text/plain;charset=UTF-8' };
}

// Body is the part Request and Response share: the bytes, read once.
const bodyMixin = {
  get body() {
    const s = st(this);
    if (s.bytes === null) return null;
    if (s.stream === undefined) s.stream = makeStream(s);
    return s.stream;
  },
  get bodyUsed() {
    return st(this).used;
  },
  arrayBuffer() {
    return consume(this, (b) => b);
  },
  bytes() {
    return consume(this, (b) => new Uint8Array(b));
  },
  text() {
    return consume(this, (b) => natives.decode(b));
  },
  json() {
    return consume(this, (b) => JSON.parse(natives.decode(b)));
  },
};

function consume(self, convert) {
  const s = self[STATE];
  if (s.used || (s.stream !== undefined && s.stream.locked)) {
    return Promise.reject(new TypeError('Body is unusable: Body has already been read'));
  }
  s.used = true;
  try {
    return Promise.resolve(convert(s.bytes === null ? new ArrayBuffer(0) : s.bytes));
  } catch (err) {
    return Promise.reject(err);
  }
}

// makeStream is body: a reader that gives the whole body as one chunk (the
// body is in memory when the response arrives).
function makeStream(s) {
  let locked = false;
  const stream = {
    get locked() {
      return locked || s.used; // a consumed body's stream stays locked, as Node's
    },
    getReader() {
      if (locked) throw new TypeError('ReadableStream is locked');
      if (s.used) throw new TypeError('Body is unusable: Body has already been read');
      locked = true;
      let done = false;
      return {
        read() {
          if (done || s.used) return Promise.resolve({ value: undefined, done: true });
          s.used = true;
          return Promise.resolve({ value: new Uint8Array(s.bytes), done: false });
        },
        cancel() {
          s.used = true;
          done = true;
          return Promise.resolve();
        },
        releaseLock() {
          locked = false;
        },
        get closed() {
          return Promise.resolve();
        },
      };
    },
  };
  Object.defineProperty(stream, Symbol.toStringTag, { value: 'ReadableStream' });
  Object.defineProperty(stream, kInspect, {
    value(depth, options, inspect) {
      if (depth < 0) return undefined; // as Node's
      const shown = { locked: locked || s.used, state: s.used ? 'closed' : 'readable', supportsBYOB: true };
      return `ReadableStream ${inspect(shown, options)}`;
    },
  });
  return stream;
}

function mixBody(cls) {
  for (const key of Object.getOwnPropertyNames(bodyMixin)) {
    Object.defineProperty(cls.prototype, key, Object.getOwnPropertyDescriptor(bodyMixin, key));
  }
}

// ---- Request ----

const methods = ['DELETE', 'GET', 'HEAD', 'OPTIONS', 'POST', 'PUT', 'PATCH'];

function parseURL(input, request = false) {
  let url;
  try {
    url = new natives.URL(`${input}`);
  } catch (cause) {
    throw new TypeError(`Failed to parse URL from ${input}`, { cause });
  }
  if (request && (url.username !== '' || url.password !== '')) {
    throw new TypeError(`Request cannot be constructed from a URL that includes credentials: ${input}`);
  }
  return url.href;
}

class Request {
  constructor(input, init = {}) {
    if (arguments.length === 0) throw new TypeError("Request constructor: At least 1 argument required, but only 0 present.");
    if (init === null || (typeof init !== 'object' && typeof init !== 'function')) init = {};
    let base;
    if (input instanceof Request) base = input[STATE];
    const s = {
      url: base ? base.url : parseURL(input, true),
      method: base ? base.method : 'GET',
      headers: new Headers(base ? base.headers : undefined),
      redirect: base ? base.redirect : 'follow',
      signal: base ? base.signal : undefined,
      bytes: base ? base.bytes : null,
      used: false,
    };
    if (init.method !== undefined) {
      const m = `${init.method}`;
      if (!tokenRe.test(m)) throw new TypeError(`'${m}' is not a valid HTTP method.`);
      const up = m.toUpperCase();
      if (['CONNECT', 'TRACE', 'TRACK'].includes(up)) throw new TypeError(`'${m}' HTTP method is unsupported.`);
      s.method = methods.includes(up) ? up : m;
    }
    if (init.headers !== undefined) s.headers = new Headers(init.headers);
    if (init.redirect !== undefined) {
      const r = `${init.redirect}`;
      if (!['follow', 'manual', 'error'].includes(r)) {
        throw new TypeError(`Request constructor: ${r} is not an accepted type. Expected one of follow, manual, error.`);
      }
      s.redirect = r;
    }
    if (init.signal !== undefined && init.signal !== null) {
      if (!natives.isSignal(init.signal)) {
        throw new TypeError("Failed to construct 'Request': member signal is not of type AbortSignal.");
      }
      s.signal = init.signal;
    }
    if (init.body !== undefined && init.body !== null) {
      if (s.method === 'GET' || s.method === 'HEAD') throw new TypeError('Request with GET/HEAD method cannot have body.');
      const { bytes, type } = extract(init.body);
      s.bytes = bytes;
      if (type !== null && !s.headers.has('content-type')) s.headers.set('content-type', type);
    }
    hide(this, s);
  }

  get url() {
    return st(this).url;
  }
  get method() {
    return st(this).method;
  }
  get headers() {
    return st(this).headers;
  }
  get redirect() {
    return st(this).redirect;
  }
  get signal() {
    const s = st(this);
    if (s.signal === undefined) s.signal = natives.newSignal();
    return s.signal;
  }

  clone() {
    if (st(this).used) throw new TypeError('Request.clone: Body has already been consumed.');
    return new Request(this);
  }

  [kInspect](depth, options, inspect) {
    const shown = {
      method: this.method, url: this.url, headers: this.headers, destination: '', referrer: 'about:client',
      referrerPolicy: '', mode: 'cors', credentials: 'same-origin', cache: 'default', redirect: this.redirect,
      integrity: '', keepalive: false, isReloadNavigation: false, isHistoryNavigation: false, signal: this.signal,
    };
    return `Request ${inspect(shown, withDepth(options))}`;
  }
}
mixBody(Request);
Object.defineProperty(Request.prototype, Symbol.toStringTag, { value: 'Request', configurable: true });

// ---- Response ----

const nullBodyStatus = [101, 204, 205, 304];
const redirectStatus = [301, 302, 303, 307, 308];

class Response {
  constructor(body = null, init = {}) {
    if (init === null || (typeof init !== 'object' && typeof init !== 'function')) init = {};
    const status = init.status === undefined ? 200 : Number(init.status);
    if (!Number.isInteger(status) || status < 200 || status > 599) {
      throw new RangeError('init["status"] must be in the range of 200 to 599, inclusive.');
    }
    const s = {
      type: 'default',
      url: '',
      redirected: false,
      status,
      statusText: init.statusText === undefined ? '' : `${init.statusText}`,
      headers: new Headers(init.headers),
      bytes: null,
      used: false,
    };
    if (body !== null && body !== undefined) {
      if (nullBodyStatus.includes(status)) throw new TypeError('Response constructor: Invalid response status code ' + status);
      const { bytes, type } = extract(body);
      s.bytes = bytes;
      if (type !== null && !s.headers.has('content-type')) s.headers.set('content-type', type);
    }
    hide(this, s);
  }

  static json(data, init = {}) {
    const text = JSON.stringify(data);
    if (text === undefined) throw new TypeError('Value is not JSON serializable');
    const res = new Response(text, init);
    res[STATE].headers.set('content-type', 'application/json');
    return res;
  }

  static error() {
    const res = new Response(null);
    Object.assign(res[STATE], { type: 'error', status: 0 });
    return res;
  }

  static redirect(url, status = 302) {
    const href = parseURL(url);
    if (!redirectStatus.includes(status)) throw new RangeError(`Invalid status code ${status}`);
    const res = new Response(null, { status });
    res[STATE].headers.set('location', href);
    return res;
  }

  get type() {
    return st(this).type;
  }
  get url() {
    return st(this).url;
  }
  get redirected() {
    return st(this).redirected;
  }
  get status() {
    return st(this).status;
  }
  get ok() {
    const status = st(this).status;
    return status >= 200 && status <= 299;
  }
  get statusText() {
    return st(this).statusText;
  }
  get headers() {
    return st(this).headers;
  }

  clone() {
    const s = st(this);
    if (s.used) throw new TypeError('Response.clone: Body has already been consumed.');
    const res = new Response(null);
    hideCopy(res, s);
    return res;
  }

  [kInspect](depth, options, inspect) {
    const shown = {
      status: this.status, statusText: this.statusText, headers: this.headers, body: this.body,
      bodyUsed: this.bodyUsed, ok: this.ok, redirected: this.redirected, type: this.type, url: this.url,
    };
    return `Response ${inspect(shown, withDepth(options))}`;
  }
}
mixBody(Response);
Object.defineProperty(Response.prototype, Symbol.toStringTag, { value: 'Response', configurable: true });

// withDepth is options with undici's default depth: 2 for null.
function withDepth(options) {
  return options.depth === null ? Object.assign({}, options, { depth: 2 }) : options;
}

function hideCopy(res, s) {
  Object.assign(res[STATE], s, { headers: new Headers(s.headers), stream: undefined, used: false });
}

// received makes the Response of a finished request.
function received(r, method) {
  const res = new Response(null);
  const s = res[STATE];
  s.type = 'basic';
  s.status = r.status;
  s.statusText = r.statusText;
  s.url = r.url;
  s.redirected = r.redirected;
  const h = s.headers[STATE].map;
  const list = r.headers;
  for (let i = 0; i < list.length; i += 2) {
    const values = h.get(list[i]);
    if (values) values.push(list[i + 1]);
    else h.set(list[i], [list[i + 1]]);
  }
  // A response with a null-body status, or to HEAD, has no body, as in Node.
  s.bytes = nullBodyStatus.includes(r.status) || method === 'HEAD' ? null : r.body;
  return res;
}

// ---- fetch ----

// failed is fetch's TypeError of a request that could not be made, with
// Node's cause (an Error with code, errno, syscall, ...).
function failed(e) {
  const cause = new Error(e.message);
  if (e.name !== undefined) cause.name = e.name;
  for (const key of ['errno', 'code', 'syscall', 'address', 'port', 'hostname']) {
    if (e[key] !== undefined) cause[key] = e[key];
  }
  return new TypeError('fetch failed', { cause });
}

function fetch(input, init = undefined) {
  let req;
  try {
    req = new Request(input, init);
  } catch (err) {
    return Promise.reject(err);
  }
  const s = req[STATE];
  const signal = s.signal;
  if (signal !== undefined && signal.aborted) return Promise.reject(signal.reason);
  // data: URLs are read here; file: is not implemented in Node either.
  if (s.url.startsWith('data:')) {
    const r = natives.dataURL(s.url);
    if (r === null) return Promise.reject(failed({ message: 'failed to fetch the data URL' }));
    return Promise.resolve(received(r));
  }
  if (s.url.startsWith('file:')) return Promise.reject(failed({ message: 'not implemented... yet...' }));
  return new Promise((resolve, reject) => {
    let settled = false;
    let removeAbort;
    const cancel = natives.send(s.method, s.url, flat(s.headers), s.bytes, s.redirect, (err, res) => {
      if (settled) return;
      settled = true;
      if (removeAbort !== undefined) removeAbort();
      if (err !== null) reject(failed(err));
      else resolve(received(res, s.method));
    });
    if (signal !== undefined) {
      removeAbort = natives.onAbort(signal, (reason) => {
        if (settled) return;
        settled = true;
        cancel();
        reject(reason);
      });
    }
  });
}

exports.fetch = fetch;
exports.Headers = Headers;
exports.Request = Request;
exports.Response = Response;
