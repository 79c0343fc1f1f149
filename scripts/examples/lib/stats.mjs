// A local ES module: modules.mjs imports it, and each thread that runs one
// of its functions imports it again (it is evaluated once per runtime).
export const precision = 2;

export function mean(xs) {
  return round(xs.reduce((a, b) => a + b, 0) / xs.length);
}

export function spread(xs) {
  return round(Math.max(...xs) - Math.min(...xs));
}

function round(x) {
  return Number(x.toFixed(precision));
}
