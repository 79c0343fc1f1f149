"use strict";
const { parentPort } = require("worker_threads");
const { work } = require("../common.js");
parentPort.on("message", ([n, k]) => {
  let r = 0;
  for (let i = 0; i < k; i++) r += work(n);
  parentPort.postMessage(r);
});
