import { describe, it, expect } from 'vitest';
import { arToPacf, differencingPolynomial, expandAr, expandMa, minRootModulus, pacfToAr, psiWeights } from './arima-polynomials.ts';

describe('ARIMA polynomials', () => {
  it('maps partial autocorrelations to stationary AR coefficients and back', () => {
    const pacf = [0.5, -0.3, 0.2];
    const phi = pacfToAr(pacf);
    expect(arToPacf(phi).map((v) => +v.toFixed(10))).toEqual(pacf);
    // AR(1): the coefficient is the partial autocorrelation itself.
    expect(pacfToAr([0.7])).toEqual([0.7]);
    expect(minRootModulus([1, ...phi.map((v) => -v)])).toBeGreaterThan(1);
  });

  it('expands seasonal factors', () => {
    // (1 − 0.5B)(1 − 0.4B⁴) = 1 − 0.5B − 0.4B⁴ + 0.2B⁵
    expect(expandAr([0.5], [0.4], 4)).toEqual([0.5, 0, 0, 0.4, -0.2]);
    // (1 + 0.3B)(1 + 0.6B²) = 1 + 0.3B + 0.6B² + 0.18B³
    expect(expandMa([0.3], [0.6], 2).map((v) => +v.toFixed(10))).toEqual([0.3, 0.6, 0.18]);
    expect(differencingPolynomial(1, 1, 4)).toEqual([1, -1, 0, 0, -1, 1]);
  });

  it('gives the random walk ψ-weights all equal to one', () => {
    expect(psiWeights([1], [], 5)).toEqual([1, 1, 1, 1, 1]);
    // ARIMA(0,1,1) with θ = −0.4: ψ = 1, 0.6, 0.6, …
    expect(psiWeights([1], [-0.4], 3).map((v) => +v.toFixed(10))).toEqual([1, 0.6, 0.6]);
  });

  it('finds the smallest root modulus', () => {
    // 1 − 1.5z + 0.5z² = (1 − z)(1 − 0.5z): roots 1 and 2.
    expect(minRootModulus([1, -1.5, 0.5])).toBeCloseTo(1, 8);
    expect(minRootModulus([1, 0, 0.25])).toBeCloseTo(2, 8);
    expect(minRootModulus([1])).toBe(Infinity);
  });
});
