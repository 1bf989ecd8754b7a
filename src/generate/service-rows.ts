import type { Random } from '../platform/clock.ts';
import { dayOf, firstDayOfMonth, formatDay, lastDayOfMonth, monthOfDay, monthOfYear, yearOfMonth } from './calendar.ts';
import { valueForAge } from './generator-params.ts';
import type { GeneratorContext } from './generator-context.ts';
import { NO_DAY } from './employers.ts';
import type { LifeHistory } from './life-course.ts';
import type { PersonCore } from './person-identity.ts';
import type { PersonTruth } from './person-truth.ts';
import { money } from './wages.ts';

const yesNo = (b: boolean) => (b ? '是' : '否');

/** Job-seeker and unemployment registrations, training on the way back to work, and certificates. */
export function emitJobSeeking(g: GeneratorContext, rng: Random, person: PersonCore, h: LifeHistory, truth: PersonTruth): void {
  const { frame, emitter, stats } = g;
  const s = frame.params.services;
  const seen = new Set<number>();
  for (const r of h.registrations) {
    if (seen.has(r.start) || r.start >= frame.asOfDay) continue;
    seen.add(r.start);
    const cells = [person.id, r.type, formatDay(r.start), r.end === NO_DAY ? '' : formatDay(r.end), r.occupation, yesNo(r.wantsBusiness), person.residence];
    if (emitter.emit('job_seeker', cells)) truth.registration(r.type, r.start, r.end, r.wantsBusiness);
    if (r.type === 'unemployed') {
      for (let m = Math.max(monthOfDay(r.start), frame.firstMonth); m <= frame.asOfMonth; m++) {
        if (r.end !== NO_DAY && r.end < lastDayOfMonth(m)) break;
        stats.registeredUnemployed[m - frame.firstMonth]++;
      }
    }
    if (rng.chance(s.trainingProbability)) enrolOnCourse(g, rng, person, r.start, r.end === NO_DAY ? frame.asOfDay - 1 : r.end);
  }
  const spell = h.spells[0];
  if (spell && rng.chance(s.priorCertificateShare)) {
    const issued = Math.min(dayOf(rng.int(2008, 2022), rng.int(1, 12), rng.int(1, 28)), frame.asOfDay - 1);
    if (issued > person.birthDay + 18 * 365) {
      emitter.emit('certificate', [g.counters.next('ZS', 12), person.id, spell.occupation, String(rng.int(2, 5)), formatDay(issued)]);
    }
  }
}

function enrolOnCourse(g: GeneratorContext, rng: Random, person: PersonCore, from: number, to: number): void {
  const { courses, frame, emitter } = g;
  let lo = 0;
  let hi = courses.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (courses[mid].start <= from) lo = mid + 1;
    else hi = mid;
  }
  const options = courses.slice(lo, lo + 6).filter((c) => c.start <= to);
  if (options.length === 0) return;
  const course = rng.pick(options);
  const enrolled = Math.max(from, course.start - rng.int(1, 20));
  if (enrolled >= frame.asOfDay) return;
  const completed = course.end < frame.asOfDay - 1 && rng.chance(frame.params.services.completionProbability);
  emitter.emit('training_enrolment', [person.id, course.id, formatDay(enrolled), yesNo(completed)]);
  if (completed && rng.chance(frame.params.services.certificateProbability)) {
    const issued = course.end + rng.int(0, 30);
    if (issued < frame.asOfDay) {
      emitter.emit('certificate', [g.counters.next('ZS', 12), person.id, course.occupation, String(rng.int(3, 5)), formatDay(issued)]);
    }
  }
}

/** Which medical scheme covers the person in a month: '310', '390' or '' (uninsured). */
function medicalScheme(g: GeneratorContext, h: LifeHistory, m: number): string {
  const from = firstDayOfMonth(m);
  const to = lastDayOfMonth(m);
  const covered = (start: number, end: number) => start <= to && (end === NO_DAY || end >= from);
  if (h.spells.some((s) => covered(s.start, s.end))) return '310';
  if (h.flex.some((f) => f.medical && covered(f.start, f.end))) return '310';
  if (h.pensionKind === 'pension' && h.retiredAtMonth < m) return '310';
  return h.residentMedical ? '390' : '';
}

/** Inpatient and outpatient settlements, with costs rising with age and hospital level. */
export function emitMedical(g: GeneratorContext, rng: Random, person: PersonCore, h: LifeHistory): void {
  const { frame, emitter } = g;
  const md = frame.params.medical;
  const months = frame.asOfMonth - frame.firstMonth + 1;
  const firstAlive = Math.max(frame.firstMonth, person.birthMonth + 1);
  const lastAlive = person.deathDay === NO_DAY ? frame.asOfMonth : monthOfDay(person.deathDay);
  if (lastAlive < firstAlive) return;
  const age = Math.max(0, Math.floor((frame.asOfMonth - person.birthMonth) / 12));
  for (const inpatient of [false, true]) {
    const rate = valueForAge((inpatient ? md.inpatientPerYearByAge : md.outpatientPerYearByAge) as [number, number][], age);
    const count = poisson(rng, (rate * months) / 12);
    const groups = inpatient ? frame.diagnosisGroups.inpatient : frame.diagnosisGroups.outpatient;
    const levels = inpatient ? frame.hospitalLevels.inpatient : frame.hospitalLevels.outpatient;
    for (let k = 0; k < count; k++) {
      const m = rng.int(firstAlive, lastAlive);
      const scheme = medicalScheme(g, h, m);
      if (scheme === '') continue;
      const lastDay = Math.min(lastDayOfMonth(m), frame.asOfDay - 1, person.deathDay === NO_DAY ? NO_DAY : person.deathDay);
      const firstDay = Math.max(firstDayOfMonth(m), person.birthDay + 1);
      if (firstDay > lastDay) continue;
      const day = rng.int(firstDay, lastDay);
      const group = rng.pick(groups);
      const level = levels.pick(rng);
      const base = inpatient ? md.inpatientCost : md.outpatientCost;
      const total = Math.round(base * group.costFactor * (md.levelCostFactor[level] ?? 1) * (1 + age / 80) * Math.exp(md.costSigma * rng.normal() - (md.costSigma * md.costSigma) / 2) * 100) / 100;
      const share = Math.min(0.95, (scheme === '310' ? md.fundShare.employee : md.fundShare.resident) * (inpatient ? 1 : 0.7) * (0.9 + 0.15 * rng.next()));
      const fund = Math.floor(total * share * 100) / 100;
      const oop = Math.floor((total - fund) * (0.7 + 0.3 * rng.next()) * 100) / 100;
      emitter.emit('medical_settlement', [
        g.counters.next('JS', 14), person.id, scheme, formatDay(day), level, yesNo(inpatient), group.code, money(total), money(fund), money(oop), person.residence,
      ]);
    }
  }
}

export function poisson(rng: Random, mean: number): number {
  if (mean <= 0) return 0;
  if (mean > 30) return Math.max(0, Math.round(mean + Math.sqrt(mean) * rng.normal()));
  const limit = Math.exp(-mean);
  let k = 0;
  let prod = rng.next();
  while (prod > limit) {
    k++;
    prod *= rng.next();
  }
  return k;
}

export const monthStartDay = (m: number) => dayOf(yearOfMonth(m), monthOfYear(m), 1);
