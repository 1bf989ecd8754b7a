import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { ServerDeps } from '../server/app.ts';
import { requirePermission, wantsUnmasked } from '../auth/principal.ts';
import { recordAccess } from '../platform/audit-store.ts';
import { entityByName } from '../model/entities.ts';
import { maskValue } from '../directory/person-view.ts';
import { mapHeaders } from './header-mapping.ts';
import { listQuarantine, summariseQuarantine, type QuarantineRow } from './quarantine-store.ts';

const filter = z.object({
  reason: z.string().regex(/^[A-Z_0-9]+$/).optional(),
  loadId: z.coerce.number().int().optional(),
  entity: z.string().regex(/^[a-z_]+$/).optional(),
  status: z.enum(['open', 'resolved', 'retried', 'all']).default('open'),
});

/** Raw values of personal columns are masked by the column's mapped field; malformed lines are masked whole. */
function maskRaw(row: QuarantineRow): QuarantineRow {
  const entity = entityByName.get(row.entity);
  if (!entity) return row;
  const headers = Object.keys(row.raw);
  if (row.reason === 'MALFORMED_ROW' || row.reason === 'MALFORMED_JSON') {
    return { ...row, raw: Object.fromEntries(headers.map((h) => [h, row.raw[h]?.replace(/\d{6}(\d{8})\d{3}[\dXx]|\d{15}|1\d{10}/g, '********') ?? null])) };
  }
  const mapping = mapHeaders(entity, headers);
  const raw = { ...row.raw };
  for (const c of mapping.columns) if (c.field.personal) raw[c.header] = maskValue(c.field.personal, raw[c.header]);
  return { ...row, raw };
}

export function registerIngestRoutes(app: FastifyInstance, deps: ServerDeps): void {
  app.get('/api/loads', async (request) => {
    requirePermission(request, 'stats:read');
    const rows = await deps.db.query(
      `SELECT load_id AS "loadId", file, entity, format, encoding, rows_read AS "rowsRead", loaded, quarantined, repaired,
              superseded, status, started_at AS "startedAt", finished_at AS "finishedAt"
       FROM load_batch ORDER BY load_id DESC`,
    );
    return { rows };
  });

  app.get('/api/quarantine/summary', async (request) => {
    requirePermission(request, 'stats:read');
    return { rows: await summariseQuarantine(deps.db, filter.parse(request.query)) };
  });

  app.get('/api/quarantine', async (request) => {
    const principal = requirePermission(request, 'person:read');
    const q = filter.extend({
      limit: z.coerce.number().int().min(1).max(500).default(50),
      offset: z.coerce.number().int().min(0).default(0),
      unmask: z.enum(['true', 'false']).optional(),
    }).parse(request.query);
    const unmasked = wantsUnmasked(principal, q.unmask === 'true');
    const result = await listQuarantine(deps.db, q, q.limit, q.offset);
    await recordAccess(deps.db, principal, { action: 'list', resource: 'quarantine', subject: q.reason ?? null, unmasked, rowsReturned: result.rows.length }, deps.clock);
    return { total: result.total, masked: !unmasked, rows: unmasked ? result.rows : result.rows.map(maskRaw) };
  });
}
