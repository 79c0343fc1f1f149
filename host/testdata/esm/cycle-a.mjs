import { b } from './cycle-b.mjs';
console.log('cycle-a body');
export function a() {
  return 'a+' + b();
}
