import { describe, it, expect } from 'vitest';
import { seededRandom } from '../platform/clock.ts';
import { airPassengers } from './air-passengers.fixture.ts';
import { autoModel } from './auto-model.ts';

describe('auto', () => {
  it('chooses by an inner backtest and records the scores behind the choice', () => {
    const f = autoModel.forecast(airPassengers, 12, { frequency: 12, levels: [80, 95], seriesId: 'air', random: seededRandom(1) });
    expect(f.selection?.method).toBe('backtest');
    expect(Object.keys(f.selection?.scores ?? {}).sort()).toEqual(['arima', 'combo', 'ets', 'theta']);
    const scores = f.selection!.scores;
    const best = Math.min(...Object.values(scores));
    // The winner is the combination unless a single model beat it by the margin.
    if (f.family !== 'combo') expect(scores[f.family]).toBe(best);
    else expect(Object.entries(scores).every(([k, v]) => k === 'combo' || v >= scores.combo * 0.98)).toBe(true);
  });

  it('falls back to the combination when the series is too short for an inner backtest', () => {
    const r = seededRandom(2);
    const y = Array.from({ length: 9 }, () => 10 + r.normal());
    const f = autoModel.forecast(y, 6, { frequency: 12, levels: [80], seriesId: 'short' });
    expect(f.selection?.method).toBe('default');
    expect(f.family).toBe('combo');
  });
});
