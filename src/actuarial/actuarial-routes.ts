import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { ServerDeps } from '../server/app.ts';
import { requirePermission } from '../auth/principal.ts';
import { recordAccess } from '../platform/audit-store.ts';
import { computeRetirement } from './compute-retirement.ts';
import { pensionEstimateRequestSchema } from './pension-estimate-request.ts';
import { estimatePensionFor } from './pension-estimate-store.ts';
import { listScenarios, runProjection } from './projection-store.ts';
import { reportToCsv, reportToXlsx } from './report-export.ts';
import { retirementCategories } from './retirement-rules.ts';
import { loadRetirementRules } from './retirement-rules-store.ts';

const yearMonth = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'YYYY-MM');
const region = z.string().regex(/^(CN|\d{6})$/).default('CN');

const projectBody = z.object({
  scenarios: z.array(z.union([z.string().regex(/^[a-z0-9-]+(\/[a-z0-9-]+)?$/), z.record(z.string(), z.unknown())])).min(1).max(8),
  years: z.number().int().min(1).max(80).optional(),
  calibrate: z.boolean().default(false),
  calibrationYear: z.number().int().min(1990).max(2200).optional(),
  sensitivity: z.boolean().default(true),
  format: z.enum(['json', 'csv', 'xlsx']).default('json'),
});

/** /api/actuarial/*: retirement calculator, pension estimate, scenario list and side-by-side projections. */
export function registerActuarialRoutes(app: FastifyInstance, deps: ServerDeps): void {
  const today = () => deps.clock.now().toISOString().slice(0, 10);

  app.get('/api/actuarial/retirement', async (request) => {
    requirePermission(request, 'stats:read');
    const q = z.object({ birth: yearMonth, category: z.enum(retirementCategories), region, rules: z.string().optional() }).parse(request.query);
    const rules = loadRetirementRules(deps.config.policyDir, q.rules ? { id: q.rules } : { region: q.region, date: today() });
    return computeRetirement(rules, { birth: q.birth, category: q.category });
  });

  app.post('/api/actuarial/pension-estimate', async (request) => {
    const body = pensionEstimateRequestSchema.extend({ region }).parse(request.body ?? {});
    // A stored person's history is personal data: a stronger permission and an audit record.
    const principal = requirePermission(request, body.id ? 'person:read' : 'stats:read');
    const estimate = await estimatePensionFor(body, { policyDir: deps.config.policyDir, db: deps.db, today: today(), region: body.region });
    if (body.id) {
      await recordAccess(deps.db, principal, { action: 'estimate', resource: 'pension_estimate', subject: body.id, unmasked: false, rowsReturned: 1 }, deps.clock);
    }
    return estimate;
  });

  app.get('/api/actuarial/scenarios', async (request) => {
    requirePermission(request, 'stats:read');
    return { scenarios: listScenarios(deps.config.policyDir) };
  });

  app.post('/api/actuarial/project', async (request, reply) => {
    requirePermission(request, 'stats:read');
    const body = projectBody.parse(request.body ?? {});
    const report = await runProjection(
      { scenarios: body.scenarios, years: body.years, calibrate: body.calibrate, calibrationYear: body.calibrationYear, sensitivity: body.sensitivity },
      { policyDir: deps.config.policyDir, sharedDataDir: deps.config.sharedDataDir, db: deps.db, now: deps.clock.now() },
    );
    if (body.format === 'csv') {
      return reply.header('content-type', 'text/csv; charset=utf-8').header('content-disposition', 'attachment; filename="actuarial-report.csv"').send(reportToCsv(report));
    }
    if (body.format === 'xlsx') {
      return reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', 'attachment; filename="actuarial-report.xlsx"')
        .send(await reportToXlsx(report));
    }
    return report;
  });
}
