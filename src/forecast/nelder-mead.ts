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

type Objective = (x: ArrayLike<number>) => number;

function safe(f: Objective): Objective {
  return (x) => {
    const v = f(x);
    return Number.isFinite(v) ? v : Infinity;
  };
}

/** One simplex run; vertices live in one flat typed array so the hot loop allocates nothing. */
function runSimplex(f: Objective, x0: ArrayLike<number>, steps: readonly number[], budget: number, tol: number): MinimizeResult {
  const n = x0.length;
  if (n === 0) return { x: [], value: f([]), evaluations: 1 };
  const pts = new Float64Array((n + 1) * n);
  for (let i = 0; i <= n; i++) {
    for (let j = 0; j < n; j++) pts[i * n + j] = x0[j];
    if (i > 0) pts[i * n + i - 1] += steps[i - 1];
  }
  const vals = new Float64Array(n + 1);
  const vertex = (i: number) => pts.subarray(i * n, (i + 1) * n);
  for (let i = 0; i <= n; i++) vals[i] = f(vertex(i));
  let evals = n + 1;
  const order = Array.from({ length: n + 1 }, (_, i) => i);
  const centroid = new Float64Array(n);
  const trial = new Float64Array(n);
  const trial2 = new Float64Array(n);
  const along = (out: Float64Array, worst: number, t: number) => {
    for (let j = 0; j < n; j++) out[j] = centroid[j] + t * (pts[worst * n + j] - centroid[j]);
    return out;
  };
  const replace = (i: number, x: Float64Array, v: number) => {
    pts.set(x, i * n);
    vals[i] = v;
  };
  while (evals < budget) {
    order.sort((a, b) => vals[a] - vals[b]);
    const best = order[0];
    const worst = order[n];
    const fBest = vals[best];
    const fWorst = vals[worst];
    if (Number.isFinite(fWorst) && Math.abs(fWorst - fBest) <= tol * (Math.abs(fBest) + tol)) break;
    centroid.fill(0);
    for (let k = 0; k < n; k++) {
      const i = order[k];
      for (let j = 0; j < n; j++) centroid[j] += pts[i * n + j] / n;
    }
    const fr = f(along(trial, worst, -1));
    evals++;
    if (fr < fBest) {
      const fe = f(along(trial2, worst, -2));
      evals++;
      if (fe < fr) replace(worst, trial2, fe);
      else replace(worst, trial, fr);
      continue;
    }
    if (fr < vals[order[n - 1]]) {
      replace(worst, trial, fr);
      continue;
    }
    const outside = fr < fWorst;
    const fc = f(along(trial2, worst, outside ? -0.5 : 0.5));
    evals++;
    if (fc < (outside ? fr : fWorst)) {
      replace(worst, trial2, fc);
      continue;
    }
    for (let k = 1; k <= n; k++) {
      const i = order[k];
      for (let j = 0; j < n; j++) pts[i * n + j] = pts[best * n + j] + 0.5 * (pts[i * n + j] - pts[best * n + j]);
      vals[i] = f(vertex(i));
      evals++;
    }
  }
  let bestIndex = 0;
  for (let i = 1; i <= n; i++) if (vals[i] < vals[bestIndex]) bestIndex = i;
  return { x: Array.from(vertex(bestIndex)), value: vals[bestIndex], evaluations: evals };
}

export function nelderMead(objective: Objective, x0: ArrayLike<number>, options: MinimizeOptions = {}): MinimizeResult {
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
export function minimizeFromStarts(objective: Objective, starts: readonly ArrayLike<number>[], options: MinimizeOptions = {}): MinimizeResult {
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
