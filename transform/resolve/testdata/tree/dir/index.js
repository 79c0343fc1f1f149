// dir/index.js
