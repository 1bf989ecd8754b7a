import { describe, it, expect } from 'vitest';
import { seededRandom } from '../platform/clock.ts';
import { airPassengers } from './air-passengers.fixture.ts';
import { fitEts } from './ets-fit.ts';
import { thetaModel } from './theta-model.ts';

describe('Theta', () => {
  it('is SES plus half the regression slope as drift (Hyndman & Billah 2003)', () => {
    const r = seededRandom(4);
    const y = Array.from({ length: 40 }, (_, t) => 5 + 0.8 * t + r.normal());
    const f = thetaModel.forecast(y, 3, { frequency: 1, levels: [80], seriesId: 't' });
    const ses = fitEts(y, { error: 'A', trend: 'N', season: 'N', m: 1 })!;
    const n = y.length;
    const tm = (n + 1) / 2;
    const ym = y.reduce((a, b) => a + b) / n;
    const slope = y.reduce((a, v, i) => a + (i + 1 - tm) * (v - ym), 0) / y.reduce((a, _, i) => a + (i + 1 - tm) ** 2, 0);
    const a = ses.params.alpha;
    const expected = [0, 1, 2].map((k) => ses.state.l + 0.5 * slope * (k + (1 - (1 - a) ** n) / a));
    f.mean.forEach((v, k) => expect(v).toBeCloseTo(expected[k], 8));
    expect(f.model).toBe('Theta');
  });

  it('deseasonalises seasonal data multiplicatively and puts the season back', () => {
    const f = thetaModel.forecast(airPassengers, 12, { frequency: 12, levels: [80], seriesId: 'air' });
    expect(f.model).toContain('multiplicative');
    expect(f.mean.indexOf(Math.max(...f.mean))).toBe(6);
  });
});
