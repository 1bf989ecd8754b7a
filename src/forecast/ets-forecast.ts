import type { Random } from '../platform/clock.ts';
import { dampedSum, etsPointForecast } from './ets-core.ts';
import type { EtsFit } from './ets-fit.ts';
import { normalIntervals, simulatedIntervals } from './prediction-intervals.ts';

/**
 * Forecast and intervals of a fitted ETS model (Hyndman, Koehler, Ord & Snyder 2008, ch. 6). Class 1 (additive
 * error and components) and class 2 (multiplicative error, additive components) have exact forecast variances;
 * class 3 (multiplicative error and season) has the book's approximation, exact up to one season ahead — the
 * same choice forecast::ets makes. Simulated sample paths from the seeded random source are available for any
 * model (`method: 'simulated'`); the tests use them to check the closed forms.
 */
export interface EtsForecast {
  mean: number[];
  lower: number[][];
  upper: number[][];
  intervals: 'analytic' | 'simulated';
}

function stepCoefficients(fit: EtsFit, h: number): number[] {
  const { alpha, beta, gamma, phi } = fit.params;
  const c: number[] = [0];
  for (let j = 1; j < h; j++) {
    const trendPart = fit.spec.trend === 'N' ? 0 : beta * dampedSum(phi, j, fit.spec.trend);
    const seasonPart = fit.spec.season !== 'N' && j % fit.spec.m === 0 ? gamma : 0;
    c.push(alpha + trendPart + seasonPart);
  }
  return c;
}

/** Class 3: v_h ≈ s²[θ_h(1 + σ²)(1 + γ²σ²)^⌊(h−1)/m⌋ − ℓ̃_h²], θ from the seasonally adjusted path ℓ̃. */
function class3Variances(fit: EtsFit, h: number): number[] {
  const { alpha, beta, gamma, phi } = fit.params;
  const { spec, state } = fit;
  const s2 = fit.sigma2;
  const level = (k: number) => state.l + dampedSum(phi, k, spec.trend) * state.b;
  const c = (j: number) => alpha + (spec.trend === 'N' ? 0 : beta * dampedSum(phi, j, spec.trend));
  const theta: number[] = [];
  const out: number[] = [];
  for (let k = 1; k <= h; k++) {
    const lt = level(k);
    let sum = 0;
    for (let j = 1; j < k; j++) sum += c(j) ** 2 * theta[k - j - 1];
    theta.push(lt * lt + s2 * sum);
    const season = state.s[(state.t + k - 1) % spec.m];
    const cycles = Math.floor((k - 1) / spec.m);
    out.push(season * season * (theta[k - 1] * (1 + s2) * (1 + gamma * gamma * s2) ** cycles - lt * lt));
  }
  return out;
}

export function analyticVariances(fit: EtsFit, mean: readonly number[]): number[] {
  const h = mean.length;
  if (fit.spec.season === 'M') return class3Variances(fit, h);
  const c = stepCoefficients(fit, h);
  const s2 = fit.sigma2;
  if (fit.spec.error === 'A') {
    let acc = 0;
    return mean.map((_, k) => {
      if (k > 0) acc += c[k] * c[k];
      return s2 * (1 + acc);
    });
  }
  const theta: number[] = [];
  return mean.map((mu, k) => {
    let sum = 0;
    for (let j = 1; j <= k; j++) sum += c[j] * c[j] * theta[k - j];
    theta.push(mu * mu + s2 * sum);
    return (1 + s2) * theta[k] - mu * mu;
  });
}

/** Sample paths: paths[k][i] is path i at step k + 1. */
export function simulateEts(fit: EtsFit, h: number, nsim: number, random: Random): Float64Array[] {
  const { spec, params } = fit;
  const { alpha, beta, gamma } = params;
  const phi = spec.trend === 'Ad' ? params.phi : 1;
  const sd = Math.sqrt(fit.sigma2);
  const paths = Array.from({ length: h }, () => new Float64Array(nsim));
  const s = new Float64Array(fit.state.s.length);
  for (let i = 0; i < nsim; i++) {
    s.set(fit.state.s);
    let l = fit.state.l;
    let b = fit.state.b;
    for (let k = 0; k < h; k++) {
      const pos = spec.season === 'N' ? 0 : (fit.state.t + k) % spec.m;
      const sOld = spec.season === 'N' ? 0 : s[pos];
      const q = l + phi * b;
      const mu = spec.season === 'A' ? q + sOld : spec.season === 'M' ? q * sOld : q;
      const z = random.normal() * sd;
      const y = spec.error === 'M' ? mu * (1 + z) : mu + z;
      paths[k][i] = y;
      const pAdj = spec.season === 'A' ? y - sOld : spec.season === 'M' ? (sOld !== 0 ? y / sOld : y) : y;
      const lNew = q + alpha * (pAdj - q);
      if (spec.trend !== 'N') b = phi * b + (beta / alpha) * (lNew - l - phi * b);
      if (spec.season === 'A') s[pos] = sOld + gamma * (y - q - sOld);
      else if (spec.season === 'M' && q !== 0) s[pos] = sOld + gamma * (y / q - sOld);
      l = lNew;
    }
  }
  return paths;
}

export function forecastEts(
  fit: EtsFit,
  h: number,
  levels: readonly number[],
  random: Random,
  nsim: number,
  method: 'analytic' | 'simulated' = 'analytic',
): EtsForecast {
  const mean = etsPointForecast(fit.spec, fit.params, fit.state, h);
  if (method === 'analytic') {
    return { mean, ...normalIntervals(mean, analyticVariances(fit, mean), levels), intervals: 'analytic' };
  }
  const paths = simulateEts(fit, h, nsim, random);
  return { mean, ...simulatedIntervals(mean, paths, levels), intervals: 'simulated' };
}
