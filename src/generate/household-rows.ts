import type { Random } from '../platform/clock.ts';
import { dayOf, formatDay, monthOfYear, yearOfMonth } from './calendar.ts';
import type { GeneratorContext } from './generator-context.ts';
import { NO_DAY } from './employers.ts';
import type { HouseholdPlan } from './households.ts';
import { simulateLife } from './life-course.ts';
import { birthDayForAge, drawDeathDay, graduationYear, makeIdentity, personCells, type PersonCore } from './person-identity.ts';
import { PersonTruth } from './person-truth.ts';
import { emitContributions, emitEmploymentAndEnrolment } from './insurance-rows.ts';
import { emitBenefits } from './benefit-rows.ts';
import { emitJobSeeking, emitMedical } from './service-rows.ts';
import { emitDisputes } from './relations-rows.ts';
import { makeEmployerName } from './chinese-names.ts';

const yesNo = (b: boolean) => (b ? '是' : '否');

/** Generates one household: its members, births in the window, each member's life course and rows, its truth. */
export function emitHousehold(g: GeneratorContext, plan: HouseholdPlan, rng: Random): number {
  const { frame, emitter, ids } = g;
  const householdId = g.counters.next(`H${plan.district}`, 10);
  const identity = (sex: '1' | '2', birthDay: number, r: Random): PersonCore => {
    const core = makeIdentity(frame, ids, r, {
      sex, birthDay, hukouRegion: plan.hukouRegion, rural: plan.rural, migrant: plan.migrant, residence: plan.district, householdId,
    });
    core.deathDay = drawDeathDay(frame, r, sex, birthDay);
    core.loaded = emitter.emit('person', personCells(core));
    if (core.deathDay !== NO_DAY) emitter.emit('death_record', [core.id, formatDay(core.deathDay), r.pick(['民政', '公安', '卫健'])]);
    return core;
  };
  const members = plan.members.map((s, i) => identity(s.sex, birthDayForAge(frame, rng, s.age), rng.fork(`member:${i}`)));
  const truths = members.map(() => new PersonTruth(g.windows));
  if (plan.mother >= 0) emitBirths(g, rng.fork('births'), plan, members, truths, identity);
  members.forEach((person, i) => emitPerson(g, rng.fork(`person:${i}`), person, truths[i]));
  const loaded = emitter.emit('household', [householdId, plan.district, plan.rural ? 'rural' : 'urban', yesNo(plan.lowIncome), String(members.length)]);
  if (loaded && plan.lowIncome) for (const m of members) if (m.loaded) g.truth.add('low_income_household', m.id);
  return members.length;
}

function emitBirths(
  g: GeneratorContext,
  rng: Random,
  plan: HouseholdPlan,
  members: PersonCore[],
  truths: PersonTruth[],
  identity: (sex: '1' | '2', birthDay: number, r: Random) => PersonCore,
): void {
  const { frame, emitter } = g;
  const mother = members[plan.mother];
  const father = members[plan.father];
  let lastBirth = -100;
  for (let m = frame.firstMonth; m <= frame.asOfMonth; m++) {
    const age = Math.floor((m - mother.birthMonth) / 12);
    if (mother.deathDay !== NO_DAY || m - lastBirth < 15) continue;
    if (!rng.chance(frame.monthlyBirthProbability(age, yearOfMonth(m)))) continue;
    const day = frame.safeDay(dayOf(yearOfMonth(m), monthOfYear(m), rng.int(1, 28)));
    if (day >= frame.asOfDay) break;
    lastBirth = m;
    const sex = rng.chance(1 / (1 + 1.11)) ? '2' : '1';
    const child = identity(sex, day, rng.fork(`child:${m}`));
    members.push(child);
    truths.push(new PersonTruth(g.windows));
    const fatherKnown = father.deathDay === NO_DAY || father.deathDay > day - 280;
    const loaded = emitter.emit('birth_record', [
      g.counters.next('R', 9), rng.chance(0.85) ? child.id : '', formatDay(day), mother.id, fatherKnown ? father.id : '', plan.district,
    ]);
    if (loaded && day > g.windows.minus12) {
      truths[plan.mother].extra.add('parent_of_newborn');
      if (fatherKnown) truths[plan.father].extra.add('parent_of_newborn');
    }
  }
}

function emitPerson(g: GeneratorContext, rng: Random, person: PersonCore, truth: PersonTruth): void {
  const { frame, employers, emitter } = g;
  // Three streams: the life course, the insurance records, and everything else it leaves behind.
  const h = simulateLife(frame, employers, rng.fork('life'), person, person.loaded ? undefined : emitter.badEmployers);
  const insurance = rng.fork('insurance');
  emitEmploymentAndEnrolment(frame, employers, emitter, insurance, person, h, truth);
  emitContributions(frame, employers, emitter, insurance, person, h, truth, g.stats);
  const services = rng.fork('services');
  emitBenefits(g, services, person, h, truth);
  emitJobSeeking(g, services, person, h, truth);
  emitMedical(g, services, person, h);
  emitDisputes(g, services, person, h);
  for (const f of h.flex) {
    if (!f.business) continue;
    // A self-employed person's individual business, with the market regulator's registration feed row.
    const code = g.ids.employerCode(person.residence, true);
    const name = makeEmployerName(rng, frame.city.name, '', true);
    const risk = frame.params.industries[f.business.industry]?.injuryRiskClass ?? 2;
    const registered = formatDay(f.business.day);
    const ok = emitter.emit('employer', [code, name, f.business.industry, 'individual', person.residence, registered, '', 'micro', person.id, String(risk)]);
    emitter.emit('business_registration', [code, name, registered, person.id, f.business.industry, '是', person.residence]);
    if (ok && f.business.day > g.windows.minus12) g.truth.add('new_employer', code);
  }
  if (!person.loaded) return;
  const traits = truth.traits({
    alive: person.deathDay === NO_DAY,
    education: person.education,
    migrantRural: person.rural && person.hukouRegion.slice(0, 4) !== frame.city.code.slice(0, 4),
    graduationYear: person.education ? graduationYear(person) : 0,
    demobilised: person.demobilised,
    disabled: person.disability !== 'none',
  });
  for (const trait of traits) g.truth.add(trait, person.id);
}
