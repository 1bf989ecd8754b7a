import { fitArima, hasNearUnitRoot, parameterCount, difference, type ArimaFit, type ArimaOrder } from './arima-fit.ts';
import { isConstant } from './series-checks.ts';
import { ordinaryDifferences, seasonalDifferences } from './unit-root-tests.ts';

/**
 * The Hyndman-Khandakar (2008) stepwise search of auto.arima: fix d and D by tests, start from four models,
 * then move p, q, P, Q by ±1 (singly and in pairs) and toggle the constant while AICc improves. Candidates are
 * compared by their CSS likelihood (cheap; what auto.arima does for long or high-frequency series); the winner
 * is re-estimated by exact maximum likelihood. Limits are auto.arima's: p, q ≤ 5, P, Q ≤ 2, p+q+P+Q ≤ 5.
 */
const MAX_P = 5;
const MAX_Q = 5;
const MAX_SP = 2;
const MAX_SQ = 2;
const MAX_ORDER = 5;
const MAX_MODELS = 94;

const key = (o: ArimaOrder) => `${o.p},${o.q},${o.P},${o.Q},${o.constant}`;

export function autoArima(y: readonly number[], m: number): ArimaFit | null {
  const seasonalPeriod = m > 1 ? m : 1;
  if (isConstant(y)) return fitArima(y, { p: 0, d: 0, q: 0, P: 0, D: 0, Q: 0, m: 1, constant: true }, { method: 'CSS-ML' });
  const D = seasonalDifferences(y, seasonalPeriod);
  const afterSeasonal = D ? difference(y, 0, 1, seasonalPeriod) : y.slice();
  const d = ordinaryDifferences(afterSeasonal);
  const nw = y.length - d - D * seasonalPeriod;
  // Seasonal AR/MA terms need a few cycles of differenced data to be estimable.
  const seasonalTerms = seasonalPeriod > 1 && nw >= 3 * seasonalPeriod;
  const allowConstant = d + D <= 1;
  const tried = new Map<string, ArimaFit | null>();
  let best: ArimaFit | null = null;

  const admissible = (o: ArimaOrder) =>
    o.p >= 0 && o.q >= 0 && o.P >= 0 && o.Q >= 0 && o.p <= MAX_P && o.q <= MAX_Q && o.P <= MAX_SP && o.Q <= MAX_SQ &&
    o.p + o.q + o.P + o.Q <= MAX_ORDER && (seasonalTerms || o.P + o.Q === 0) && (allowConstant || !o.constant) &&
    nw - o.p - o.P * seasonalPeriod >= parameterCount(o) + 3;

  const consider = (o: ArimaOrder): boolean => {
    if (!admissible(o) || tried.has(key(o)) || tried.size >= MAX_MODELS) return false;
    const fit = fitArima(y, o, { method: 'CSS', searchOnly: true });
    const usable = fit && Number.isFinite(fit.aicc) && !hasNearUnitRoot(fit) ? fit : null;
    tried.set(key(o), usable);
    if (usable && (!best || usable.aicc < best.aicc)) {
      best = usable;
      return true;
    }
    return false;
  };

  const base = { d, D: seasonalTerms ? D : D, m: seasonalPeriod };
  const s = seasonalTerms ? 1 : 0;
  consider({ ...base, p: 2, q: 2, P: s, Q: s, constant: allowConstant });
  consider({ ...base, p: 0, q: 0, P: 0, Q: 0, constant: allowConstant });
  consider({ ...base, p: 1, q: 0, P: s, Q: 0, constant: allowConstant });
  consider({ ...base, p: 0, q: 1, P: 0, Q: s, constant: allowConstant });
  if (allowConstant) consider({ ...base, p: 0, q: 0, P: 0, Q: 0, constant: false });

  let improved = true;
  while (improved && best) {
    improved = false;
    const c: ArimaOrder = (best as ArimaFit).order;
    const moves: Partial<ArimaOrder>[] = [
      { P: c.P - 1 }, { P: c.P + 1 }, { Q: c.Q - 1 }, { Q: c.Q + 1 },
      { P: c.P - 1, Q: c.Q - 1 }, { P: c.P + 1, Q: c.Q + 1 },
      { p: c.p - 1 }, { p: c.p + 1 }, { q: c.q - 1 }, { q: c.q + 1 },
      { p: c.p - 1, q: c.q - 1 }, { p: c.p + 1, q: c.q + 1 },
      { p: c.p - 1, q: c.q + 1 }, { p: c.p + 1, q: c.q - 1 },
      { constant: !c.constant },
    ];
    for (const move of moves) {
      if (consider({ ...c, ...move })) {
        improved = true;
        break;
      }
    }
  }
  // Fall back to the plainest model the data allow rather than fail.
  const chosen: ArimaFit | null = best ?? fitArima(y, { p: 0, d, q: 0, P: 0, D, Q: 0, m: seasonalPeriod, constant: allowConstant }, { method: 'CSS', searchOnly: true });
  if (!chosen) return null;
  const warm = { ar: chosen.ar, ma: chosen.ma, sar: chosen.sar, sma: chosen.sma, mean: chosen.mean };
  const final = fitArima(y, chosen.order, { method: 'CSS-ML', warm });
  return final && !hasNearUnitRoot(final) ? final : fitArima(y, chosen.order, { method: 'CSS', warm });
}
