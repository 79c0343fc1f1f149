console.log('tla-slow start');
await new Promise((r) => setTimeout(r, 10));
console.log('tla-slow end');
