import type { Random } from '../platform/clock.ts';
import { dayOf, firstDayOfMonth, formatDay, formatMonth, lastDayOfMonth, monthOfYear, yearOfMonth } from './calendar.ts';
import type { CityFrame } from './city-frame.ts';
import { valueForYear } from './generator-params.ts';
import { NO_DAY, type EmployerTable } from './employers.ts';
import type { LifeHistory, Spell } from './life-course.ts';
import type { PersonCore } from './person-identity.ts';
import type { PersonTruth } from './person-truth.ts';
import type { RowEmitter } from './row-emitter.ts';
import { averageBase, contributionBase, money } from './wages.ts';

/** Per-month counters the macro feed is computed from. */
export interface CityStats {
  contributors: Float64Array;
  registeredUnemployed: Float64Array;
}

const day = (d: number) => (d === NO_DAY ? '' : formatDay(d));

/** Employment spells and enrolment status histories of one person. */
export function emitEmploymentAndEnrolment(frame: CityFrame, t: EmployerTable, e: RowEmitter, rng: Random, person: PersonCore, h: LifeHistory, truth: PersonTruth): void {
  for (const s of h.spells) {
    const code = t.code[s.employer];
    const ok = e.emit('employment', [person.id, code, s.occupation, s.contract, formatDay(s.start), day(s.end), s.reason, money(s.wage)]);
    if (ok) {
      truth.employment(code, s.start, s.end);
      if (s.end === NO_DAY && s.start <= frame.asOfDay) t.headcount[s.employer]++;
    }
  }
  // Status changes as (scheme, day, status, credit code, region, flexible); a later change on the same day wins.
  const events: [string, number, string, string, string, boolean][] = [];
  const employee = (d: number, status: string, s: Spell | null) => {
    const code = s ? t.code[s.employer] : '';
    const region = s ? t.region[s.employer] : person.residence;
    events.push(['110', d, status, code, region, false], ['310', d, status, code, region, false]);
    events.push(['210', d, status === 'suspended' ? 'terminated' : status, code, region, false]);
    events.push(['410', d, status === 'suspended' ? 'terminated' : status, code, region, false]);
  };
  const firstSpellStart = h.spells.length > 0 ? h.spells[0].start : NO_DAY;
  if (h.residentMedical) {
    const enrolled = Math.max(person.birthDay + rng.int(20, 150), dayOf(rng.int(2010, 2022), rng.int(1, 12), rng.int(1, 28)));
    const newborn = person.birthDay >= firstDayOfMonth(frame.firstMonth);
    if ((!newborn || rng.chance(0.6)) && enrolled < frame.asOfDay) {
      events.push(['390', frame.safeDay(enrolled), 'active', '', person.residence, false]);
      if (firstSpellStart !== NO_DAY && firstSpellStart > enrolled) events.push(['390', firstSpellStart, 'terminated', '', person.residence, false]);
    }
  }
  if (h.residentPensionPayer || h.pensionKind === 'resident_pension') {
    const enrolled = Math.max(dayOf(rng.int(2011, 2022), rng.int(1, 12), rng.int(1, 28)), person.birthDay + Math.round(16 * 365.25));
    if (enrolled < frame.asOfDay) events.push(['170', frame.safeDay(enrolled), 'active', '', person.residence, false]);
  }
  for (const f of h.flex) {
    events.push(['110', f.start, 'active', '', person.residence, true]);
    if (f.medical) events.push(['310', f.start, 'active', '', person.residence, true]);
    if (f.end !== NO_DAY) {
      events.push(['110', f.end + 1, 'suspended', '', person.residence, true]);
      if (f.medical) events.push(['310', f.end + 1, 'suspended', '', person.residence, true]);
    }
  }
  h.spells.forEach((s, i) => {
    employee(s.start, 'active', s);
    if (s.end === NO_DAY) return;
    const next = h.spells[i + 1];
    if (s.reason === 'death') employee(s.end, 'terminated', s);
    else if (s.reason === 'retirement') {
      events.push(['110', s.end + 1, 'terminated', '', t.region[s.employer], false], ['210', s.end + 1, 'terminated', '', t.region[s.employer], false]);
      events.push(['410', s.end + 1, 'terminated', '', t.region[s.employer], false], ['310', s.end + 1, 'active', '', t.region[s.employer], false]);
    } else if (!next || next.start > s.end + 1) employee(s.end + 1, 'suspended', s);
  });
  if (h.pensionKind === 'pension' && h.spells.length === 0 && h.retiredAtMonth !== NO_DAY) {
    const d = firstDayOfMonth(h.retiredAtMonth + 1);
    events.push(['110', d, 'terminated', '', person.residence, false], ['310', d, 'active', '', person.residence, false]);
  }
  const latest = new Map<string, (typeof events)[number]>();
  events.forEach((ev) => latest.set(`${ev[0]}|${ev[1]}`, ev));
  const rows = [...latest.values()].sort((a, b) => (a[0] === b[0] ? a[1] - b[1] : a[0] < b[0] ? -1 : 1));
  for (const [scheme, d, status, code, region, flexible] of rows) {
    if (d > frame.asOfDay) continue;
    if (e.emit('enrolment', [person.id, scheme, status, formatDay(d), code, region, flexible ? '是' : '否'])) {
      truth.enrolment(scheme, d, status === 'active', flexible);
    }
  }
}

interface MonthContext {
  frame: CityFrame;
  t: EmployerTable;
  e: RowEmitter;
  person: PersonCore;
  truth: PersonTruth;
  stats: CityStats;
  /** Reused for every row: the sink copies what it keeps. */
  cells: string[];
}

/** One contribution row with preformatted amounts; paid = NO_DAY when unpaid. */
function contribution(c: MonthContext, employer: number, scheme: string, m: number, base: string, er: string, pr: string, region: string, paid: number, back: boolean): void {
  const due = lastDayOfMonth(m);
  const code = employer >= 0 ? c.t.code[employer] : '';
  const cells = c.cells;
  cells[0] = c.person.id;
  cells[1] = code;
  cells[2] = scheme;
  cells[3] = formatMonth(m);
  cells[4] = base;
  cells[5] = er;
  cells[6] = pr;
  cells[7] = formatDay(due);
  cells[8] = paid === NO_DAY ? '' : formatDay(paid);
  cells[9] = paid === NO_DAY ? '' : back ? 'back_payment' : 'normal';
  cells[10] = region;
  if (!c.e.emit('contribution', cells)) return;
  c.truth.contribution(code, scheme, m, region, due, paid);
  if (employer >= 0 && due <= c.frame.asOfDay && paid === NO_DAY) c.t.unpaidDue[employer]++;
}

/** Preformatted base and (employer, personal) amounts per scheme for one base. */
interface Amounts {
  base: string;
  schemes: [string, string, string][];
}

function amountsFor(base: number, rates: [string, number, number][]): Amounts {
  return { base: money(base), schemes: rates.map(([scheme, er, pr]) => [scheme, money(base * er), money(base * pr)]) };
}

/** Monthly contribution rows (employee or flexible) and yearly resident payments over the window. */
export function emitContributions(frame: CityFrame, t: EmployerTable, e: RowEmitter, rng: Random, person: PersonCore, h: LifeHistory, truth: PersonTruth, stats: CityStats): void {
  const p = frame.params;
  const c: MonthContext = { frame, t, e, person, truth, stats, cells: new Array<string>(11).fill('') };
  const rates = p.contributions.schemes;
  const [payLo, payHi] = p.contributions.payDayRange;
  const arrears = p.contributions.arrears;
  const flexArrearsFrom = rng.chance(arrears.flexibleShare) ? frame.asOfMonth - rng.int(arrears.monthsRange[0], arrears.monthsRange[1]) + 1 : NO_DAY;
  const gapStart = rng.chance(arrears.interruptionShareFlexible) ? rng.int(frame.firstMonth + 1, frame.asOfMonth - 2) : NO_DAY;
  const gapEnd = gapStart + rng.int(2, 6);
  let paidDay = NO_DAY;
  let backPaid = false;
  const pay = (m: number, late: boolean): void => {
    backPaid = false;
    if (!late) {
      const normal = firstDayOfMonth(m) + rng.int(payLo, payHi) - 1;
      paidDay = normal < frame.asOfDay ? normal : NO_DAY;
      return;
    }
    paidDay = NO_DAY;
    if (!rng.chance(arrears.backPaymentProbability)) return;
    const back = lastDayOfMonth(m) + rng.int(15, 120);
    if (back < frame.asOfDay) {
      paidDay = back;
      backPaid = true;
    }
  };
  let cacheKey = -1;
  let amounts: Amounts = { base: '', schemes: [] };
  let si = 0;
  for (let m = frame.firstMonth; m <= frame.asOfMonth; m++) {
    const from = firstDayOfMonth(m);
    const to = lastDayOfMonth(m);
    if (person.deathDay !== NO_DAY && person.deathDay < from) break;
    while (si < h.spells.length - 1 && h.spells[si + 1].start <= to) si++;
    const s = h.spells[si];
    const year = yearOfMonth(m);
    if (s && s.start <= to && (s.end === NO_DAY || s.end >= from)) {
      const key = si * 10_000 + year;
      if (key !== cacheKey) {
        cacheKey = key;
        const schemes: [string, number, number][] = [
          ['110', rates['110'].employer, rates['110'].personal],
          ['310', rates['310'].employer, rates['310'].personal],
          ['210', rates['210'].employer, rates['210'].personal],
          ['410', p.contributions.injuryRates[t.riskClass[s.employer] - 1], 0],
        ];
        if (year <= 2019 && p.contributions.maternityEmployerRate > 0) schemes.push(['510', p.contributions.maternityEmployerRate, 0]);
        amounts = amountsFor(contributionBase(frame, s.wage, year), schemes);
      }
      pay(m, t.arrearsFrom[s.employer] <= m);
      const region = t.region[s.employer];
      for (const [scheme, er, pr] of amounts.schemes) contribution(c, s.employer, scheme, m, amounts.base, er, pr, region, paidDay, backPaid);
      stats.contributors[m - frame.firstMonth]++;
      continue;
    }
    let fi = -1;
    for (let k = 0; k < h.flex.length; k++) {
      const x = h.flex[k];
      if (x.start <= to && (x.end === NO_DAY || x.end >= from)) {
        fi = k;
        break;
      }
    }
    if (fi >= 0 && !(m >= gapStart && m < gapEnd)) {
      const f = h.flex[fi];
      const key = -(fi + 1) * 10_000 - year;
      if (key !== cacheKey) {
        cacheKey = key;
        const share = Math.min(Math.max(f.baseShare, p.contributions.baseFloorShare), p.contributions.baseCeilingShare);
        const schemes: [string, number, number][] = [['110', 0, p.contributions.flexible.pensionRate]];
        if (f.medical) schemes.push(['310', 0, p.contributions.flexible.medicalRate]);
        amounts = amountsFor(Math.round(averageBase(frame, year) * share), schemes);
      }
      pay(m, m >= flexArrearsFrom);
      for (const [scheme, er, pr] of amounts.schemes) contribution(c, -1, scheme, m, amounts.base, er, pr, person.residence, paidDay, backPaid);
    }
  }
  emitResidentPayments(c, rng, h);
}

function emitResidentPayments(c: MonthContext, rng: Random, h: LifeHistory): void {
  const { frame, person } = c;
  const p = frame.params.contributions;
  const medicalMonth = rng.pick(p.residentMedicalPaymentMonths);
  const pensionMonth = rng.int(3, 12);
  const tier = p.residentPensionTiers[Math.min(p.residentPensionTiers.length - 1, Math.floor(-Math.log(1 - rng.next()) * 1.5))];
  const [minAge, maxAge] = p.residentPensionAges;
  const firstEmployee = h.spells.length > 0 ? h.spells[0].start : NO_DAY;
  for (let m = frame.firstMonth; m <= frame.asOfMonth; m++) {
    const to = lastDayOfMonth(m);
    if ((person.deathDay !== NO_DAY && person.deathDay < to) || person.birthDay > to) continue;
    const paid = dayOf(yearOfMonth(m), monthOfYear(m), rng.int(1, 25));
    if (paid >= frame.asOfDay || (firstEmployee !== NO_DAY && firstEmployee <= to)) continue;
    if (h.residentMedical && monthOfYear(m) === medicalMonth && person.birthDay < firstDayOfMonth(frame.firstMonth)) {
      const amount = money(valueForYear(p.residentMedicalYearly, yearOfMonth(m) + 1));
      contribution(c, -1, '390', m, amount, '0.00', amount, person.residence, paid, false);
    }
    const age = Math.floor((m - person.birthMonth) / 12);
    if (h.residentPensionPayer && monthOfYear(m) === pensionMonth && age >= minAge && age <= maxAge) {
      contribution(c, -1, '170', m, money(tier), '0.00', money(tier), person.residence, paid, false);
    }
  }
}
