// path, POSIX flavour, as Node's: paths are strings handled as text, never
// looked up on a disk. natives.cwd() gives resolve its working directory.
const sep = '/';

// normalizeParts resolves "." and ".." in the segments of a path; with
// aboveRoot, ".." that climbs past the start is kept (a relative path).
function normalizeParts(path, aboveRoot) {
  const out = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (out.length > 0 && out[out.length - 1] !== '..') out.pop();
      else if (aboveRoot) out.push('..');
      continue;
    }
    out.push(part);
  }
  return out.join('/');
}

function normalize(path) {
  validateString(path, 'path');
  if (path === '') return '.';
  const absolute = path[0] === '/';
  const trailing = path[path.length - 1] === '/';
  let out = normalizeParts(path, !absolute);
  if (out === '') {
    if (absolute) return '/';
    return trailing ? './' : '.';
  }
  if (trailing) out += '/';
  return absolute ? `/${out}` : out;
}

function isAbsolute(path) {
  validateString(path, 'path');
  return path.length > 0 && path[0] === '/';
}

function join(...args) {
  let joined;
  for (const arg of args) {
    validateString(arg, 'path');
    if (arg.length > 0) joined = joined === undefined ? arg : `${joined}/${arg}`;
  }
  return joined === undefined ? '.' : normalize(joined);
}

function resolve(...args) {
  let resolved = '';
  let absolute = false;
  for (let i = args.length - 1; i >= -1 && !absolute; i--) {
    const path = i >= 0 ? args[i] : natives.cwd();
    validateString(path, `paths[${i}]`);
    if (path.length === 0) continue;
    resolved = `${path}/${resolved}`;
    absolute = path[0] === '/';
  }
  resolved = normalizeParts(resolved, !absolute);
  if (absolute) return `/${resolved}`;
  return resolved.length > 0 ? resolved : '.';
}

function relative(from, to) {
  validateString(from, 'from');
  validateString(to, 'to');
  if (from === to) return '';
  const f = resolve(from).split('/').filter(Boolean);
  const t = resolve(to).split('/').filter(Boolean);
  let common = 0;
  while (common < f.length && common < t.length && f[common] === t[common]) common++;
  const up = f.slice(common).map(() => '..');
  return up.concat(t.slice(common)).join('/');
}

function dirname(path) {
  validateString(path, 'path');
  if (path.length === 0) return '.';
  const root = path[0] === '/';
  let end = -1;
  let seenName = false;
  for (let i = path.length - 1; i >= 1; i--) {
    if (path[i] === '/') {
      if (seenName) {
        end = i;
        break;
      }
    } else {
      seenName = true;
    }
  }
  if (end === -1) return root ? '/' : '.';
  if (root && end === 1) return '//';
  return path.slice(0, end);
}

// nameStart is where the last segment of path starts, trailing slashes
// ignored, and nameEnd where it ends.
function nameEnd(path) {
  let end = path.length;
  while (end > 0 && path[end - 1] === '/') end--;
  return end;
}

function nameStart(path) {
  return path.lastIndexOf('/', nameEnd(path) - 1) + 1;
}

// lastName is the last segment of path, trailing slashes ignored.
function lastName(path) {
  return path.slice(nameStart(path), nameEnd(path));
}

// basename removes suffix from the name when the name ends with it and is
// more than it. Node keeps two quirks, kept here: a path of slashes only
// is its own basename once a suffix is given, and a name that is the end
// of the suffix comes back with its trailing slashes.
function basename(path, suffix) {
  if (suffix !== undefined) validateString(suffix, 'suffix');
  validateString(path, 'path');
  const name = lastName(path);
  if (suffix === undefined || suffix.length === 0 || suffix.length > path.length) return name;
  if (suffix === path) return '';
  if (name === '') return path;
  if (name === suffix) return name;
  if (name.endsWith(suffix)) return name.slice(0, name.length - suffix.length);
  if (suffix.endsWith(name)) return path.slice(nameStart(path));
  return name;
}

// extOf is the extension of a file name: from its last dot, unless that
// dot starts the name, or the name is "..".
function extOf(name) {
  const dot = name.lastIndexOf('.');
  return dot <= 0 || name === '..' ? '' : name.slice(dot);
}

function extname(path) {
  validateString(path, 'path');
  return extOf(lastName(path));
}

function parse(path) {
  validateString(path, 'path');
  const out = { root: '', dir: '', base: '', ext: '', name: '' };
  if (path.length === 0) return out;
  if (path[0] === '/') out.root = '/';
  const base = lastName(path);
  out.base = base;
  out.ext = extOf(base);
  out.name = out.ext ? base.slice(0, base.length - out.ext.length) : base;
  if (base.length > 0) {
    // The directory is what comes before the name, less its last slash.
    let end = path.length;
    while (end > 0 && path[end - 1] === '/') end--;
    let dirEnd = end - base.length;
    if (dirEnd > 0) dirEnd--;
    out.dir = dirEnd === 0 && out.root ? '/' : path.slice(0, dirEnd);
  } else {
    out.dir = out.root;
  }
  return out;
}

function format(obj) {
  validateObject(obj, 'pathObject');
  const dir = obj.dir || obj.root;
  let base = obj.base;
  if (!base) {
    const ext = obj.ext ? (obj.ext[0] === '.' ? obj.ext : `.${obj.ext}`) : '';
    base = `${obj.name || ''}${ext}`;
  }
  if (!dir) return base;
  return dir === obj.root ? `${dir}${base}` : `${dir}${sep}${base}`;
}

function toNamespacedPath(path) {
  return path;
}

Object.assign(exports, {
  resolve, normalize, isAbsolute, join, relative, toNamespacedPath,
  dirname, basename, extname, format, parse, sep, delimiter: ':',
});
exports.posix = exports;
