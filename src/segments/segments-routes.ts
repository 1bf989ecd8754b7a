import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { ServerDeps } from '../server/app.ts';
import { requirePermission, wantsUnmasked } from '../auth/principal.ts';
import { recordAccess } from '../platform/audit-store.ts';
import { AppError } from '../platform/errors.ts';
import { readTagCatalogue } from '../tags/tag-catalogue-store.ts';
import { breakdownSegment, countSegment, exportSegment, sampleSegment } from './segment-store.ts';
import { segmentSpecSchema } from './segment-spec.ts';
import { maskMembers } from './segment-mask.ts';
import { createSegment, listSegments, readSegment, updateSegment } from './saved-segment-store.ts';

const sampleBody = segmentSpecSchema.extend({ size: z.number().int().min(1).max(100).default(10), unmask: z.boolean().default(false) });
const exportBody = segmentSpecSchema.extend({ purpose: z.string().min(2).max(500) });
const savedBody = segmentSpecSchema.extend({ name: z.string().min(1).max(200), description: z.string().max(2000).nullish() });
const idParam = z.object({ id: z.coerce.number().int().min(1) });

/** /api/segments: counts and breakdowns (aggregates), samples (masked, audited), exports (campaign:run, audited). */
export function registerSegmentsRoutes(app: FastifyInstance, deps: ServerDeps): void {
  const spec = (request: FastifyRequest) => segmentSpecSchema.parse(request.body);

  app.post('/api/segments/count', async (request) => {
    requirePermission(request, 'stats:read');
    return countSegment(deps.db, readTagCatalogue(), spec(request));
  });

  app.post('/api/segments/breakdown', async (request) => {
    requirePermission(request, 'stats:read');
    return breakdownSegment(deps.db, readTagCatalogue(), spec(request));
  });

  app.post('/api/segments/sample', async (request) => {
    const principal = requirePermission(request, 'person:read');
    const body = sampleBody.parse(request.body);
    const unmasked = wantsUnmasked(principal, body.unmask);
    const rows = await sampleSegment(deps.db, readTagCatalogue(), body, body.size);
    await recordAccess(deps.db, principal, { action: 'sample', resource: 'segment_sample', subject: body.expr.slice(0, 500), unmasked, rowsReturned: rows.length }, deps.clock);
    return { masked: !unmasked, rows: maskMembers(rows, unmasked) };
  });

  app.post('/api/segments/export', async (request, reply) => {
    const principal = requirePermission(request, 'campaign:run');
    const body = exportBody.parse(request.body);
    const dir = mkdtempSync(join(tmpdir(), 'renshe-export-'));
    try {
      const file = join(dir, 'members.csv');
      const result = await exportSegment(deps.db, readTagCatalogue(), body, file);
      await recordAccess(deps.db, principal, { action: 'export', resource: 'segment_export', subject: body.expr.slice(0, 500), unmasked: true, purpose: body.purpose, rowsReturned: result.rows }, deps.clock);
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="segment-members.csv"')
        .header('x-rows', String(result.rows))
        .send(readFileSync(file));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  app.get('/api/segments', async (request) => {
    requirePermission(request, 'stats:read');
    const { mine } = z.object({ mine: z.enum(['true', 'false']).optional() }).parse(request.query);
    const principal = request.principal!;
    return { segments: await listSegments(deps.db, mine === 'true' ? principal.username : undefined) };
  });

  app.post('/api/segments', async (request) => {
    const principal = requirePermission(request, 'stats:read');
    return createSegment(deps.db, readTagCatalogue(), savedBody.parse(request.body), principal.username, deps.clock);
  });

  app.get('/api/segments/:id', async (request) => {
    requirePermission(request, 'stats:read');
    const { id } = idParam.parse(request.params);
    const s = await readSegment(deps.db, id, true);
    if (!s) throw new AppError('NOT_FOUND', { zh: `没有分群 ${id}`, en: `No segment ${id}` });
    return s;
  });

  app.put('/api/segments/:id', async (request) => {
    const principal = requirePermission(request, 'stats:read');
    const { id } = idParam.parse(request.params);
    const existing = await readSegment(deps.db, id);
    if (!existing) throw new AppError('NOT_FOUND', { zh: `没有分群 ${id}`, en: `No segment ${id}` });
    if (existing.owner !== principal.username && principal.role !== 'admin') {
      throw new AppError('FORBIDDEN', { zh: '只有分群的所有者或管理员可以修改它', en: 'Only the owner or an administrator may change this segment' });
    }
    return updateSegment(deps.db, readTagCatalogue(), id, savedBody.parse(request.body), principal.username, deps.clock);
  });
}
