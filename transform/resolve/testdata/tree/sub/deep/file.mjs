// A probe for expect.mjs: import() from this file.
export const probe = (spec, opts) => import(spec, opts);
