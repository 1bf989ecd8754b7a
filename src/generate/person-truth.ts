import { addMonthsToDay, yearOfMonth } from './calendar.ts';
import type { CityFrame } from './city-frame.ts';
import { NO_DAY } from './employers.ts';

/** Traits the ground truth lists; definitions in CONTEXT.md. */
export type PersonTrait =
  | 'mobile_worker'
  | 'in_arrears'
  | 'contributions_interrupted'
  | 'parent_of_newborn'
  | 'newly_employed'
  | 'wants_business'
  | 'long_term_unemployed'
  | 'graduate'
  | 'migrant_worker'
  | 'flexible_worker'
  | 'demobilised_officer'
  | 'pensioner'
  | 'disabled'
  | 'low_income_household';

export type EmployerTrait = 'new_employer' | 'employer_wage_arrears_risk' | 'employer_grade_c';

export interface TruthWindows {
  asOfDay: number;
  asOfMonth: number;
  minus6: number;
  minus12: number;
  /** as-of − 24 months (employment spells ending on or after it overlap the 24-month window). */
  minus24: number;
  asOfYear: number;
}

export function truthWindows(frame: CityFrame): TruthWindows {
  return {
    asOfDay: frame.asOfDay,
    asOfMonth: frame.asOfMonth,
    minus6: addMonthsToDay(frame.asOfDay, -6),
    minus12: addMonthsToDay(frame.asOfDay, -12),
    minus24: addMonthsToDay(frame.asOfDay, -24),
    asOfYear: yearOfMonth(frame.asOfMonth),
  };
}

const TERTIARY = new Set(['college', 'bachelor', 'postgraduate']);

/**
 * Accumulates, from the rows of one person that a correct ingest loads, the facts behind each trait, so the
 * ground truth is exactly what set-based SQL over the loaded tables should find.
 */
export class PersonTruth {
  private readonly employers24 = new Set<string>();
  private readonly regions24 = new Set<string>();
  private arrears = false;
  private readonly paid36 = new Uint8Array(36);
  private lastPaidPeriod = -1;
  private lastCredit = '';
  private lastRegion = '';
  private firstStart = NO_DAY;
  private employedAtAsOf = false;
  private wantsBusiness = false;
  private longTermUnemployed = false;
  private pension = false;
  /** scheme → [effective day, active && flexible] of the latest loaded enrolment row on or before as-of. */
  private readonly latestEnrolment = new Map<string, [number, boolean]>();
  readonly extra = new Set<PersonTrait>();

  constructor(private readonly w: TruthWindows) {}

  contribution(credit: string, scheme: string, period: number, region: string, due: number, paid: number): void {
    const w = this.w;
    if (period > w.asOfMonth - 24 && period <= w.asOfMonth) {
      // Rows come in runs with the same employer and region; skip the set lookups for repeats.
      if (credit !== '' && credit !== this.lastCredit) {
        this.employers24.add(credit);
        this.lastCredit = credit;
      }
      if (region !== this.lastRegion) {
        this.regions24.add(region);
        this.lastRegion = region;
      }
    }
    if (due <= w.asOfDay && (paid === NO_DAY || paid > w.asOfDay)) this.arrears = true;
    if (paid !== NO_DAY && paid <= w.asOfDay) {
      if (period > this.lastPaidPeriod) this.lastPaidPeriod = period;
      if (period > w.asOfMonth - 36 && period <= w.asOfMonth) this.paid36[period - (w.asOfMonth - 35)] = 1;
    }
    void scheme;
  }

  employment(credit: string, start: number, end: number): void {
    const w = this.w;
    if (start > w.asOfDay) return;
    if (start < this.firstStart) this.firstStart = start;
    if (end === NO_DAY || end >= w.minus24) this.employers24.add(credit);
    if (end === NO_DAY || end >= w.asOfDay) this.employedAtAsOf = true;
  }

  enrolment(scheme: string, effective: number, active: boolean, flexible: boolean): void {
    if (effective > this.w.asOfDay) return;
    const prev = this.latestEnrolment.get(scheme);
    if (!prev || effective >= prev[0]) this.latestEnrolment.set(scheme, [effective, active && flexible]);
  }

  registration(type: string, start: number, end: number, wantsBusiness: boolean): void {
    const w = this.w;
    if (start > w.asOfDay) return;
    const open = end === NO_DAY || end >= w.asOfDay;
    if (wantsBusiness && (open || start > w.minus12)) this.wantsBusiness = true;
    if (type === 'unemployed' && open && start <= w.minus12) this.longTermUnemployed = true;
  }

  benefit(type: string, period: number): void {
    if ((type === 'pension' || type === 'resident_pension') && period > this.w.asOfMonth - 3 && period <= this.w.asOfMonth) this.pension = true;
  }

  /** The person's traits, given the person row's own attributes (mirrors data/tags/*.json rules). */
  traits(person: { alive: boolean; migrantRural: boolean; education: string; graduationYear: number; demobilised: boolean; disabled: boolean }): PersonTrait[] {
    const out = new Set<PersonTrait>(this.extra);
    const w = this.w;
    const alive = person.alive;
    if (alive && this.employers24.size >= 2 && this.regions24.size >= 2) out.add('mobile_worker');
    if (this.arrears) out.add('in_arrears');
    const paidMonths36 = this.paid36.reduce((a, b) => a + b, 0);
    if (alive && !this.pension && paidMonths36 > 0 && w.asOfMonth - this.lastPaidPeriod >= 3) out.add('contributions_interrupted');
    if (this.firstStart !== NO_DAY && this.firstStart > w.minus6) out.add('newly_employed');
    if (alive && this.wantsBusiness) out.add('wants_business');
    if (this.longTermUnemployed) out.add('long_term_unemployed');
    const sinceGraduation = w.asOfYear - person.graduationYear;
    if (TERTIARY.has(person.education) && person.graduationYear > 0 && sinceGraduation >= 0 && sinceGraduation <= 1) out.add('graduate');
    if (person.migrantRural && this.employedAtAsOf) out.add('migrant_worker');
    for (const [, flexibleActive] of this.latestEnrolment.values()) if (flexibleActive) out.add('flexible_worker');
    if (person.demobilised) out.add('demobilised_officer');
    if (this.pension) out.add('pensioner');
    if (person.disabled) out.add('disabled');
    return [...out];
  }
}
