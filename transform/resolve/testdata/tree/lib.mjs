// lib.mjs
