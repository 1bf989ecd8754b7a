import type { FastifyInstance } from 'fastify';
import type { ServerDeps } from '../server/app.ts';
import { requirePermission } from '../auth/principal.ts';
import { codeLists } from '../model/code-lists.ts';
import { readOverview } from './overview-store.ts';

export function registerOverviewRoutes(app: FastifyInstance, deps: ServerDeps): void {
  app.get('/api/overview', async (request) => {
    requirePermission(request, 'stats:read');
    const o = await readOverview(deps.db);
    const label = new Map(codeLists.scheme.map((s) => [s.code, s]));
    return { ...o, insuredByScheme: o.insuredByScheme.map((s) => ({ ...s, zh: label.get(s.scheme)?.zh ?? s.scheme, en: label.get(s.scheme)?.en ?? s.scheme })) };
  });
}
