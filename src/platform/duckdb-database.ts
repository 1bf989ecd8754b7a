import {
  BIGINT,
  BOOLEAN,
  DATE,
  DOUBLE,
  DuckDBConnection,
  DuckDBDataChunk,
  DuckDBDateValue,
  DuckDBInstance,
  INTEGER,
  VARCHAR,
  type DuckDBType,
  type DuckDBValue,
} from '@duckdb/node-api';
import { AppError } from './errors.ts';
import type { AppendColumn, Database, Row, SqlParams } from './database.ts';

const typeByName: Record<AppendColumn['type'], DuckDBType> = {
  VARCHAR,
  INTEGER,
  BIGINT,
  DOUBLE,
  BOOLEAN,
  DATE,
};

const CHUNK_ROWS = 2048;

function toPlain(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (typeof value === 'bigint') {
    return value <= BigInt(Number.MAX_SAFE_INTEGER) && value >= BigInt(Number.MIN_SAFE_INTEGER) ? Number(value) : value.toString();
  }
  if (value instanceof Date) {
    const iso = value.toISOString();
    return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso;
  }
  if (Array.isArray(value)) return value.map(toPlain);
  if (typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) out[k] = toPlain(v);
    return out;
  }
  return value;
}

function toDuckValue(value: string | number | boolean | null, type: AppendColumn['type']): DuckDBValue {
  if (value === null) return null;
  if (type === 'DATE') return DuckDBDateValue.fromParts(parseDateParts(String(value)));
  if (type === 'BIGINT') return BigInt(value as number);
  return value;
}

function parseDateParts(iso: string): { year: number; month: number; day: number } {
  return { year: Number(iso.slice(0, 4)), month: Number(iso.slice(5, 7)), day: Number(iso.slice(8, 10)) };
}

/** A connection that tracks statement progress for long loads and builds (read with `progress()`); DuckDB never prints it. */
async function connect(instance: DuckDBInstance): Promise<DuckDBConnection> {
  const connection = await instance.connect();
  await connection.run(`SET enable_progress_bar = true; SET enable_progress_bar_print = false; SET progress_bar_time = 0`);
  return connection;
}

class DuckDatabase implements Database {
  /** One connection runs one statement at a time; concurrent callers (HTTP requests) queue here. */
  private queue: Promise<unknown> = Promise.resolve();

  private serial<T>(work: () => Promise<T>): Promise<T> {
    const next = this.queue.then(work, work);
    this.queue = next.catch(() => undefined);
    return next;
  }

  constructor(
    private readonly instance: DuckDBInstance,
    private readonly connection: DuckDBConnection,
    readonly path: string,
    /** The owner closes the instance; a session or transaction only borrows a connection. */
    private readonly role: 'owner' | 'session' | 'transaction',
  ) {}

  query<T = Row>(sql: string, params?: SqlParams): Promise<T[]> {
    return this.serial(async () => {
      try {
        const reader = await this.connection.runAndReadAll(sql, params as never);
        return reader.getRowObjectsJS().map((r) => toPlain(r) as T);
      } catch (cause) {
        throw dbError(sql, cause);
      }
    });
  }

  run(sql: string, params?: SqlParams): Promise<void> {
    return this.serial(async () => {
      try {
        await this.connection.run(sql, params as never);
      } catch (cause) {
        throw dbError(sql, cause);
      }
    });
  }

  async transaction<T>(fn: (tx: Database) => Promise<T>): Promise<T> {
    // Nested work joins the transaction already open; a session begins one on its own connection.
    if (this.role === 'transaction') return fn(this);
    if (this.role === 'session') return this.inTransaction(this.connection, fn);
    const connection = await connect(this.instance);
    try {
      return await this.inTransaction(connection, fn);
    } finally {
      connection.closeSync();
    }
  }

  private async inTransaction<T>(connection: DuckDBConnection, fn: (tx: Database) => Promise<T>): Promise<T> {
    const tx = new DuckDatabase(this.instance, connection, this.path, 'transaction');
    await tx.run('BEGIN TRANSACTION');
    try {
      const result = await fn(tx);
      await tx.run('COMMIT');
      return result;
    } catch (e) {
      await connection.run('ROLLBACK').catch(() => undefined);
      throw e;
    }
  }

  async session<T>(fn: (session: Database) => Promise<T>): Promise<T> {
    // Inside a session or a transaction the work stays on that connection (and in that transaction).
    if (this.role !== 'owner') return fn(this);
    const connection = await connect(this.instance);
    try {
      return await fn(new DuckDatabase(this.instance, connection, this.path, 'session'));
    } finally {
      connection.closeSync();
    }
  }

  progress(): number | null {
    const p = this.connection.progress.percentage;
    return p >= 0 ? p : null;
  }

  append(table: string, columns: AppendColumn[]): Promise<void> {
    return this.serial(() => this.appendNow(table, columns));
  }

  private async appendNow(table: string, columns: AppendColumn[]): Promise<void> {
    if (columns.length === 0) return;
    const rows = columns[0].values.length;
    const types = columns.map((c) => typeByName[c.type]);
    try {
      const appender = await this.connection.createAppender(table);
      for (let start = 0; start < rows; start += CHUNK_ROWS) {
        const size = Math.min(CHUNK_ROWS, rows - start);
        const chunk = DuckDBDataChunk.create(types, size);
        columns.forEach((c, i) => {
          const values: DuckDBValue[] = new Array(size);
          for (let r = 0; r < size; r++) values[r] = toDuckValue(c.values[start + r], c.type);
          chunk.setColumnValues(i, values);
        });
        appender.appendDataChunk(chunk);
      }
      appender.flushSync();
      appender.closeSync();
    } catch (cause) {
      throw dbError(`append ${table}`, cause);
    }
  }

  async close(): Promise<void> {
    this.connection.closeSync();
    if (this.role === 'owner') this.instance.closeSync();
  }
}

function dbError(sql: string, cause: unknown): AppError {
  const text = cause instanceof Error ? cause.message : String(cause);
  return new AppError(
    'DB_FAILED',
    { zh: `数据库操作失败：${text}`, en: `Database operation failed: ${text}` },
    { cause, details: { sql: sql.slice(0, 500) } },
  );
}

export interface OpenOptions {
  threads?: number;
  memoryLimit?: string;
}

/** Opens (or creates) the deployment's one database file; `:memory:` for throwaway use. */
export async function openDuckDatabase(path: string, options: OpenOptions = {}): Promise<Database> {
  const settings: Record<string, string> = {};
  if (options.threads) settings.threads = String(options.threads);
  if (options.memoryLimit) settings.memory_limit = options.memoryLimit;
  try {
    const instance = await DuckDBInstance.create(path, settings);
    return new DuckDatabase(instance, await connect(instance), path, 'owner');
  } catch (cause) {
    throw new AppError(
      'DB_FAILED',
      {
        zh: `无法打开数据库 ${path}：请检查路径是否可写，或是否有其他进程正在使用它。`,
        en: `Cannot open database ${path}: check that the path is writable and no other process holds it.`,
      },
      { cause },
    );
  }
}
