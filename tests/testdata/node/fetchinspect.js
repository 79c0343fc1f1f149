// util.inspect of fetch's classes, as Node prints them (no server: the
// Responses are made by the script).
const util = require('util');
const h = new Headers({ a: '1', B: '2' });
h.append('b', '3');
h.append('Set-Cookie', 'x');
h.append('set-cookie', 'y');
h.delete('a');
console.log(h);
console.log([new Headers()]);
console.log(new Response(null, { status: 204 }));
console.log({ deep: { r: new Response('x', { headers: { 'X-A': '1' } }) } });
console.log(util.inspect(new Response('x'), { depth: 0 }));
console.log(new Request('http://example.com/a?b', { method: 'post', body: 'x' }));
const used = new Response('x');
used.text().then(() => console.log(used));
