import type { Random } from '../platform/clock.ts';
import { dayOf, firstDayOfMonth, formatDay, lastDayOfMonth, monthOfDay, yearOfMonth } from './calendar.ts';
import type { GeneratorContext } from './generator-context.ts';
import { NO_DAY } from './employers.ts';
import type { LifeHistory } from './life-course.ts';
import type { PersonCore } from './person-identity.ts';
import { money } from './wages.ts';
import { WeightedPicker } from './weighted-picker.ts';

const CATEGORIES = new WeightedPicker(['wages', 'contract', 'social_insurance', 'injury', 'other'], [0.45, 0.28, 0.15, 0.07, 0.05]);
const OUTCOMES = new WeightedPicker(['mediated', 'award_worker', 'award_employer', 'withdrawn'], [0.45, 0.3, 0.1, 0.15]);
const VIOLATIONS = new WeightedPicker(['contract', 'hours', 'social_insurance', 'wages', 'rules', 'dispatch', 'women_minors', 'other'], [3, 2, 3, 3, 1, 1, 0.5, 0.5]);

/** Wage-arrears complaints and arbitration cases a person brings against employers they worked for. */
export function emitDisputes(g: GeneratorContext, rng: Random, person: PersonCore, h: LifeHistory): void {
  const { frame, employers: t, emitter, windows } = g;
  const rel = frame.params.relations;
  for (const s of h.spells) {
    const e = s.employer;
    const lastDay = s.end === NO_DAY ? frame.asOfDay - 1 : s.end;
    for (let m = Math.max(monthOfDay(s.start), frame.firstMonth); firstDayOfMonth(m) <= lastDay && m <= frame.asOfMonth; m++) {
      const first = Math.max(firstDayOfMonth(m), s.start);
      const last = Math.min(lastDayOfMonth(m), lastDay);
      if (first > last) continue;
      const riskyFactor = t.risky[e] ? 1 : 0.03;
      const migrantFactor = person.migrant && person.rural ? 2 : 1;
      if (rng.chance(rel.complaintMonthlyRisky * riskyFactor * migrantFactor)) {
        const filed = frame.safeDay(rng.int(first, last));
        const workers = Math.min(200, 1 + Math.floor(Math.exp(1.2 * Math.abs(rng.normal()))));
        const old = filed < frame.asOfDay - 60;
        const status = old ? rng.pick(['resolved', 'resolved', 'resolved', 'resolved', 'resolved', 'transferred', 'open']) : rng.chance(0.3) ? 'resolved' : 'open';
        const resolved = status === 'resolved' ? Math.min(filed + rng.int(5, 60), frame.asOfDay - 1) : NO_DAY;
        const ok = emitter.emit('wage_arrears_complaint', [
          g.counters.next('QX', 10), t.code[e], person.id, formatDay(filed), String(workers), money(workers * s.wage * (1 + 3 * rng.next())), status,
          resolved === NO_DAY ? '' : formatDay(resolved),
        ]);
        if (ok && filed > windows.minus12) t.complaints12m[e]++;
        if (ok && resolved === NO_DAY) t.openComplaints[e]++;
        if (rng.chance(0.4)) emitInspection(g, rng, e, filed + rng.int(3, 20), 'complaint', 'wages', workers, false);
      }
      if (rng.chance(rel.arbitrationBaseMonthly * (t.risky[e] ? 4 : 1))) emitArbitration(g, rng, person, e, rng.int(first, last), s.wage);
    }
    if (s.reason === 'involuntary' && rng.chance(rel.arbitrationOnInvoluntary * (t.risky[e] ? 3 : 1))) {
      emitArbitration(g, rng, person, e, s.end + rng.int(10, 90), s.wage);
    }
  }
}

function emitArbitration(g: GeneratorContext, rng: Random, person: PersonCore, employer: number, filedDay: number, wage: number): void {
  const { frame } = g;
  if (filedDay >= frame.asOfDay || filedDay < dayOf(yearOfMonth(frame.firstMonth), 1, 1)) return;
  const filed = frame.safeDay(filedDay);
  const closedDay = filed + rng.int(20, 120);
  const pending = closedDay >= frame.asOfDay || rng.chance(0.05);
  const category = CATEGORIES.pick(rng);
  const ok = g.emitter.emit('arbitration_case', [
    g.counters.next('LZ', 10), person.id, g.employers.code[employer], formatDay(filed), category, money(wage * (1 + 7 * rng.next())),
    pending ? 'pending' : OUTCOMES.pick(rng), pending ? '' : formatDay(closedDay),
  ]);
  if (ok && category === 'wages' && filed > g.windows.minus12) g.employers.wageDisputes12m[employer]++;
}

/**
 * One inspection case. Ordinary employers are at most ordered to rectify or fined once; the planted grade-C
 * employers get their penalties from emitEmployerCases, so grade C stays rare and explicable.
 */
export function emitInspection(g: GeneratorContext, rng: Random, employer: number, openedDay: number, source: string, violation: string, workers: number, penalise: boolean): void {
  const { frame, employers: t } = g;
  if (openedDay >= frame.asOfDay || openedDay < t.regDay[employer]) return;
  const opened = frame.safeDay(openedDay);
  const closedDay = opened + rng.int(15, 90);
  const pending = closedDay >= frame.asOfDay;
  let outcome: string;
  if (pending) outcome = 'pending';
  else if (penalise) outcome = rng.chance(0.2) ? 'refused' : 'penalised';
  else if (violation === 'none') outcome = 'no_violation';
  else outcome = rng.chance(0.08) ? 'no_violation' : rng.chance(0.1) ? 'penalised' : 'rectified';
  const v = outcome === 'no_violation' ? 'none' : violation;
  const penalty = outcome === 'penalised' || outcome === 'refused' ? money(rng.int(2, 50) * 1000 * Math.max(1, Math.min(workers, 20))) : '';
  const ok = g.emitter.emit('inspection_case', [
    g.counters.next('JC', 10), t.code[employer], formatDay(opened), source, v, outcome, penalty, String(Math.max(0, workers)), pending ? '' : formatDay(closedDay),
  ]);
  if (ok && yearOfMonth(monthOfDay(opened)) === yearOfMonth(frame.asOfMonth) - 1) {
    if (PUNISHED.has(outcome)) t.penaltiesPrevYear[employer]++;
    if (SERIOUS.has(outcome) || (outcome === 'penalised' && v === 'child_labour')) t.seriousPrevYear[employer]++;
  }
}

/** Outcomes the integrity grading counts as punishment, and those that alone make grade C. */
export const PUNISHED = new Set(['penalised', 'refused', 'obstructed', 'criminal']);
export const SERIOUS = new Set(['refused', 'obstructed', 'criminal']);

/** Routine and special inspections of every employer, and the planted grade-C employers' penalties. */
export function emitEmployerCases(g: GeneratorContext, rng: Random): void {
  const { frame, employers: t } = g;
  const years = (frame.asOfMonth - frame.firstMonth + 1) / 12;
  const prevYear = yearOfMonth(frame.asOfMonth) - 1;
  for (let e = 0; e < t.count; e++) {
    const r = rng.fork(`cases:${e}`);
    const inspections = Math.floor(years * frame.params.relations.routineInspectionYearly * (t.risky[e] ? 4 : 1) + r.next());
    for (let k = 0; k < inspections; k++) {
      const day = r.int(Math.max(firstDayOfMonth(frame.firstMonth), t.regDay[e] + 1), frame.asOfDay - 1);
      const violation = r.chance(t.risky[e] ? 0.6 : 0.25) ? VIOLATIONS.pick(r) : 'none';
      emitInspection(g, r, e, day, r.chance(0.7) ? 'routine' : 'special', violation, Math.min(t.headcount[e], 1 + r.int(0, 10)), false);
    }
    if (t.gradeC[e]) {
      const cases = r.int(3, 4);
      for (let k = 0; k < cases; k++) {
        const day = dayOf(prevYear, r.int(1, 9), r.int(1, 28));
        emitInspection(g, r, e, day, r.pick(['complaint', 'special', 'routine']), r.pick(['wages', 'social_insurance', 'hours', 'contract']), Math.max(1, t.headcount[e]), true);
      }
    }
  }
}
