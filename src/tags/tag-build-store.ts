import { createHash } from 'node:crypto';
import type { Database } from '../platform/database.ts';
import type { Clock } from '../platform/clock.ts';
import { buildFacts, checkAsOf, factTable } from '../facts/facts-store.ts';
import { subjectKey, type FactSubject } from '../facts/fact-catalogue.ts';
import { compileTagColumns, tagColumn } from './tag-compile.ts';
import type { TagCatalogue } from './tag-catalogue.ts';

const tagTablesDdl = [
  `CREATE TABLE IF NOT EXISTS tag_build (
     build_id INTEGER PRIMARY KEY, as_of DATE NOT NULL, started_at TIMESTAMP NOT NULL, finished_at TIMESTAMP NOT NULL,
     persons BIGINT NOT NULL, employers BIGINT NOT NULL, tags INTEGER NOT NULL, catalogue_sha256 VARCHAR NOT NULL,
     facts_ms INTEGER, tags_ms INTEGER, snapshot_ms INTEGER, actor VARCHAR)`,
  `CREATE TABLE IF NOT EXISTS tag_definition (
     build_id INTEGER NOT NULL, tag VARCHAR NOT NULL, subject VARCHAR NOT NULL, zh VARCHAR, en VARCHAR, category VARCHAR,
     rule VARCHAR NOT NULL, PRIMARY KEY (build_id, tag))`,
  `CREATE TABLE IF NOT EXISTS tag_snapshot (build_id INTEGER NOT NULL, as_of DATE NOT NULL, tag VARCHAR NOT NULL, subject_key VARCHAR NOT NULL)`,
  `CREATE TABLE IF NOT EXISTS tag_count (build_id INTEGER NOT NULL, tag VARCHAR NOT NULL, subject VARCHAR NOT NULL, members BIGINT NOT NULL, PRIMARY KEY (build_id, tag))`,
];

export async function ensureTagTables(db: Database): Promise<void> {
  for (const sql of tagTablesDdl) await db.run(sql);
}

export interface TagBuildOptions {
  asOf: string;
  city?: string | null;
  actor?: string;
}

export interface TagBuildResult {
  buildId: number;
  asOf: string;
  persons: number;
  employers: number;
  tags: { code: string; subject: FactSubject; members: number }[];
  /** facts: person and employer facts; tags: the tag tables; snapshot: membership rows. */
  elapsedMs: { facts: number; tags: number; snapshot: number; total: number };
}

export function catalogueFingerprint(catalogue: TagCatalogue): string {
  const text = catalogue.order.map((c) => `${c}\u0000${catalogue.byCode.get(c)!.rule}`).join('\n');
  return createHash('sha256').update(text).digest('hex');
}

/** One row per subject, in the fact table's order: the key, a boolean column per tag, and for persons the
 * facts segments restrict and break down by, so the commonest counts need no join at all. */
export const tagTable: Record<FactSubject, string> = { person: 'person_tag', employer: 'employer_tag' };
export const tagTableFacts: Record<FactSubject, readonly string[]> = { person: ['region', 'sex', 'age'], employer: [] };

/**
 * Computes facts, then every tag for every person and employer as one set-based SELECT per subject into
 * `person_tag` / `employer_tag` (the key and a boolean column per tag, row for row with the fact table), and
 * appends the build's members to `tag_snapshot`. All in one transaction: readers see the old build or the new.
 */
export async function runTagBuild(db: Database, catalogue: TagCatalogue, options: TagBuildOptions, clock: Clock): Promise<TagBuildResult> {
  const asOf = checkAsOf(options.asOf);
  await ensureTagTables(db);
  const startedAt = clock.now().toISOString();
  const t0 = performance.now();
  return db.transaction(async (tx) => {
    const facts = await buildFacts(tx, { asOf, city: options.city ?? null });
    const t1 = performance.now();
    const codes: Record<FactSubject, string[]> = { person: [], employer: [] };
    for (const subject of ['person', 'employer'] as const) {
      const compiled = compileTagColumns(catalogue, subject, 'f', asOf);
      codes[subject] = compiled.codes;
      const key = subjectKey[subject];
      // Row for row with the fact table (same scan order), so readers pair them with a positional join
      // instead of a hash join: a count over tags and facts stays one aligned scan.
      await tx.run(
        `CREATE OR REPLACE TABLE ${tagTable[subject]} AS SELECT ${[`f.${key}`, ...tagTableFacts[subject].map((c) => `f.${c}`), ...compiled.columns].join(',\n  ')} FROM ${factTable[subject]} f`,
        compiled.params,
      );
      const [{ misaligned }] = await tx.query<{ misaligned: number }>(
        `SELECT count(*) AS misaligned FROM ${factTable[subject]} f POSITIONAL JOIN ${tagTable[subject]} t WHERE f.${key} IS DISTINCT FROM t.${key}`,
      );
      if (misaligned) throw new Error(`${tagTable[subject]} is not aligned with ${factTable[subject]} (${misaligned} rows)`);
    }
    const t2 = performance.now();
    const [{ next }] = await tx.query<{ next: number }>(`SELECT coalesce(max(build_id), 0) + 1 AS next FROM tag_build`);
    const buildId = next;
    for (const subject of ['person', 'employer'] as const) {
      if (codes[subject].length === 0) continue;
      const parts = codes[subject].map(
        (code, i) => `SELECT CAST($tag${i} AS VARCHAR) AS tag, ${subjectKey[subject]} AS subject_key FROM ${tagTable[subject]} WHERE "${tagColumn(code)}"`,
      );
      const params = Object.fromEntries(codes[subject].map((code, i) => [`tag${i}`, code]));
      await tx.run(
        `INSERT INTO tag_snapshot SELECT CAST($build AS INTEGER), CAST($as_of AS DATE), m.tag, m.subject_key FROM (${parts.join('\nUNION ALL\n')}) m`,
        { ...params, build: buildId, as_of: asOf },
      );
    }
    for (const code of [...codes.person, ...codes.employer]) {
      const t = catalogue.byCode.get(code)!;
      await tx.run(`INSERT INTO tag_definition VALUES ($b, $tag, $subject, $zh, $en, $category, $rule)`, {
        b: buildId, tag: t.code, subject: t.subject, zh: t.zh, en: t.en, category: t.category, rule: t.rule,
      });
    }
    await tx.run(
      `INSERT INTO tag_count SELECT d.build_id, d.tag, d.subject, count(s.subject_key) FROM tag_definition d
       LEFT JOIN tag_snapshot s ON s.build_id = d.build_id AND s.tag = d.tag WHERE d.build_id = $b GROUP BY ALL`,
      { b: buildId },
    );
    const t3 = performance.now();
    const elapsed = { facts: Math.round(t1 - t0), tags: Math.round(t2 - t1), snapshot: Math.round(t3 - t2), total: Math.round(t3 - t0) };
    await tx.run(
      `INSERT INTO tag_build VALUES ($b, $as_of::DATE, $started::TIMESTAMP, $finished::TIMESTAMP, $p, $e, $n, $sha, $fm, $tm, $sm, $actor)`,
      {
        b: buildId, as_of: asOf, started: startedAt, finished: clock.now().toISOString(), p: facts.persons, e: facts.employers,
        n: codes.person.length + codes.employer.length, sha: catalogueFingerprint(catalogue), fm: elapsed.facts, tm: elapsed.tags,
        sm: elapsed.snapshot, actor: options.actor ?? null,
      },
    );
    const counts = await tx.query<{ tag: string; subject: FactSubject; members: number }>(
      `SELECT tag, subject, members FROM tag_count WHERE build_id = $b`, { b: buildId },
    );
    const byTag = new Map(counts.map((c) => [c.tag, c.members]));
    const tags = [...codes.person.map((code) => ({ code, subject: 'person' as const })), ...codes.employer.map((code) => ({ code, subject: 'employer' as const }))]
      .map((t) => ({ ...t, members: byTag.get(t.code) ?? 0 }));
    return { buildId, asOf, persons: facts.persons, employers: facts.employers, tags, elapsedMs: elapsed };
  });
}
