import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/platform/clock.ts';
import type { Database } from '../../src/platform/database.ts';
import { readTagCatalogue } from '../../src/tags/tag-catalogue-store.ts';
import { runTagBuild } from '../../src/tags/tag-build-store.ts';
import { readBuildChanges, readChangedMembers, readSubjectHistory, readTagCounts, readTagTrend } from '../../src/tags/tag-history-store.ts';
import { historyEvents } from '../../src/tags/tag-history.ts';
import { explainTag } from '../../src/tags/tag-explain-store.ts';
import { aContribution, aJobSeeker, aPerson, aStore, anEmployer, anEmployment, anInspection, insert, type RowOf } from './tags-builders.ts';

describe('tag builds, snapshots, changes, history and explanations', () => {
  let db: Database;
  let cleanup: () => Promise<void>;
  const catalogue = readTagCatalogue();
  const clock = fixedClock('2026-11-01T08:00:00Z');
  const mover = aPerson({ birth_date: '1990-05-05' });
  const oldie = aPerson({ birth_date: '1950-01-01' });
  const jobless = aPerson({ birth_date: '1980-03-03', sex: '2' });
  const firmA = anEmployer({ region: '510104' });
  const firmB = anEmployer({ region: '510107', registered_date: '2026-05-01' });

  beforeAll(async () => {
    ({ db, cleanup } = await aStore());
    await insert(db, 'person', [mover, oldie, jobless]);
    await insert(db, 'employer', [firmA, firmB]);
    const rows: RowOf[] = [
      aContribution({ id_number: mover.id_number, credit_code: firmA.credit_code, period: '2026-01-01', due_date: '2026-02-15', paid_date: '2026-02-10' }),
      aContribution({ id_number: mover.id_number, credit_code: firmB.credit_code, period: '2026-07-01', due_date: '2026-08-15', paid_date: '2026-08-10', region: '510107' }),
      aContribution({ id_number: mover.id_number, credit_code: firmB.credit_code, period: '2026-08-01', due_date: '2026-09-15', paid_date: null, region: '510107' }),
    ];
    await insert(db, 'contribution', rows);
    await insert(db, 'employment', [anEmployment({ id_number: mover.id_number, credit_code: firmB.credit_code, start_date: '2026-07-01' })]);
    await insert(db, 'job_seeker', [aJobSeeker({ id_number: jobless.id_number, registered_date: '2025-06-01' })]);
    await insert(db, 'inspection_case', [1, 2, 3].map((i) => anInspection({ credit_code: firmA.credit_code, opened_date: `2025-0${i}-10` })));
    await runTagBuild(db, catalogue, { asOf: '2026-06-30' }, clock);
    await runTagBuild(db, catalogue, { asOf: '2026-10-31', actor: 'test' }, clock);
  });
  afterAll(async () => cleanup());

  it('stores one build per run with counts for every tag, and the wide table has a column per tag', async () => {
    const counts = await readTagCounts(db, 2);
    expect(counts).toHaveLength(catalogue.tags.length);
    const get = (tag: string) => counts.find((c) => c.tag === tag)!;
    expect(get('mobile_worker')).toMatchObject({ subject: 'person', members: 1, previous: 0 });
    expect(get('in_arrears').members).toBe(1);
    expect(get('long_term_unemployed')).toMatchObject({ members: 1, previous: 1 });
    expect(get('vulnerable_job_seeker').members).toBe(1);
    expect(get('new_employer')).toMatchObject({ subject: 'employer', members: 1, previous: 1 });
    expect(get('employer_grade_c').members).toBe(1);
    const [{ n }] = await db.query<{ n: number }>(`SELECT count(*) AS n FROM person_tag WHERE tag_mobile_worker AND tag_under_60`);
    expect(n).toBe(1);
    expect((await readTagTrend(db, 'mobile_worker')).map((t) => t.members)).toEqual([0, 1]);
  });

  it('reports newly tagged and no-longer-tagged subjects against the previous build', async () => {
    const { previous, changes } = await readBuildChanges(db, 2);
    expect(previous).toBe(1);
    expect(changes.find((c) => c.tag === 'mobile_worker')).toMatchObject({ added: 1, removed: 0 });
    expect(changes.find((c) => c.tag === 'newly_employed')).toMatchObject({ added: 1, removed: 0 });
    expect(await readChangedMembers(db, 2, 'in_arrears', 'added', 10)).toEqual([mover.id_number]);
    const first = await readBuildChanges(db, 1);
    expect(first.previous).toBeNull();
    // The first build has nothing to compare with: every member is newly tagged.
    expect(first.changes.find((c) => c.tag === 'long_term_unemployed')).toMatchObject({ added: 1, removed: 0 });
  });

  it('keeps a person’s tag history across builds', async () => {
    const events = historyEvents(await readSubjectHistory(db, mover.id_number));
    expect(events.map((e) => e.buildId)).toEqual([1, 2]);
    expect(events[0].tags).toContain('under_60');
    expect(events[1].added).toEqual(expect.arrayContaining(['mobile_worker', 'in_arrears', 'newly_employed']));
    expect(events[1].removed).toEqual([]);
  });

  it('explains each condition and fact value of a rule for one person', async () => {
    const e = await explainTag(db, catalogue, 'mobile_worker', mover.id_number);
    expect(e.result).toBe(true);
    expect(e.stored).toBe(true);
    expect(e.asOf).toBe('2026-10-31');
    expect(e.conditions.map((c) => [c.text, c.held])).toEqual([['alive', true], ['distinct_employers_24m >= 2', true], ['distinct_regions_24m >= 2', true]]);
    expect(e.facts.find((f) => f.code === 'distinct_regions_24m')).toMatchObject({ value: 2, zh: '近24个月参保地数' });
    const no = await explainTag(db, catalogue, 'collection_reminder', oldie.id_number);
    expect(no.result).toBe(false);
    expect(no.conditions.find((c) => c.tag === 'under_60')?.held).toBe(false);
    await expect(explainTag(db, catalogue, 'mobile_worker', 'nobody')).rejects.toThrow(/No person nobody/);
  });
});
