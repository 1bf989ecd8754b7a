import type { Random } from '../platform/clock.ts';

/** Picks items with given weights in O(log n) (cumulative sums + binary search). */
export class WeightedPicker<T> {
  readonly items: readonly T[];
  private readonly cumulative: Float64Array;
  readonly total: number;

  constructor(items: readonly T[], weights: readonly number[]) {
    if (items.length !== weights.length) throw new Error('items and weights differ in length');
    this.items = items;
    this.cumulative = new Float64Array(items.length);
    let sum = 0;
    weights.forEach((w, i) => {
      sum += Math.max(0, w);
      this.cumulative[i] = sum;
    });
    this.total = sum;
    if (items.length > 0 && !(sum > 0)) throw new Error('weights sum to zero');
  }

  static fromRecord(record: Record<string, number>): WeightedPicker<string> {
    const keys = Object.keys(record);
    return new WeightedPicker(keys, keys.map((k) => record[k]));
  }

  get size(): number {
    return this.items.length;
  }

  index(rng: Random): number {
    const target = rng.next() * this.total;
    let lo = 0;
    let hi = this.cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.cumulative[mid] > target) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }

  pick(rng: Random): T {
    return this.items[this.index(rng)];
  }
}
