/**
 * The one narrow driver interface every store file talks to. Only `duckdb-database.ts` knows the driver, so a
 * sharded analytical engine can stand behind the same calls later.
 */
export type SqlValue = string | number | boolean | null | bigint;
export type SqlParams = Record<string, SqlValue> | SqlValue[];
export type Row = Record<string, unknown>;

/** Column-wise data for a bulk append; values are JS scalars already in the column's type. */
export interface AppendColumn {
  name: string;
  type: 'VARCHAR' | 'INTEGER' | 'BIGINT' | 'DOUBLE' | 'BOOLEAN' | 'DATE';
  values: ReadonlyArray<string | number | boolean | null>;
}

export interface Database {
  /** Rows as plain objects: BIGINT and DECIMAL become numbers, DATE becomes `YYYY-MM-DD`, TIMESTAMP ISO text. */
  query<T = Row>(sql: string, params?: SqlParams): Promise<T[]>;
  run(sql: string, params?: SqlParams): Promise<void>;
  /**
   * Runs `fn` in one transaction; a throw rolls everything back. Outside a session the transaction gets a
   * connection of its own; inside one it runs on the session's connection, so it sees the session's temp tables;
   * inside a transaction it joins that transaction.
   */
  transaction<T>(fn: (tx: Database) => Promise<T>): Promise<T>;
  /**
   * Runs `fn` on a connection of its own without a transaction, for work that stages temp tables before a short
   * write transaction: DuckDB scans temp tables created inside a transaction several times slower. Inside a
   * session or a transaction, `fn` runs on that same connection.
   */
  session<T>(fn: (session: Database) => Promise<T>): Promise<T>;
  /** How far the statement now running on this connection is, 0–100; null when none runs or the engine cannot say. */
  progress(): number | null;
  /** Bulk load through the driver's appender (data chunks), never row-by-row INSERTs. */
  append(table: string, columns: AppendColumn[]): Promise<void>;
  close(): Promise<void>;
  readonly path: string;
}
