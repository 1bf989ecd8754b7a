import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { ServerDeps } from '../server/app.ts';
import { requirePermission } from '../auth/principal.ts';
import { recordAccess } from '../platform/audit-store.ts';
import { AppError } from '../platform/errors.ts';
import { readTagCatalogue } from './tag-catalogue-store.ts';
import { tagCategories } from './tag-catalogue.ts';
import { readBuildChanges, readBuilds, readLatestBuild, readTagCounts, readTagTrend } from './tag-history-store.ts';
import { explainTag } from './tag-explain-store.ts';
import { maskIdNumber } from '../identity/mask.ts';

const codeParam = z.object({ code: z.string().regex(/^[a-z][a-z0-9_]{1,62}$/) });

/** /api/tags: the catalogue with counts and trends (aggregates only), and explanations (personal, audited). */
export function registerTagsRoutes(app: FastifyInstance, deps: ServerDeps): void {
  app.get('/api/tags', async (request) => {
    requirePermission(request, 'stats:read');
    const catalogue = readTagCatalogue();
    const build = await readLatestBuild(deps.db);
    const counts = build ? await readTagCounts(deps.db, build.build_id) : [];
    const byTag = new Map(counts.map((c) => [c.tag, c]));
    return {
      build,
      categories: tagCategories,
      tags: catalogue.tags.map((t) => ({
        code: t.code, zh: t.zh, en: t.en, description: t.description, category: t.category, subject: t.subject, rule: t.rule, use: t.use ?? null,
        members: byTag.get(t.code)?.members ?? null, previous: byTag.get(t.code)?.previous ?? null,
      })),
    };
  });

  app.get('/api/tags/builds', async (request) => {
    requirePermission(request, 'stats:read');
    return { builds: await readBuilds(deps.db, 50) };
  });

  app.get('/api/tags/:code', async (request) => {
    requirePermission(request, 'stats:read');
    const { code } = codeParam.parse(request.params);
    const tag = readTagCatalogue().byCode.get(code);
    if (!tag) throw new AppError('NOT_FOUND', { zh: `没有标签 ${code}`, en: `No tag ${code}` });
    const build = await readLatestBuild(deps.db);
    const changes = build ? (await readBuildChanges(deps.db, build.build_id)).changes.find((c) => c.tag === code) ?? null : null;
    return {
      tag: { code: tag.code, zh: tag.zh, en: tag.en, description: tag.description, category: tag.category, subject: tag.subject, rule: tag.rule, use: tag.use ?? null, facts: tag.facts, refs: tag.refs },
      build,
      trend: await readTagTrend(deps.db, code),
      changes,
    };
  });

  app.get('/api/tags/:code/explain', async (request) => {
    const principal = requirePermission(request, 'person:read');
    const { code } = codeParam.parse(request.params);
    const { id } = z.object({ id: z.string().regex(/^[0-9A-Z]{18}$/i) }).parse(request.query);
    const key = id.toUpperCase();
    const e = await explainTag(deps.db, readTagCatalogue(), code, key);
    if (e.subject === 'person') {
      await recordAccess(deps.db, principal, { action: 'explain', resource: 'person_tag', subject: key, unmasked: false, rowsReturned: 1 }, deps.clock);
      return { ...e, key: maskIdNumber(key) };
    }
    return e;
  });
}
