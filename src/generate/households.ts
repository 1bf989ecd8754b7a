import type { Random } from '../platform/clock.ts';
import { valueForAge } from './generator-params.ts';
import type { CityFrame } from './city-frame.ts';

/** A person drawn from the age-sex structure, before identity and life course are given. */
export interface Seed {
  sex: '1' | '2';
  /** Completed years at the start of the window. */
  age: number;
}

export interface HouseholdPlan {
  members: Seed[];
  /** Indexes into members of the couple, when there is one (mother, father). */
  mother: number;
  father: number;
  district: string;
  migrant: boolean;
  rural: boolean;
  hukouRegion: string;
  lowIncome: boolean;
}

/**
 * Draws `count` persons from the WPP age-sex structure and groups them into households: couples of similar
 * age, children placed with a couple whose woman is 20–42 years older, everyone else living alone. Working
 * chunk by chunk keeps the city's age-sex structure exact while memory stays bounded.
 */
export function planHouseholds(frame: CityFrame, rng: Random, count: number): HouseholdPlan[] {
  const p = frame.params.population;
  const seeds: Seed[] = [];
  for (let i = 0; i < count; i++) {
    const k = frame.ageSexPicker.pick(rng);
    const age = k % 101;
    seeds.push({ sex: k < 101 ? '1' : '2', age: age === 100 ? 100 + rng.int(0, 4) : age });
  }
  const menByAge = new Map<number, number[]>();
  seeds.forEach((s, i) => {
    if (s.sex === '1' && s.age >= 20) {
      const list = menByAge.get(s.age) ?? [];
      list.push(i);
      menByAge.set(s.age, list);
    }
  });
  const partner = new Int32Array(count).fill(-1);
  const couples: number[] = [];
  seeds.forEach((s, i) => {
    if (s.sex !== '2' || s.age < 20 || !rng.chance(valueForAge(p.marriedShareByAge as [number, number][], s.age))) return;
    const target = s.age + Math.round(2 + 2.5 * rng.normal());
    for (const d of [0, 1, -1, 2, -2, 3, -3, 4, 5, 6]) {
      const list = menByAge.get(target + d);
      if (list && list.length > 0) {
        const m = list.pop()!;
        partner[i] = m;
        partner[m] = i;
        couples.push(i);
        return;
      }
    }
  });
  const couplesByWomanAge = new Map<number, number[]>();
  couples.forEach((w, c) => {
    const list = couplesByWomanAge.get(seeds[w].age) ?? [];
    list.push(c);
    couplesByWomanAge.set(seeds[w].age, list);
  });
  const children: number[][] = couples.map(() => []);
  const placed = new Uint8Array(count);
  seeds.forEach((s, i) => {
    if (s.age >= 20 || partner[i] >= 0) return;
    const motherAge = s.age + rng.int(23, 35);
    for (const d of [0, 1, -1, 2, -2, 3, -3, 4, -4, 5, 6, 7]) {
      const list = couplesByWomanAge.get(motherAge + d);
      if (!list || list.length === 0) continue;
      const c = list[rng.int(0, list.length - 1)];
      if (children[c].length >= 3 || motherAge + d - s.age < 20 || motherAge + d - s.age > 42) continue;
      children[c].push(i);
      placed[i] = 1;
      return;
    }
  });
  const plans: HouseholdPlan[] = [];
  couples.forEach((w, c) => {
    const m = partner[w];
    placed[w] = 1;
    placed[m] = 1;
    const members = [seeds[w], seeds[m], ...children[c].map((i) => seeds[i])];
    plans.push(describe(frame, rng, members, 0, 1));
  });
  seeds.forEach((s, i) => {
    if (!placed[i]) plans.push(describe(frame, rng, [s], -1, -1));
  });
  // Interleave couples and singles so a chunk's output is not sorted by household type.
  for (let i = plans.length - 1; i > 0; i--) {
    const j = rng.int(0, i);
    [plans[i], plans[j]] = [plans[j], plans[i]];
  }
  return plans;
}

function describe(frame: CityFrame, rng: Random, members: Seed[], mother: number, father: number): HouseholdPlan {
  const p = frame.params.population;
  const head = members[0];
  const district = frame.districtPicker.pick(rng);
  const workingAge = head.age >= 18 && head.age < 55;
  const migrantChance = workingAge ? p.migrantShareOfAdults * (members.length === 1 ? 1.4 : 0.8) : head.age >= 55 ? 0.04 : 0.1;
  const migrant = rng.chance(migrantChance);
  const rural = migrant ? rng.chance(p.migrantRuralShare) : rng.chance(frame.ruralShareOf(district));
  const hukouRegion = migrant ? frame.migrantOrigin(rng, rural) : district;
  let lowIncomeChance = p.lowIncomeHouseholdShare * (rural ? 1.5 : 0.8) * (migrant ? 0.3 : 1);
  if (members.length === 1 && head.age >= 65) lowIncomeChance *= 2;
  return { members, mother, father, district, migrant, rural, hukouRegion, lowIncome: rng.chance(lowIncomeChance) };
}
