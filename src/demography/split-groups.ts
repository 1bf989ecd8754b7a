/**
 * Splits grouped counts (or rates × width) into single years smoothly while preserving each group's sum:
 * a monotone cubic (Fritsch–Carlson / PCHIP) interpolation of the cumulative total through the group
 * boundaries, differenced at whole years. Monotone cumulative ⇒ no negative single-year values, unlike
 * Sprague multipliers, and each group's sum is exact because the curve passes through every boundary.
 */
export function splitGroups(totals: readonly number[], width = 5): number[] {
  const n = totals.length;
  if (n === 0) return [];
  const cumulative = [0];
  for (const t of totals) cumulative.push(cumulative[cumulative.length - 1] + Math.max(0, t));
  // Secant slopes per unit of age, one per group.
  const secant = totals.map((t) => Math.max(0, t) / width);
  const slope = new Array<number>(n + 1);
  slope[0] = secant[0];
  slope[n] = secant[n - 1];
  for (let k = 1; k < n; k++) {
    const a = secant[k - 1];
    const b = secant[k];
    slope[k] = a > 0 && b > 0 ? (2 * a * b) / (a + b) : 0;
  }
  const at = (x: number): number => {
    const k = Math.min(n - 1, Math.floor(x / width));
    const h = width;
    const s = (x - k * h) / h;
    const y0 = cumulative[k];
    const y1 = cumulative[k + 1];
    const h00 = 2 * s ** 3 - 3 * s ** 2 + 1;
    const h10 = s ** 3 - 2 * s ** 2 + s;
    const h01 = -2 * s ** 3 + 3 * s ** 2;
    const h11 = s ** 3 - s ** 2;
    return h00 * y0 + h10 * h * slope[k] + h01 * y1 + h11 * h * slope[k + 1];
  };
  const out: number[] = [];
  for (let k = 0; k < n; k++) {
    // Difference within the group, then force the exact group sum (guards against float drift).
    const values: number[] = [];
    for (let j = 0; j < width; j++) values.push(Math.max(0, at(k * width + j + 1) - at(k * width + j)));
    const sum = values.reduce((x, y) => x + y, 0);
    const target = Math.max(0, totals[k]);
    for (const v of values) out.push(sum > 0 ? (v * target) / sum : target / width);
  }
  return out;
}
