// dir2/start.js
