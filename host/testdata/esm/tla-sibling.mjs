console.log('tla-sibling');
