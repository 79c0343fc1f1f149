// Node-oracle test of os: see scripts/node-expected.sh. The values are
// the machine's, so this prints their shapes; os_test.go checks values.
const os = require('node:os');
const log = (...a) => console.log(a.map((x) => (typeof x === 'string' ? x : JSON.stringify(x))).join(' '));

log('same module', os === require('os'));
log('EOL', os.EOL, 'devNull', os.devNull);
const fns = ['arch', 'platform', 'type', 'machine', 'release', 'version', 'hostname', 'homedir', 'tmpdir', 'endianness',
  'availableParallelism', 'totalmem', 'freemem', 'uptime', 'loadavg', 'cpus', 'userInfo', 'networkInterfaces'];
log('functions', fns.map((f) => `${f}:${typeof os[f]}`)); // Node's own names (getOSType, wrappedFn) are not copied
log('arch known', ['x64', 'arm64', 'ia32', 'arm', 'ppc64', 's390x', 'riscv64', 'loong64', 'mips', 'mipsel'].includes(os.arch()));
log('platform known', ['linux', 'darwin', 'win32', 'freebsd', 'openbsd', 'sunos', 'aix', 'android'].includes(os.platform()));
log('type matches platform', { linux: 'Linux', darwin: 'Darwin', win32: 'Windows_NT', freebsd: 'FreeBSD' }[os.platform()] === os.type());
log('strings', ['machine', 'release', 'version', 'hostname', 'homedir', 'tmpdir'].map((f) => typeof os[f]()));
log('hostname non-empty', os.hostname().length > 0);
log('homedir absolute', os.homedir().startsWith('/'), 'tmpdir absolute', os.tmpdir().startsWith('/'), 'no trailing slash', os.tmpdir() === '/' || !os.tmpdir().endsWith('/'));
log('endianness', os.endianness());
log('parallelism', Number.isInteger(os.availableParallelism()) && os.availableParallelism() >= 1);
log('memory', typeof os.totalmem(), typeof os.freemem(), os.totalmem() >= os.freemem(), os.freemem() > 0);
log('uptime', typeof os.uptime(), os.uptime() > 0);
const load = os.loadavg();
log('loadavg', Array.isArray(load), load.length, load.every((x) => typeof x === 'number' && x >= 0));
const cpus = os.cpus();
log('cpus', Array.isArray(cpus), cpus.length >= 1, cpus.length === os.availableParallelism() || cpus.length >= 1);
log('cpu keys', Object.keys(cpus[0]), Object.keys(cpus[0].times), typeof cpus[0].model, typeof cpus[0].speed,
  Object.values(cpus[0].times).every((x) => Number.isInteger(x) && x >= 0));
const u = os.userInfo();
log('userInfo', Object.keys(u), Object.getPrototypeOf(u), typeof u.uid, typeof u.gid, typeof u.username, u.homedir === os.homedir());
const nets = os.networkInterfaces();
const lo = Object.values(nets).flat().find((a) => a.address === '127.0.0.1');
log('loopback', lo && [lo.netmask, lo.family, lo.internal, lo.cidr, lo.mac]);
log('all addresses', Object.values(nets).flat().every((a) => ['address', 'netmask', 'family', 'mac', 'internal', 'cidr'].every((k) => k in a)));
log('constants', Object.getPrototypeOf(os.constants.signals), os.constants.signals.SIGINT, os.constants.signals.SIGTERM, os.constants.signals.SIGKILL, os.constants.priority);
