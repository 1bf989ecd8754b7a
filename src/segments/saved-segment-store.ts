import type { Database } from '../platform/database.ts';
import type { Clock } from '../platform/clock.ts';
import { AppError } from '../platform/errors.ts';
import { describeProblems } from '../tags/rule-problem.ts';
import type { TagCatalogue } from '../tags/tag-catalogue.ts';
import { compileSegment, type SegmentSpec } from './segment-spec.ts';

const ddl = [
  `CREATE TABLE IF NOT EXISTS segment (
     segment_id INTEGER PRIMARY KEY, name VARCHAR NOT NULL, owner VARCHAR NOT NULL, created_at TIMESTAMP NOT NULL,
     current_version INTEGER NOT NULL, archived BOOLEAN NOT NULL DEFAULT false)`,
  `CREATE TABLE IF NOT EXISTS segment_version (
     segment_id INTEGER NOT NULL, version INTEGER NOT NULL, expr VARCHAR NOT NULL, regions VARCHAR[] NOT NULL,
     description VARCHAR, author VARCHAR NOT NULL, created_at TIMESTAMP NOT NULL, PRIMARY KEY (segment_id, version))`,
];

export async function ensureSegmentTables(db: Database): Promise<void> {
  for (const sql of ddl) await db.run(sql);
}

export interface SavedSegmentInput extends SegmentSpec {
  name: string;
  description?: string | null;
}

export interface SegmentVersion extends SegmentSpec {
  version: number;
  description: string | null;
  author: string;
  createdAt: string;
}

export interface SavedSegment {
  id: number;
  name: string;
  owner: string;
  createdAt: string;
  currentVersion: number;
  current: SegmentVersion;
  versions?: SegmentVersion[];
}

/** A saved segment must be valid when saved (checked against the catalogue), so it still runs later. */
function validate(input: SavedSegmentInput, catalogue: TagCatalogue): void {
  if (!input.name.trim() || input.name.length > 200) {
    throw new AppError('INPUT_INVALID', { zh: '分群名称不能为空，最多 200 个字符。', en: 'A segment name is required, at most 200 characters.' });
  }
  const r = compileSegment(input, catalogue, '2000-01-01');
  if (!r.ok) {
    const text = describeProblems(r.problems);
    throw new AppError('RULE_INVALID', { zh: `分群条件有误：${text.zh}`, en: `The segment is invalid: ${text.en}` }, { details: r.problems });
  }
}

export async function createSegment(db: Database, catalogue: TagCatalogue, input: SavedSegmentInput, owner: string, clock: Clock): Promise<SavedSegment> {
  validate(input, catalogue);
  await ensureSegmentTables(db);
  const now = clock.now().toISOString();
  const id = await db.transaction(async (tx) => {
    const [{ next }] = await tx.query<{ next: number }>(`SELECT coalesce(max(segment_id), 0) + 1 AS next FROM segment`);
    await tx.run(`INSERT INTO segment VALUES ($id, $name, $owner, $at::TIMESTAMP, 1, false)`, { id: next, name: input.name.trim(), owner, at: now });
    await insertVersion(tx, next, 1, input, owner, now);
    return next;
  });
  return (await readSegment(db, id))!;
}

/** Saves a new version; only the owner or an administrator may change a segment (checked by the caller). */
export async function updateSegment(db: Database, catalogue: TagCatalogue, id: number, input: SavedSegmentInput, author: string, clock: Clock): Promise<SavedSegment> {
  validate(input, catalogue);
  const existing = await readSegment(db, id);
  if (!existing) throw new AppError('NOT_FOUND', { zh: `没有分群 ${id}。`, en: `There is no segment ${id}.` });
  const now = clock.now().toISOString();
  const version = existing.currentVersion + 1;
  await db.transaction(async (tx) => {
    await insertVersion(tx, id, version, input, author, now);
    await tx.run(`UPDATE segment SET current_version = $v, name = $name WHERE segment_id = $id`, { v: version, name: input.name.trim(), id });
  });
  return (await readSegment(db, id, true))!;
}

async function insertVersion(tx: Database, id: number, version: number, input: SavedSegmentInput, author: string, at: string): Promise<void> {
  await tx.run(
    `INSERT INTO segment_version VALUES ($id, $v, $expr, CAST($regions AS VARCHAR[]), $description, $author, $at::TIMESTAMP)`,
    { id, v: version, expr: input.expr, regions: JSON.stringify(input.regions), description: input.description ?? null, author, at },
  );
}

interface VersionRow {
  segment_id: number;
  version: number;
  expr: string;
  regions: string[];
  description: string | null;
  author: string;
  created_at: string;
}

const toVersion = (v: VersionRow): SegmentVersion => ({
  version: v.version, expr: v.expr, regions: v.regions, description: v.description, author: v.author, createdAt: v.created_at,
});

export async function readSegment(db: Database, id: number, withHistory = false): Promise<SavedSegment | null> {
  await ensureSegmentTables(db);
  const [s] = await db.query<{ segment_id: number; name: string; owner: string; created_at: string; current_version: number }>(
    `SELECT * FROM segment WHERE segment_id = $id AND NOT archived`, { id },
  );
  if (!s) return null;
  const versions = (await db.query<VersionRow>(`SELECT * FROM segment_version WHERE segment_id = $id ORDER BY version DESC`, { id })).map(toVersion);
  return {
    id: s.segment_id, name: s.name, owner: s.owner, createdAt: s.created_at, currentVersion: s.current_version,
    current: versions.find((v) => v.version === s.current_version)!,
    ...(withHistory ? { versions } : {}),
  };
}

export async function listSegments(db: Database, owner?: string): Promise<SavedSegment[]> {
  await ensureSegmentTables(db);
  const rows = await db.query<VersionRow & { name: string; owner: string; seg_created: string; current_version: number }>(
    `SELECT s.segment_id, s.name, s.owner, s.created_at AS seg_created, s.current_version, v.*
     FROM segment s JOIN segment_version v ON v.segment_id = s.segment_id AND v.version = s.current_version
     WHERE NOT s.archived AND ($owner IS NULL OR s.owner = $owner) ORDER BY s.segment_id DESC`,
    { owner: owner ?? null },
  );
  return rows.map((r) => ({ id: r.segment_id, name: r.name, owner: r.owner, createdAt: r.seg_created, currentVersion: r.current_version, current: toVersion(r) }));
}
