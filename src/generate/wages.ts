import type { Random } from '../platform/clock.ts';
import type { CityFrame } from './city-frame.ts';
import { valueForYear } from './generator-params.ts';

const EDUCATION_FACTOR = [0.7, 0.8, 0.9, 1.05, 1.3, 1.7];

/** Experience curve: lower for the young, flat in mid-career, slightly lower before retirement. */
function ageFactor(age: number): number {
  if (age < 25) return 0.75 + (0.2 * Math.max(0, age - 18)) / 7;
  if (age < 40) return 0.95 + (0.15 * (age - 25)) / 15;
  if (age < 52) return 1.1;
  return 1.1 - 0.02 * (age - 52);
}

/** A monthly wage: log-normal around the city average scaled by industry, employer, education and age. */
export function drawWage(
  frame: CityFrame,
  rng: Random,
  industry: string,
  employerFactor: number,
  educationRank: number,
  age: number,
  year: number,
  partTime: boolean,
): number {
  const p = frame.params;
  const sigma = p.wages.logSigma;
  const mean =
    frame.averageMonthlyWage(year) *
    p.industries[industry].wageFactor *
    employerFactor *
    EDUCATION_FACTOR[Math.max(0, Math.min(5, educationRank))] *
    ageFactor(age) *
    (partTime ? 0.5 : 1);
  const w = mean * Math.exp(sigma * rng.normal() - (sigma * sigma) / 2);
  const floor = frame.minimumWage(year) * (partTime ? 0.5 : 1);
  return Math.round(Math.max(w, floor) / 10) * 10;
}

/** The contribution base for a month of `year`: the wage clipped to 60–300% of last year's average wage. */
export function contributionBase(frame: CityFrame, wage: number, year: number): number {
  const c = frame.params.contributions;
  const avg = valueForYear(frame.params.wages.averageAnnualWage, year - 1) / 12;
  return Math.round(Math.min(Math.max(wage, avg * c.baseFloorShare), avg * c.baseCeilingShare));
}

/** Base bounds of a year (flexible workers choose a share of the average within them). */
export function averageBase(frame: CityFrame, year: number): number {
  return valueForYear(frame.params.wages.averageAnnualWage, year - 1) / 12;
}

export const money = (v: number): string => (Math.round(v * 100) / 100).toFixed(2);
