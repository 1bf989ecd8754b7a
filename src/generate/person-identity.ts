import type { Random } from '../platform/clock.ts';
import { valueForAge } from './generator-params.ts';
import { dayOf, firstDayOfMonth, formatDay, monthOfDay, ymdOf, yearOfMonth, monthOfYear } from './calendar.ts';
import type { CityFrame } from './city-frame.ts';
import { makeChineseName } from './chinese-names.ts';
import type { IdAllocator } from './id-allocator.ts';
import { NO_DAY } from './employers.ts';

/** Who a person is: what the person row says, plus the flags the life course needs. */
export interface PersonCore {
  id: string;
  name: string;
  sex: '1' | '2';
  birthDay: number;
  birthMonth: number;
  hukouRegion: string;
  rural: boolean;
  migrant: boolean;
  residence: string;
  /** Highest education completed by the as-of date ('' while still at school). */
  education: string;
  /** Final education and the month it ends (school leavers enter the labour market then). */
  finalEducation: string;
  schoolEndMonth: number;
  householdId: string;
  phone: string;
  disability: string;
  demobilised: boolean;
  cadre: boolean;
  deathDay: number;
  loaded: boolean;
}

const PHONE_PREFIXES = ['130', '131', '132', '133', '135', '136', '137', '138', '139', '150', '151', '152', '155', '156', '157', '158', '159', '166', '175', '176', '177', '180', '181', '182', '183', '185', '186', '187', '188', '189', '191', '193', '195', '198', '199'];

export const EDUCATION_RANK: Record<string, number> = { primary: 0, junior: 1, senior: 2, college: 3, bachelor: 4, postgraduate: 5 };

export function makePhone(rng: Random): string {
  let s = rng.pick(PHONE_PREFIXES);
  for (let i = 0; i < 8; i++) s += String(rng.int(0, 9));
  return s;
}

export interface IdentityInput {
  sex: '1' | '2';
  birthDay: number;
  hukouRegion: string;
  rural: boolean;
  migrant: boolean;
  residence: string;
  householdId: string;
}

/** Education, phone, disability and officer status drawn for a person with a given sex and birth date. */
export function makeIdentity(frame: CityFrame, ids: IdAllocator, rng: Random, input: IdentityInput): PersonCore {
  const p = frame.params.population;
  const { year: birthYear } = ymdOf(input.birthDay);
  const pickers = frame.educationPickers;
  let finalEducation = (pickers.find((e) => birthYear <= e.until) ?? pickers[pickers.length - 1]).picker.pick(rng);
  if (input.rural && EDUCATION_RANK[finalEducation] >= 3 && rng.chance(0.35)) finalEducation = 'senior';
  // Schools end in June; nobody leaves for work before 16.
  const gradAge = Math.max(p.graduationAge[finalEducation] ?? 18, 16);
  const schoolEndMonth = Math.max((birthYear + gradAge) * 12 + 5, monthOfDay(input.birthDay) + 16 * 12);
  const finished = schoolEndMonth <= frame.asOfMonth;
  const ageAtAsOf = (frame.asOfDay - input.birthDay) / 365.25;
  const demobChance = (p.demobilisedOfficersPerMillion / 1e6) / 0.2;
  const demobilised = input.sex === '1' && ageAtAsOf >= 35 && ageAtAsOf < 60 && !input.rural && rng.chance(demobChance);
  const disabled = rng.chance(valueForAge(p.disabilityShareByAge as [number, number][], ageAtAsOf));
  const id = ids.personId(input.hukouRegion, input.birthDay, input.sex);
  return {
    id,
    name: makeChineseName(rng, input.sex),
    sex: input.sex,
    birthDay: input.birthDay,
    birthMonth: monthOfDay(input.birthDay),
    hukouRegion: input.hukouRegion,
    rural: input.rural,
    migrant: input.migrant,
    residence: input.residence,
    education: finished && ageAtAsOf >= 16 ? finalEducation : '',
    finalEducation,
    schoolEndMonth,
    householdId: input.householdId,
    phone: ageAtAsOf >= 14 && (ageAtAsOf < 85 || rng.chance(0.5)) ? makePhone(rng) : '',
    disability: disabled ? String(rng.pick([1, 2, 3, 3, 4, 4, 4])) : 'none',
    demobilised,
    cadre: input.sex === '2' && (demobilised || (EDUCATION_RANK[finalEducation] >= 3 && rng.chance(frame.params.retirement.femaleCadreShare * 1.5))),
    deathDay: NO_DAY,
    loaded: false,
  };
}

/** A birth day for someone of completed age `age` at the window start. */
export function birthDayForAge(frame: CityFrame, rng: Random, age: number): number {
  const start = firstDayOfMonth(frame.firstMonth);
  return start - Math.floor(age * 365.2425) - rng.int(1, 365);
}

/** Month-by-month mortality over the window; NO_DAY when the person survives to the as-of date. */
export function drawDeathDay(frame: CityFrame, rng: Random, sex: '1' | '2', birthDay: number): number {
  const birthMonth = monthOfDay(birthDay);
  for (let m = Math.max(frame.firstMonth, birthMonth); m <= frame.asOfMonth; m++) {
    const age = Math.max(0, Math.floor((m - birthMonth) / 12));
    if (rng.next() < frame.monthlyDeathProbability(sex, age, yearOfMonth(m))) {
      const first = Math.max(firstDayOfMonth(m), birthDay + 1);
      const last = Math.min(dayOf(yearOfMonth(m), monthOfYear(m), 28), frame.asOfDay - 1);
      if (first > last) return NO_DAY;
      return frame.safeDay(rng.int(first, last));
    }
  }
  return NO_DAY;
}

/** The person row's cells, in the entity's field order. */
export function personCells(p: PersonCore): string[] {
  return [
    p.id, p.name, p.sex, formatDay(p.birthDay), p.hukouRegion, p.rural ? 'rural' : 'urban', p.residence, p.education,
    p.education ? String(graduationYear(p)) : '', p.phone, p.householdId, p.disability, p.demobilised ? '是' : '否',
    p.deathDay === NO_DAY ? '' : formatDay(p.deathDay),
  ];
}

export function graduationYear(p: PersonCore): number {
  return yearOfMonth(p.schoolEndMonth);
}
