/**
 * Evidence on real data: rolling-origin backtest of the monthly US unemployment rate (FRED-MD UNRATE,
 * 1959-01 … 2023-09), horizon 12, an origin every 6 months over the last 20 years, expanding window.
 * Compares `auto` (and each family) with seasonal naive on MASE, sMAPE and 80%/95% interval coverage.
 * Run: npx tsx bench/forecast-backtest.ts [--models auto,snaive,...] [--series UNRATE]
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { backtest, type BacktestResult } from '../src/forecast/backtest.ts';
import { forecasterNamed } from '../src/forecast/forecast-models.ts';
import { seededRandom } from '../src/platform/clock.ts';

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const column = arg('series', 'UNRATE');
const models = arg('models', 'auto,snaive,naive,ets,arima,theta,combo').split(',');
const file = resolve(import.meta.dirname, '../../shared/data/fred-md/us-unemployment-cpi-monthly.csv');
const [header, ...rows] = readFileSync(file, 'utf8').trim().split('\n');
const index = header.split(',').indexOf(column);
const dates = rows.map((r) => r.split(',')[0]);
const y = rows.map((r) => Number(r.split(',')[index]));

const horizon = 12;
const step = 6;
const years = 20;
// The last origin leaves a full 12-month horizon; origins go back every 6 months for 20 years.
const minTrain = y.length - horizon - years * 12 + step;
const levels = [80, 95];

const pct = (v: number | null) => (v === null ? 'n/a' : `${(100 * v).toFixed(1)}%`);
const fmt = (v: number | null, d = 3) => (v === null ? 'n/a' : v.toFixed(d));

console.log(`series ${column}: ${y.length} months ${dates[0]} … ${dates[dates.length - 1]}; horizon ${horizon}, origin every ${step} months, expanding window`);
const results: Record<string, BacktestResult> = {};
for (const name of models) {
  const model = forecasterNamed(name);
  const started = performance.now();
  const result = backtest(y, (train, h) => model.forecast(train, h, { frequency: 12, levels, seriesId: `${column}@${train.length}`, random: seededRandom(train.length) }), {
    horizon, minTrain, step, frequency: 12, levels,
  });
  results[name] = result;
  const seconds = (performance.now() - started) / 1000;
  const a = result.accuracy;
  if (name === models[0]) {
    console.log(`origins: ${result.origins.length} (training ends ${dates[result.origins[0] - 1]} … ${dates[result.origins[result.origins.length - 1] - 1]}), points: ${a.points}`);
    console.log('| model | MASE | sMAPE % | 80% coverage | 95% coverage | failures | seconds |');
    console.log('| --- | --- | --- | --- | --- | --- | --- |');
  }
  console.log(`| ${name} | ${fmt(a.mase)} | ${fmt(a.smape, 2)} | ${pct(a.coverage['80'])} | ${pct(a.coverage['95'])} | ${result.failures.length} | ${seconds.toFixed(1)} |`);
}
for (const name of models) {
  const chosen = Object.entries(results[name].models).sort((a, b) => b[1] - a[1]).slice(0, 4);
  console.log(`${name} chose: ${chosen.map(([m, c]) => `${m} ×${c}`).join('; ')}`);
}
const auto = results.auto;
const snaive = results.snaive;
if (auto && snaive) {
  console.log('\nby horizon (auto): step, MASE, 80% cov, 95% cov');
  auto.byStep.forEach((s, k) => console.log(`  h=${k + 1}: ${fmt(s.mase)} ${pct(s.coverage['80'])} ${pct(s.coverage['95'])}`));
  const beats = (auto.accuracy.mase ?? Infinity) < (snaive.accuracy.mase ?? -Infinity);
  const within = (lv: number) => Math.abs((auto.accuracy.coverage[String(lv)] ?? 0) * 100 - lv) <= 5;
  console.log(`\nauto beats snaive on MASE: ${beats}; 80% coverage within 5 points: ${within(80)}; 95% within 5 points: ${within(95)}`);
}
