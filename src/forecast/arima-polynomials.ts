/**
 * Lag-polynomial helpers for ARIMA. Convention: an AR vector φ stands for 1 − φ₁B − … − φₚBᵖ and an MA vector θ
 * for 1 + θ₁B + … + θ_qB^q, as in R's arima.
 */

/**
 * Maps partial autocorrelations in (−1, 1) to AR coefficients by the Durbin-Levinson recursion (Jones 1980).
 * Every image is stationary, so an optimiser over tanh-transformed values never leaves the admissible region.
 */
export function pacfToAr(pacf: readonly number[]): number[] {
  let phi: number[] = [];
  for (let k = 0; k < pacf.length; k++) {
    const r = pacf[k];
    const next = phi.map((v, j) => v - r * phi[k - 1 - j]);
    next.push(r);
    phi = next;
  }
  return phi;
}

/** Inverse of `pacfToAr` (the step-down recursion); used to warm-start from coefficients. */
export function arToPacf(phi: readonly number[]): number[] {
  let a = phi.slice();
  const out = new Array<number>(a.length);
  for (let k = a.length - 1; k >= 0; k--) {
    const r = Math.max(-0.9999, Math.min(0.9999, a[k]));
    out[k] = r;
    const prev: number[] = [];
    for (let j = 0; j < k; j++) prev.push((a[j] + r * a[k - 1 - j]) / (1 - r * r));
    a = prev;
  }
  return out;
}

/** Multiplies polynomials given as ascending coefficient arrays (index = power of B). */
export function multiplyPolynomials(a: readonly number[], b: readonly number[]): number[] {
  const out = new Array<number>(a.length + b.length - 1).fill(0);
  for (let i = 0; i < a.length; i++) for (let j = 0; j < b.length; j++) out[i + j] += a[i] * b[j];
  return out;
}

/** Ascending coefficients of 1 − φ₁B − … (sign −1) or 1 + θ₁B + … (sign +1), with lags spaced by `step`. */
export function lagPolynomial(coefs: readonly number[], sign: 1 | -1, step = 1): number[] {
  const out = new Array<number>(coefs.length * step + 1).fill(0);
  out[0] = 1;
  coefs.forEach((c, i) => (out[(i + 1) * step] = sign * c));
  return out;
}

/** Full AR vector of φ(B)Φ(Bᵐ), in the φ convention. */
export function expandAr(ar: readonly number[], sar: readonly number[], m: number): number[] {
  const poly = multiplyPolynomials(lagPolynomial(ar, -1), lagPolynomial(sar, -1, m));
  return poly.slice(1).map((v) => (v === 0 ? 0 : -v));
}

/** Full MA vector of θ(B)Θ(Bᵐ), in the θ convention. */
export function expandMa(ma: readonly number[], sma: readonly number[], m: number): number[] {
  return multiplyPolynomials(lagPolynomial(ma, 1), lagPolynomial(sma, 1, m)).slice(1);
}

/** Ascending coefficients of (1 − B)ᵈ(1 − Bᵐ)ᴰ. */
export function differencingPolynomial(d: number, D: number, m: number): number[] {
  let poly = [1];
  for (let i = 0; i < d; i++) poly = multiplyPolynomials(poly, [1, -1]);
  for (let i = 0; i < D; i++) poly = multiplyPolynomials(poly, lagPolynomial([1], -1, m));
  return poly;
}

/** ψ-weights ψ₀ … ψ_{h−1} of θ(B)/φ*(B), where φ* includes the differencing: the MA(∞) form behind forecast variances. */
export function psiWeights(arFull: ArrayLike<number>, maFull: ArrayLike<number>, h: number): number[] {
  const psi = [1];
  for (let j = 1; j < h; j++) {
    let v = j <= maFull.length ? maFull[j - 1] : 0;
    for (let i = 1; i <= Math.min(j, arFull.length); i++) v += arFull[i - 1] * psi[j - i];
    psi.push(v);
  }
  return psi;
}

/**
 * Smallest modulus of the roots of 1 + c₁z + … + c_k z^k (Durand–Kerner iteration); Infinity for a constant.
 * Low degrees only (≤ 5 here), where the iteration is reliable.
 */
export function minRootModulus(ascending: readonly number[]): number {
  let deg = ascending.length - 1;
  while (deg > 0 && Math.abs(ascending[deg]) < 1e-12) deg--;
  if (deg === 0) return Infinity;
  const lead = ascending[deg];
  const c = ascending.slice(0, deg + 1).map((v) => v / lead);
  const re: number[] = [];
  const im: number[] = [];
  for (let i = 0; i < deg; i++) {
    const angle = (2 * Math.PI * i) / deg + 0.4;
    re.push(0.9 * Math.cos(angle) * (1 + Math.abs(c[0]) ** (1 / deg)));
    im.push(0.9 * Math.sin(angle) * (1 + Math.abs(c[0]) ** (1 / deg)));
  }
  for (let iter = 0; iter < 500; iter++) {
    let moved = 0;
    for (let i = 0; i < deg; i++) {
      // p(z) by Horner in complex arithmetic.
      let pr = c[deg];
      let pi = 0;
      for (let k = deg - 1; k >= 0; k--) {
        const nr = pr * re[i] - pi * im[i] + c[k];
        pi = pr * im[i] + pi * re[i];
        pr = nr;
      }
      let qr = 1;
      let qi = 0;
      for (let j = 0; j < deg; j++) {
        if (j === i) continue;
        const dr = re[i] - re[j];
        const di = im[i] - im[j];
        const nr = qr * dr - qi * di;
        qi = qr * di + qi * dr;
        qr = nr;
      }
      const den = qr * qr + qi * qi || 1e-300;
      const sr = (pr * qr + pi * qi) / den;
      const si = (pi * qr - pr * qi) / den;
      re[i] -= sr;
      im[i] -= si;
      moved = Math.max(moved, Math.hypot(sr, si));
    }
    if (moved < 1e-12) break;
  }
  return Math.min(...re.map((r, i) => Math.hypot(r, im[i])));
}
