import { seededRandom, type Random } from '../platform/clock.ts';
import { entities } from '../model/entities.ts';
import type { WppData } from '../demography/wpp.ts';
import { dayOf } from './calendar.ts';
import { buildCityFrame, type CityRegions, type GenerateOptions, type OccupationIndex } from './city-frame.ts';
import { generateEmployers } from './employers.ts';
import { Counters, type GeneratorContext, type TruthSink } from './generator-context.ts';
import type { GeneratorParams } from './generator-params.ts';
import { emitHousehold } from './household-rows.ts';
import { planHouseholds } from './households.ts';
import { IdAllocator } from './id-allocator.ts';
import { emitMacro, emitVacancies, generateCourses } from './market-rows.ts';
import { truthWindows } from './person-truth.ts';
import { emitEmployerCases } from './relations-rows.ts';
import { RowEmitter, type RowSink } from './row-emitter.ts';
import { fileOf } from './file-layout.ts';
import type { DefectKind } from './defect-kinds.ts';

export interface GenerateInputs {
  params: GeneratorParams;
  regions: CityRegions;
  occupations: OccupationIndex;
  wpp: WppData;
}

export interface GenerateHooks {
  /** Called between chunks of persons; awaiting it lets a progress bar draw. */
  progress?(done: number, total: number): Promise<void> | void;
}

export interface GenerateResult {
  /** Persons drawn for the window start (newborns come on top). */
  persons: number;
  personRows: number;
  employers: number;
  rows: Record<string, number>;
}

const CHUNK = 2000;

/**
 * Generates the synthetic city: employers, training courses, households and persons (each with a life course
 * and all the rows it leaves in the bureau's systems), then inspections, vacancies and the macro feed, and the
 * ground truth. Deterministic for a seed: each household and employer has its own forked random stream.
 */
export async function generateCity(inputs: GenerateInputs, options: GenerateOptions, sink: RowSink, truth: TruthSink, hooks: GenerateHooks = {}): Promise<GenerateResult> {
  const frame = buildCityFrame(inputs.params, options, inputs.regions, inputs.occupations, inputs.wpp);
  const root = seededRandom(options.seed);
  const ids = new IdAllocator();
  const unknownBirth = (r: Random) => dayOf(r.int(1960, 2000), r.int(1, 12), r.int(1, 28));
  const emitter = new RowEmitter(entities, fileOf, sink, options.defectRate, inputs.params.defects.kindWeights as Partial<Record<DefectKind, number>>, root.fork('defects'), {
    personId: (r) => ids.unknownPersonId(r, frame.districtPicker.pick(r), unknownBirth(r)),
    employerCode: (r) => ids.unknownEmployerCode(r, frame.districtPicker.pick(r)),
  });
  const months = frame.asOfMonth - frame.firstMonth + 1;
  const g: GeneratorContext = {
    frame,
    employers: generateEmployers(frame, ids, emitter, root.fork('employers')),
    emitter,
    ids,
    counters: new Counters(),
    stats: { contributors: new Float64Array(months), registeredUnemployed: new Float64Array(months) },
    windows: truthWindows(frame),
    courses: [],
    truth,
  };
  g.courses = generateCourses(g, root.fork('courses'));

  let drawn = 0;
  let personRows = 0;
  for (let chunk = 0; drawn < options.persons; chunk++) {
    const size = Math.min(CHUNK, options.persons - drawn);
    const plans = planHouseholds(frame, root.fork(`households:${chunk}`), size);
    plans.forEach((plan, k) => {
      personRows += emitHousehold(g, plan, root.fork(`household:${chunk}:${k}`));
    });
    drawn += size;
    await hooks.progress?.(drawn, options.persons);
  }

  emitEmployerCases(g, root.fork('cases'));
  emitVacancies(g, root.fork('vacancies'));
  emitMacro(g, root.fork('macro'));
  const t = g.employers;
  for (let e = 0; e < t.count; e++) {
    if (!t.loaded[e]) continue;
    const active = t.regDay[e] <= frame.asOfDay && t.deregDay[e] > frame.asOfDay;
    if (active && t.regDay[e] > g.windows.minus12) truth.add('new_employer', t.code[e]);
    if (t.complaints12m[e] > 0 || t.openComplaints[e] > 0 || t.wageDisputes12m[e] > 0 || t.unpaidDue[e] > 0) {
      truth.add('employer_wage_arrears_risk', t.code[e]);
    }
    if (t.penaltiesPrevYear[e] >= 3 || t.seriousPrevYear[e] >= 1) truth.add('employer_grade_c', t.code[e]);
  }
  return {
    persons: options.persons,
    personRows,
    employers: t.count,
    rows: Object.fromEntries(entities.map((e) => [e.name, emitter.rowCount(e.name)])),
  };
}
