throw new Error('module threw');
