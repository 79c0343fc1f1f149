// timers/promises, as Node's: setTimeout and setImmediate return promises,
// which options.signal can abort. natives: isSignal(v); timer(ms, ref,
// fn) and immediate(fn) schedule fn on the loop and return a function that
// cancels it.

function validateOptions(options) {
  validateObject(options, 'options');
  if (options.signal !== undefined && !natives.isSignal(options.signal)) {
    throw errInvalidArgType('options.signal', 'AbortSignal', options.signal);
  }
  if (options.ref !== undefined) validateBoolean(options.ref, 'options.ref');
}

// schedule resolves with value once start's callback runs, or rejects with
// an AbortError once signal aborts.
function schedule(start, value, signal) {
  if (signal !== undefined && signal.aborted) return Promise.reject(errAbort(signal.reason));
  let onAbort;
  const p = new Promise((resolve, reject) => {
    const cancel = start(() => resolve(value));
    if (signal !== undefined) {
      onAbort = () => {
        cancel();
        reject(errAbort(signal.reason));
      };
      signal.addEventListener('abort', onAbort, { once: true });
    }
  });
  if (onAbort === undefined) return p;
  return p.finally(() => signal.removeEventListener('abort', onAbort));
}

function setTimeout(delay, value, options = {}) {
  try {
    if (delay !== undefined) validateNumber(delay, 'delay');
    validateOptions(options);
  } catch (err) {
    return Promise.reject(err);
  }
  // As setTimeout: a delay below 1 ms or past 2^31-1 ms is 1 ms.
  const ms = delay >= 1 && delay <= 2147483647 ? delay : 1;
  const ref = options.ref !== false;
  return schedule((done) => natives.timer(ms, ref, done), value, options.signal);
}

function setImmediate(value, options = {}) {
  try {
    validateOptions(options);
  } catch (err) {
    return Promise.reject(err);
  }
  return schedule((done) => natives.immediate(done), value, options.signal);
}

exports.setTimeout = setTimeout;
exports.setImmediate = setImmediate;
exports.scheduler = {
  wait: function wait(delay, options = undefined) {
    return setTimeout(delay, undefined, options);
  },
  yield: function yield_() {
    return setImmediate();
  },
};
Object.defineProperty(exports.scheduler.yield, 'name', { value: 'yield' });
