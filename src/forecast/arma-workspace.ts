import type { ArimaOrder } from './arima-fit.ts';
import { arToPacf } from './arima-polynomials.ts';

/**
 * Turns an optimiser's unconstrained vector into ARMA coefficients without allocating: tanh → partial
 * autocorrelations → Durbin-Levinson (Jones 1980) → seasonal expansion, all into typed arrays owned by the
 * workspace. One workspace serves every likelihood evaluation of one fit; allocation per evaluation used to
 * cost more than the likelihood itself.
 *
 * Conventions: AR means 1 − φ₁B − …, MA means 1 + θ₁B + …. The MA blocks reuse the AR map with the sign flipped,
 * because 1 + θ₁B + … is invertible exactly when the AR polynomial with coefficients −θ is stationary.
 */
export class ArmaWorkspace {
  readonly ar: Float64Array;
  readonly sar: Float64Array;
  readonly ma: Float64Array;
  readonly sma: Float64Array;
  /** Expanded φ(B)Φ(Bᵐ) and θ(B)Θ(Bᵐ), indexed by lag − 1. */
  readonly arFull: Float64Array;
  readonly maFull: Float64Array;
  /** Lags (1-based) that can be non-zero given the orders: the only ones the recursions visit. */
  readonly arLags: Int32Array;
  readonly maLags: Int32Array;
  mean = 0;
  private readonly tmp: Float64Array;

  constructor(
    readonly order: ArimaOrder,
    private readonly mu0: number,
    private readonly muScale: number,
  ) {
    const { p, q, P, Q, m } = order;
    this.ar = new Float64Array(p);
    this.sar = new Float64Array(P);
    this.ma = new Float64Array(q);
    this.sma = new Float64Array(Q);
    this.arFull = new Float64Array(p + m * P);
    this.maFull = new Float64Array(q + m * Q);
    this.arLags = structuralLags(p, P, m);
    this.maLags = structuralLags(q, Q, m);
    this.tmp = new Float64Array(Math.max(p, q, P, Q, 1));
  }

  get dimensions(): number {
    const o = this.order;
    return o.p + o.q + o.P + o.Q + (o.constant ? 1 : 0);
  }

  /** Fills every coefficient array from u (the layout is p, P, q, Q blocks, then the constant). */
  load(u: ArrayLike<number>): void {
    let i = 0;
    i = this.pacfBlock(u, i, this.ar, 1);
    i = this.pacfBlock(u, i, this.sar, 1);
    i = this.pacfBlock(u, i, this.ma, -1);
    i = this.pacfBlock(u, i, this.sma, -1);
    this.mean = this.order.constant ? this.mu0 + u[i] * this.muScale : 0;
    const m = this.order.m;
    const { ar, sar, ma, sma, arFull, maFull } = this;
    arFull.fill(0);
    for (let a = 0; a < ar.length; a++) arFull[a] += ar[a];
    for (let s = 0; s < sar.length; s++) {
      arFull[m * (s + 1) - 1] += sar[s];
      for (let a = 0; a < ar.length; a++) arFull[a + m * (s + 1)] -= ar[a] * sar[s];
    }
    maFull.fill(0);
    for (let a = 0; a < ma.length; a++) maFull[a] += ma[a];
    for (let s = 0; s < sma.length; s++) {
      maFull[m * (s + 1) - 1] += sma[s];
      for (let a = 0; a < ma.length; a++) maFull[a + m * (s + 1)] += ma[a] * sma[s];
    }
  }

  /** tanh-transformed partial autocorrelations → coefficients, in place. */
  private pacfBlock(u: ArrayLike<number>, start: number, out: Float64Array, sign: 1 | -1): number {
    const k = out.length;
    const tmp = this.tmp;
    for (let j = 0; j < k; j++) {
      const r = Math.tanh(u[start + j]);
      for (let i = 0; i < j; i++) tmp[i] = out[i] - r * out[j - 1 - i];
      for (let i = 0; i < j; i++) out[i] = tmp[i];
      out[j] = r;
    }
    if (sign === -1) for (let j = 0; j < k; j++) out[j] = -out[j];
    return start + k;
  }

  /** The inverse of `load`, for warm starts. */
  encode(c: { ar: readonly number[]; sar: readonly number[]; ma: readonly number[]; sma: readonly number[]; mean: number }): number[] {
    const atanh = (v: number) => Math.atanh(Math.max(-0.999, Math.min(0.999, v)));
    const u = [
      ...arToPacf(c.ar).map(atanh),
      ...arToPacf(c.sar).map(atanh),
      ...arToPacf(c.ma.map((v) => -v)).map(atanh),
      ...arToPacf(c.sma.map((v) => -v)).map(atanh),
    ];
    if (this.order.constant) u.push((c.mean - this.mu0) / this.muScale);
    return u;
  }
}

function structuralLags(p: number, P: number, m: number): Int32Array {
  const lags = new Set<number>();
  for (let a = 1; a <= p; a++) lags.add(a);
  for (let s = 1; s <= P; s++) {
    lags.add(m * s);
    for (let a = 1; a <= p; a++) lags.add(a + m * s);
  }
  return Int32Array.from([...lags].sort((x, y) => x - y));
}
