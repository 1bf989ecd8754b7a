import type { Random } from '../platform/clock.ts';
import { firstDayOfMonth, formatMonth, monthOfDay, yearOfMonth } from './calendar.ts';
import { valueForYear } from './generator-params.ts';
import type { GeneratorContext } from './generator-context.ts';
import { NO_DAY } from './employers.ts';
import type { LifeHistory } from './life-course.ts';
import type { PersonCore } from './person-identity.ts';
import type { PersonTruth } from './person-truth.ts';
import { money } from './wages.ts';

/** Average monthly wage of a year, extended back before the parameter table by 8% a year. */
function historicalMonthlyWage(g: GeneratorContext, year: number): number {
  const table = g.frame.params.wages.averageAnnualWage;
  const years = Object.keys(table).map(Number);
  const min = Math.min(...years);
  if (year >= min) return valueForYear(table, year) / 12;
  return (table[String(min)] / 12) * Math.pow(1.08, year - min);
}

/**
 * The basic pension at retirement (national formula: average wage × (1 + index ratio) / 2 × years × 1%, plus
 * the personal account ÷ the months divisor), then raised each January by the yearly increase.
 */
function pensionAmount(g: GeneratorContext, rng: Random, person: PersonCore, h: LifeHistory): (month: number) => number {
  const b = g.frame.params.benefits;
  const retYear = yearOfMonth(h.retiredAtMonth);
  const [ylo, yhi] = b.contributionYearsRange;
  const years = Math.min(yhi, Math.max(ylo, h.contributionYears > 0 ? h.contributionYears : ylo + rng.next() * (yhi - ylo)));
  const ratio = b.indexRatioRange[0] + rng.next() * (b.indexRatioRange[1] - b.indexRatioRange[0]);
  const avg = historicalMonthlyWage(g, retYear - 1);
  const ageAtRetirement = Math.floor((h.retiredAtMonth - person.birthMonth) / 12);
  const divisor = b.accountDivisor[String(Math.min(70, Math.max(40, ageAtRetirement)))] ?? 139;
  const accountYears = Math.max(0, Math.min(years, retYear - b.personalAccountsFrom));
  const basic = (avg * (1 + ratio)) / 2 * years * 0.01;
  const personalRate = g.frame.params.contributions.schemes['110'].personal;
  const account = (personalRate * 12 * avg * ratio * accountYears * b.accountInterestFactor) / divisor;
  const initial = basic + account;
  return (month: number) => {
    let amount = initial;
    for (let y = retYear + 1; y <= yearOfMonth(month); y++) amount *= 1 + valueForYear(b.pensionYearlyIncrease, y);
    return amount;
  };
}

/** Pensions, resident pensions and unemployment benefit paid month by month over the window. */
export function emitBenefits(g: GeneratorContext, rng: Random, person: PersonCore, h: LifeHistory, truth: PersonTruth): void {
  const { frame, emitter } = g;
  const alive = (m: number) => person.deathDay === NO_DAY || person.deathDay > firstDayOfMonth(m);
  let lastAmount = -1;
  let lastText = '';
  const emit = (type: string, m: number, amount: number) => {
    if (amount !== lastAmount) {
      lastAmount = amount;
      lastText = money(amount);
    }
    if (emitter.emit('benefit', [person.id, type, formatMonth(m), lastText, person.residence])) truth.benefit(type, m);
  };
  if (h.pensionKind === 'pension') {
    const amountFor = pensionAmount(g, rng, person, h);
    const cache = new Map<number, number>();
    for (let m = Math.max(h.pensionFrom, frame.firstMonth); m <= frame.asOfMonth && alive(m); m++) {
      const y = yearOfMonth(m);
      if (!cache.has(y)) cache.set(y, amountFor(m));
      emit('pension', m, cache.get(y)!);
    }
  } else if (h.pensionKind === 'resident_pension') {
    const [lo, hi] = frame.params.benefits.residentPensionMonthly;
    const base = lo + rng.next() * (hi - lo);
    for (let m = Math.max(h.pensionFrom, frame.firstMonth); m <= frame.asOfMonth && alive(m); m++) {
      emit('resident_pension', m, base * (1 + frame.params.benefits.residentPensionYearlyIncrease * (yearOfMonth(m) - yearOfMonth(frame.firstMonth))));
    }
  }
  const paidMonths = new Set<number>();
  for (const r of h.registrations) {
    if (r.type !== 'unemployed' || r.benefitMonths === 0) continue;
    const from = Math.max(monthOfDay(r.start) + 1, frame.firstMonth);
    for (let k = 0, m = monthOfDay(r.start) + 1; k < r.benefitMonths && m <= frame.asOfMonth; k++, m++) {
      if (m < from || paidMonths.has(m) || !alive(m)) continue;
      if (r.end !== NO_DAY && r.end < firstDayOfMonth(m)) break;
      paidMonths.add(m);
      emit('unemployment', m, valueForYear(frame.params.benefits.unemploymentMonthly, yearOfMonth(m)));
    }
  }
}
