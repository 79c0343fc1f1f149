// @ts-nocheck: compiler output, checked as its TypeScript source would be, not as JavaScript
"use strict";
// What tsc 5 emits (module: commonjs, esModuleInterop) for:
//   import threads from "threads";
//   import { run } from "threads";
//   export const cube = (n: number): number => n * n * n;
//   export function cubes(ns: number[]): number[] { return ns.map((n) => run(cube, n).get()); }
//   export const sumOfCubes = (ns: number[]): number => cubes(ns).reduce((a, b) => a + b, 0);
//   console.log(run(sumOfCubes, [1, 2, 3]).get());
//   console.log(cubes([1, 2, 3]).join(" "), threads.run === run);
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.sumOfCubes = exports.cube = void 0;
exports.cubes = cubes;
const threads_1 = __importDefault(require("threads"));
const threads_2 = require("threads");
const cube = (n) => n * n * n;
exports.cube = cube;
function cubes(ns) { return ns.map((n) => (0, threads_2.run)(exports.cube, n).get()); }
console.log(cubes([1, 2, 3]).join(" "), threads_1.default.run === threads_2.run);
const sumOfCubes = (ns) => cubes(ns).reduce((a, b) => a + b, 0);
exports.sumOfCubes = sumOfCubes;
console.log((0, threads_2.run)(exports.sumOfCubes, [1, 2, 3]).get());
console.log(Object.keys(module.exports).join(","), module.exports === exports);
