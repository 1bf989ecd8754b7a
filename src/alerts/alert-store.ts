import { seededRandom, type Clock } from '../platform/clock.ts';
import type { Database } from '../platform/database.ts';
import { AppError, isAppError } from '../platform/errors.ts';
import { regionNameEnSql } from '../reference/reference-store.ts';
import { missingMeansZero } from '../indicators/indicator-catalogue.ts';
import { ensureIndicatorSchema } from '../indicators/indicator-store.ts';
import { addMonths, evaluateRule, type AlertFinding, type RegionSeries } from './alert-evaluate.ts';
import { alertLevels, type AlertLevel, type AlertRule } from './alert-rules.ts';

/**
 * Runs rules over `indicator_value` and keeps their alerts in `alert`, one per rule, region and period: a rerun
 * updates the level and evidence of an existing alert instead of adding a duplicate. An acknowledgement stays
 * unless the alert escalates to a higher level, which calls for a fresh look.
 */
const alertDdl = [
  `CREATE SEQUENCE IF NOT EXISTS alert_seq START 1`,
  `CREATE TABLE IF NOT EXISTS alert (
     alert_id BIGINT PRIMARY KEY DEFAULT nextval('alert_seq'), rule_id VARCHAR NOT NULL, indicator VARCHAR NOT NULL,
     region VARCHAR NOT NULL, period DATE NOT NULL, level VARCHAR NOT NULL, message_zh VARCHAR, message_en VARCHAR,
     evidence JSON, first_seen TIMESTAMP NOT NULL, last_seen TIMESTAMP NOT NULL,
     acked_by VARCHAR, acked_at TIMESTAMP, ack_note VARCHAR, UNIQUE (rule_id, region, period))`,
];

export async function ensureAlertSchema(db: Database): Promise<void> {
  for (const sql of alertDdl) await db.run(sql);
}

export async function readRegionSeries(db: Database, indicator: string, scope: AlertRule['scope']): Promise<RegionSeries[]> {
  await ensureIndicatorSchema(db);
  const rows = await db.query<{ region: string; period: string; value: number }>(
    `SELECT region, strftime(period, '%Y-%m') AS period, value FROM indicator_value
     WHERE indicator = $code AND ($scope = 'all' OR ($scope = 'city') = ends_with(region, '00'))
     ORDER BY region, period`,
    { code: indicator, scope },
  );
  if (rows.length === 0) return [];
  const first = rows.reduce((m, r) => (r.period < m ? r.period : m), rows[0].period);
  const last = rows.reduce((m, r) => (r.period > m ? r.period : m), rows[0].period);
  const periods: string[] = [];
  for (let p = first; p <= last; p = addMonths(p, 1)) periods.push(p);
  const fill = missingMeansZero(indicator) ? 0 : null;
  const byRegion = new Map<string, Map<string, number>>();
  for (const r of rows) {
    if (!byRegion.has(r.region)) byRegion.set(r.region, new Map());
    byRegion.get(r.region)?.set(r.period, r.value);
  }
  return [...byRegion].map(([region, values]) => ({ region, periods, values: periods.map((p) => values.get(p) ?? fill) }));
}

export interface AlertRunResult {
  rules: number;
  findings: number;
  byLevel: Record<AlertLevel, number>;
  /** Regions where a rule could not be evaluated (e.g. a forecast failed), reported rather than fatal. */
  problems: { ruleId: string; region: string; code: string; zh: string; en: string }[];
}

const levelList = `[${alertLevels.map((l) => `'${l}'`).join(', ')}]`;
const escalates = `list_position(${levelList}, EXCLUDED.level) > list_position(${levelList}, alert.level)`;

async function upsert(db: Database, f: AlertFinding, now: string): Promise<void> {
  await db.run(
    `INSERT INTO alert (rule_id, indicator, region, period, level, message_zh, message_en, evidence, first_seen, last_seen)
     VALUES ($rule, $indicator, $region, ($period || '-01')::DATE, $level, $zh, $en, $evidence::JSON, $now::TIMESTAMP, $now::TIMESTAMP)
     ON CONFLICT (rule_id, region, period) DO UPDATE SET
       acked_by = CASE WHEN ${escalates} THEN NULL ELSE alert.acked_by END,
       acked_at = CASE WHEN ${escalates} THEN NULL ELSE alert.acked_at END,
       ack_note = CASE WHEN ${escalates} THEN NULL ELSE alert.ack_note END,
       level = EXCLUDED.level, message_zh = EXCLUDED.message_zh, message_en = EXCLUDED.message_en,
       evidence = EXCLUDED.evidence, last_seen = EXCLUDED.last_seen`,
    {
      rule: f.ruleId, indicator: f.indicator, region: f.region, period: f.period, level: f.level, zh: f.zh, en: f.en,
      evidence: JSON.stringify(f.evidence), now,
    },
  );
}

export async function runAlerts(db: Database, clock: Clock, rules: readonly AlertRule[]): Promise<AlertRunResult> {
  await ensureAlertSchema(db);
  const now = clock.now().toISOString();
  const result: AlertRunResult = { rules: 0, findings: 0, byLevel: { blue: 0, yellow: 0, orange: 0, red: 0 }, problems: [] };
  const today = now.slice(0, 10);
  for (const rule of rules.filter((r) => r.enabled && (!r.effectiveFrom || r.effectiveFrom <= today))) {
    result.rules++;
    for (const series of await readRegionSeries(db, rule.indicator, rule.scope)) {
      let findings: AlertFinding[];
      try {
        findings = evaluateRule(rule, series, seededRandom(`alerts:${rule.id}:${series.region}`));
      } catch (e) {
        const err = isAppError(e) ? e : null;
        result.problems.push({ ruleId: rule.id, region: series.region, code: err?.code ?? 'INTERNAL', zh: err?.zh ?? String(e), en: err?.message ?? String(e) });
        continue;
      }
      for (const f of findings) {
        await upsert(db, f, now);
        result.findings++;
        result.byLevel[f.level]++;
      }
    }
  }
  return result;
}

export interface StoredAlert {
  id: number;
  ruleId: string;
  indicator: string;
  region: string;
  regionName: string | null;
  regionNameEn: string | null;
  period: string;
  level: AlertLevel;
  messageZh: string;
  messageEn: string;
  evidence: unknown;
  firstSeen: string;
  lastSeen: string;
  ackedBy: string | null;
  ackedAt: string | null;
  ackNote: string | null;
}

export interface AlertFilter {
  id?: number;
  level?: AlertLevel;
  region?: string;
  openOnly?: boolean;
  limit?: number;
}

export async function listAlerts(db: Database, filter: AlertFilter = {}): Promise<StoredAlert[]> {
  await ensureAlertSchema(db);
  const hasRef = (await db.query<{ n: number }>(`SELECT count(*) AS n FROM information_schema.tables WHERE table_name = 'ref_region'`))[0].n > 0;
  const rows = await db.query<StoredAlert & { evidence: string }>(
    `SELECT a.alert_id AS id, a.rule_id AS "ruleId", a.indicator, a.region, ${hasRef ? 'r.name' : 'NULL'} AS "regionName",
            ${await regionNameEnSql(db)} AS "regionNameEn", strftime(a.period, '%Y-%m') AS period, a.level,
            a.message_zh AS "messageZh", a.message_en AS "messageEn",
            CAST(a.evidence AS VARCHAR) AS evidence, a.first_seen AS "firstSeen", a.last_seen AS "lastSeen",
            a.acked_by AS "ackedBy", a.acked_at AS "ackedAt", a.ack_note AS "ackNote"
     FROM alert a ${hasRef ? 'LEFT JOIN ref_region r ON r.code = a.region' : ''}
     WHERE ($id IS NULL OR a.alert_id = $id) AND ($level IS NULL OR a.level = $level) AND ($region IS NULL OR a.region = $region)
       AND (NOT $open OR a.acked_by IS NULL)
     ORDER BY list_position(['red', 'orange', 'yellow', 'blue'], a.level), a.period DESC, a.region, a.rule_id
     LIMIT $limit`,
    { id: filter.id ?? null, level: filter.level ?? null, region: filter.region ?? null, open: Boolean(filter.openOnly), limit: filter.limit ?? 500 },
  );
  return rows.map((r) => ({ ...r, evidence: JSON.parse(r.evidence) }));
}

export async function acknowledgeAlert(db: Database, clock: Clock, id: number, by: string, note: string | null): Promise<StoredAlert> {
  await ensureAlertSchema(db);
  const found = await db.query<{ n: number }>(`SELECT count(*) AS n FROM alert WHERE alert_id = $id`, { id });
  if (!found[0].n) {
    throw new AppError('NOT_FOUND', { zh: `没有编号为 ${id} 的预警。`, en: `No alert with id ${id}.` });
  }
  await db.run(`UPDATE alert SET acked_by = $by, acked_at = $at::TIMESTAMP, ack_note = $note WHERE alert_id = $id`, { id, by, at: clock.now().toISOString(), note });
  const [alert] = await listAlerts(db, { id });
  return alert;
}
