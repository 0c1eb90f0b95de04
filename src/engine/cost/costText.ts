// How cost figures read, wherever they are shown (the CLI's tables, the app's Cost panel): one
// owner of the rounding, so the same figure reads the same everywhere.

/** Dollars: cents from $1 up, four decimals below, `<$0.0001` for less. */
export function dollars(n: number): string {
  if (n === 0) return '$0';
  if (n >= 1) return `$${n.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
  if (n >= 0.0001) return `$${n.toFixed(4)}`;
  return '<$0.0001';
}

/** Units (and rates): whole, else at most two decimals. */
export function units(n: number): string {
  return Number.isInteger(n) ? n.toLocaleString('en-US') : n.toLocaleString('en-US', { maximumFractionDigits: 2 });
}

/** A ratio: `23×`, `6.6×`, `-` when there is none. */
export function times(n: number | undefined): string {
  return n === undefined ? '-' : `${n >= 10 ? Math.round(n).toLocaleString('en-US') : n.toFixed(1)}×`;
}

/** A fraction as a percentage with at most one decimal: 0.233 → `23.3%`. */
export function percent(n: number): string {
  return `${Math.round(n * 1000) / 10}%`;
}

/** `1/10 (default)`: a rate per second as average/peak, and whether the model gave it or the default did. */
export function perSecond(rate: { avg: number; peak: number; isDefault?: boolean }): string {
  return `${units(rate.avg)}/${units(rate.peak)}${rate.isDefault ? ' (default)' : ''}`;
}
