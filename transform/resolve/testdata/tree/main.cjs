// main.cjs
