export let counter = 0;
export function bump() {
  counter++;
}
export const add = (a, b) => a + b;
export default "the default";
