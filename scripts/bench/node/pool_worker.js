"use strict";
const { parentPort } = require("worker_threads");
parentPort.on("message", ([id, x]) => parentPort.postMessage([id, x + 1]));
