import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aTempDb } from '../support/temp-db.ts';
import type { Database } from '../../src/platform/database.ts';

/** The driver contract ingest relies on: stage in a session, write in one transaction on the same connection. */
describe('Database sessions and transactions (DuckDB)', () => {
  let t: Awaited<ReturnType<typeof aTempDb>>;
  let db: Database;
  beforeAll(async () => {
    t = await aTempDb();
    db = t.db;
    await db.run(`CREATE TABLE kept (n INTEGER)`);
  });
  afterAll(async () => t.dispose());

  const count = async () => (await db.query<{ n: number }>(`SELECT count(*) AS n FROM kept`))[0].n;

  it('lets a transaction inside a session read the temp tables the session staged, and commits', async () => {
    await db.session(async (s) => {
      await s.run(`CREATE TEMP TABLE staged AS SELECT range AS n FROM range(5)`);
      await s.transaction((tx) => tx.run(`INSERT INTO kept SELECT n FROM staged`));
    });
    expect(await count()).toBe(5);
    // The temp table lived on the session's own connection only.
    await expect(db.query(`SELECT * FROM staged`)).rejects.toThrow();
  });

  it('rolls back the session transaction on a throw and leaves nothing half-written', async () => {
    await expect(
      db.session(async (s) => {
        await s.run(`CREATE TEMP TABLE staged AS SELECT range AS n FROM range(3)`);
        await s.transaction(async (tx) => {
          await tx.run(`INSERT INTO kept SELECT n FROM staged`);
          throw new Error('stop');
        });
      }),
    ).rejects.toThrow('stop');
    expect(await count()).toBe(5);
  });

  it('joins an open transaction instead of opening another, so an inner throw rolls back the outer work', async () => {
    await expect(
      db.transaction(async (tx) => {
        await tx.run(`INSERT INTO kept VALUES (100)`);
        await tx.session((s) => s.transaction((inner) => inner.run(`INSERT INTO kept VALUES (101)`)));
        expect((await tx.query<{ n: number }>(`SELECT count(*) AS n FROM kept`))[0].n).toBe(7);
        throw new Error('undo');
      }),
    ).rejects.toThrow('undo');
    expect(await count()).toBe(5);
  });
});
