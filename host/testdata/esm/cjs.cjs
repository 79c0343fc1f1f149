exports.named = 'cjs named';
