// URL and URLSearchParams, as Node's (the WHATWG URL Standard), and the
// url module's helpers. natives: parse(input, base) -> handle, or 1 (bad
// base) or 2 (bad input); get(h, component); set(h, component, value) ->
// false for an href that does not parse; setQuery(h, string|null);
// query(h); parseForm(s) -> [[name, value]]; encodeForm(s);
// domainToASCII(s); domainToUnicode(s); cwd().

const usv = (v) => `${v}`;

function errInvalidURL(input, base, plainHeader) {
  const err = plainHeader ? codedError(TypeError, 'ERR_INVALID_URL', 'Invalid URL') : nodeError(TypeError, 'ERR_INVALID_URL', 'Invalid URL');
  err.input = input;
  if (base !== undefined) err.base = base;
  return err;
}

// The link between a URL and its searchParams, private to this module.
const kURL = Symbol('url');
let updateFromURL;

class URLSearchParams {
  #list = [];
  [kURL] = null; // the URL these params belong to

  constructor(init = undefined) {
    if (init === undefined || init === null) {
      // nothing
    } else if (typeof init === 'object' || typeof init === 'function') {
      if (typeof init[Symbol.iterator] === 'function') {
        for (const pair of init) {
          if ((typeof pair !== 'object' && typeof pair !== 'function') || pair === null || typeof pair[Symbol.iterator] !== 'function') {
            throw nodeError(TypeError, 'ERR_INVALID_TUPLE', 'Each query pair must be an iterable [name, value] tuple');
          }
          const kv = Array.from(pair);
          if (kv.length !== 2) throw nodeError(TypeError, 'ERR_INVALID_TUPLE', 'Each query pair must be an iterable [name, value] tuple');
          this.#list.push([usv(kv[0]), usv(kv[1])]);
        }
      } else {
        for (const key of Reflect.ownKeys(init)) {
          if (typeof key === 'string' && Object.prototype.propertyIsEnumerable.call(init, key)) this.#list.push([key, usv(init[key])]);
        }
      }
    } else {
      let s = usv(init);
      if (s[0] === '?') s = s.slice(1);
      this.#list = natives.parseForm(s);
    }
  }

  static #check(p) {
    if (!(p !== null && typeof p === 'object' && #list in p)) {
      throw nodeError(TypeError, 'ERR_INVALID_THIS', 'Value of "this" must be of type URLSearchParams');
    }
  }

  // #update writes the params back into their URL's query.
  #update() {
    const url = this[kURL];
    if (url !== null) url[kURL](this.toString());
  }

  static {
    updateFromURL = (params, query) => {
      params.#list = natives.parseForm(query);
    };
  }

  get size() {
    URLSearchParams.#check(this);
    return this.#list.length;
  }

  append(name, value) {
    URLSearchParams.#check(this);
    if (arguments.length < 2) throw errMissingArgs('name', 'value');
    this.#list.push([usv(name), usv(value)]);
    this.#update();
  }

  delete(name, value = undefined) {
    URLSearchParams.#check(this);
    if (arguments.length < 1) throw errMissingArgs('name');
    name = usv(name);
    if (value !== undefined) {
      value = usv(value);
      this.#list = this.#list.filter(([n, v]) => n !== name || v !== value);
    } else {
      this.#list = this.#list.filter(([n]) => n !== name);
    }
    this.#update();
  }

  get(name) {
    URLSearchParams.#check(this);
    if (arguments.length < 1) throw errMissingArgs('name');
    name = usv(name);
    const pair = this.#list.find(([n]) => n === name);
    return pair ? pair[1] : null;
  }

  getAll(name) {
    URLSearchParams.#check(this);
    if (arguments.length < 1) throw errMissingArgs('name');
    name = usv(name);
    return this.#list.filter(([n]) => n === name).map(([, v]) => v);
  }

  has(name, value = undefined) {
    URLSearchParams.#check(this);
    if (arguments.length < 1) throw errMissingArgs('name');
    name = usv(name);
    if (value !== undefined) {
      value = usv(value);
      return this.#list.some(([n, v]) => n === name && v === value);
    }
    return this.#list.some(([n]) => n === name);
  }

  set(name, value) {
    URLSearchParams.#check(this);
    if (arguments.length < 2) throw errMissingArgs('name', 'value');
    name = usv(name);
    value = usv(value);
    const i = this.#list.findIndex(([n]) => n === name);
    if (i < 0) {
      this.#list.push([name, value]);
    } else {
      this.#list[i][1] = value;
      this.#list = this.#list.filter(([n], j) => j <= i || n !== name);
    }
    this.#update();
  }

  sort() {
    URLSearchParams.#check(this);
    // Stable, by UTF-16 code units, as the standard says.
    this.#list = this.#list.map((p, i) => [p, i]).sort(([a, i], [b, j]) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : i - j)).map(([p]) => p);
    this.#update();
  }

  forEach(callback, thisArg = undefined) {
    URLSearchParams.#check(this);
    validateFunction(callback, 'callback');
    for (let i = 0; i < this.#list.length; i++) {
      const [name, value] = this.#list[i];
      callback.call(thisArg, value, name, this);
    }
  }

  *entries() {
    URLSearchParams.#check(this);
    for (let i = 0; i < this.#list.length; i++) yield [this.#list[i][0], this.#list[i][1]];
  }

  *keys() {
    URLSearchParams.#check(this);
    for (let i = 0; i < this.#list.length; i++) yield this.#list[i][0];
  }

  *values() {
    URLSearchParams.#check(this);
    for (let i = 0; i < this.#list.length; i++) yield this.#list[i][1];
  }

  toString() {
    URLSearchParams.#check(this);
    return this.#list.map(([n, v]) => `${natives.encodeForm(n)}=${natives.encodeForm(v)}`).join('&');
  }
}
Object.defineProperty(URLSearchParams.prototype, Symbol.iterator, { value: URLSearchParams.prototype.entries, writable: true, configurable: true });
Object.defineProperty(URLSearchParams.prototype, Symbol.toStringTag, { value: 'URLSearchParams', configurable: true });

class URL {
  #h;
  #params;

  constructor(input, base = undefined) {
    if (arguments.length === 0) throw errMissingArgs('url');
    input = usv(input);
    if (base !== undefined) base = usv(base);
    const h = natives.parse(input, base);
    if (typeof h === 'number') throw errInvalidURL(input, base, true);
    this.#h = h;
  }

  static #check(u) {
    if (!(u !== null && typeof u === 'object' && #h in u)) {
      throw nodeError(TypeError, 'ERR_INVALID_THIS', 'Value of "this" must be of type URL');
    }
  }

  static canParse(url, base = undefined) {
    if (arguments.length === 0) throw errMissingArgs('url');
    url = usv(url);
    if (base !== undefined) base = usv(base);
    return typeof natives.parse(url, base) !== 'number';
  }

  // [kURL] is how searchParams write the query back.
  [kURL](query) {
    natives.setQuery(this.#h, query === '' ? null : query);
  }

  #set(component, value) {
    URL.#check(this);
    natives.set(this.#h, component, usv(value));
    if (this.#params !== undefined) updateFromURL(this.#params, natives.query(this.#h));
  }

  get href() { URL.#check(this); return natives.get(this.#h, 'href'); }
  set href(value) {
    URL.#check(this);
    value = usv(value);
    if (!natives.set(this.#h, 'href', value)) throw errInvalidURL(value, undefined, false);
    if (this.#params !== undefined) updateFromURL(this.#params, natives.query(this.#h));
  }

  get origin() { URL.#check(this); return natives.get(this.#h, 'origin'); }
  get protocol() { URL.#check(this); return natives.get(this.#h, 'protocol'); }
  set protocol(v) { this.#set('protocol', v); }
  get username() { URL.#check(this); return natives.get(this.#h, 'username'); }
  set username(v) { this.#set('username', v); }
  get password() { URL.#check(this); return natives.get(this.#h, 'password'); }
  set password(v) { this.#set('password', v); }
  get host() { URL.#check(this); return natives.get(this.#h, 'host'); }
  set host(v) { this.#set('host', v); }
  get hostname() { URL.#check(this); return natives.get(this.#h, 'hostname'); }
  set hostname(v) { this.#set('hostname', v); }
  get port() { URL.#check(this); return natives.get(this.#h, 'port'); }
  set port(v) { this.#set('port', v); }
  get pathname() { URL.#check(this); return natives.get(this.#h, 'pathname'); }
  set pathname(v) { this.#set('pathname', v); }
  get search() { URL.#check(this); return natives.get(this.#h, 'search'); }
  set search(v) { this.#set('search', v); }
  get hash() { URL.#check(this); return natives.get(this.#h, 'hash'); }
  set hash(v) { this.#set('hash', v); }

  get searchParams() {
    URL.#check(this);
    if (this.#params === undefined) {
      this.#params = new URLSearchParams(natives.query(this.#h));
      this.#params[kURL] = this;
    }
    return this.#params;
  }

  toString() { URL.#check(this); return natives.get(this.#h, 'href'); }
  toJSON() { URL.#check(this); return natives.get(this.#h, 'href'); }
}
Object.defineProperty(URL.prototype, Symbol.toStringTag, { value: 'URL', configurable: true });
for (const name of ['href', 'origin', 'protocol', 'username', 'password', 'host', 'hostname', 'port', 'pathname', 'search', 'searchParams', 'hash']) {
  const d = Object.getOwnPropertyDescriptor(URL.prototype, name);
  d.enumerable = true;
  Object.defineProperty(URL.prototype, name, d);
}

function fileURLToPath(path) {
  if (typeof path === 'string') path = new URL(path);
  else if (!(path instanceof URL)) throw errInvalidArgType('path', ['string', 'URL'], path);
  if (path.protocol !== 'file:') throw nodeError(TypeError, 'ERR_INVALID_URL_SCHEME', 'The URL must be of scheme file');
  if (path.hostname !== '') {
    throw nodeError(TypeError, 'ERR_INVALID_FILE_URL_HOST', `File URL host must be "localhost" or empty on ${natives.platform}`);
  }
  const pathname = path.pathname;
  if (/%2f/i.test(pathname)) throw nodeError(TypeError, 'ERR_INVALID_FILE_URL_PATH', 'File URL path must not include encoded / characters');
  return decodeURIComponent(pathname);
}

function pathToFileURL(filepath) {
  validateString(filepath, 'path');
  let resolved = filepath;
  if (filepath[0] !== '/') resolved = `${natives.cwd()}/${filepath}`;
  const trailing = filepath.endsWith('/');
  // Normalize . and .. as path.resolve would.
  const parts = [];
  for (const seg of resolved.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') parts.pop();
    else parts.push(seg);
  }
  resolved = `/${parts.join('/')}${trailing && parts.length > 0 ? '/' : ''}`;
  const out = new URL('file://');
  out.pathname = resolved.replace(/%/g, '%25').replace(/\\/g, '%5C').replace(/\n/g, '%0A').replace(/\r/g, '%0D').replace(/\t/g, '%09');
  return out;
}

function domainToASCII(domain) {
  if (arguments.length < 1) throw errMissingArgs('domain');
  return natives.domainToASCII(usv(domain));
}

function domainToUnicode(domain) {
  if (arguments.length < 1) throw errMissingArgs('domain');
  return natives.domainToUnicode(usv(domain));
}

Object.assign(exports, { URL, URLSearchParams, fileURLToPath, pathToFileURL, domainToASCII, domainToUnicode });
