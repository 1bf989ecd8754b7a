/**
 * The national benefit formula (Guofa [2005] No. 38), shared by the personal estimate and the fund projection.
 * `avgWage` is the local average monthly wage of the year before retirement.
 */
export function basicPensionMonthly(avgWage: number, avgIndexRatio: number, contributionYears: number, percentPerYear: number): number {
  return ((avgWage * (1 + avgIndexRatio)) / 2) * contributionYears * percentPerYear;
}

/** Transitional pension for deemed service before personal accounts existed (视同缴费年限). */
export function transitionalPensionMonthly(avgWage: number, deemedIndexRatio: number, deemedYears: number, coefficient: number): number {
  return avgWage * deemedIndexRatio * deemedYears * coefficient;
}

/**
 * One year of personal-account bookkeeping (the official year-end formula): last year's balance earns the full
 * year's rate, this year's credits earn half a year's on average, with the 1.083 factor for monthly crediting.
 * `fraction` < 1 closes a partial year (the retirement year).
 */
export function closeAccountYear(balance: number, credits: number, rate: number, fraction = 1): number {
  return balance * (1 + rate * fraction) + credits * (1 + rate * 1.083 * 0.5 * fraction);
}
