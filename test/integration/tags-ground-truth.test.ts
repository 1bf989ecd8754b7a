import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDuckDatabase } from '../../src/platform/duckdb-database.ts';
import { ensureSchema } from '../../src/platform/schema-store.ts';
import { projectRoot, readConfig } from '../../src/platform/config.ts';
import { fixedClock } from '../../src/platform/clock.ts';
import type { Database } from '../../src/platform/database.ts';
import type { CliContext } from '../../src/cli/command-kit.ts';
import { readTagCatalogue } from '../../src/tags/tag-catalogue-store.ts';
import { runTagBuild } from '../../src/tags/tag-build-store.ts';

const generatorReady = existsSync(resolve(projectRoot, 'src/generate/generate-commands.ts'));

/**
 * End to end: generate a small city (5,000 persons), ingest it as a bureau would, build the tags, and compare every tag whose
 * members the generator plants with its ground truth, member by member.
 */
describe.skipIf(!generatorReady)('tags agree with the generated city’s ground truth', () => {
  const work = mkdtempSync(join(tmpdir(), 'renshe-ground-truth-'));
  const city = join(work, 'city');
  let db: Database;
  let buildId = 0;

  beforeAll(async () => {
    const gen = spawnSync(process.execPath, ['bin/renshe.mjs', 'generate', '--persons', '5000', '--seed', '1', '--out', city, '--json'], { cwd: projectRoot, encoding: 'utf8' });
    if (gen.status !== 0) throw new Error(`generate failed: ${gen.stderr}`);
    const manifest = JSON.parse(readFileSync(join(city, 'manifest.json'), 'utf8')) as { asOf: string };
    const config = readConfig({}, { dbPath: join(work, 'city.duckdb') });
    db = await openDuckDatabase(config.dbPath);
    await ensureSchema(db);
    const { runIngest } = await import('../../src/ingest/ingest-commands.ts');
    const ctx: CliContext = { config, clock: fixedClock(`${manifest.asOf}T12:00:00Z`), interactive: false, write: () => undefined, openDb: async () => db };
    await runIngest(db, ctx, [city], {});
    buildId = (await runTagBuild(db, readTagCatalogue(), { asOf: manifest.asOf }, ctx.clock)).buildId;
    await db.run(`CREATE TABLE ground_truth AS SELECT trait, key FROM read_csv($file, header = true, all_varchar = true)`, { file: join(city, 'ground-truth.csv') });
  }, 600_000);

  afterAll(async () => {
    await db?.close();
    rmSync(work, { recursive: true, force: true });
  });

  it('has the same members as the ground truth for every planted trait', async () => {
    const rows = await db.query<{ tag: string; truth: number; tagged: number; extra: number; missing: number }>(
      `WITH g AS (SELECT trait AS tag, key FROM ground_truth),
            s AS (SELECT tag, subject_key AS key FROM tag_snapshot WHERE build_id = $b AND tag IN (SELECT trait FROM ground_truth))
       SELECT coalesce(g.tag, s.tag) AS tag, count(g.key) AS truth, count(s.key) AS tagged,
              count(*) FILTER (WHERE g.key IS NULL) AS extra, count(*) FILTER (WHERE s.key IS NULL) AS missing
       FROM g FULL JOIN s ON g.tag = s.tag AND g.key = s.key GROUP BY 1 ORDER BY 1`,
      { b: buildId },
    );
    const catalogue = readTagCatalogue();
    for (const r of rows) expect(catalogue.byCode.has(r.tag), `trait ${r.tag} has a tag`).toBe(true);
    const planted = rows.map((r) => r.tag);
    for (const trait of ['mobile_worker', 'in_arrears', 'contributions_interrupted', 'parent_of_newborn', 'newly_employed', 'pensioner', 'new_employer', 'employer_wage_arrears_risk', 'employer_grade_c', 'graduate', 'long_term_unemployed']) {
      expect(planted, trait).toContain(trait);
    }
    for (const r of rows) {
      expect({ tag: r.tag, tagged: r.tagged, extra: r.extra, missing: r.missing }).toEqual({ tag: r.tag, tagged: r.truth, extra: 0, missing: 0 });
      expect(r.truth, r.tag).toBeGreaterThan(0);
    }
  });
});
