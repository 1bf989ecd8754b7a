import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { ServerDeps } from '../server/app.ts';
import { requirePermission } from '../auth/principal.ts';
import { alertLevels } from './alert-rules.ts';
import { loadAlertRules } from './alert-rules-store.ts';
import { acknowledgeAlert, listAlerts, runAlerts } from './alert-store.ts';

/**
 * /api/alerts: the alert board (aggregates only, no personal data), acknowledgement and a rerun. Acknowledging
 * is an act of the bureau's own staff who respond to alerts: it needs `alert:ack` (see src/auth/roles.ts).
 */
export function registerAlertRoutes(app: FastifyInstance, deps: ServerDeps): void {
  app.get('/api/alerts', async (request) => {
    requirePermission(request, 'stats:read');
    const q = z
      .object({
        level: z.enum(alertLevels).optional(),
        region: z.string().regex(/^\d{6}$/).optional(),
        open: z.enum(['true', 'false']).optional(),
        limit: z.coerce.number().int().min(1).max(2000).default(500),
      })
      .parse(request.query);
    return { alerts: await listAlerts(deps.db, { level: q.level, region: q.region, openOnly: q.open === 'true', limit: q.limit }) };
  });

  app.post('/api/alerts/:id/ack', async (request) => {
    const principal = requirePermission(request, 'alert:ack');
    const { id } = z.object({ id: z.coerce.number().int().min(1) }).parse(request.params);
    const { note } = z.object({ note: z.string().max(2000).optional() }).parse(request.body ?? {});
    return acknowledgeAlert(deps.db, deps.clock, id, principal.username, note ?? null);
  });

  app.post('/api/alerts/run', async (request) => {
    requirePermission(request, 'data:write');
    return runAlerts(deps.db, deps.clock, loadAlertRules(deps.config.policyDir));
  });
}
