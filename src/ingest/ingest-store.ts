import { basename } from 'node:path';
import type { Database } from '../platform/database.ts';
import type { Clock } from '../platform/clock.ts';
import { AppError } from '../platform/errors.ts';
import { entities, entityByName } from '../model/entities.ts';
import { installIdentityMacros } from '../identity/identity-macros-store.ts';
import { mapHeaders, recogniseEntity, type HeaderMapping } from './header-mapping.ts';
import { prepareSource, type PreparedSource } from './file-preparer-store.ts';
import { buildValidationSql, ingestMacros } from './validation-sql.ts';
import { reasonCodes } from './reason-codes.ts';

export type LoadPhase = 'reading' | 'staging' | 'validating' | 'writing' | 'done';

export interface IngestOptions {
  entity?: string;
  actor: string;
  clock: Clock;
  /** Load a file again even when the same bytes were loaded before. */
  force?: boolean;
  onPhase?: (file: string, phase: LoadPhase) => void;
  /** How far the statement now running for `file` is (0–100), a few times a second during long loads. */
  onProgress?: (file: string, phase: LoadPhase, percent: number) => void;
}

export interface FileSummary {
  file: string;
  entity: string;
  format: string;
  encoding: string | null;
  status: 'loaded' | 'unchanged' | 'rejected';
  loadId: number | null;
  rows: number;
  loaded: number;
  quarantined: number;
  repaired: number;
  superseded: number;
  reasons: Record<string, number>;
  repairs: Record<string, number>;
  unmappedColumns: string[];
  elapsedMs: number;
  message?: { zh: string; en: string };
}

/** Installs the SQL macros and the reason table validation needs; cheap to repeat. */
export async function prepareIngest(db: Database): Promise<void> {
  await installIdentityMacros(db);
  for (const sql of ingestMacros) await db.run(sql);
  await db.run(`CREATE TABLE IF NOT EXISTS ingest_reason (code VARCHAR PRIMARY KEY, zh VARCHAR, en VARCHAR)`);
  const codes = Object.entries(reasonCodes);
  await db.run(`DELETE FROM ingest_reason`);
  await db.append('ingest_reason', [
    { name: 'code', type: 'VARCHAR', values: codes.map(([c]) => c) },
    { name: 'zh', type: 'VARCHAR', values: codes.map(([, m]) => m.zh) },
    { name: 'en', type: 'VARCHAR', values: codes.map(([, m]) => m.en) },
  ]);
}

function resolveMapping(source: PreparedSource, entityName?: string): HeaderMapping {
  if (entityName) {
    const entity = entityByName.get(entityName);
    if (!entity) {
      throw new AppError('INPUT_INVALID', {
        zh: `未知实体 ${entityName}；可用：${entities.map((e) => e.name).join(', ')}`,
        en: `Unknown entity ${entityName}; known: ${entities.map((e) => e.name).join(', ')}`,
      });
    }
    return mapHeaders(entity, source.headers);
  }
  const found = recogniseEntity(source.headers);
  if (!found) {
    throw new AppError('INPUT_INVALID', {
      zh: `无法从表头识别 ${basename(source.file)} 的数据类型（表头：${source.headers.slice(0, 8).join('、')}）。请用 --entity 指定。`,
      en: `Cannot tell what ${basename(source.file)} holds from its headers (${source.headers.slice(0, 8).join(', ')}). Name it with --entity.`,
    });
  }
  return found;
}

async function parquetHeaders(db: Database, path: string): Promise<string[]> {
  const cols = await db.query<{ column_name: string }>(`DESCRIBE SELECT * FROM read_parquet($path)`, { path });
  return cols.map((c) => c.column_name);
}

/** Loads files in dependency order (persons and employers before what refers to them). */
export async function ingestFiles(db: Database, paths: string[], options: IngestOptions): Promise<FileSummary[]> {
  await prepareIngest(db);
  const sources: { source: PreparedSource; mapping: HeaderMapping }[] = [];
  try {
    for (const path of paths) {
      options.onPhase?.(path, 'reading');
      const source = await prepareSource(path);
      if (source.readAs === 'parquet') source.headers = await parquetHeaders(db, source.readPath);
      sources.push({ source, mapping: resolveMapping(source, options.entity) });
    }
    const order = (m: HeaderMapping) => entities.indexOf(m.entity);
    sources.sort((a, b) => order(a.mapping) - order(b.mapping));
    const out: FileSummary[] = [];
    for (const { source, mapping } of sources) out.push(await loadFile(db, source, mapping, options));
    return out;
  } finally {
    for (const { source } of sources) source.cleanup();
  }
}

function emptySummary(source: PreparedSource, mapping: HeaderMapping, started: number): FileSummary {
  return {
    file: source.file, entity: mapping.entity.name, format: source.format, encoding: source.encoding, status: 'loaded',
    loadId: null, rows: 0, loaded: 0, quarantined: 0, repaired: 0, superseded: 0, reasons: {}, repairs: {},
    unmappedColumns: mapping.unmapped, elapsedMs: Date.now() - started,
  };
}

async function loadFile(db: Database, source: PreparedSource, mapping: HeaderMapping, options: IngestOptions): Promise<FileSummary> {
  const started = Date.now();
  const summary = emptySummary(source, mapping, started);
  if (mapping.missingRequired.length > 0) {
    const names = mapping.missingRequired.map((f) => `${f.zh}(${f.name})`).join('、');
    return {
      ...summary, status: 'rejected', elapsedMs: Date.now() - started,
      message: { zh: `缺少必填列：${names}。请补充这些列后重新导入，整个文件未导入。`, en: `Missing required columns: ${names}. Add them and load again; nothing from this file was loaded.` },
    };
  }
  const previous = await db.query<{ load_id: number }>(
    `SELECT load_id FROM load_batch WHERE file_sha256 = $sha AND entity = $entity AND status = 'loaded' LIMIT 1`,
    { sha: source.sha256, entity: mapping.entity.name },
  );
  if (previous.length > 0 && !options.force) {
    const [{ rows }] = await db.query<{ rows: number }>(`SELECT rows_read AS rows FROM load_batch WHERE load_id = $id`, { id: previous[0].load_id });
    return { ...summary, status: 'unchanged', loadId: previous[0].load_id, rows, elapsedMs: Date.now() - started };
  }
  // Staging and checks run outside the transaction (temp tables made inside one scan several times slower);
  // only the writes are in it, so a load killed at any point leaves the store as it was.
  const result = await db.session(async (session) => {
    let phase: LoadPhase = 'staging';
    const tracked: IngestOptions = { ...options, onPhase: (file, p) => ((phase = p), options.onPhase?.(file, p)) };
    const timer = options.onProgress
      ? setInterval(() => {
          const percent = session.progress();
          if (percent !== null) options.onProgress!(source.file, phase, percent);
        }, 250)
      : null;
    try {
      const staged = await stageAndValidate(session, source, mapping, tracked);
      return await session.transaction((tx) => writeLoad(tx, source, mapping, tracked, staged));
    } finally {
      if (timer) clearInterval(timer);
    }
  });
  options.onPhase?.(source.file, 'done');
  return { ...summary, ...result, elapsedMs: Date.now() - started };
}

type LoadResult = Pick<FileSummary, 'loadId' | 'rows' | 'loaded' | 'quarantined' | 'repaired' | 'superseded' | 'reasons' | 'repairs'>;

interface Staged {
  startedAt: string;
  /** Rows read into `stg_raw`, and of those the rows in `dropped` (problems or repeated keys). */
  staged: number;
  dropped: number;
  insertLoaded: string;
}

const stagedColumns = (source: PreparedSource) => Array.from({ length: source.headers.length }, (_, i) => `c${i}`);

/** Reads the file into `stg_raw` and finds every row to quarantine (`dropped`) and every repair (`notes`). */
async function stageAndValidate(session: Database, source: PreparedSource, mapping: HeaderMapping, options: IngestOptions): Promise<Staged> {
  const cols = stagedColumns(source);
  const startedAt = options.clock.now().toISOString();
  await session.run(`CREATE OR REPLACE TEMP TABLE ingest_ctx AS SELECT $today::DATE AS today`, { today: startedAt.slice(0, 10) });

  options.onPhase?.(source.file, 'staging');
  if (source.readAs === 'parquet') {
    await session.run(`CREATE OR REPLACE TEMP TABLE stg_raw AS SELECT * FROM (SELECT COLUMNS(*)::VARCHAR FROM read_parquet($path)) AS t(${cols.join(', ')})`, { path: source.readPath });
    await session.run(`CREATE OR REPLACE TEMP TABLE rej AS SELECT NULL::BIGINT AS line, NULL::VARCHAR AS csv_line WHERE false`);
  } else {
    const columns = `{${cols.map((c) => `'${c}': 'VARCHAR'`).join(', ')}}`;
    await session.run(
      `CREATE OR REPLACE TEMP TABLE stg_raw AS SELECT * FROM read_csv($path, header = true, auto_detect = false,
         delim = $delim, quote = '"', escape = '"', columns = ${columns}, strict_mode = true, null_padding = false,
         store_rejects = true, rejects_table = 'rej_errors', rejects_scan = 'rej_scan')`,
      { path: source.readPath, delim: source.delimiter },
    );
    // One reject row per error; a bad line may have several.
    await session.run(`CREATE OR REPLACE TEMP TABLE rej AS SELECT line, any_value(csv_line) AS csv_line FROM rej_errors GROUP BY line`);
  }
  await session.run(`CREATE OR REPLACE TEMP TABLE removed (r BIGINT, text VARCHAR)`);
  await session.run(`INSERT INTO removed SELECT line - 1, csv_line FROM rej`);
  if (source.malformed.length > 0) {
    await session.append('removed', [
      { name: 'r', type: 'BIGINT', values: source.malformed.map((m) => m.rowNo) },
      { name: 'text', type: 'VARCHAR', values: source.malformed.map((m) => m.text) },
    ]);
  }
  // Staged rows keep file order; each removed row shifts the numbers of the rows after it. With removed rows
  // r_1 < r_2 < …, staged row k (0-based) comes after removed row i exactly when k >= r_i - i.
  await session.run(
    `CREATE OR REPLACE TEMP TABLE removed_adj AS
     SELECT adj, max(n) AS n FROM (SELECT r - row_number() OVER (ORDER BY r) AS adj, row_number() OVER (ORDER BY r) AS n FROM removed) GROUP BY adj`,
  );

  options.onPhase?.(source.file, 'validating');
  const sql = buildValidationSql(mapping);
  for (const statement of sql.lookups) await session.run(statement);
  await session.run(sql.createNotes);
  await session.run(sql.createDuplicateKeys);
  const [{ n: repeatedKeys }] = await session.query<{ n: number }>(`SELECT count(*) AS n FROM dup_key`);
  if (repeatedKeys > 0) await session.run(sql.createDuplicates);
  else await session.run(`CREATE OR REPLACE TEMP TABLE dup (k BIGINT, reason VARCHAR)`);
  await session.run(
    `CREATE OR REPLACE TEMP TABLE dropped AS
     SELECT k, problems FROM notes WHERE len(problems) > 0
     UNION ALL SELECT k, [{'r': reason, 'f': NULL::VARCHAR}] FROM dup`,
  );

  const [{ staged }] = await session.query<{ staged: number }>(`SELECT count(*) AS staged FROM stg_raw`);
  const [{ dropped }] = await session.query<{ dropped: number }>(`SELECT count(*) AS dropped FROM dropped`);
  return { startedAt, staged, dropped, insertLoaded: sql.insertLoaded };
}

/** Writes the good rows, supersedes older versions, keeps the bad rows in quarantine and records the load. */
async function writeLoad(tx: Database, source: PreparedSource, mapping: HeaderMapping, options: IngestOptions, staged: Staged): Promise<LoadResult> {
  options.onPhase?.(source.file, 'writing');
  const { startedAt, dropped } = staged;
  const entity = mapping.entity;
  const cols = stagedColumns(source);
  const [{ id: loadId }] = await tx.query<{ id: number }>(`SELECT nextval('load_id_seq')::INTEGER AS id`);
  const [{ hadRows }] = await tx.query<{ hadRows: boolean }>(`SELECT EXISTS (SELECT 1 FROM ${entity.table}) AS hadRows`);
  const [{ Count: loaded }] = await tx.query<{ Count: number }>(staged.insertLoaded, { id: loadId });
  if (loaded !== staged.staged - dropped) {
    // A reference table with a repeated key would multiply rows; refuse rather than count a row twice.
    throw new AppError('INTERNAL', {
      zh: `写入 ${loaded} 行，但读取 ${staged.staged} 行、隔离 ${dropped} 行，已回滚本文件；请检查参考表是否有重复代码。`,
      en: `Wrote ${loaded} rows for ${staged.staged} read and ${dropped} quarantined; the file was rolled back. Check the reference tables for repeated codes.`,
    });
  }
  // A later load supersedes stored rows with the same natural key; the first load of a table has nothing to replace.
  let superseded = 0;
  if (hadRows) {
    const keyMatch = entity.key.map((k) => `t.${k} = n.${k}`).join(' AND ');
    [{ Count: superseded }] = await tx.query<{ Count: number }>(
      `DELETE FROM ${entity.table} t USING (SELECT ${entity.key.join(', ')} FROM ${entity.table} WHERE load_id = $id) n
       WHERE t.load_id <> $id AND ${keyMatch}`,
      { id: loadId },
    );
  }
  const base = { id: loadId, file: basename(source.file), entity: entity.name };
  const malformedReason = source.format === 'ndjson' ? 'MALFORMED_JSON' : 'MALFORMED_ROW';
  await tx.run(
    `INSERT INTO quarantine (load_id, file, entity, row_no, line, raw, reason, field, message_zh, message_en, all_reasons, status)
     WITH numbered AS (SELECT d.k, d.problems, d.k + 1 + coalesce(a.n, 0) AS row_no FROM dropped d ASOF LEFT JOIN removed_adj a ON d.k >= a.adj)
     SELECT $id, $file, $entity, q.row_no, q.row_no + 1, [${cols.map((c) => `s.${c}`).join(', ')}]::VARCHAR[], q.problems[1].r,
            q.problems[1].f, m.zh, m.en, list_transform(q.problems, x -> x.r), 'open'
     FROM numbered q JOIN (SELECT rowid AS k, * FROM stg_raw) s ON s.k = q.k LEFT JOIN ingest_reason m ON m.code = q.problems[1].r`,
    base,
  );
  await tx.run(
    `INSERT INTO quarantine (load_id, file, entity, row_no, line, raw, reason, field, message_zh, message_en, all_reasons, status)
     SELECT $id, $file, $entity, r.r, r.r + 1, [r.text], m.code, NULL, m.zh, m.en, [m.code], 'open'
     FROM removed r JOIN ingest_reason m ON m.code = $reason`,
    { ...base, reason: malformedReason },
  );
  if (mapping.quarantineRefIndex !== null) {
    // A corrected or retried row closes the quarantined original: resolved when it loaded now, retried when it
    // was quarantined again (the new quarantine row carries the current reason).
    await tx.run(
      `UPDATE quarantine q SET status = CASE WHEN s.failed THEN 'retried' ELSE 'resolved' END, resolved_load_id = $id
       FROM (SELECT s.ref, d.k IS NOT NULL AS failed
             FROM (SELECT rowid AS k, c${mapping.quarantineRefIndex} AS ref FROM stg_raw) s LEFT JOIN dropped d ON d.k = s.k) s
       WHERE q.status = 'open' AND q.load_id <> $id AND q.load_id || ':' || q.row_no = s.ref`,
      { id: loadId },
    );
  }
  const [{ removed, repaired }] = await tx.query<{ removed: number; repaired: number }>(
    `SELECT (SELECT count(*) FROM removed) AS removed,
            (SELECT count(*) FROM notes WHERE len(problems) = 0 AND len(repairs) > 0 AND k NOT IN (SELECT k FROM dup)) AS repaired`,
  );
  const counts = { rows: staged.staged + removed, quarantined: dropped + removed, repaired };
  const reasons = await tx.query<{ code: string; n: number }>(
    `SELECT problems[1].r AS code, count(*) AS n FROM dropped GROUP BY 1
     UNION ALL SELECT $reason, count(*) FROM removed HAVING count(*) > 0`,
    { reason: malformedReason },
  );
  const repairs = await tx.query<{ code: string; n: number }>(
    `SELECT code, count(*) AS n FROM (SELECT unnest(repairs) AS code FROM notes WHERE len(problems) = 0 AND k NOT IN (SELECT k FROM dup)) GROUP BY 1`,
  );
  await tx.run(
    `INSERT INTO load_batch (load_id, file, file_sha256, entity, format, encoding, rows_read, loaded, quarantined, repaired,
       superseded, status, started_at, finished_at, actor, headers, unmapped)
     VALUES ($id, $file, $sha, $entity, $format, $encoding, $rows, $loaded, $quarantined, $repaired, $superseded, 'loaded',
       $started::TIMESTAMP, $finished::TIMESTAMP, $actor, string_split($headers, chr(31)), string_split($unmapped, chr(31)))`,
    {
      id: loadId, file: source.file, sha: source.sha256, entity: entity.name, format: source.format, encoding: source.encoding,
      rows: counts.rows, loaded, quarantined: counts.quarantined, repaired: counts.repaired, superseded,
      started: startedAt, finished: options.clock.now().toISOString(), actor: options.actor,
      headers: source.headers.join('\u001f'), unmapped: mapping.unmapped.join('\u001f'),
    },
  );
  return {
    loadId, rows: counts.rows, loaded, quarantined: counts.quarantined, repaired: counts.repaired, superseded,
    reasons: Object.fromEntries(reasons.map((r) => [r.code, r.n])),
    repairs: Object.fromEntries(repairs.map((r) => [r.code, r.n])),
  };
}
