import { a } from './cycle-a.mjs';
console.log('cycle-b body', typeof a);
export function b() {
  return 'b' + typeof a;
}
