import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { ServerDeps } from '../server/app.ts';
import { login, revokeToken } from './auth-store.ts';
import { requirePermission } from './principal.ts';
import { roles } from './roles.ts';
import { readAudit } from '../platform/audit-store.ts';

const loginBody = z.object({ username: z.string().min(1), password: z.string().min(1) });
const auditQuery = z.object({
  actor: z.string().optional(),
  subject: z.string().optional(),
  unmasked: z.enum(['true', 'false']).optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
  offset: z.coerce.number().int().min(0).default(0),
});

export function registerAuthRoutes(app: FastifyInstance, deps: ServerDeps): void {
  app.post('/api/auth/login', async (request) => {
    const body = loginBody.parse(request.body);
    const result = await login(deps.db, body.username, body.password, deps.clock);
    return { token: result.token, expiresAt: result.expiresAt, user: result.user, permissions: roles[result.user.role].can };
  });

  app.post('/api/auth/logout', async (request) => {
    requirePermission(request, 'stats:read');
    const token = request.headers.authorization?.slice(7).trim();
    if (token) await revokeToken(deps.db, token);
    return { ok: true };
  });

  app.get('/api/auth/me', async (request) => {
    const p = requirePermission(request, 'stats:read');
    return { user: p, permissions: roles[p.role].can, roleName: { zh: roles[p.role].zh, en: roles[p.role].en } };
  });

  app.get('/api/audit', async (request) => {
    requirePermission(request, 'audit:read');
    const q = auditQuery.parse(request.query);
    return readAudit(deps.db, { actor: q.actor, subject: q.subject, unmaskedOnly: q.unmasked === 'true', limit: q.limit, offset: q.offset });
  });
}
