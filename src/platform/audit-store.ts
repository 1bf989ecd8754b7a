import type { Database } from './database.ts';
import type { Clock } from './clock.ts';

export interface AccessRecord {
  action: string;
  /** What was read, e.g. `person`, `person_profile`, `segment_export`. */
  resource: string;
  /** The key of the subject (an ID number is stored as is: the audit log itself is auditor-only). */
  subject?: string | null;
  unmasked: boolean;
  purpose?: string | null;
  rowsReturned?: number;
}

export interface Actor {
  username: string;
  role: string;
  client: string;
}

/** Append-only: there is no update or delete path for audit rows anywhere in the code. */
export async function recordAccess(db: Database, actor: Actor, access: AccessRecord, clock: Clock): Promise<void> {
  await db.run(
    `INSERT INTO audit_log (accessed_at, actor, role, action, resource, subject, unmasked, purpose, rows_returned, client)
     VALUES ($at::TIMESTAMP, $actor, $role, $action, $resource, $subject, $unmasked, $purpose, $rows, $client)`,
    {
      at: clock.now().toISOString(),
      actor: actor.username,
      role: actor.role,
      action: access.action,
      resource: access.resource,
      subject: access.subject ?? null,
      unmasked: access.unmasked,
      purpose: access.purpose ?? null,
      rows: access.rowsReturned ?? null,
      client: actor.client,
    },
  );
}

export interface AuditQuery {
  actor?: string;
  unmaskedOnly?: boolean;
  subject?: string;
  limit: number;
  offset: number;
}

export async function readAudit(db: Database, q: AuditQuery): Promise<{ total: number; rows: Record<string, unknown>[] }> {
  const where = `WHERE ($actor IS NULL OR actor = $actor) AND (NOT $unm OR unmasked) AND ($subject IS NULL OR subject = $subject)`;
  const params = { actor: q.actor ?? null, unm: Boolean(q.unmaskedOnly), subject: q.subject ?? null };
  const [{ total }] = await db.query<{ total: number }>(`SELECT count(*) AS total FROM audit_log ${where}`, params);
  const rows = await db.query(
    `SELECT audit_id, accessed_at AS "at", actor, role, action, resource, subject, unmasked, purpose, rows_returned, client
     FROM audit_log ${where} ORDER BY audit_id DESC LIMIT $limit OFFSET $offset`,
    { ...params, limit: q.limit, offset: q.offset },
  );
  return { total, rows };
}
