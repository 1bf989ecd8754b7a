import { z } from 'zod';
import { align, type MonthlyPoint } from './monthly-series.ts';

/**
 * Reads unemployment together with inflation, month by month, into a signal with its reasons:
 * - slowdown (放缓): unemployment rising — the Sahm rule (3-month average at least 0.5 points above its low of
 *   the previous 12 months) or a rise of 0.5 points in 6 months — while inflation has turned down from its
 *   recent peak or sits below target;
 * - stagflation (滞胀): unemployment rising while inflation is above target and rising;
 * - overheating (过热): unemployment below its 36-month average (or at its 36-month low and not rising) while
 *   inflation is above target and rising, or far above target;
 * - neutral otherwise. Thresholds are policy parameters (data/policy/macro), e.g. the inflation target.
 * Each month is judged by the parameters in force on its first day: China's target was 3.5% in 2020 and is 2%
 * from 2025, so the same 3.5% inflation is "on target" in 2020, "above" in 2025.
 */
export const signalParamsSchema = z.object({
  /** Y/y CPI target in percent (China 3, the US Federal Reserve 2). */
  inflationTarget: z.number(),
  /** Tolerance around the target before inflation counts as "above". */
  band: z.number().min(0).default(1),
  sahmThreshold: z.number().positive().default(0.5),
  /** Points below the trailing average that count as a tight labour market. */
  gapThreshold: z.number().positive().default(0.3),
  /** Points off the peak or trough of the last 3 months that count as inflation turning. */
  turnThreshold: z.number().positive().default(0.3),
  trendMonths: z.number().int().min(12).default(36),
});
export type SignalParams = z.infer<typeof signalParamsSchema>;

/** One dated version of the parameters, e.g. the target set by one year's government work report. */
export const signalVersionSchema = signalParamsSchema.extend({
  effectiveFrom: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD'),
  source: z.string().optional(),
});
export type SignalVersion = z.infer<typeof signalVersionSchema>;

/**
 * The version in force on a date (YYYY-MM-DD): the latest one that has started. Before the first version the
 * first one is used, and its effectiveFrom (shown in the reasons) says so.
 */
export function paramsInForce(schedule: readonly SignalVersion[], date: string): SignalVersion {
  if (schedule.length === 0) throw new Error('empty signal parameter schedule');
  let found: SignalVersion | null = null;
  for (const v of schedule) if (v.effectiveFrom <= date && (!found || v.effectiveFrom > found.effectiveFrom)) found = v;
  return found ?? [...schedule].sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom))[0];
}

export type Signal = 'overheating' | 'slowdown' | 'stagflation' | 'neutral';
export const signalNames: Record<Signal, { zh: string; en: string }> = {
  overheating: { zh: '过热', en: 'overheating' },
  slowdown: { zh: '放缓', en: 'slowdown' },
  stagflation: { zh: '滞胀', en: 'stagflation' },
  neutral: { zh: '平稳', en: 'neutral' },
};

export interface MonthSignal {
  period: string;
  signal: Signal;
  unemployment: number;
  inflation: number;
  facts: { sahm: number | null; change6: number | null; trend: number | null; gap: number | null; inflationMomentum: 'rising' | 'falling' | 'flat' };
  /** The inflation target and band the month was judged by, and since when they were in force. */
  target: { inflationTarget: number; band: number; effectiveFrom: string | null };
  reasonsZh: string[];
  reasonsEn: string[];
}

const avg = (x: readonly number[]) => x.reduce((a, b) => a + b, 0) / x.length;
const f1 = (v: number) => v.toFixed(1);

const isSchedule = (x: SignalParams | readonly SignalVersion[]): x is readonly SignalVersion[] => Array.isArray(x);

/** `paramsOrSchedule`: one set for every month, or a dated schedule from which each month takes the version in force. */
export function economySignals(
  unemployment: readonly MonthlyPoint[],
  inflation: readonly MonthlyPoint[],
  paramsOrSchedule: SignalParams | readonly SignalVersion[],
): MonthSignal[] {
  const pairs = align(unemployment, inflation);
  const u = pairs.map((p) => p.a);
  const pi = pairs.map((p) => p.b);
  const ma3 = u.map((_, i) => (i >= 2 ? avg(u.slice(i - 2, i + 1)) : null));
  const schedule = isSchedule(paramsOrSchedule) ? paramsOrSchedule : null;
  return pairs.map((p, i) => {
    const params: SignalParams & { effectiveFrom?: string } = schedule ? paramsInForce(schedule, `${p.period}-01`) : (paramsOrSchedule as SignalParams);
    const sahmBase = i >= 14 ? Math.min(...(ma3.slice(i - 12, i) as number[])) : null;
    const sahm = sahmBase !== null && ma3[i] !== null ? (ma3[i] as number) - sahmBase : null;
    const change6 = i >= 6 ? u[i] - u[i - 6] : null;
    const trend = i >= params.trendMonths ? avg(u.slice(i - params.trendMonths, i)) : null;
    const gap = trend !== null ? u[i] - trend : null;
    const low = i >= params.trendMonths ? Math.min(...u.slice(i - params.trendMonths, i)) : null;
    const recent = pi.slice(Math.max(0, i - 3), i + 1);
    const offPeak = Math.max(...recent) - pi[i];
    const offTrough = pi[i] - Math.min(...recent);
    const momentum = offPeak >= params.turnThreshold && offPeak >= offTrough ? 'falling' : offTrough >= params.turnThreshold ? 'rising' : 'flat';
    const unemploymentRising = (sahm !== null && sahm >= params.sahmThreshold) || (change6 !== null && change6 >= params.sahmThreshold);
    const tight = (gap !== null && gap <= -params.gapThreshold) || (low !== null && u[i] <= low + 0.2 && (change6 ?? 0) <= 0);
    const aboveTarget = pi[i] > params.inflationTarget + params.band;
    const farAbove = pi[i] > params.inflationTarget + 2 * params.band;
    const belowTarget = pi[i] < params.inflationTarget - params.band;
    let signal: Signal = 'neutral';
    if (unemploymentRising && aboveTarget && momentum === 'rising') signal = 'stagflation';
    else if (unemploymentRising && (momentum === 'falling' || belowTarget)) signal = 'slowdown';
    else if (tight && aboveTarget && (momentum === 'rising' || farAbove)) signal = 'overheating';
    const reasonsZh = [
      `失业率 ${f1(u[i])}%` + (trend !== null ? `，${params.trendMonths} 个月均值 ${f1(trend)}%` : '') + (sahm !== null ? `，萨姆指标 ${sahm.toFixed(2)}（阈值 ${params.sahmThreshold}）` : '') + (change6 !== null ? `，6 个月变化 ${change6 >= 0 ? '+' : ''}${f1(change6)}` : ''),
      `通胀（CPI 同比）${f1(pi[i])}%，目标 ${params.inflationTarget}% ± ${params.band}${params.effectiveFrom ? `（${params.effectiveFrom} 起）` : ''}，${{ rising: '上行', falling: '回落', flat: '平稳' }[momentum]}`,
    ];
    const reasonsEn = [
      `unemployment ${f1(u[i])}%` + (trend !== null ? `, ${params.trendMonths}-month average ${f1(trend)}%` : '') + (sahm !== null ? `, Sahm indicator ${sahm.toFixed(2)} (threshold ${params.sahmThreshold})` : '') + (change6 !== null ? `, 6-month change ${change6 >= 0 ? '+' : ''}${f1(change6)}` : ''),
      `inflation (CPI y/y) ${f1(pi[i])}%, target ${params.inflationTarget}% ± ${params.band}${params.effectiveFrom ? ` (from ${params.effectiveFrom})` : ''}, ${momentum}`,
    ];
    const target = { inflationTarget: params.inflationTarget, band: params.band, effectiveFrom: params.effectiveFrom ?? null };
    return { period: p.period, signal, unemployment: u[i], inflation: pi[i], facts: { sahm, change6, trend, gap, inflationMomentum: momentum }, target, reasonsZh, reasonsEn };
  });
}
