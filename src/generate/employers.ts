import type { Random } from '../platform/clock.ts';
import { dayOf, formatDay, yearOfMonth, addMonthsToDay, firstDayOfMonth } from './calendar.ts';
import type { CityFrame } from './city-frame.ts';
import { makeEmployerName } from './chinese-names.ts';
import type { IdAllocator } from './id-allocator.ts';
import type { RowEmitter } from './row-emitter.ts';
import { WeightedPicker } from './weighted-picker.ts';

export const NO_DAY = 2_000_000_000;

const SUFFIX: Record<string, string> = {
  A: '农业', B: '矿业', C: '制造', D: '能源', E: '建筑工程', F: '商贸', G: '物流', H: '餐饮管理', I: '信息技术',
  J: '金融服务', K: '房地产开发', L: '商务服务', M: '科技', N: '环境工程', O: '家政服务', P: '教育咨询', Q: '医疗',
  R: '文化传媒', S: '社会服务', T: '国际交流',
};

/** Compact columns of what later stages need about employers (one entry per employer row). */
export interface EmployerTable {
  count: number;
  code: string[];
  region: string[];
  industry: string[];
  name: string[];
  regDay: Int32Array;
  deregDay: Int32Array;
  wageFactor: Float32Array;
  riskClass: Uint8Array;
  risky: Uint8Array;
  gradeC: Uint8Array;
  /** First month whose contributions the employer leaves unpaid (arrears), or NO_DAY. */
  arrearsFrom: Int32Array;
  loaded: Uint8Array;
  byIndustry: Map<string, WeightedPicker<number>>;
  all: WeightedPicker<number>;
  /** Accumulated while persons are generated. */
  headcount: Uint32Array;
  complaints12m: Uint32Array;
  unpaidDue: Uint32Array;
  openComplaints: Uint32Array;
  wageDisputes12m: Uint32Array;
  penaltiesPrevYear: Uint8Array;
  seriousPrevYear: Uint8Array;
}

/** Generates the employers, writes their rows and the business-registration feed, returns the table. */
export function generateEmployers(frame: CityFrame, ids: IdAllocator, emitter: RowEmitter, rng: Random): EmployerTable {
  const p = frame.params;
  const n = Math.max(5, Math.round(frame.options.persons / p.employers.personsPerEmployer));
  const sizePicker = WeightedPicker.fromRecord(p.employers.sizeShares);
  const riskyWeights = p.relations.riskyIndustries;
  const meanRiskyWeight =
    frame.industries.reduce((s, c) => s + (riskyWeights[c] ?? 0.3) * p.industries[c].employerShare, 0) /
    frame.industries.reduce((s, c) => s + p.industries[c].employerShare, 0);
  const t: EmployerTable = {
    count: n, code: [], region: [], industry: [], name: [],
    regDay: new Int32Array(n), deregDay: new Int32Array(n).fill(NO_DAY), wageFactor: new Float32Array(n),
    riskClass: new Uint8Array(n), risky: new Uint8Array(n), gradeC: new Uint8Array(n), arrearsFrom: new Int32Array(n).fill(NO_DAY),
    loaded: new Uint8Array(n), byIndustry: new Map(), all: new WeightedPicker([0], [1]),
    headcount: new Uint32Array(n), complaints12m: new Uint32Array(n), unpaidDue: new Uint32Array(n),
    openComplaints: new Uint32Array(n), wageDisputes12m: new Uint32Array(n),
    penaltiesPrevYear: new Uint8Array(n), seriousPrevYear: new Uint8Array(n),
  };
  const weights = new Float64Array(n);
  const yearAgo = addMonthsToDay(frame.asOfDay, -12);
  const windowStart = firstDayOfMonth(frame.firstMonth);
  const [lo, hi] = p.employers.foundedYearRange;
  const prevYearStart = dayOf(yearOfMonth(frame.asOfMonth) - 1, 1, 1);

  for (let i = 0; i < n; i++) {
    const r = rng.fork(`employer:${i}`);
    const industry = frame.employerIndustryPicker.pick(r);
    const ownership = frame.ownershipPickers.get(industry)!.pick(r);
    const individual = ownership === 'individual';
    const size = individual ? 'micro' : sizePicker.pick(r);
    const region = frame.districtPicker.pick(r);
    let regDay: number;
    const isNew = r.chance(p.employers.newShareLast12Months);
    if (isNew) regDay = r.int(yearAgo + 2, frame.asOfDay - 1);
    else {
      const year = Math.min(hi, lo + Math.floor((hi - lo + 1) * Math.sqrt(r.next())));
      regDay = Math.min(dayOf(year, r.int(1, 12), r.int(1, 28)), yearAgo - 2);
    }
    const risky = r.chance((p.relations.riskyEmployerShare * (riskyWeights[industry] ?? 0.3)) / meanRiskyWeight);
    const gradeC = risky && !individual && regDay < prevYearStart && r.chance(p.relations.gradeCEmployerShare / p.relations.riskyEmployerShare);
    const small = size === 'micro' || size === 'small';
    if (!isNew && !gradeC && small && r.chance(p.employers.deregisteredShareInWindow)) {
      const from = Math.max(regDay + 90, windowStart);
      if (from < frame.asOfDay - 30) t.deregDay[i] = r.int(from, frame.asOfDay - 30);
    }
    if (!individual && r.chance(p.contributions.arrears.employerShare * (risky ? 3 : 1))) {
      const [a, b] = p.contributions.arrears.monthsRange;
      t.arrearsFrom[i] = frame.asOfMonth - r.int(a, b) + 1;
    }
    const code = ids.employerCode(region, individual);
    const name = makeEmployerName(r, frame.city.name, SUFFIX[industry] ?? '', individual);
    const repBirth = dayOf(r.int(1958, 1998), r.int(1, 12), r.int(1, 28));
    const legalRep = ids.outsiderId(r, r.chance(0.8) ? region : frame.districtPicker.pick(r), repBirth);
    t.code.push(code);
    t.region.push(region);
    t.industry.push(industry);
    t.name.push(name);
    t.regDay[i] = regDay;
    t.wageFactor[i] = Math.exp(0.15 * r.normal() - 0.011);
    t.riskClass[i] = p.industries[industry].injuryRiskClass;
    t.risky[i] = risky ? 1 : 0;
    t.gradeC[i] = gradeC ? 1 : 0;
    weights[i] = (p.employers.sizeWeights[size] ?? 1) * Math.exp(0.3 * r.normal()) * (ownership === 'public' ? 3 : 1);
    const loaded = emitter.emit('employer', [
      code, name, industry, ownership, region, formatDay(regDay),
      t.deregDay[i] === NO_DAY ? '' : formatDay(t.deregDay[i]), size, legalRep, String(t.riskClass[i]),
    ]);
    t.loaded[i] = loaded ? 1 : 0;
    if (regDay >= windowStart) {
      emitter.emit('business_registration', [code, name, formatDay(regDay), legalRep, industry, individual ? '是' : '否', region]);
    }
  }
  for (const industry of frame.industries) {
    const idx: number[] = [];
    for (let i = 0; i < n; i++) if (t.industry[i] === industry) idx.push(i);
    if (idx.length > 0) t.byIndustry.set(industry, new WeightedPicker(idx, idx.map((i) => weights[i])));
  }
  t.all = new WeightedPicker(Array.from({ length: n }, (_, i) => i), Array.from(weights));
  return t;
}

/**
 * An employer of the industry that is open on `day` (registered and not closing within a month), optionally
 * in a region other than `notRegion`; never one whose row is quarantined when `avoidBad` (so a row cannot be
 * both a person cascade and an employer cascade). Falls back to any open employer.
 */
export function pickEmployer(
  t: EmployerTable,
  rng: Random,
  industry: string,
  day: number,
  options: { notRegion?: string; avoidBad?: Set<string> } = {},
): number {
  const ok = (i: number) =>
    t.regDay[i] <= day &&
    t.deregDay[i] > day + 31 &&
    (options.notRegion === undefined || t.region[i] !== options.notRegion) &&
    !(options.avoidBad && options.avoidBad.has(t.code[i]));
  const picker = t.byIndustry.get(industry);
  for (let k = 0; k < 12 && picker; k++) {
    const i = picker.pick(rng);
    if (ok(i)) return i;
  }
  for (let k = 0; k < 200; k++) {
    const i = t.all.pick(rng);
    if (ok(i)) return i;
  }
  for (let i = 0; i < t.count; i++) if (ok(i)) return i;
  return -1;
}
