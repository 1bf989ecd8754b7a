import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { ServerDeps } from '../server/app.ts';
import { requirePermission, wantsUnmasked } from '../auth/principal.ts';
import { recordAccess } from '../platform/audit-store.ts';
import { AppError } from '../platform/errors.ts';
import { readTagCatalogue } from '../tags/tag-catalogue-store.ts';
import { readSubjectHistory } from '../tags/tag-history-store.ts';
import { historyEvents } from '../tags/tag-history.ts';
import { readPersonProfile } from './person-profile-store.ts';
import { readEmployerProfile } from './employer-profile-store.ts';
import { maskPersonProfile } from './profile-mask.ts';

/** /api/persons/:id/profile (masked by role, audited) and /api/employers/:code/profile. */
export function registerProfilesRoutes(app: FastifyInstance, deps: ServerDeps): void {
  app.get('/api/persons/:id/profile', async (request) => {
    const principal = requirePermission(request, 'person:read');
    const { id } = z.object({ id: z.string().regex(/^\d{17}[\dX]$/i) }).parse(request.params);
    const { unmask } = z.object({ unmask: z.enum(['true', 'false']).optional() }).parse(request.query);
    const key = id.toUpperCase();
    const unmasked = wantsUnmasked(principal, unmask === 'true');
    const profile = await readPersonProfile(deps.db, readTagCatalogue(), key, deps.clock);
    if (!profile) throw new AppError('NOT_FOUND', { zh: '未找到该人员', en: 'No such person' });
    await recordAccess(deps.db, principal, { action: 'view', resource: 'person_profile', subject: key, unmasked, rowsReturned: 1 }, deps.clock);
    const tagHistory = historyEvents(await readSubjectHistory(deps.db, key));
    return { masked: !unmasked, ...maskPersonProfile(profile, unmasked), tagHistory };
  });

  app.get('/api/employers/:code/profile', async (request) => {
    requirePermission(request, 'stats:read');
    const { code } = z.object({ code: z.string().regex(/^[0-9A-Z]{18}$/i) }).parse(request.params);
    const key = code.toUpperCase();
    const profile = await readEmployerProfile(deps.db, readTagCatalogue(), key, deps.clock);
    if (!profile) throw new AppError('NOT_FOUND', { zh: '未找到该单位', en: 'No such employer' });
    return { ...profile, tagHistory: historyEvents(await readSubjectHistory(deps.db, key)) };
  });
}
