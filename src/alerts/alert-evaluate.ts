import type { Random } from '../platform/clock.ts';
import { forecasterNamed } from '../forecast/forecast-models.ts';
import { alertLevels, levelNames, type AlertLevel, type AlertRule } from './alert-rules.ts';

/**
 * Pure evaluation of one rule on one region's monthly series. The series is complete month by month
 * (`null` where the value is unknown); the store fills months that mean zero (counts, sums) before calling.
 */
export interface RegionSeries {
  region: string;
  /** YYYY-MM, consecutive months. */
  periods: string[];
  values: (number | null)[];
}

export interface AlertFinding {
  ruleId: string;
  indicator: string;
  region: string;
  period: string;
  level: AlertLevel;
  zh: string;
  en: string;
  evidence: Record<string, unknown>;
}

export function addMonths(period: string, k: number): string {
  const index = Number(period.slice(0, 4)) * 12 + Number(period.slice(5, 7)) - 1 + k;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** Highest level whose condition holds, or null. */
function highest<T>(levels: Partial<Record<AlertLevel, T>>, holds: (limit: T) => boolean): AlertLevel | null {
  for (const level of [...alertLevels].reverse()) {
    const limit = levels[level];
    if (limit !== undefined && holds(limit)) return level;
  }
  return null;
}

export function median(x: readonly number[]): number {
  const s = [...x].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

/** Robust z-score: (x − median) / (1.4826·MAD); when MAD is 0, the mean absolute deviation (×1.2533) stands in. */
export function robustZ(value: number, history: readonly number[]): { z: number; median: number; mad: number; scale: number } {
  const med = median(history);
  const deviations = history.map((v) => Math.abs(v - med));
  const mad = median(deviations);
  let scale = 1.4826 * mad;
  if (scale === 0) scale = (1.2533 * deviations.reduce((a, b) => a + b, 0)) / deviations.length;
  const diff = value - med;
  const z = scale > 0 ? diff / scale : diff === 0 ? 0 : Math.sign(diff) * Infinity;
  return { z, median: med, mad, scale };
}

const round = (v: number, digits = 4) => Number(v.toPrecision(digits + 2));

function finding(rule: AlertRule, region: string, period: string, level: AlertLevel, detailZh: string, detailEn: string, evidence: Record<string, unknown>): AlertFinding {
  const name = levelNames[level];
  return {
    ruleId: rule.id,
    indicator: rule.indicator,
    region,
    period,
    level,
    zh: `${name.zh}色预警：${rule.zh}（${region}，${period}）${detailZh}`,
    en: `${name.en} alert: ${rule.en} (${region}, ${period}) ${detailEn}`,
    evidence: { kind: rule.kind, indicator: rule.indicator, ...evidence },
  };
}

function judgeAt(rule: Exclude<AlertRule, { kind: 'forecast' }>, s: RegionSeries, i: number): AlertFinding | null {
  const value = s.values[i];
  const period = s.periods[i];
  if (value === null) return null;
  if (rule.kind === 'threshold') {
    const level = highest(rule.levels, (limit) => (rule.direction === 'above' ? value >= limit : value <= limit));
    if (!level) return null;
    const limit = rule.levels[level] as number;
    return finding(rule, s.region, period, level, `：值 ${round(value)}，${rule.direction === 'above' ? '达到或超过' : '达到或低于'}阈值 ${limit}。`, `: value ${round(value)} is ${rule.direction === 'above' ? 'at or above' : 'at or below'} the limit ${limit}.`, { value, limit, direction: rule.direction, limits: rule.levels });
  }
  if (rule.kind === 'yoy') {
    const base = i >= 12 ? s.values[i - 12] : null;
    if (base === null || Math.abs(base) < rule.minBase || (rule.change === 'relative' && base === 0)) return null;
    const change = rule.change === 'relative' ? 100 * (value / base - 1) : value - base;
    const level = highest(rule.levels, (limit) => (rule.direction === 'above' ? change >= limit : change <= -limit));
    if (!level) return null;
    const unit = rule.change === 'relative' ? '%' : '';
    return finding(rule, s.region, period, level, `：同比变化 ${round(change)}${unit}（本期 ${round(value)}，上年同期 ${round(base)}）。`, `: year-on-year change ${round(change)}${unit} (now ${round(value)}, a year ago ${round(base)}).`, { value, lastYear: base, lastYearPeriod: s.periods[i - 12], change, change_kind: rule.change, limit: rule.levels[level], direction: rule.direction });
  }
  const history = s.values.slice(Math.max(0, i - rule.window), i).filter((v): v is number => v !== null);
  if (history.length < rule.minHistory) return null;
  const r = robustZ(value, history);
  if (Math.abs(value - r.median) < rule.minChange) return null;
  const signed = rule.direction === 'below' ? -r.z : rule.direction === 'above' ? r.z : Math.abs(r.z);
  const level = highest(rule.levels, (limit) => signed >= limit);
  if (!level) return null;
  const z = Number.isFinite(r.z) ? round(r.z, 3) : null;
  return finding(rule, s.region, period, level, `：值 ${round(value)}，近 ${history.length} 个月中位数 ${round(r.median)}，稳健 z = ${z ?? '∞'}。`, `: value ${round(value)} against a ${history.length}-month median of ${round(r.median)}, robust z = ${z ?? '∞'}.`, { value, median: r.median, mad: r.mad, scale: r.scale, z, zInfinite: z === null, window: { from: s.periods[i - history.length] ?? null, to: s.periods[i - 1], months: history.length }, limit: rule.levels[level], direction: rule.direction });
}

function judgeForecast(rule: Extract<AlertRule, { kind: 'forecast' }>, s: RegionSeries, random: Random): AlertFinding | null {
  // The trailing run of known values: forecasting models need an unbroken history.
  let start = s.values.length;
  while (start > 0 && s.values[start - 1] !== null) start--;
  const history = s.values.slice(start) as number[];
  if (history.length < rule.minHistory) return null;
  const last = s.periods[s.periods.length - 1];
  const f = forecasterNamed(rule.model).forecast(history, rule.horizon, { frequency: 12, levels: [80, 95], seriesId: `${rule.indicator}@${s.region}`, random });
  const near = (on: 'mean' | 'interval80' | 'interval95', k: number) => {
    if (on === 'mean') return f.mean[k];
    const li = on === 'interval80' ? 0 : 1;
    return rule.direction === 'below' ? f.lower[li][k] : f.upper[li][k];
  };
  const crosses = (v: number, limit: number) => (rule.direction === 'below' ? v < limit : v > limit);
  const firstCrossing = (c: { limit: number; on: 'mean' | 'interval80' | 'interval95' }) => f.mean.findIndex((_, k) => crosses(near(c.on, k), c.limit));
  const level = highest(rule.levels, (c) => firstCrossing(c) >= 0);
  if (!level) return null;
  const condition = rule.levels[level] as { limit: number; on: 'mean' | 'interval80' | 'interval95' };
  const k = firstCrossing(condition);
  const when = addMonths(last, k + 1);
  const basis = { mean: ['预测值', 'the forecast'], interval80: ['80% 预测区间', 'the 80% interval'], interval95: ['95% 预测区间', 'the 95% interval'] }[condition.on];
  const forecast = f.mean.map((m, j) => ({ period: addMonths(last, j + 1), mean: m, lo80: f.lower[0][j], hi80: f.upper[0][j], lo95: f.lower[1][j], hi95: f.upper[1][j] }));
  return finding(
    rule, s.region, last, level,
    `：按 ${f.model}，${basis[0]}预计于 ${when} ${rule.direction === 'below' ? '低于' : '高于'} ${condition.limit}（最新实际值 ${round(history[history.length - 1])}）。`,
    `: with ${f.model}, ${basis[1]} is expected to go ${rule.direction} ${condition.limit} by ${when} (latest actual ${round(history[history.length - 1])}).`,
    { model: f.model, family: f.family, selection: f.selection ?? null, horizon: rule.horizon, lastActual: history[history.length - 1], lastPeriod: last, limit: condition.limit, on: condition.on, direction: rule.direction, firstCrossing: { period: when, step: k + 1, value: near(condition.on, k) }, forecast },
  );
}

export function evaluateRule(rule: AlertRule, s: RegionSeries, random: Random): AlertFinding[] {
  if (s.values.length === 0) return [];
  if (rule.kind === 'forecast') {
    const f = judgeForecast(rule, s, random);
    return f ? [f] : [];
  }
  const out: AlertFinding[] = [];
  for (let i = Math.max(0, s.values.length - rule.lookback); i < s.values.length; i++) {
    const f = judgeAt(rule, s, i);
    if (f) out.push(f);
  }
  return out;
}
