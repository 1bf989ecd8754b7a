import type { Database } from '../platform/database.ts';
import type { FactSubject } from '../facts/fact-catalogue.ts';
import { ensureTagTables } from './tag-build-store.ts';

export interface BuildRow {
  build_id: number;
  as_of: string;
  started_at: string;
  finished_at: string;
  persons: number;
  employers: number;
  tags: number;
  catalogue_sha256: string;
  facts_ms: number;
  tags_ms: number;
  snapshot_ms: number;
  actor: string | null;
}

export async function readBuilds(db: Database, limit = 50): Promise<BuildRow[]> {
  await ensureTagTables(db);
  return db.query<BuildRow>(`SELECT * FROM tag_build ORDER BY build_id DESC LIMIT $limit`, { limit });
}

export async function readLatestBuild(db: Database): Promise<BuildRow | null> {
  return (await readBuilds(db, 1))[0] ?? null;
}

export async function readPreviousBuildId(db: Database, buildId: number): Promise<number | null> {
  const [row] = await db.query<{ b: number | null }>(`SELECT max(build_id) AS b FROM tag_build WHERE build_id < $b`, { b: buildId });
  return row?.b ?? null;
}

export interface TagCountRow {
  tag: string;
  subject: FactSubject;
  members: number;
  previous: number | null;
}

/** Members of each tag in a build, with the previous build's count beside it. */
export async function readTagCounts(db: Database, buildId: number): Promise<TagCountRow[]> {
  const previous = await readPreviousBuildId(db, buildId);
  return db.query<TagCountRow>(
    `SELECT c.tag, c.subject, c.members, p.members AS previous FROM tag_count c
     LEFT JOIN tag_count p ON p.tag = c.tag AND p.build_id = $prev
     WHERE c.build_id = $b ORDER BY c.subject DESC, c.tag`,
    { b: buildId, prev: previous },
  );
}

/** A tag's member count in every build, oldest first (the console's trend line). */
export async function readTagTrend(db: Database, tag: string, limit = 24): Promise<{ build_id: number; as_of: string; members: number }[]> {
  await ensureTagTables(db);
  const rows = await db.query<{ build_id: number; as_of: string; members: number }>(
    `SELECT b.build_id, b.as_of, c.members FROM tag_count c JOIN tag_build b USING (build_id)
     WHERE c.tag = $tag ORDER BY b.build_id DESC LIMIT $limit`,
    { tag, limit },
  );
  return rows.reverse();
}

export interface TagChangeRow {
  tag: string;
  subject: FactSubject;
  added: number;
  removed: number;
}

const membershipDiff = `SELECT tag, subject_key, bool_or(build_id = $b) AS in_current, coalesce(bool_or(build_id = $prev), false) AS in_previous
  FROM tag_snapshot WHERE build_id = $b OR build_id = $prev GROUP BY tag, subject_key`;

/** Per tag: how many subjects were newly tagged and how many were no longer tagged, against the previous build. */
export async function readBuildChanges(db: Database, buildId: number): Promise<{ previous: number | null; changes: TagChangeRow[] }> {
  const previous = await readPreviousBuildId(db, buildId);
  const changes = await db.query<TagChangeRow>(
    `SELECT d.tag, d.subject,
       count(m.subject_key) FILTER (WHERE m.in_current AND NOT m.in_previous) AS added,
       count(m.subject_key) FILTER (WHERE m.in_previous AND NOT m.in_current) AS removed
     FROM tag_definition d LEFT JOIN (${membershipDiff}) m ON m.tag = d.tag
     WHERE d.build_id = $b GROUP BY d.tag, d.subject ORDER BY d.subject DESC, d.tag`,
    { b: buildId, prev: previous },
  );
  return { previous, changes };
}

/** The subjects newly tagged (or no longer tagged) with one tag in a build: the trigger list for pushes. */
export async function readChangedMembers(db: Database, buildId: number, tag: string, direction: 'added' | 'removed', limit: number): Promise<string[]> {
  const previous = await readPreviousBuildId(db, buildId);
  const condition = direction === 'added' ? 'in_current AND NOT in_previous' : 'in_previous AND NOT in_current';
  const rows = await db.query<{ subject_key: string }>(
    `SELECT subject_key FROM (${membershipDiff}) WHERE tag = $tag AND ${condition} ORDER BY subject_key LIMIT $limit`,
    { b: buildId, prev: previous, tag, limit },
  );
  return rows.map((r) => r.subject_key);
}

/** For one person or employer: the tags it had in each build, oldest first. */
export async function readSubjectHistory(db: Database, key: string): Promise<{ build_id: number; as_of: string; tags: string[] }[]> {
  await ensureTagTables(db);
  const rows = await db.query<{ build_id: number; as_of: string; tags: string[] | null }>(
    `SELECT b.build_id, b.as_of, list(s.tag ORDER BY s.tag) FILTER (WHERE s.tag IS NOT NULL) AS tags
     FROM tag_build b LEFT JOIN tag_snapshot s ON s.build_id = b.build_id AND s.subject_key = $key
     GROUP BY b.build_id, b.as_of ORDER BY b.build_id`,
    { key },
  );
  return rows.map((r) => ({ ...r, tags: r.tags ?? [] }));
}
