import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDuckDatabase } from '../../src/platform/duckdb-database.ts';
import { ensureSchema } from '../../src/platform/schema-store.ts';
import type { Database } from '../../src/platform/database.ts';

/** A real DuckDB file in a fresh temp folder, with the schema; `dispose()` closes and deletes it. */
export async function aTempDb(): Promise<{ db: Database; dir: string; path: string; dispose(): Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), 'renshe-test-'));
  const path = join(dir, 'test.duckdb');
  const db = await openDuckDatabase(path, { threads: 2 });
  await ensureSchema(db);
  return {
    db,
    dir,
    path,
    dispose: async () => {
      await db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export const sharedDataDir = join(new URL('../../..', import.meta.url).pathname, 'shared/data');
