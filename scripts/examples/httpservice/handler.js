// The JavaScript half of the httpservice example: prices an order.
// Loaded once into each of the Program's instances; handle runs per
// request. `served` is per instance, as module state in a Node worker.

const rates = { EUR: 1, USD: 1.08, GBP: 0.85 };
let served = 0;

function handle(order) {
  served++;
  if (!Array.isArray(order.items) || order.items.length === 0) {
    throw new TypeError("order.items must be a non-empty array");
  }
  const rate = rates[order.currency || "EUR"];
  if (rate === undefined) throw new RangeError("unknown currency " + order.currency);
  // A large order prices its lines on threads: they end with the call.
  const price = (it) => Math.round(it.price * it.qty * 100) / 100;
  const lines = order.items.length > 50
    ? order.items.map((it) => threads.run(price, it)).map((p) => p.get())
    : order.items.map(price);
  const subtotal = lines.reduce((a, b) => a + b, 0);
  const discount = order.coupon === "TEN" ? subtotal * 0.1 : 0;
  if (lines.length > 0 && served % 1000 === 0) console.info("served", served, "orders on this instance");
  return {
    orderId: order.orderId,
    lines,
    total: Math.round((subtotal - discount) * rate * 100) / 100,
    currency: order.currency || "EUR",
  };
}
