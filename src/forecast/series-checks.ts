import { AppError } from '../platform/errors.ts';

/** Throws SERIES_TOO_SHORT naming the series, the model and the minimum, so the clerk knows what to supply. */
export function requireLength(y: readonly number[], minimum: number, seriesId: string, model: string): void {
  if (y.length >= minimum) return;
  throw new AppError(
    'SERIES_TOO_SHORT',
    {
      zh: `序列「${seriesId}」只有 ${y.length} 个观测值，模型 ${model} 至少需要 ${minimum} 个：请补充历史数据或换用更简单的模型（如 naive）。`,
      en: `Series "${seriesId}" has ${y.length} observations; model ${model} needs at least ${minimum}: supply more history or use a simpler model (e.g. naive).`,
    },
    { details: { series: seriesId, length: y.length, minimum, model } },
  );
}

/** Forecasting code assumes finite numbers; the CLI reports bad cells before they get here. */
export function requireFinite(y: readonly number[], seriesId: string): void {
  const bad = y.findIndex((v) => !Number.isFinite(v));
  if (bad < 0) return;
  throw new AppError('INPUT_INVALID', {
    zh: `序列「${seriesId}」第 ${bad + 1} 个观测值不是有限数值：请修正或删除该值。`,
    en: `Series "${seriesId}" has a non-finite value at position ${bad + 1}: correct or remove it.`,
  });
}

export function requireHorizon(h: number): void {
  if (Number.isInteger(h) && h >= 1 && h <= 10000) return;
  throw new AppError('INPUT_INVALID', {
    zh: `预测步数 ${h} 无效：应为 1 到 10000 之间的整数。`,
    en: `Horizon ${h} is invalid: use an integer from 1 to 10000.`,
  });
}

export function mean(x: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < x.length; i++) s += x[i];
  return x.length ? s / x.length : 0;
}

export function variance(x: ArrayLike<number>, ddof = 1): number {
  if (x.length <= ddof) return 0;
  const m = mean(x);
  let s = 0;
  for (let i = 0; i < x.length; i++) s += (x[i] - m) * (x[i] - m);
  return s / (x.length - ddof);
}

/** A positive yardstick for the series' scale; keeps tiny-variance floors and optimiser steps unit-free. */
export function scaleOf(y: readonly number[]): number {
  let s = 0;
  for (const v of y) s = Math.max(s, Math.abs(v));
  return s > 0 ? s : 1;
}

export function isConstant(y: readonly number[]): boolean {
  const tol = 1e-12 * scaleOf(y);
  return y.every((v) => Math.abs(v - y[0]) <= tol);
}
