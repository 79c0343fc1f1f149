// lib.js
