await null;
export const value = 'later';
