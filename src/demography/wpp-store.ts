import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { AppError } from '../platform/errors.ts';
import {
  concatSeries,
  parseTsv,
  toAgePeriodTable,
  toPeriodSeries,
  toPopulationTable,
  type TsvTable,
  type WppData,
} from './wpp-data.ts';

/** Reads the WPP 2019 China tables from `<sharedDataDir>/wpp2019-china/`. */
export async function readWpp(sharedDataDir: string): Promise<WppData> {
  const dir = join(sharedDataDir, 'wpp2019-china');
  const read = async (name: string): Promise<TsvTable> => {
    try {
      return parseTsv(await readFile(join(dir, `${name}.tsv`), 'utf8'));
    } catch (cause) {
      throw new AppError(
        'FILE_UNREADABLE',
        {
          zh: `无法读取人口数据文件 ${name}.tsv（目录 ${dir}），请检查 RENSHE_SHARED_DATA 设置。`,
          en: `Cannot read population table ${name}.tsv in ${dir}; check RENSHE_SHARED_DATA.`,
        },
        { cause },
      );
    }
  };
  const names = [
    'popM', 'popF', 'popMprojLow', 'popFprojLow', 'popMprojMed', 'popFprojMed', 'popMprojHigh', 'popFprojHigh',
    'mxM', 'mxF', 'tfr', 'tfrprojMed', 'percentASFR', 'sexRatio', 'migration', 'e0M', 'e0Mproj', 'e0F', 'e0Fproj',
  ] as const;
  const t = Object.fromEntries(await Promise.all(names.map(async (n) => [n, await read(n)] as const))) as Record<
    (typeof names)[number],
    TsvTable
  >;
  const pop = (n: keyof typeof t) => toPopulationTable(t[n]);
  return {
    pop: { male: pop('popM'), female: pop('popF') },
    popProjection: {
      low: { male: pop('popMprojLow'), female: pop('popFprojLow') },
      medium: { male: pop('popMprojMed'), female: pop('popFprojMed') },
      high: { male: pop('popMprojHigh'), female: pop('popFprojHigh') },
    },
    mx: { male: toAgePeriodTable(t.mxM), female: toAgePeriodTable(t.mxF) },
    tfr: concatSeries(toPeriodSeries(t.tfr), toPeriodSeries(t.tfrprojMed)),
    percentAsfr: toAgePeriodTable(t.percentASFR),
    sexRatioAtBirth: toPeriodSeries(t.sexRatio),
    migration: toPeriodSeries(t.migration),
    e0: {
      male: concatSeries(toPeriodSeries(t.e0M), toPeriodSeries(t.e0Mproj)),
      female: concatSeries(toPeriodSeries(t.e0F), toPeriodSeries(t.e0Fproj)),
    },
  };
}
