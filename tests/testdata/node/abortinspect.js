// util.inspect and console.log of AbortSignal and AbortController, as Node
// prints them.
const util = require('util');
console.log(util.inspect(new AbortController().signal));
const c = new AbortController();
c.abort();
console.log(c.signal);
console.log(new AbortController());
console.log(util.inspect({ s: AbortSignal.abort() }, { depth: 0 }));
console.log([AbortSignal.abort('x')]);
console.log(util.inspect(new AbortController(), { depth: 0 }));
