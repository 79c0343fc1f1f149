// structuredClone: run by Node (gen.sh) and jsrun (main and thread).
const show = (l, f) => { try { const v = f(); console.log(l, v) } catch (e) { console.log(l, "threw", e.name, e.code, e instanceof Error) } };
show("fn", () => structuredClone(() => 1));
show("nested fn", () => structuredClone({a: {b: () => 1}}));
show("symbol", () => structuredClone(Symbol("s")));
show("weakmap", () => structuredClone(new WeakMap()));
show("none", () => structuredClone());
show("ok", () => structuredClone({a: [1, new Map([[1, {b: 2n}]])], d: new Date(0)}));
show("class", () => structuredClone(new (class P { constructor(){this.x=1} })()));
show("err", () => structuredClone(new RangeError("r")).constructor.name);
show("transfer", () => { const b = new ArrayBuffer(4); const c = structuredClone(b, {transfer: [b]}); return [b.byteLength, c.byteLength] });
show("options bad", () => structuredClone(1, 5));
show("cycle", () => { const a = {n: 1}; a.self = a; const b = structuredClone(a); return [b.self === b, b !== a] });
show("getter fn", () => structuredClone({ get g() { return () => 1 } }));
show("map fn", () => structuredClone(new Map([[1, () => 2]])));
show("array fn", () => structuredClone([1, [2, Symbol("deep")]]));
show("promise", () => structuredClone({ p: Promise.resolve() }));
