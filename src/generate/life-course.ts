import type { Random } from '../platform/clock.ts';
import { valueForAge } from './generator-params.ts';
import { firstDayOfMonth, lastDayOfMonth, yearOfMonth, monthOfYear } from './calendar.ts';
import { retirementMonth, type CityFrame } from './city-frame.ts';
import { NO_DAY, pickEmployer, type EmployerTable } from './employers.ts';
import { EDUCATION_RANK, type PersonCore } from './person-identity.ts';
import { drawWage } from './wages.ts';

export interface Spell {
  employer: number;
  start: number;
  /** NO_DAY while open. */
  end: number;
  reason: '' | 'voluntary' | 'involuntary' | 'retirement' | 'death';
  wage: number;
  occupation: string;
  contract: string;
}

export interface Registration {
  type: 'unemployed' | 'job_seeker';
  start: number;
  end: number;
  occupation: string;
  wantsBusiness: boolean;
  /** Months of unemployment benefit the person is entitled to (0: none). */
  benefitMonths: number;
}

export interface FlexPeriod {
  start: number;
  end: number;
  medical: boolean;
  baseShare: number;
  /** Set when the person runs an individual business (self-employed). */
  business: { day: number; industry: string } | null;
}

export interface LifeHistory {
  spells: Spell[];
  registrations: Registration[];
  flex: FlexPeriod[];
  /** Month the pension starts (first month after reaching the age), or NO_DAY. */
  pensionFrom: number;
  pensionKind: 'pension' | 'resident_pension' | 'none';
  retiredAtMonth: number;
  contributionYears: number;
  residentPensionPayer: boolean;
  residentMedical: boolean;
  mobile: boolean;
}

type State = 'child' | 'E' | 'U' | 'F' | 'N' | 'R' | 'D';

/**
 * Simulates one person's labour-market life month by month over the window: employment spells (with
 * separations depending on the business cycle, direct job changes, retirement, death, employer closures),
 * unemployment and job-seeker registrations, flexible work and self-employment, and retirement.
 */
export function simulateLife(frame: CityFrame, t: EmployerTable, rng: Random, person: PersonCore, avoidBad: Set<string> | undefined): LifeHistory {
  const p = frame.params;
  const lab = p.labour;
  const h: LifeHistory = {
    spells: [], registrations: [], flex: [], pensionFrom: NO_DAY, pensionKind: 'none', retiredAtMonth: NO_DAY,
    contributionYears: 0, residentPensionPayer: false, residentMedical: false, mobile: false,
  };
  const first = frame.firstMonth;
  const start0 = firstDayOfMonth(first);
  const ageAt = (m: number) => Math.floor((m - person.birthMonth) / 12);
  const retireM = retirementMonth(p, person.birthMonth, person.sex, person.cadre);
  const eduRank = EDUCATION_RANK[person.finalEducation] ?? 2;
  const industryPicker = person.migrant && person.rural ? frame.migrantIndustryPicker : frame.employmentIndustryPicker;
  const contractPicker = frame.contractPicker;
  const longTerm = rng.chance(lab.longTermUnemployedShare);
  const wantsBusiness = rng.chance(lab.wantsBusinessShare);
  const age0 = ageAt(first);
  h.contributionYears = Math.max(0, (age0 - 20) * (person.migrant ? 0.4 : 0.75) * (0.6 + 0.4 * rng.next()));
  const moves = new Set<number>();

  const openSpell = (day: number, m: number, notRegion?: string, industry?: string): boolean => {
    const ind = industry ?? (person.demobilised ? rng.pick(['S', 'P', 'Q', 'D']) : industryPicker.pick(rng));
    const e = pickEmployer(t, rng, ind, day, { notRegion, avoidBad });
    if (e < 0) return false;
    const empIndustry = t.industry[e];
    const contract = person.demobilised ? 'open' : contractPicker.pick(rng);
    const wage = drawWage(frame, rng, empIndustry, t.wageFactor[e], eduRank, ageAt(m), yearOfMonth(m), contract === 'part_time');
    const occupation = frame.occupationPickers.get(empIndustry)!.pick(rng);
    h.spells.push({ employer: e, start: day, end: NO_DAY, reason: '', wage, occupation, contract });
    return true;
  };
  const current = () => h.spells[h.spells.length - 1];
  const closeSpell = (day: number, reason: Spell['reason']) => {
    const s = current();
    s.end = Math.max(s.start, frame.safeDay(day));
    s.reason = reason;
  };
  const register = (type: Registration['type'], day: number, m: number, involuntary: boolean): void => {
    const seasonal = lab.registrationSeasonality[monthOfYear(m) - 1];
    const chance = type === 'job_seeker' ? lab.graduateRegistrationProbability : lab.registerUnemployedProbability * seasonal * (involuntary ? 1.3 : 0.8);
    if (!rng.chance(Math.min(1, chance)) || day >= frame.asOfDay) return;
    const years = h.contributionYears;
    let benefitMonths = 0;
    if (involuntary && years >= p.benefits.unemploymentMinYears) {
      for (const [minYears, months] of p.benefits.unemploymentMonthsByYears) if (years >= minYears) benefitMonths = months;
    }
    const occupation = h.spells.length > 0 ? current().occupation : frame.anyOccupation.pick(rng);
    h.registrations.push({ type, start: frame.safeDay(day), end: NO_DAY, occupation, wantsBusiness, benefitMonths });
  };
  const endRegistration = (day: number) => {
    const r = h.registrations[h.registrations.length - 1];
    if (r && r.end === NO_DAY) r.end = Math.max(r.start, frame.safeDay(day));
  };
  const startFlex = (day: number, business: FlexPeriod['business']) => {
    const shares = p.contributions.flexible.baseShares;
    h.flex.push({ start: day, end: NO_DAY, medical: rng.chance(p.contributions.flexible.medicalShare), baseShare: rng.pick(shares), business });
  };
  const endFlex = (day: number) => {
    const f = h.flex[h.flex.length - 1];
    if (f && f.end === NO_DAY) f.end = Math.max(f.start, day);
  };
  const retire = (m: number) => {
    h.retiredAtMonth = m;
    const insured = h.contributionYears >= 15 || h.spells.length > 0 || h.flex.length > 0;
    if (insured && h.contributionYears >= 10) {
      h.pensionKind = 'pension';
      h.pensionFrom = m + 1;
    } else if (ageAt(m) >= 60 && rng.chance(0.8)) {
      h.pensionKind = 'resident_pension';
      h.pensionFrom = m + 1;
    }
  };

  let state: State;
  if (person.birthDay >= start0 || age0 < 16 || person.schoolEndMonth > first) state = 'child';
  else if (retireM < first) {
    state = 'R';
    h.retiredAtMonth = retireM;
    const employeeShare = person.migrant ? 0.2 : person.rural ? 0.3 : 0.85;
    if (rng.chance(employeeShare)) {
      h.pensionKind = 'pension';
      h.pensionFrom = retireM + 1;
    } else if (age0 >= 60 && rng.chance(0.9)) {
      h.pensionKind = 'resident_pension';
      h.pensionFrom = Math.max(retireM + 1, person.birthMonth + 60 * 12 + 1);
    }
  } else {
    const female = person.sex === '2' ? lab.femaleEmploymentFactor : 1;
    const pE = person.demobilised ? 1 : Math.min(0.95, valueForAge(lab.employeeRateByAge as [number, number][], age0) * female * (person.migrant ? 1.15 : 1));
    const r = rng.next();
    if (r < pE) state = 'E';
    else if (r < pE + lab.flexibleShare + lab.selfEmployedShare) state = 'F';
    else if (r < pE + lab.flexibleShare + lab.selfEmployedShare + lab.unemployedShare) state = 'U';
    else state = 'N';
    if (state === 'E') {
      const tenure = Math.floor(-Math.log(1 - rng.next()) * 365 * 5);
      const earliest = person.birthDay + Math.round(18 * 365.25);
      if (!openSpell(start0 - 1, first)) state = 'N';
      else {
        const s = current();
        s.start = Math.min(start0 - 1, Math.max(start0 - 1 - tenure, earliest, t.regDay[s.employer] + rng.int(0, 60)));
      }
    } else if (state === 'F') {
      startFlex(Math.max(start0 - rng.int(30, 3000), person.birthDay + Math.round(18 * 365.25)), null);
    } else if (state === 'U') {
      register('unemployed', Math.max(start0 - rng.int(1, 900), person.birthDay + Math.round(16 * 365.25)), first - 1, rng.chance(0.5));
      const r0 = h.registrations[0];
      if (r0) r0.benefitMonths = 0;
    }
    if (state === 'N' || state === 'U') h.residentPensionPayer = age0 < 60 && rng.chance(person.rural ? 0.8 : 0.5);
  }
  h.residentMedical = state !== 'E' && state !== 'F' && !(state === 'R' && h.pensionKind === 'pension') && rng.chance(0.95);
  if ((state === 'E' || state === 'U') && age0 < 50 && rng.chance(lab.mobileWorkerShare)) {
    h.mobile = true;
    const m1 = frame.asOfMonth - rng.int(12, 21);
    moves.add(m1);
    moves.add(rng.int(m1 + 3, frame.asOfMonth - 1));
  }

  let monthStart = 0;
  let monthEnd = 0;
  const dayIn = () => frame.safeDay(rng.int(monthStart, Math.min(monthStart + 27, monthEnd)));
  for (let m = first; m <= frame.asOfMonth; m++) {
    if (state === 'R' || (state as State) === 'D') break;
    monthStart = firstDayOfMonth(m);
    monthEnd = Math.min(lastDayOfMonth(m), frame.asOfDay - 1);
    const cyc = frame.cycle(m);
    if (person.deathDay !== NO_DAY && person.deathDay <= monthEnd) {
      if (state === 'E') closeSpell(person.deathDay, 'death');
      if (state === 'F') endFlex(person.deathDay);
      if (state === 'U') endRegistration(person.deathDay);
      state = 'D';
      break;
    }
    if ((state === 'E' || state === 'U' || state === 'F' || state === 'N') && m >= retireM) {
      if (state === 'E') closeSpell(monthEnd, 'retirement');
      if (state === 'F') endFlex(monthEnd);
      if (state === 'U') endRegistration(monthEnd);
      retire(m);
      state = 'R';
      continue;
    }
    switch (state) {
      case 'child':
        if (m >= person.schoolEndMonth && ageAt(m) >= 16) {
          state = 'U';
          register('job_seeker', dayIn() + rng.int(0, 60), m, false);
        }
        break;
      case 'E': {
        const s = current();
        const dereg = t.deregDay[s.employer];
        if (dereg <= monthEnd) {
          closeSpell(Math.max(s.start, dereg - 1), 'involuntary');
          state = 'U';
          register('unemployed', s.end + rng.int(1, 30), m, true);
        } else if (moves.has(m) || (h.mobile && rng.chance(0.02))) {
          const end = Math.max(s.start + 1, dayIn());
          const from = t.region[s.employer];
          closeSpell(end, 'voluntary');
          const next = frame.safeDay(end + rng.int(1, 10));
          if (next >= frame.asOfDay - 1 || !openSpell(next, m, from)) state = 'U';
        } else if (rng.chance(lab.monthlySeparation * (2 - cyc) * (ageAt(m) < 30 ? 1.5 : 1))) {
          const end = Math.max(s.start + 1, dayIn());
          const involuntary = rng.chance(lab.involuntaryShare * (2 - cyc));
          closeSpell(end, involuntary ? 'involuntary' : 'voluntary');
          const next = frame.safeDay(end + rng.int(3, 30));
          if (!involuntary && rng.chance(lab.directJobChangeShare) && next < frame.asOfDay - 1 && openSpell(next, m)) break;
          state = rng.chance(0.1) ? 'N' : 'U';
          if (state === 'U') register('unemployed', end + rng.int(1, 30), m, involuntary);
        } else if (monthOfYear(m) === 1) {
          s.wage = Math.round((s.wage * (1 + p.wages.annualGrowth + 0.02 * rng.normal())) / 10) * 10;
        }
        if (state === 'E') h.contributionYears += 1 / 12;
        break;
      }
      case 'U': {
        const reg = h.registrations[h.registrations.length - 1];
        const find = lab.monthlyJobFinding * cyc * (longTerm ? 0.08 : 1) * (reg && reg.type === 'job_seeker' ? 1.4 : 1);
        if (rng.chance(find)) {
          const day = Math.max(dayIn(), reg ? reg.start + 1 : 0);
          if (day < frame.asOfDay - 1 && openSpell(frame.safeDay(day), m)) {
            endRegistration(current().start - 1);
            state = 'E';
          }
        } else if (reg && reg.wantsBusiness && rng.chance(lab.startBusinessMonthly)) {
          const day = Math.max(dayIn(), reg.start + 1);
          endRegistration(day - 1);
          startFlex(frame.safeDay(day), { day: frame.safeDay(day), industry: rng.pick(['F', 'H', 'O', 'L', 'R']) });
          state = 'F';
        } else if (rng.chance(0.01)) {
          const day = dayIn();
          endRegistration(day);
          startFlex(day + 1, null);
          state = 'F';
        } else if (!longTerm && reg && rng.chance(0.02)) {
          endRegistration(dayIn());
          state = 'N';
        }
        break;
      }
      case 'F':
        h.contributionYears += 1 / 12;
        if (rng.chance(0.008)) {
          const day = dayIn();
          if (day < frame.asOfDay - 2 && openSpell(frame.safeDay(day + 1), m)) {
            endFlex(current().start - 1);
            state = 'E';
          }
        }
        break;
      case 'N':
        if (ageAt(m) < 55 && rng.chance(0.003)) {
          state = 'U';
          register('job_seeker', dayIn(), m, false);
        }
        break;
    }
  }
  return h;
}
