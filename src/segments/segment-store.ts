import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import type { Database, SqlValue } from '../platform/database.ts';
import { AppError } from '../platform/errors.ts';
import { regionNameEnSql } from '../reference/reference-store.ts';
import { describeProblems } from '../tags/rule-problem.ts';
import type { TagCatalogue } from '../tags/tag-catalogue.ts';
import { tagColumn } from '../tags/tag-compile.ts';
import { ageBands, compileSegment, type CompiledSegment, type SegmentSpec } from './segment-spec.ts';
import type { MemberRow } from './segment-mask.ts';

export interface SegmentBasis {
  asOf: string;
  buildId: number;
}

/** The latest tag build the segment runs over; segments need `person_tag`. One query: counts are latency-bound. */
export async function readSegmentBasis(db: Database): Promise<SegmentBasis> {
  const rows = await db
    .query<{ build_id: number; as_of: string }>(`SELECT build_id, as_of FROM tag_build ORDER BY build_id DESC LIMIT 1`)
    .catch(() => []);
  if (!rows[0]) throw new AppError('NOT_FOUND', { zh: '尚未构建标签，请先运行 renshe tags build。', en: 'No tags have been built yet; run renshe tags build first.' });
  return { asOf: rows[0].as_of, buildId: rows[0].build_id };
}

/** Parses, checks and compiles; a bad expression or region is an AppError naming the position. */
export async function prepareSegment(db: Database, catalogue: TagCatalogue, spec: SegmentSpec): Promise<{ basis: SegmentBasis; segment: CompiledSegment }> {
  const basis = await readSegmentBasis(db);
  const result = compileSegment(spec, catalogue, basis.asOf);
  if (!result.ok) {
    const text = describeProblems(result.problems);
    throw new AppError('RULE_INVALID', { zh: `分群条件有误：${text.zh}`, en: `The segment is invalid: ${text.en}` }, { details: result.problems });
  }
  return { basis, segment: result.segment };
}

/**
 * Runs a segment query; a tag added to the catalogue after the last build has no column yet, which the
 * database reports as an unknown column: say so in the user's terms instead.
 */
async function querySegment<T>(db: Database, segment: CompiledSegment, sql: string, params: Record<string, SqlValue>): Promise<T[]> {
  try {
    return await db.query<T>(sql, params);
  } catch (e) {
    const text = e instanceof Error && e.cause instanceof Error ? e.cause.message : String(e);
    if (/Table with name person_tag does not exist/i.test(text)) {
      throw new AppError('NOT_FOUND', { zh: '标签需要重新构建（事实已更新），请运行 renshe tags build。', en: 'Tags need a rebuild (the facts changed); run renshe tags build.' });
    }
    const missing = segment.tags.filter((t) => text.includes(`"${tagColumn(t)}"`));
    if (missing.length) {
      throw new AppError('CONFLICT', { zh: `标签 ${missing.join('、')} 尚未构建，请运行 renshe tags build。`, en: `Tag(s) ${missing.join(', ')} not built yet; run renshe tags build.` });
    }
    throw e;
  }
}

export interface SegmentCount extends SegmentBasis {
  count: number;
  elapsedMs: number;
}

export async function countSegment(db: Database, catalogue: TagCatalogue, spec: SegmentSpec): Promise<SegmentCount> {
  const { basis, segment } = await prepareSegment(db, catalogue, spec);
  const t0 = performance.now();
  const [{ n }] = await querySegment<{ n: number }>(db, segment, `SELECT count(*) AS n FROM ${segment.from} WHERE ${segment.where}`, segment.params);
  return { count: n, elapsedMs: Math.round((performance.now() - t0) * 10) / 10, ...basis };
}

export interface Breakdowns {
  region: { key: string | null; name: string | null; nameEn: string | null; count: number }[];
  ageBand: { key: string; count: number }[];
  sex: { key: string | null; count: number }[];
}

const ageBandSql = `CASE ${ageBands.map((b) => `WHEN f.age BETWEEN ${b.lo} AND ${b.hi} THEN '${b.code}'`).join(' ')} ELSE NULL END`;

/** Counts by region, age band and sex in one scan (GROUPING SETS). */
export async function breakdownSegment(db: Database, catalogue: TagCatalogue, spec: SegmentSpec): Promise<Breakdowns & SegmentCount> {
  const { basis, segment } = await prepareSegment(db, catalogue, spec);
  const t0 = performance.now();
  const rows = await querySegment<{ region: string | null; band: string | null; sex: string | null; g_region: number; g_band: number; g_sex: number; n: number }>(
    db,
    segment,
    `SELECT f.region, ${ageBandSql} AS band, f.sex, grouping(f.region) AS g_region, grouping(band) AS g_band, grouping(f.sex) AS g_sex,
       count(*) AS n
     FROM ${segment.from} WHERE ${segment.where}
     GROUP BY GROUPING SETS ((f.region), (band), (f.sex), ())`,
    segment.params,
  );
  const elapsedMs = Math.round((performance.now() - t0) * 10) / 10;
  const regionRows = rows.filter((r) => r.g_region === 0);
  const names = await regionNames(db, regionRows.map((r) => r.region));
  const byCount = <T extends { count: number }>(a: T, b: T) => b.count - a.count;
  return {
    ...basis,
    count: rows.find((r) => r.g_region === 1 && r.g_band === 1 && r.g_sex === 1)?.n ?? 0,
    elapsedMs,
    region: regionRows
      .map((r) => ({ key: r.region, name: names.get(r.region ?? '')?.name ?? null, nameEn: names.get(r.region ?? '')?.nameEn ?? null, count: r.n }))
      .sort(byCount),
    ageBand: ageBands.map((b) => ({ key: b.code, count: rows.find((r) => r.g_band === 0 && r.band === b.code)?.n ?? 0 })),
    sex: rows.filter((r) => r.g_sex === 0).map((r) => ({ key: r.sex, count: r.n })).sort(byCount),
  };
}

async function regionNames(db: Database, codes: (string | null)[]): Promise<Map<string, { name: string; nameEn: string | null }>> {
  const [exists] = await db.query<{ n: number }>(`SELECT count(*) AS n FROM information_schema.tables WHERE table_name = 'ref_region'`);
  const wanted = codes.filter((c): c is string => c !== null);
  if (!exists.n || wanted.length === 0) return new Map();
  const rows = await db.query<{ code: string; name: string; nameEn: string | null }>(
    `SELECT r.code, r.name, ${await regionNameEnSql(db)} AS "nameEn" FROM ref_region r WHERE list_contains(CAST($codes AS VARCHAR[]), r.code)`,
    { codes: JSON.stringify(wanted) },
  );
  return new Map(rows.map((r) => [r.code, { name: r.name, nameEn: r.nameEn }]));
}

const memberColumns = `f.id_number, p.name, f.sex, f.age, f.region`;

/** A reproducible sample of members (ordered by a hash of the ID, so it is spread, not the first IDs). */
export async function sampleSegment(db: Database, catalogue: TagCatalogue, spec: SegmentSpec, size: number): Promise<MemberRow[]> {
  const { segment } = await prepareSegment(db, catalogue, spec);
  return querySegment<MemberRow>(
    db,
    segment,
    `SELECT ${memberColumns} FROM ${segment.from} LEFT JOIN person p ON p.id_number = f.id_number
     WHERE ${segment.where} ORDER BY hash(f.id_number), f.id_number LIMIT $size`,
    { ...segment.params, size },
  );
}

const csvCell = (v: unknown): string => {
  if (v === null || v === undefined) return '';
  const s = String(v);
  // A leading = + - @ would be run as a formula by spreadsheets; quote it as text.
  const safe = /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
  return /[",\n\r]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
};

/**
 * Writes every member (ID, name, phone, sex, age, region) to a UTF-8 CSV for a campaign, reading in key order
 * in batches so memory stays flat. The caller audits the export.
 */
export async function exportSegment(db: Database, catalogue: TagCatalogue, spec: SegmentSpec, file: string, batch = 50_000): Promise<{ rows: number } & SegmentBasis> {
  const { basis, segment } = await prepareSegment(db, catalogue, spec);
  const out = createWriteStream(file, { encoding: 'utf8' });
  const write = async (text: string) => {
    if (!out.write(text)) await once(out, 'drain');
  };
  await write('\ufeff身份证号 id_number,姓名 name,手机 phone,性别 sex,年龄 age,地区 region\n');
  let last = '';
  let rows = 0;
  try {
    for (;;) {
      const page = await querySegment<MemberRow & { phone: string | null }>(
        db,
        segment,
        `SELECT f.id_number, p.name, p.phone, f.sex, f.age, f.region FROM ${segment.from} LEFT JOIN person p ON p.id_number = f.id_number
         WHERE ${segment.where} AND f.id_number > $last ORDER BY f.id_number LIMIT $batch`,
        { ...segment.params, last, batch },
      );
      for (const r of page) await write(`${[r.id_number, r.name, r.phone, r.sex, r.age, r.region].map(csvCell).join(',')}\n`);
      rows += page.length;
      if (page.length < batch) break;
      last = page[page.length - 1].id_number;
    }
  } finally {
    out.end();
    await once(out, 'finish');
  }
  return { rows, ...basis };
}
