"use strict";
const { parentPort } = require("worker_threads");
parentPort.on("message", (m) => parentPort.postMessage(m.length));
