// Scales and ticks for the Cost panel's SVG charts: a linear axis from 0 with round ticks (1, 2 or
// 5 × a power of ten) and a log axis over whole powers of ten.

/** Maps a domain [d0, d1] onto a range [r0, r1] (pixels; r1 may be below r0, as a y axis is). */
export function linearScale([d0, d1]: readonly [number, number], [r0, r1]: readonly [number, number]): (value: number) => number {
  const span = d1 - d0;
  return (value) => (span === 0 ? r0 : r0 + ((value - d0) / span) * (r1 - r0));
}

/** Round ticks from 0 to at least `max`, about `count` of them: the last is the axis's end. */
export function niceTicks(max: number, count = 5): number[] {
  if (!(max > 0) || !Number.isFinite(max)) return [0, 1];
  const rough = max / count;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = ([1, 2, 5, 10].find((m) => m * power >= rough) ?? 10) * power;
  const ticks: number[] = [];
  for (let i = 0; ; i++) {
    // Rounded to the step's precision, so 0.1 × 3 is 0.3.
    const tick = Number((i * step).toPrecision(12));
    ticks.push(tick);
    if (tick >= max) break;
  }
  return ticks;
}

/** The powers of ten from at or below `min` to at or above `max` (both above 0). */
export function logTicks(min: number, max: number): number[] {
  const lo = Math.floor(Math.log10(min));
  const hi = Math.max(lo + 1, Math.ceil(Math.log10(max)));
  const ticks: number[] = [];
  for (let p = lo; p <= hi; p++) ticks.push(Number((10 ** p).toPrecision(12)));
  return ticks;
}

/** Maps [d0, d1] (both above 0) onto [r0, r1] by their logarithms; values at or below 0 go to r0. */
export function logScale([d0, d1]: readonly [number, number], [r0, r1]: readonly [number, number]): (value: number) => number {
  const l0 = Math.log10(d0);
  const span = Math.log10(d1) - l0;
  return (value) => (value <= 0 || span === 0 ? r0 : r0 + ((Math.log10(value) - l0) / span) * (r1 - r0));
}
