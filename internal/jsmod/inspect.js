// A stand-in for util.inspect(value, options), good enough for the
// messages of errors and of assert: primitives exactly as Node prints
// them, and objects, arrays, Maps, Sets and class instances in Node's
// layout for the options assert uses (compact: false, sorted, depth). The
// host replaces it with the real util.inspect (see Inspector).
const identifier = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

function quote(s) {
  let q = "'";
  if (s.includes("'")) {
    if (!s.includes('"')) q = '"';
    else if (!s.includes('`') && !s.includes('${')) q = '`';
  }
  let out = '';
  for (const ch of s) {
    const c = ch.charCodeAt(0);
    if (ch === q || ch === '\\') out += `\\${ch}`;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\t') out += '\\t';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\b') out += '\\b';
    else if (ch === '\f') out += '\\f';
    else if (ch === '\v') out += '\\v';
    else if (c < 0x20 || c === 0x7f) out += `\\x${c.toString(16).toUpperCase().padStart(2, '0')}`;
    else out += ch;
  }
  return q + out + q;
}

function primitive(v) {
  switch (typeof v) {
    case 'string': return quote(v);
    case 'number': return Object.is(v, -0) ? '-0' : String(v);
    case 'bigint': return `${v}n`;
    case 'symbol': return v.toString();
    default: return String(v);
  }
}

function fnName(f) {
  const src = Function.prototype.toString.call(f);
  if (src.startsWith('class')) return f.name ? `[class ${f.name}]` : '[class (anonymous)]';
  return f.name ? `[Function: ${f.name}]` : '[Function (anonymous)]';
}

function prefixOf(o) {
  const proto = Object.getPrototypeOf(o);
  if (proto === null) return '[Object: null prototype] ';
  const ctor = proto.constructor;
  const name = typeof ctor === 'function' ? ctor.name : '';
  if (Array.isArray(o) || ArrayBuffer.isView(o)) return name === 'Array' ? '' : `${name}(${o.length}) `;
  if (o instanceof Map) return `${name}(${o.size}) `;
  if (o instanceof Set) return `${name}(${o.size}) `;
  return name === 'Object' ? '' : `${name} `;
}

function key(k) {
  if (typeof k === 'symbol') return `[${k.toString()}]`;
  return identifier.test(k) ? k : quote(k);
}

function format(v, opts, depth, seen) {
  if (typeof v === 'function') return fnName(v);
  if (v === null || typeof v !== 'object') return primitive(v);
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? 'Invalid Date' : v.toISOString();
  if (v instanceof RegExp) return String(v);
  if (v instanceof Error) return `[${String(v)}]`;
  for (const [Box, name] of [[Number, 'Number'], [String, 'String'], [Boolean, 'Boolean'], [BigInt, 'BigInt'], [Symbol, 'Symbol']]) {
    if (v instanceof Box) return `[${name}: ${primitive(v.valueOf())}]`;
  }
  if (seen.includes(v)) return '[Circular *1]';
  const isArray = Array.isArray(v) || (ArrayBuffer.isView(v) && !(v instanceof DataView));
  if (opts.depth !== null && depth > opts.depth) {
    if (isArray) return '[Array]';
    const p = prefixOf(v).trim();
    return `[${p || 'Object'}]`;
  }
  seen.push(v);
  const items = [];
  if (isArray) {
    for (let i = 0; i < v.length; i++) {
      if (typeof v[i] === 'bigint' || ArrayBuffer.isView(v)) {
        items.push(format(v[i], opts, depth + 1, seen));
        continue;
      }
      if (!(i in v)) {
        let holes = 0;
        while (i < v.length && !(i in v)) {
          holes++;
          i++;
        }
        i--;
        items.push(`<${holes} empty item${holes > 1 ? 's' : ''}>`);
        continue;
      }
      items.push(format(v[i], opts, depth + 1, seen));
    }
  } else if (v instanceof Map) {
    for (const [k, x] of v) items.push(`${format(k, opts, depth + 1, seen)} => ${format(x, opts, depth + 1, seen)}`);
  } else if (v instanceof Set) {
    for (const x of v) items.push(format(x, opts, depth + 1, seen));
  }
  const keys = Object.keys(v).filter((k) => !isArray || !(String(k >>> 0) === k && (k >>> 0) < v.length));
  const props = keys.map((k) => `${key(k)}: ${format(v[k], opts, depth + 1, seen)}`);
  for (const s of Object.getOwnPropertySymbols(v)) {
    if (Object.prototype.propertyIsEnumerable.call(v, s)) props.push(`${key(s)}: ${format(v[s], opts, depth + 1, seen)}`);
  }
  // sorted sorts what is printed: all of an object's, an array's extra
  // properties only.
  if (opts.sorted) props.sort();
  items.push(...props);
  if (opts.sorted && !isArray) items.sort();
  seen.pop();
  const [open, close] = isArray ? ['[', ']'] : ['{', '}'];
  const prefix = prefixOf(v);
  if (items.length === 0) return `${prefix}${open}${close}`;
  if (opts.compact === false) {
    const pad = '  '.repeat(depth + 1);
    return `${prefix}${open}\n${items.map((s) => pad + s).join(',\n')}\n${'  '.repeat(depth)}${close}`;
  }
  return `${prefix}${open} ${items.join(', ')} ${close}`;
}

exports.inspect = function inspect(value, options) {
  const opts = { depth: 2, compact: 3, sorted: false };
  if (options !== null && typeof options === 'object') Object.assign(opts, options);
  if (opts.depth === Infinity) opts.depth = null;
  return format(value, opts, 0, []);
};
