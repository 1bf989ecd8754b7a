import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildFacts } from '../../src/facts/facts-store.ts';
import { analyseRule } from '../../src/tags/rule-check.ts';
import { compileRule } from '../../src/tags/rule-compile.ts';
import type { Database } from '../../src/platform/database.ts';
import { aPerson, aStore, insert } from './tags-builders.ts';

/** Rule text is the attack surface: every hostile rule is refused, or compiles to a harmless filter. */
describe('SQL injection through rule text, against a real DuckDB', () => {
  let db: Database;
  let cleanup: () => Promise<void>;
  beforeAll(async () => {
    ({ db, cleanup } = await aStore());
    await insert(db, 'person', [aPerson({ residence_region: '510104' }), aPerson({ residence_region: '510105' }), aPerson({ name: "O'Brien" })]);
    await buildFacts(db, { asOf: '2026-10-31' });
  });
  afterAll(async () => cleanup());

  const count = async (text: string): Promise<number | 'refused'> => {
    const r = analyseRule(text, { subject: 'person', tags: new Set() });
    if (!r.ok) return 'refused';
    const c = compileRule(r.expr, { subject: 'person', alias: 'f', paramPrefix: '', asOf: '2026-10-31', tagSql: () => 'false' });
    const [row] = await db.query<{ n: number }>(`SELECT count(*) AS n FROM person_fact f WHERE ${c.sql}`, c.params);
    return row.n;
  };

  const refused = [
    "'; drop table person; --",
    '1) or (1=1',
    'age > 1; drop table person',
    'age > 1 -- and age < 0',
    'age > 1 /* comment */',
    'age > 1 union select * from person',
    'age > (select 1)',
    'f.age > 1',
    'person.age > 1',
    '"age" > 1',
    'age > 1 or 1=1',
    "region = '510104' or 'a' = 'a'",
    'age > 1 ＯＲ 1=1',
    'аge > 1', // Cyrillic а
    'age\u200b > 1', // zero-width space
    'age > 1 \u202e or true', // right-to-left override
    'age > 0x10',
    'age > 1e3',
    "region = '510104'' or ''1''=''1",
    'tag:x; drop table person',
    'age > 1 and sleep(10)',
    'region = char(39)',
    'age >= \\1',
    '`age` > 1',
    "region = E'\\x27'",
    'age > $1',
    'age > ?',
  ];

  it('refuses hostile or malformed rules before any SQL is built', async () => {
    for (const text of refused) expect(await count(text), text).toBe('refused');
  });

  it('treats quotes, comment markers and statements inside strings as plain data', async () => {
    expect(await count("region = '510104'")).toBe(2);
    expect(await count("region = '510104'' or ''1''=''1'")).toBe(0);
    expect(await count("region = '''; drop table person; --'")).toBe(0);
    expect(await count("region in ('510104'')) or true --', '510105')")).toBe(1);
    expect(await count("region = '510104\\' or 1=1 --'")).toBe('refused'); // a backslash does not escape: the string ends there
    expect(await count("region = '５１０１０４'")).toBe(0);
    expect(await count("region = '510104\u0000'")).toBe(0);
    expect(await count("region != 'x'' union select 1 --'")).toBe(3);
  });

  it('leaves the store intact afterwards', async () => {
    const [{ n }] = await db.query<{ n: number }>('SELECT count(*) AS n FROM person');
    expect(n).toBe(3);
    const [{ m }] = await db.query<{ m: number }>('SELECT count(*) AS m FROM person_fact');
    expect(m).toBe(3);
  });
});
