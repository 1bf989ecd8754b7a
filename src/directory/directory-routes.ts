import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { ServerDeps } from '../server/app.ts';
import { requirePermission, wantsUnmasked } from '../auth/principal.ts';
import { recordAccess } from '../platform/audit-store.ts';
import { AppError } from '../platform/errors.ts';
import { getEmployer, getPerson, getPersonRecords, searchEmployers, searchPersons } from './directory-store.ts';
import { ageAt, maskFields } from './person-view.ts';
import { createPersonRefCodec } from './person-ref.ts';

const page = { limit: z.coerce.number().int().min(1).max(200).default(20), offset: z.coerce.number().int().min(0).default(0) };
const personQuery = z.object({ q: z.string().max(40).optional(), region: z.string().regex(/^\d{2,6}$/).optional(), unmask: z.enum(['true', 'false']).optional(), ...page });
const employerQuery = z.object({ q: z.string().max(60).optional(), region: z.string().regex(/^\d{2,6}$/).optional(), industry: z.string().regex(/^[A-T]$/).optional(), ...page });
const personal = { idNumber: 'id_number', name: 'name', phone: 'phone' } as const;

export function registerDirectoryRoutes(app: FastifyInstance, deps: ServerDeps): void {
  const today = () => deps.clock.now().toISOString().slice(0, 10);
  const refs = createPersonRefCodec();

  app.get('/api/persons', async (request) => {
    const principal = requirePermission(request, 'person:read');
    const q = personQuery.parse(request.query);
    const unmasked = wantsUnmasked(principal, q.unmask === 'true');
    const result = await searchPersons(deps.db, { ...q, allowedRegions: principal.regions });
    await recordAccess(deps.db, principal, { action: 'search', resource: 'person', subject: q.q ?? null, unmasked, rowsReturned: result.rows.length }, deps.clock);
    return {
      total: result.total,
      masked: !unmasked,
      rows: result.rows.map((r) => ({ ...maskFields(r, personal, !unmasked), ref: refs.encode(String(r.idNumber)), age: ageAt(String(r.birthDate), today()) })),
    };
  });

  app.get('/api/persons/:id', async (request) => {
    const principal = requirePermission(request, 'person:read');
    // Either a full ID number or the opaque ref from a masked search row.
    const { id: given } = z.object({ id: z.string().min(18).max(200) }).parse(request.params);
    const id = /^\d{17}[\dX]$/i.test(given) ? given : refs.decode(given);
    if (!id) throw new AppError('NOT_FOUND', { zh: '链接已失效，请重新查询', en: 'This link has expired; search again' });
    const { unmask } = z.object({ unmask: z.enum(['true', 'false']).optional() }).parse(request.query);
    const unmasked = wantsUnmasked(principal, unmask === 'true');
    const person = await getPerson(deps.db, id.toUpperCase(), principal.regions);
    if (!person) throw new AppError('NOT_FOUND', { zh: '未找到该人员（或不在您的管辖地区）', en: 'No such person (or outside your regions)' });
    const records = await getPersonRecords(deps.db, id.toUpperCase());
    await recordAccess(deps.db, principal, { action: 'view', resource: 'person', subject: id.toUpperCase(), unmasked, rowsReturned: 1 }, deps.clock);
    return { masked: !unmasked, person: { ...maskFields(person, personal, !unmasked), age: ageAt(String(person.birthDate), today()) }, ...records };
  });

  app.get('/api/employers', async (request) => {
    requirePermission(request, 'stats:read');
    return searchEmployers(deps.db, employerQuery.parse(request.query));
  });

  app.get('/api/employers/:code', async (request) => {
    requirePermission(request, 'stats:read');
    const { code } = z.object({ code: z.string().regex(/^[0-9A-Z]{18}$/i) }).parse(request.params);
    const found = await getEmployer(deps.db, code.toUpperCase());
    if (!found) throw new AppError('NOT_FOUND', { zh: '未找到该单位', en: 'No such employer' });
    return found;
  });
}
