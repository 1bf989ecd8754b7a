/**
 * Actuarial projection speed (npx tsx bench/actuarial-bench.ts [runs]).
 * A 75-year projection of three pension scenarios (no reform, the 2025 reform, 65 for all), with and without the
 * ± one-step sensitivity runs; the same for the three medical scenarios; and the retirement calculator and
 * personal estimate. The WPP read and the demographic inputs are timed apart: a process does them once.
 */
import { resolve } from 'node:path';
import { readWpp } from '../src/demography/wpp-store.ts';
import { buildDemographicInputs, type DemographicInputs } from '../src/actuarial/demographic-inputs.ts';
import { buildProjectionReport } from '../src/actuarial/projection-report.ts';
import { policyLookup, resolveRequestedScenarios } from '../src/actuarial/projection-store.ts';
import { computeRetirement } from '../src/actuarial/compute-retirement.ts';
import { estimatePension, syntheticHistory } from '../src/actuarial/pension-estimate.ts';
import { loadPensionParameters } from '../src/actuarial/pension-parameters-store.ts';
import { formatYearMonth } from '../src/actuarial/year-month.ts';

const runs = Number(process.argv[2] ?? 20);
const root = resolve(import.meta.dirname, '..');
const policyDir = resolve(root, 'data/policy');
const sharedDataDir = resolve(root, '../shared/data');

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
function time(label: string, f: () => unknown, n = runs): void {
  const ms: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    f();
    ms.push(performance.now() - t);
  }
  console.log(`${label.padEnd(62)} first ${ms[0].toFixed(1).padStart(7)} ms  median ${median(ms.slice(1)).toFixed(1).padStart(7)} ms  max ${Math.max(...ms.slice(1)).toFixed(1).padStart(7)} ms`);
}

let t = performance.now();
const wpp = await readWpp(sharedDataDir);
console.log(`read WPP 2019 tables                                           ${(performance.now() - t).toFixed(1)} ms`);
t = performance.now();
const demo = buildDemographicInputs(wpp, 2025, 2099, 'medium');
console.log(`demographic inputs 2025–2099 (rates by single age, once)       ${(performance.now() - t).toFixed(1)} ms`);
const demographyFor = (): DemographicInputs => demo;

const pension = resolveRequestedScenarios({ scenarios: ['no-reform', 'reform-2025', 'age-65'], years: 75 }, policyDir);
const medical = resolveRequestedScenarios({ scenarios: ['fee-for-service', 'drg-dip-2025', 'drg-dip-strong'], years: 75 }, policyDir);
const options = (sensitivity: boolean) => ({ generatedAt: 'bench', sensitivity });

time('pension: 3 scenarios × 75 years', () => buildProjectionReport(pension, demographyFor, options(false)));
time('pension: 3 scenarios × 75 years + sensitivity (8 × ±1 each)', () => buildProjectionReport(pension, demographyFor, options(true)));
time('medical: 3 scenarios × 75 years', () => buildProjectionReport(medical, demographyFor, options(false)));
time('medical: 3 scenarios × 75 years + sensitivity (9 × ±1 each)', () => buildProjectionReport(medical, demographyFor, options(true)));

const rules = policyLookup(policyDir).rules('CN-2025');
const params = loadPensionParameters(policyDir, { id: 'CN-pension-2025' });
const births = Array.from({ length: 100_000 }, (_, i) => formatYearMonth(1950 * 12 + (i % 600)));
time('retirement calculator: 100,000 people', () => births.forEach((birth, i) => computeRetirement(rules, { birth, category: i % 3 === 0 ? 'male' : i % 3 === 1 ? 'female-55' : 'female-50' })), 5);
const assumptions = { wageGrowth: 0.05, accountInterest: 0.04, contributionDensity: 1, transitionCoefficient: 0.012 };
const history = syntheticHistory(20, '2025-06', 10000, 1.1, 0.05);
time('pension estimate: 10,000 people (20 recorded years each)', () => {
  for (let i = 0; i < 10_000; i++) estimatePension(rules, params, { birth: births[i % 240 + 240], category: 'male', asOf: '2025-06', avgMonthlyWage: 10000, indexRatio: 1.1, history, deemedYears: 0, assumptions });
}, 5);
