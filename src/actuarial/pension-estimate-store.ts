import type { Database } from '../platform/database.ts';
import { estimatePension, type PensionEstimate } from './pension-estimate.ts';
import { buildEstimateInput, type PensionEstimateRequest } from './pension-estimate-request.ts';
import { loadPensionParameters } from './pension-parameters-store.ts';
import { readPensionHistory } from './pension-store.ts';
import { loadRetirementRules } from './retirement-rules-store.ts';

export interface EstimateContext {
  policyDir: string;
  /** Needed only for a person in the store (`request.id`). */
  db?: Database;
  /** Today (YYYY-MM-DD) from the injected clock: picks the rules in force and the last known month. */
  today: string;
  region: string;
}

/** Loads the rules and parameters in force (and the person's history for `id`), then runs the pure estimator. */
export async function estimatePensionFor(request: PensionEstimateRequest, ctx: EstimateContext): Promise<PensionEstimate & { categoryInferred: boolean }> {
  const select = { region: ctx.region, date: ctx.today };
  const rules = loadRetirementRules(ctx.policyDir, select);
  const params = loadPensionParameters(ctx.policyDir, select);
  const history = request.id && ctx.db ? await readPensionHistory(ctx.db, request.id) : undefined;
  const input = buildEstimateInput(request, params, ctx.today.slice(0, 7), history);
  return { ...estimatePension(rules, params, input), categoryInferred: Boolean(history && !request.category) };
}
