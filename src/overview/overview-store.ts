import type { Database } from '../platform/database.ts';
import { regionNameEnSql } from '../reference/reference-store.ts';

/** The overview dashboard's aggregates: all set-based, no personal data. */
/** Insured = a contribution due in the latest month (residents' yearly schemes: within the latest 12 months). */
export async function readOverview(db: Database) {
  const [counts] = await db.query<{ persons: number; employers: number; insured: number; asOf: string | null }>(
    `SELECT (SELECT count(*) FROM person WHERE death_date IS NULL) AS persons,
            (SELECT count(*) FROM employer WHERE deregistered_date IS NULL) AS employers,
            (SELECT count(DISTINCT id_number) FROM contribution, (SELECT max(period) AS m FROM contribution) latest
             WHERE period = latest.m OR (scheme IN ('170', '390') AND period > latest.m - INTERVAL 12 MONTH)) AS insured,
            (SELECT strftime(max(period), '%Y-%m') FROM contribution) AS "asOf"`,
  );
  const insuredByScheme = await db.query<{ scheme: string; persons: number }>(
    `WITH latest AS (SELECT max(period) AS m FROM contribution)
     SELECT scheme, count(DISTINCT id_number) AS persons FROM contribution, latest
     WHERE period = latest.m OR (scheme IN ('170', '390') AND period > latest.m - INTERVAL 12 MONTH)
     GROUP BY scheme ORDER BY scheme`,
  );
  const insuredByRegion = await db.query<{ region: string; name: string; nameEn: string | null; scheme: string; persons: number }>(
    `WITH latest AS (SELECT max(period) AS m FROM contribution)
     SELECT c.region, coalesce(r.name, c.region) AS name, ${await regionNameEnSql(db)} AS "nameEn", c.scheme,
            count(DISTINCT c.id_number) AS persons
     FROM contribution c CROSS JOIN latest LEFT JOIN ref_region r ON r.code = c.region
     WHERE c.period = latest.m OR (c.scheme IN ('170', '390') AND c.period > latest.m - INTERVAL 12 MONTH)
     GROUP BY ALL ORDER BY c.region, c.scheme`,
  );
  const contributionsByMonth = await db.query<{ period: string; scheme: string; contributors: number; amount: number }>(
    `SELECT strftime(period, '%Y-%m') AS period, scheme, count(DISTINCT id_number) AS contributors,
            sum(employer_amount + personal_amount) FILTER (WHERE paid_date IS NOT NULL)::DOUBLE AS amount
     FROM contribution GROUP BY ALL ORDER BY 1, 2`,
  );
  const [loads] = await db.query<{ files: number; rowsRead: number; loaded: number; quarantined: number }>(
    `SELECT count(*) AS files, coalesce(sum(rows_read), 0) AS "rowsRead", coalesce(sum(loaded), 0) AS loaded,
            coalesce(sum(quarantined), 0) AS quarantined FROM load_batch WHERE status = 'loaded'`,
  );
  return { ...counts, insuredByScheme, insuredByRegion, contributionsByMonth, loads };
}
