// fetch against a small server: under Node the script starts its own (Node's
// http), under jsrun the test gives SERVER (a Go httptest.Server with the
// same routes) and CLOSED (a port nothing listens on).
const routes = {
  '/json': (req, res) => { res.setHeader('content-type', 'application/json'); res.end('{"a":[1,2],"b":"x"}'); },
  '/text': (req, res) => { res.setHeader('content-type', 'text/plain'); res.end('h\u00e9llo'); },
  '/bytes': (req, res) => res.end(Buffer.from([0, 1, 2, 254, 255])),
  '/echo': (req, res) => {
    let body = '';
    req.on('data', (c) => { body += c; });
    req.on('end', () => {
      res.setHeader('x-method', req.method);
      res.setHeader('x-test', req.headers['x-test'] || '');
      res.setHeader('x-type', req.headers['content-type'] || '');
      res.setHeader('set-cookie', ['a=1', 'b=2']);
      res.end(body);
    });
  },
  '/redirect': (req, res) => { res.statusCode = 302; res.setHeader('location', '/text'); res.end(); },
  '/loop': (req, res) => { res.statusCode = 302; res.setHeader('location', '/loop'); res.end(); },
  '/missing': (req, res) => { res.statusCode = 404; res.end('no such page'); },
  '/empty': (req, res) => { res.statusCode = 204; res.end(); },
  '/slow': () => {}, // never answers: the client gives up
};

function nodeServers() {
  const http = require('http');
  const server = http.createServer((req, res) => (routes[req.url] || routes['/missing'])(req, res));
  const closed = http.createServer();
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => closed.listen(0, '127.0.0.1', () => {
    const port = closed.address().port;
    closed.close(() => resolve({ base: `http://127.0.0.1:${server.address().port}`, closed: port, server }));
  })));
}

const servers = typeof SERVER === 'string' ? Promise.resolve({ base: SERVER, closed: CLOSED }) : nodeServers();

function describe(err, port) {
  const c = err.cause;
  const hide = (s) => String(s).split(String(port)).join('PORT');
  const out = [err.name, err.message];
  if (c !== undefined) {
    out.push('cause:', c.name, hide(c.message), JSON.stringify(Object.keys(c)), c.code, c.errno, c.syscall, c.address, c.port !== undefined && c.port === port ? 'PORT' : c.port);
  }
  return out.join(' | ');
}

servers.then(async ({ base, closed, server }) => {
  let r = await fetch(`${base}/json`);
  console.log(r.status, r.ok, r.statusText, r.redirected, r.type, r.url === `${base}/json`, r.bodyUsed);
  console.log(r.headers.get('content-type'), r.headers.get('Content-Length'));
  console.log(JSON.stringify(await r.json()), r.bodyUsed);
  await r.text().catch((e) => console.log(e.name, e.message));

  r = await fetch(`${base}/text`);
  const c = r.clone();
  console.log(await r.text(), await c.text());

  r = await fetch(new Request(`${base}/bytes`));
  const b = await r.bytes();
  console.log(b instanceof Uint8Array, b.length, Array.from(b).join(','));
  r = await fetch(`${base}/bytes`);
  const ab = await r.arrayBuffer();
  console.log(ab instanceof ArrayBuffer, ab.byteLength);

  r = await fetch(`${base}/echo`, { method: 'post', headers: { 'X-Test': 'yes' }, body: 'payload' });
  console.log(r.headers.get('x-method'), r.headers.get('x-test'), r.headers.get('x-type'), await r.text());
  console.log(JSON.stringify(r.headers.getSetCookie()), r.headers.has('X-TEST'));
  r = await fetch(`${base}/echo`, { method: 'PUT', body: new Uint8Array([104, 105]) });
  console.log(r.headers.get('x-method'), JSON.stringify(r.headers.get('x-type')), await r.text());

  r = await fetch(`${base}/redirect`);
  console.log(r.status, r.redirected, r.url === `${base}/text`, await r.text());
  r = await fetch(`${base}/redirect`, { redirect: 'manual' });
  console.log(r.status, r.redirected, r.headers.get('location'), r.url === `${base}/redirect`);
  await fetch(`${base}/redirect`, { redirect: 'error' }).catch((e) => console.log(describe(e)));
  await fetch(`${base}/loop`).catch((e) => console.log(describe(e)));

  r = await fetch(`${base}/empty`);
  console.log(r.status, r.body, r.bodyUsed, JSON.stringify(await r.text()));
  r = await fetch(`${base}/text`, { method: 'HEAD' });
  console.log(r.status, r.body, r.headers.get('content-type'), JSON.stringify(await r.text()));
  r = await fetch(`${base}/missing`);
  console.log(r.status, r.ok, r.statusText, await r.text());

  await fetch(`http://127.0.0.1:${closed}/`).catch((e) => console.log(describe(e, closed)));
  await fetch('ftp://example.com/').catch((e) => console.log(describe(e)));
  await fetch('not a url').catch((e) => console.log(e.name, e.message, e.cause.name, e.cause.message));
  await fetch(`${base}/text`, { method: 'GET', body: 'x' }).catch((e) => console.log(e.name, e.message));

  const ac = new AbortController();
  const p = fetch(`${base}/text`, { signal: ac.signal });
  ac.abort();
  await p.catch((e) => console.log(e.name, e.message, e instanceof DOMException, e.code));
  const ac2 = new AbortController();
  ac2.abort(new Error('mine'));
  await fetch(`${base}/text`, { signal: ac2.signal }).catch((e) => console.log(e.name, e.message));
  const ac3 = new AbortController();
  const p3 = fetch(`${base}/text`, { signal: ac3.signal });
  ac3.abort('why');
  await p3.catch((e) => console.log(typeof e, e));

  await fetch(`${base}/slow`, { signal: AbortSignal.timeout(20) }).catch((e) => console.log(e.name, e.message, e.code));
  const h = new Headers({ B: '1', a: '2' });
  h.append('a', '3');
  h.append('Set-Cookie', 'x=1');
  h.append('set-cookie', 'y=2');
  console.log(JSON.stringify([...h]), h.get('A'), h.get('zz'));
  h.delete('a');
  h.forEach((v, k) => console.log('each', k, v));
  try { new Headers({ 'bad name': 'x' }); } catch (e) { console.log(e.name, e.message); }

  const q = new Request('http://x/a', { method: 'post', body: 'x' });
  console.log(q.method, q.url, q.headers.get('content-type'), q.redirect, q.signal.aborted, await q.text());
  const j = Response.json({ a: 1 }, { status: 201 });
  console.log(j.status, j.headers.get('content-type'), await j.text(), JSON.stringify(j.statusText), j.ok, j.type, JSON.stringify(j.url));
  console.log(new Response(null).body, new Response('').body === null, typeof new Response('x').body);
  console.log(Response.redirect('http://a/', 301).headers.get('location'), Response.error().type, Response.error().status);
  try { new Response('x', { status: 99 }); } catch (e) { console.log(e.name, e.message); }
  const d = new Response('xy');
  const reader = d.body.getReader();
  const first = await reader.read();
  console.log(first.done, Array.from(first.value).join(','), (await reader.read()).done, d.bodyUsed);
  try { d.clone(); } catch (e) { console.log(e.name, e.message); }

  // data: URLs, and the bad inputs Node rejects before any request.
  for (const u of ['data:text/plain,hi%20there', 'data:,A%20brief', 'data:text/HTML;charset=utf-8;base64,PGI+aGk8L2I+', 'data:;base64,aGk=', 'data:nocomma']) {
    await fetch(u).then(async (d) => console.log(d.status, d.statusText, JSON.stringify(d.headers.get('content-type')), d.url === u, d.type, JSON.stringify(await d.text())),
      (e) => console.log(describe(e)));
  }
  await fetch('file:///etc/hostname').catch((e) => console.log(describe(e)));
  const bad = [
    () => fetch(`${base}/text`, { headers: { a: '\u0100' } }),
    () => fetch(`${base}/text`, { method: 'GET\n' }),
    () => fetch(`${base}/text`, { headers: [['a']] }),
    () => fetch(`${base}/text`, { headers: 5 }),
    () => fetch(`${base}/text`, { redirect: 'x' }),
    () => fetch(`${base}/text`, { signal: {} }),
    () => fetch({ toString() { throw new Error('boom'); } }),
    () => fetch('http://[::1'),
    () => fetch('http://user:pw@127.0.0.1/'),
    () => fetch(Symbol('x')),
    () => fetch(),
  ];
  for (const f of bad) await f().catch((e) => console.log(e.name, e.message));
  for (const f of [() => Request.prototype.url, () => Headers.prototype.get.call({}, 'a'), () => Response.redirect('http://x/', 200)]) {
    try { f(); } catch (e) { console.log(e.name, e.message); }
  }
  if (server) server.close();
});
