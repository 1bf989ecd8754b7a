/**
 * Derivative-free minimiser used by every model that estimates parameters. Bounds are handled by the caller
 * through reparametrisation (`logistic` maps the real line onto an interval), so the simplex moves freely.
 * Non-finite objective values count as +Infinity, which lets a model reject inadmissible parameters.
 */
export interface MinimizeOptions {
  /** Initial simplex edge per coordinate (or one for all). */
  step?: number | readonly number[];
  maxEvaluations?: number;
  /** Relative tolerance on the spread of objective values across the simplex. */
  tolerance?: number;
  /** Fresh simplices started from the best point after convergence; catches premature collapse. */
  restarts?: number;
}

export interface MinimizeResult {
  x: number[];
  value: number;
  evaluations: number;
}

type Objective = (x: readonly number[]) => number;

function safe(f: Objective): Objective {
  return (x) => {
    const v = f(x);
    return Number.isFinite(v) ? v : Infinity;
  };
}

function runSimplex(f: Objective, x0: readonly number[], steps: readonly number[], budget: number, tol: number): MinimizeResult {
  const n = x0.length;
  if (n === 0) return { x: [], value: f([]), evaluations: 1 };
  const pts: number[][] = [x0.slice()];
  for (let i = 0; i < n; i++) {
    const p = x0.slice();
    p[i] += steps[i];
    pts.push(p);
  }
  const vals = pts.map(f);
  let evals = n + 1;
  const order = Array.from({ length: n + 1 }, (_, i) => i);
  const centroid = new Array<number>(n);
  const along = (c: readonly number[], worst: readonly number[], t: number) => c.map((ci, j) => ci + t * (worst[j] - ci));
  while (evals < budget) {
    order.sort((a, b) => vals[a] - vals[b]);
    const best = order[0];
    const worst = order[n];
    const second = order[n - 1];
    const fBest = vals[best];
    const fWorst = vals[worst];
    if (Number.isFinite(fWorst) && Math.abs(fWorst - fBest) <= tol * (Math.abs(fBest) + tol)) break;
    centroid.fill(0);
    for (const i of order.slice(0, n)) for (let j = 0; j < n; j++) centroid[j] += pts[i][j] / n;
    const reflected = along(centroid, pts[worst], -1);
    const fr = f(reflected);
    evals++;
    if (fr < fBest) {
      const expanded = along(centroid, pts[worst], -2);
      const fe = f(expanded);
      evals++;
      if (fe < fr) [pts[worst], vals[worst]] = [expanded, fe];
      else [pts[worst], vals[worst]] = [reflected, fr];
      continue;
    }
    if (fr < vals[second]) {
      [pts[worst], vals[worst]] = [reflected, fr];
      continue;
    }
    const outside = fr < fWorst;
    const contracted = along(centroid, pts[worst], outside ? -0.5 : 0.5);
    const fc = f(contracted);
    evals++;
    if (fc < (outside ? fr : fWorst)) {
      [pts[worst], vals[worst]] = [contracted, fc];
      continue;
    }
    for (const i of order.slice(1)) {
      pts[i] = pts[i].map((v, j) => pts[best][j] + 0.5 * (v - pts[best][j]));
      vals[i] = f(pts[i]);
      evals++;
    }
  }
  let bestIndex = 0;
  for (let i = 1; i <= n; i++) if (vals[i] < vals[bestIndex]) bestIndex = i;
  return { x: pts[bestIndex], value: vals[bestIndex], evaluations: evals };
}

export function nelderMead(objective: Objective, x0: readonly number[], options: MinimizeOptions = {}): MinimizeResult {
  const f = safe(objective);
  const n = x0.length;
  const stepOption = options.step ?? 0.5;
  const steps = typeof stepOption === 'number' ? new Array<number>(n).fill(stepOption) : stepOption.slice();
  const budget = options.maxEvaluations ?? 200 * Math.max(1, n);
  const tol = options.tolerance ?? 1e-8;
  let result = runSimplex(f, x0, steps, budget, tol);
  let used = result.evaluations;
  for (let r = 0; r < (options.restarts ?? 1) && used < budget; r++) {
    const again = runSimplex(f, result.x, steps.map((s) => s * 0.5), budget - used, tol);
    used += again.evaluations;
    const improved = again.value < result.value - tol * (Math.abs(result.value) + tol);
    if (again.value <= result.value) result = again;
    if (!improved) break;
  }
  return { ...result, evaluations: used };
}

/** Several starting points, best result wins: likelihoods of smoothing models are often multimodal. */
export function minimizeFromStarts(objective: Objective, starts: readonly (readonly number[])[], options: MinimizeOptions = {}): MinimizeResult {
  let best: MinimizeResult | null = null;
  let evaluations = 0;
  for (const s of starts) {
    const r = nelderMead(objective, s, options);
    evaluations += r.evaluations;
    if (!best || r.value < best.value) best = r;
  }
  if (!best) throw new Error('minimizeFromStarts needs at least one start');
  return { ...best, evaluations };
}

/** Maps the real line onto (lo, hi); the inverse of `logit`. */
export function logistic(u: number, lo = 0, hi = 1): number {
  return lo + (hi - lo) / (1 + Math.exp(-u));
}

export function logit(v: number, lo = 0, hi = 1): number {
  const p = Math.min(1 - 1e-9, Math.max(1e-9, (v - lo) / (hi - lo)));
  return Math.log(p / (1 - p));
}
