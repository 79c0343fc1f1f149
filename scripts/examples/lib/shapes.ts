// Shapes for typescript.ts: an interface, an enum, a generic class.
export interface Shape {
  kind: Kind;
  size: number;
}

export enum Kind {
  Square = "square",
  Circle = "circle",
}

export class Measure<T extends Shape> {
  constructor(private readonly unit: string) {}

  area(s: T): string {
    if (s.size < 0) throw new RangeError(`a ${s.kind} of size ${s.size}`);
    const a = s.kind === Kind.Square ? s.size * s.size : Math.PI * s.size * s.size;
    return `${a.toFixed(1)} ${this.unit}`;
  }
}
