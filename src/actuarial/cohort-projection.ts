import type { DemographicInputs } from './demographic-inputs.ts';
import { valueAt, type Schedule } from './schedule.ts';

export interface PopulationAssumptions {
  fertilityMultiplier: Schedule;
  mortalityMultiplier: number;
  migrationMultiplier: number;
  migrationAges: [number, number];
  scale: number;
}

/** Population by single age (0..100+) and sex on 1 July of each projection year, already scaled. */
export interface PopulationPath {
  firstYear: number;
  male: Float64Array[];
  female: Float64Array[];
  births: number[];
}

const AGES = 101;

/**
 * Cohort-component projection by single year of age and sex. From year t to t+1: each age survives with
 * q = m / (1 + m/2) (deaths spread evenly over the year), the open group 100+ keeps its survivors; births are
 * the fertility schedule applied to women exposed half a year of mortality, split by the sex ratio at birth,
 * and newborns lose 90 % of the infant q by 1 July (infant deaths cluster in the first months); net migrants
 * are spread evenly over `migrationAges`, half of each sex.
 */
export function projectPopulation(demo: DemographicInputs, a: PopulationAssumptions, years: number): PopulationPath {
  const male: Float64Array[] = [Float64Array.from(demo.basePopulation.male, (v) => v * a.scale)];
  const female: Float64Array[] = [Float64Array.from(demo.basePopulation.female, (v) => v * a.scale)];
  const births: number[] = [];
  const [mLo, mHi] = a.migrationAges;
  const migrantAges = mHi - mLo + 1;
  const last = demo.mx.male.length - 1;
  for (let i = 0; i < years; i++) {
    const r = Math.min(i, last);
    const year = demo.firstYear + i;
    const m = male[i];
    const f = female[i];
    const q = (mx: number) => {
      const x = mx * a.mortalityMultiplier;
      return x / (1 + 0.5 * x);
    };
    const mxM = demo.mx.male[r];
    const mxF = demo.mx.female[r];
    const fert = demo.fertility[r];
    const fm = valueAt(a.fertilityMultiplier, year);
    let b = 0;
    for (let age = 15; age < 50; age++) b += fert[age] * fm * f[age] * (1 - 0.5 * q(mxF[age]));
    const srb = demo.srb[r];
    const nm = new Float64Array(AGES);
    const nf = new Float64Array(AGES);
    for (let age = 1; age < AGES; age++) {
      nm[age] = m[age - 1] * (1 - q(mxM[age - 1]));
      nf[age] = f[age - 1] * (1 - q(mxF[age - 1]));
    }
    nm[AGES - 1] += m[AGES - 1] * (1 - q(mxM[AGES - 1]));
    nf[AGES - 1] += f[AGES - 1] * (1 - q(mxF[AGES - 1]));
    nm[0] = ((b * srb) / (1 + srb)) * (1 - 0.9 * q(mxM[0]));
    nf[0] = (b / (1 + srb)) * (1 - 0.9 * q(mxF[0]));
    const perAge = (demo.migration[r] * a.migrationMultiplier * a.scale) / migrantAges / 2;
    for (let age = mLo; age <= mHi; age++) {
      nm[age] = Math.max(0, nm[age] + perAge);
      nf[age] = Math.max(0, nf[age] + perAge);
    }
    births.push(b);
    male.push(nm);
    female.push(nf);
  }
  return { firstYear: demo.firstYear, male, female, births };
}

export function totalPopulation(path: PopulationPath, i: number): number {
  let s = 0;
  for (let age = 0; age < AGES; age++) s += path.male[i][age] + path.female[i][age];
  return s;
}
