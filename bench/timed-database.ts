/**
 * A `Database` that records how long each statement takes, for profiling ingest and builds statement by
 * statement. Bench-only: production code never wraps its database.
 */
import type { AppendColumn, Database, SqlParams } from '../src/platform/database.ts';

export interface StatementTiming {
  sql: string;
  ms: number;
}

export function timeStatements(db: Database, timings: StatementTiming[]): Database {
  const timed = async <T>(sql: string, work: () => Promise<T>): Promise<T> => {
    const t0 = performance.now();
    try {
      return await work();
    } finally {
      timings.push({ sql: sql.replace(/\s+/g, ' ').trim(), ms: performance.now() - t0 });
    }
  };
  return {
    path: db.path,
    query: <T>(sql: string, params?: SqlParams) => timed(sql, () => db.query<T>(sql, params)),
    run: (sql: string, params?: SqlParams) => timed(sql, () => db.run(sql, params)),
    transaction: <T>(fn: (tx: Database) => Promise<T>) => db.transaction((tx) => fn(timeStatements(tx, timings))),
    session: <T>(fn: (session: Database) => Promise<T>) => db.session((s) => fn(timeStatements(s, timings))),
    progress: () => db.progress(),
    append: (table: string, columns: AppendColumn[]) => timed(`APPEND ${table}`, () => db.append(table, columns)),
    close: () => db.close(),
  };
}
