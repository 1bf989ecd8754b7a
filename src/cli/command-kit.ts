import type { Command } from 'commander';
import type { Config } from '../platform/config.ts';
import type { Database } from '../platform/database.ts';
import type { Clock } from '../platform/clock.ts';
import { AppError, isAppError } from '../platform/errors.ts';
import { openDuckDatabase } from '../platform/duckdb-database.ts';
import { formatPrintable, type Printable } from './printer.ts';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';

/** What every `*-commands.ts` module gets from the composition root. */
export interface CliContext {
  config: Config;
  clock: Clock;
  /** Opens the configured database (or `--db`), creating its schema when new. */
  openDb(path?: string): Promise<Database>;
  /** Whether progress bars may be drawn (a TTY on stderr, not --json piping). */
  interactive: boolean;
  write(text: string): void;
}

export function fail(error: unknown, write: (s: string) => void, json: boolean): number {
  const e = isAppError(error)
    ? error
    : new AppError('INTERNAL', { zh: '内部错误，请报告此问题。', en: 'Internal error; please report it.' }, { cause: error });
  if (json) write(JSON.stringify({ error: e.toJSON() }));
  else {
    write(`错误 ${e.code}：${e.zh}\nError ${e.code}: ${e.message}`);
    if (e.code === 'INTERNAL' && e.cause) write(String((e.cause as Error).stack ?? e.cause));
  }
  return e.code === 'INPUT_INVALID' || e.code === 'FILE_UNREADABLE' || e.code === 'RULE_INVALID' ? 2 : 1;
}

/**
 * Wires a command's pure-ish runner into commander: the runner returns data, this prints it (table or --json)
 * and turns thrown AppErrors into a bilingual message and an exit code.
 */
export function defineAction<A extends unknown[]>(
  ctx: CliContext,
  run: (...args: A) => Promise<Printable>,
): (...args: unknown[]) => Promise<void> {
  return async (...args: unknown[]) => {
    const command = args[args.length - 1] as Command;
    const json = Boolean(command.optsWithGlobals().json);
    try {
      // Commander's own arguments, the command object last, so a runner can read its global options too.
      const result = await run(...(args as A));
      ctx.write(formatPrintable(result, json));
    } catch (e) {
      process.exitCode = fail(e, ctx.write, json);
    }
  };
}

/** Runs `fn` on the configured database (or the global `--db`) and closes it afterwards, also on failure. */
export async function withDb<T>(ctx: CliContext, command: Command, fn: (db: Database) => Promise<T>): Promise<T> {
  const db = await ctx.openDb(command.optsWithGlobals().db);
  try {
    return await fn(db);
  } finally {
    await db.close();
  }
}

export async function openConfiguredDb(config: Config, path?: string): Promise<Database> {
  const file = path ?? config.dbPath;
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  return openDuckDatabase(file, { threads: config.threads, memoryLimit: config.memoryLimit });
}
