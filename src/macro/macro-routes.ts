import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { ServerDeps } from '../server/app.ts';
import { requirePermission } from '../auth/principal.ts';
import { economySignals, paramsInForce, signalNames } from './economy-signal.ts';
import { loadSignalSchedule, readPhillipsInputs } from './macro-store.ts';
import { yoyInflation } from './monthly-series.ts';
import { phillipsView } from './phillips-curve.ts';

/** GET /api/macro/phillips: the Phillips-curve view and the latest overheating/slowdown signal with reasons. */
export function registerMacroRoutes(app: FastifyInstance, deps: ServerDeps): void {
  app.get('/api/macro/phillips', async (request) => {
    requirePermission(request, 'stats:read');
    const q = z
      .object({
        region: z.string().regex(/^\d{6}$/).optional(),
        cpiForm: z.enum(['level', 'yoy-index', 'yoy-percent']).optional(),
        window: z.coerce.number().int().min(12).max(600).default(60),
      })
      .parse(request.query);
    const inputs = await readPhillipsInputs(deps.db, { region: q.region, cpiForm: q.cpiForm });
    const inflation = yoyInflation(inputs.cpi, inputs.cpiForm);
    const schedule = loadSignalSchedule(deps.config.policyDir);
    const view = phillipsView(inputs.unemployment, inflation, Math.min(q.window, inputs.unemployment.length), 12);
    // Each month is judged by the target in force then, not today's.
    const signals = economySignals(inputs.unemployment, inflation, schedule);
    const latest = signals[signals.length - 1] ?? null;
    return {
      sources: inputs.sources,
      cpiForm: inputs.cpiForm,
      /** The parameters the latest month was judged by (today's when there is no month yet). */
      params: paramsInForce(schedule, latest ? `${latest.period}-01` : deps.clock.now().toISOString().slice(0, 10)),
      targets: schedule.map((v) => ({ effectiveFrom: v.effectiveFrom, inflationTarget: v.inflationTarget, band: v.band })),
      ...view,
      signals: signals.map((s) => ({ period: s.period, signal: s.signal, inflationTarget: s.target.inflationTarget })),
      latest: latest && { ...latest, name: signalNames[latest.signal] },
    };
  });
}
