"use strict";
const { parentPort, workerData } = require("worker_threads");
const flag = new Int32Array(workerData);
parentPort.postMessage("ready");
Atomics.wait(flag, 0, 0);
