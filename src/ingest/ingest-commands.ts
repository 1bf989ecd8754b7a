import type { Command } from 'commander';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import cliProgress from 'cli-progress';
import { defineAction, withDb, type CliContext } from '../cli/command-kit.ts';
import type { Printable } from '../cli/printer.ts';
import type { Database } from '../platform/database.ts';
import { AppError } from '../platform/errors.ts';
import { loadReferenceTables } from '../reference/reference-store.ts';
import { ingestFiles, type FileSummary, type LoadPhase } from './ingest-store.ts';
import { exportQuarantine, getQuarantined, listQuarantine, loadsWithOpenRows, summariseQuarantine, type QuarantineFilter } from './quarantine-store.ts';

const SUPPORTED = /\.(csv|txt|tsv|xlsx|parquet|ndjson|jsonl)$/i;

/** A folder with a generator or export manifest loads the files it lists; any other folder, every supported file. */
export function expandPaths(paths: string[]): string[] {
  return paths.flatMap((p) => {
    if (!existsSync(p)) {
      throw new AppError('FILE_UNREADABLE', { zh: `文件不存在：${p}`, en: `No such file: ${p}` });
    }
    if (!statSync(p).isDirectory()) return [p];
    const manifest = join(p, 'manifest.json');
    if (existsSync(manifest)) {
      const m = JSON.parse(readFileSync(manifest, 'utf8')) as { files?: { file: string }[] };
      if (m.files) return m.files.map((f) => join(p, f.file));
    }
    return readdirSync(p).filter((f) => SUPPORTED.test(f)).sort().map((f) => join(p, f));
  });
}

export interface IngestRun {
  files: FileSummary[];
  totals: { files: number; rows: number; loaded: number; quarantined: number; repaired: number; superseded: number };
  elapsedMs: number;
  rowsPerSecond: number;
}

/** The share of a file's bar each phase covers: reading the file dominates, then the checks, then the write. */
const phaseShare: Record<LoadPhase, [number, number]> = { reading: [0, 0.05], staging: [0.05, 0.4], validating: [0.4, 0.7], writing: [0.7, 1], done: [1, 1] };

/** The one ingest path for the CLI, the demo and tests: reference data, then files in dependency order. */
export async function runIngest(db: Database, ctx: CliContext, paths: string[], opts: { entity?: string; force?: boolean; trace?: boolean }): Promise<IngestRun> {
  const files = expandPaths(paths);
  const started = Date.now();
  await loadReferenceTables(db, ctx.config.sharedDataDir);
  // The bar advances by bytes: each file's share moves through its phases as DuckDB reports each statement's progress.
  const sizes = new Map(files.map((f) => [f, existsSync(f) ? statSync(f).size : 0]));
  const totalBytes = Math.max(1, [...sizes.values()].reduce((a, b) => a + b, 0));
  const bar = ctx.interactive && !opts.trace
    ? new cliProgress.SingleBar({ format: '导入 ingest [{bar}] {percentage}% | {file} {phase} {step}%', hideCursor: true }, cliProgress.Presets.shades_classic)
    : null;
  bar?.start(totalBytes, 0, { file: '', phase: '', step: 0 });
  let doneBytes = 0;
  let shown = 0;
  const show = (file: string, phase: LoadPhase, percent: number) => {
    const [from, to] = phaseShare[phase];
    shown = Math.max(shown, doneBytes + (sizes.get(file) ?? 0) * (from + ((to - from) * percent) / 100));
    bar?.update(shown, { file: basename(file), phase, step: Math.round(percent) });
  };
  const onPhase = (file: string, phase: LoadPhase) => {
    if (opts.trace) process.stderr.write(`[ingest] ${basename(file)}: ${phase}\n`);
    if (phase === 'done') {
      doneBytes += sizes.get(file) ?? 0;
      shown = doneBytes;
      bar?.update(shown, { file: basename(file), phase, step: 100 });
    } else show(file, phase, 0);
  };
  try {
    const summaries = await ingestFiles(db, files, { entity: opts.entity, force: opts.force, actor: 'cli', clock: ctx.clock, onPhase, onProgress: bar ? show : undefined });
    const sum = (k: 'rows' | 'loaded' | 'quarantined' | 'repaired' | 'superseded') => summaries.reduce((a, s) => a + (s.status === 'unchanged' ? 0 : s[k]), 0);
    const elapsedMs = Date.now() - started;
    const totals = { files: summaries.length, rows: sum('rows'), loaded: sum('loaded'), quarantined: sum('quarantined'), repaired: sum('repaired'), superseded: sum('superseded') };
    return { files: summaries, totals, elapsedMs, rowsPerSecond: Math.round(totals.rows / Math.max(elapsedMs / 1000, 0.001)) };
  } finally {
    bar?.stop();
  }
}

function ingestPrintable(run: IngestRun): Printable {
  return {
    data: run,
    text: {
      tables: [{
        title: '导入结果 Ingest summary',
        columns: ['文件 file', '实体 entity', '状态 status', '读取 rows', '入库 loaded', '隔离 quarantined', '修正 repaired', '替换 superseded'],
        rows: run.files.map((f) => [basename(f.file), f.entity, f.status, f.rows, f.loaded, f.quarantined, f.repaired, f.superseded]),
      }],
      lines: [
        `合计 total: ${run.totals.rows.toLocaleString()} 行 rows, ${run.totals.loaded.toLocaleString()} 入库 loaded, ${run.totals.quarantined.toLocaleString()} 隔离 quarantined — ${(run.elapsedMs / 1000).toFixed(1)} s, ${run.rowsPerSecond.toLocaleString()} rows/s`,
        ...run.files.filter((f) => f.message).map((f) => `${basename(f.file)}: ${f.message!.zh} / ${f.message!.en}`),
      ],
    },
  };
}

function filterFrom(o: { reason?: string; load?: string; entity?: string; status?: string }): QuarantineFilter {
  return { reason: o.reason, loadId: o.load ? Number(o.load) : undefined, entity: o.entity, status: (o.status as QuarantineFilter['status']) ?? 'open' };
}

export function registerIngestCommands(program: Command, ctx: CliContext): void {
  program
    .command('ingest')
    .description('导入业务数据文件（CSV/XLSX/Parquet/NDJSON）/ load export files with validation and quarantine')
    .argument('<paths...>', 'files or folders')
    .option('--entity <name>', 'entity, when headers do not tell')
    .option('--force', 'load again even if the same bytes were loaded before')
    .option('--trace', 'print each phase to stderr')
    .action(defineAction(ctx, async (paths: string[], opts: { entity?: string; force?: boolean; trace?: boolean }, cmd: Command) =>
      ingestPrintable(await withDb(ctx, cmd, (db) => runIngest(db, ctx, paths, opts)))));

  const q = program.command('quarantine').description('隔离区：查看、解释、导出、重试 / list, explain, export and retry quarantined rows');
  const filters = (c: Command) => c.option('--reason <code>').option('--load <id>').option('--entity <name>').option('--status <s>', 'open|resolved|retried|all', 'open');

  filters(q.command('list').option('--limit <n>', 'rows', '50').option('--offset <n>', 'skip', '0'))
    .action(defineAction(ctx, async (o: { reason?: string; load?: string; entity?: string; status?: string; limit: string; offset: string }, cmd: Command) => {
      const res = await withDb(ctx, cmd, (db) => listQuarantine(db, filterFrom(o), Number(o.limit), Number(o.offset)));
      return {
        data: res,
        text: { tables: [{ title: `隔离行 quarantined rows (${res.total})`, columns: ['load:row', 'file', 'reason', 'field', '说明 message'], rows: res.rows.map((r) => [`${r.loadId}:${r.rowNo}`, r.file, r.reason, r.field, r.messageZh]) }] },
      };
    }));

  filters(q.command('summary')).action(defineAction(ctx, async (o: { reason?: string; load?: string; entity?: string; status?: string }, cmd: Command) => {
    const rows = await withDb(ctx, cmd, (db) => summariseQuarantine(db, filterFrom(o)));
    return { data: { rows }, text: { tables: [{ title: '隔离原因 quarantine by reason', columns: ['reason', 'entity', 'rows', '说明'], rows: rows.map((r) => [r.reason, r.entity, r.rows, r.zh]) }] } };
  }));

  q.command('explain').argument('<ref>', 'LOAD:ROW').action(defineAction(ctx, async (ref: string, _o: unknown, cmd: Command) => {
    const [load, row] = ref.split(':').map(Number);
    if (!Number.isInteger(load) || !Number.isInteger(row)) throw new AppError('INPUT_INVALID', { zh: '引用格式应为 批次:行号，如 3:120', en: 'Reference must be LOAD:ROW, e.g. 3:120' });
    const r = await withDb(ctx, cmd, (db) => getQuarantined(db, load, row));
    return {
      data: r,
      text: {
        lines: [`${r.file} 第 ${r.rowNo} 行 (row ${r.rowNo}, line ${r.line}) — ${r.status}`, `原因 reason: ${r.reason}${r.field ? ` [${r.field}]` : ''}`, `${r.messageZh}`, `${r.messageEn}`, `全部原因 all reasons: ${r.allReasons.join(', ')}`],
        tables: [{ columns: ['列 column', '原始值 raw value'], rows: Object.entries(r.raw) }],
      },
    };
  }));

  filters(q.command('export').requiredOption('--out <file>', 'CSV to write')).action(defineAction(ctx, async (o: { reason?: string; load?: string; entity?: string; status?: string; out: string }, cmd: Command) => {
    const res = await withDb(ctx, cmd, (db) => exportQuarantine(db, filterFrom(o), o.out, true));
    return { data: res, text: { lines: [`已导出 ${res.rows} 行到 ${res.file}；改正后用 renshe ingest 导入即可关闭这些隔离行（保留 _quarantine_ref 列）。`, `Exported ${res.rows} rows to ${res.file}; fix them and load the file with renshe ingest (keep the _quarantine_ref column) to close them.`] } };
  }));

  filters(q.command('retry')).action(defineAction(ctx, async (o: { reason?: string; load?: string; entity?: string; status?: string }, cmd: Command) => {
    const run = await withDb(ctx, cmd, async (db) => {
      const loads = await loadsWithOpenRows(db, filterFrom(o));
      const work = mkdtempSync(join(tmpdir(), 'renshe-retry-'));
      try {
        const files: string[] = [];
        for (const l of loads) {
          const file = join(work, `retry-load-${l.loadId}.csv`);
          await exportQuarantine(db, { ...filterFrom(o), loadId: l.loadId }, file, false);
          files.push(file);
        }
        const byEntity = new Map<string, string[]>();
        loads.forEach((l, i) => byEntity.set(l.entity, [...(byEntity.get(l.entity) ?? []), files[i]]));
        const results: IngestRun[] = [];
        for (const [entity, paths] of byEntity) results.push(await runIngest(db, ctx, paths, { entity, force: true }));
        return mergeRuns(results);
      } finally {
        rmSync(work, { recursive: true, force: true });
      }
    });
    return ingestPrintable(run);
  }));
}

function mergeRuns(runs: IngestRun[]): IngestRun {
  const files = runs.flatMap((r) => r.files);
  const add = (k: keyof IngestRun['totals']) => runs.reduce((a, r) => a + r.totals[k], 0);
  const elapsedMs = runs.reduce((a, r) => a + r.elapsedMs, 0);
  const totals = { files: files.length, rows: add('rows'), loaded: add('loaded'), quarantined: add('quarantined'), repaired: add('repaired'), superseded: add('superseded') };
  return { files, totals, elapsedMs, rowsPerSecond: Math.round(totals.rows / Math.max(elapsedMs / 1000, 0.001)) };
}
