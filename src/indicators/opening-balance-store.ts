import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { codeLists } from '../model/code-lists.ts';
import { AppError } from '../platform/errors.ts';
import { readPolicyJson } from '../platform/policy-json-store.ts';

/**
 * Opening balances of the social-insurance funds (期初结存): what a fund held on a date, by region and scheme.
 * The bureau's fund accounts start long before the platform's data do, so without this the accumulated balance
 * (FUND_RESERVE) counts only what flowed in and out since the first month of data, and "months of payouts
 * covered" shows direction but not level. One file per region: data/policy/funds/opening-balance-<region>.json.
 * A later dated balance (e.g. each year's audited 决算 closing balance) re-anchors the accumulation from its date.
 */
const schemeCodes = codeLists.scheme.map((s) => s.code) as [string, ...string[]];

const balanceSchema = z.object({
  scheme: z.enum(schemeCodes),
  /** The balance held at the start of this day, which must open a month (the indicators are monthly). */
  effectiveFrom: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])-01$/, 'the first day of a month, YYYY-MM-01'),
  /** Yuan. May be negative (a fund in deficit, carried by subsidies). */
  amount: z.number().finite(),
  source: z.string().optional(),
});

export const openingBalanceFileSchema = z.object({
  region: z.string().regex(/^\d{6}$/, 'six-digit region code'),
  /** True when the figures are made up for a demo rather than taken from the fund's accounts. */
  illustrative: z.boolean().default(false),
  note: z.string().optional(),
  balances: z
    .array(balanceSchema)
    .min(1)
    .refine((b) => new Set(b.map((x) => `${x.scheme}@${x.effectiveFrom}`)).size === b.length, 'two balances for one scheme on one date'),
});

export interface OpeningBalance {
  region: string;
  scheme: string;
  effectiveFrom: string;
  amount: number;
  source: string | null;
  illustrative: boolean;
}

const FILE = /^opening-balance-(\d{6})\.json$/;

/** Every opening balance under policyDir/funds; none (an empty list) when the folder is absent. */
export function loadOpeningBalances(policyDir: string): OpeningBalance[] {
  const dir = join(policyDir, 'funds');
  if (!existsSync(dir)) return [];
  const out: OpeningBalance[] = [];
  for (const name of readdirSync(dir).filter((n) => FILE.test(n)).sort()) {
    const file = join(dir, name);
    const f = readPolicyJson(file, openingBalanceFileSchema, { zh: '基金期初结存', en: 'fund opening balances' });
    if (FILE.exec(name)?.[1] !== f.region) {
      throw new AppError('POLICY_INVALID', {
        zh: `基金期初结存 ${file} 的地区 ${f.region} 与文件名不符：请改名为 opening-balance-${f.region}.json。`,
        en: `Fund opening balances ${file} are for region ${f.region}, not the one in the file name: rename it opening-balance-${f.region}.json.`,
      });
    }
    for (const b of f.balances) out.push({ region: f.region, scheme: b.scheme, effectiveFrom: b.effectiveFrom, amount: b.amount, source: b.source ?? null, illustrative: f.illustrative });
  }
  return out;
}
