// console: console.log of a 1,000-key object, N times; the runner sends
// stdout to /dev/null and times the whole run. argv: [n=1000]
"use strict";
const n = Number(process.argv[2] || 1000);
const obj = {};
for (let i = 0; i < 1000; i++) obj["key" + i] = i % 3 === 0 ? "s" + i : i;
for (let i = 0; i < n; i++) console.log(obj);
