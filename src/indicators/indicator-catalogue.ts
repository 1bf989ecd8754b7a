import { codeLists } from '../model/code-lists.ts';

/**
 * The indicators, defined as data: what each means (Chinese and English), its unit, and which named store
 * query computes it (`indicator-queries-store.ts`). Every query yields a numerator and, for ratios, a
 * denominator per county and month; city values are the sums of the parts (so ratios are recomputed, never
 * averaged). Derived indicators are computed from stored values of others.
 */
export type QueryName =
  | 'registered_unemployed'
  | 'active_job_seekers'
  | 'registered_unemployment_rate'
  | 'new_unemployment_registrations'
  | 'new_jobs'
  | 'involuntary_separations'
  | 'insured_persons'
  | 'contributors'
  | 'fund_income'
  | 'fund_expenditure'
  | 'average_contribution_base'
  | 'arrears_rate'
  | 'open_positions'
  | 'vacancies_per_job_seeker';

export type DerivedName = 'year_on_year_growth' | 'difference' | 'cumulative_from_opening' | 'cover_months';

export interface Unit {
  zh: string;
  en: string;
}

export interface IndicatorDef {
  code: string;
  zh: string;
  en: string;
  definitionZh: string;
  definitionEn: string;
  unit: Unit;
  /** A base query over the entity tables, or a derivation from other indicators. */
  source: { query: QueryName; scheme?: string; windowMonths?: number } | { derived: DerivedName; of: string[]; scheme?: string };
  /** Value = numerator / denominator (× scale); sums otherwise. */
  ratio?: { scale: number };
  /** Whether a rise is bad news (for colouring and alert direction). */
  higherIsWorse?: boolean;
  /** Stock at month end, or flow during the month. */
  kind: 'stock' | 'flow';
}

const persons: Unit = { zh: '人', en: 'persons' };
const yuan: Unit = { zh: '元', en: 'yuan' };
const percent: Unit = { zh: '%', en: '%' };

/** Benefits are paid from these funds; maternity allowance has come from employee medical insurance since 2019. */
export const benefitFund: Record<string, string> = {
  pension: '110',
  resident_pension: '170',
  unemployment: '210',
  work_injury: '410',
  maternity: '310',
};

/** Residents' schemes collect once a year, so "contributors" looks back 12 months for them. */
const yearlySchemes = new Set(['170', '390']);

const schemes = codeLists.scheme.filter((s) => s.code !== '510');

const perScheme = (make: (s: { code: string; zh: string; en: string }) => IndicatorDef): IndicatorDef[] => schemes.map(make);

export const indicatorCatalogue: IndicatorDef[] = [
  {
    code: 'REG_UNEMPLOYED', zh: '登记失业人数', en: 'registered unemployed', kind: 'stock', unit: persons, higherIsWorse: true,
    definitionZh: '月末仍处于有效失业登记状态的人数（按人去重）。', definitionEn: 'Persons with an open unemployment registration at month end (distinct persons).',
    source: { query: 'registered_unemployed' },
  },
  {
    code: 'REG_UNEMP_RATE', zh: '城镇登记失业率', en: 'registered unemployment rate', kind: 'stock', unit: percent, higherIsWorse: true, ratio: { scale: 100 },
    definitionZh: '登记失业人数 ÷（登记失业人数 + 当月职工养老保险缴费人数）× 100。', definitionEn: 'Registered unemployed ÷ (registered unemployed + employee-pension contributors in the month) × 100.',
    source: { query: 'registered_unemployment_rate' },
  },
  {
    code: 'NEW_UNEMP_REG', zh: '新增失业登记人数', en: 'new unemployment registrations', kind: 'flow', unit: persons, higherIsWorse: true,
    definitionZh: '当月新办理失业登记的人数。', definitionEn: 'Persons registering as unemployed during the month.',
    source: { query: 'new_unemployment_registrations' },
  },
  {
    code: 'INVOLUNTARY_SEPARATIONS', zh: '非本人意愿离职人数', en: 'involuntary separations', kind: 'flow', unit: persons, higherIsWorse: true,
    definitionZh: '当月因非本人意愿终止就业的人数，按用人单位所在地统计。', definitionEn: "Persons whose employment ended involuntarily during the month, by the employer's region.",
    source: { query: 'involuntary_separations' },
  },
  {
    code: 'NEW_JOBS', zh: '新增就业（岗位）', en: 'new jobs', kind: 'flow', unit: { zh: '个', en: 'spells' },
    definitionZh: '当月开始的就业登记（用工备案）数，按用人单位所在地统计。', definitionEn: "Employment spells starting during the month, by the employer's region.",
    source: { query: 'new_jobs' },
  },
  {
    code: 'ACTIVE_JOB_SEEKERS', zh: '求职登记人数', en: 'active job seekers', kind: 'stock', unit: persons,
    definitionZh: '月末有效的求职或失业登记人数（按人去重）。', definitionEn: 'Persons with an open job-seeker or unemployment registration at month end.',
    source: { query: 'active_job_seekers' },
  },
  {
    code: 'OPEN_POSITIONS', zh: '岗位需求人数', en: 'open positions', kind: 'stock', unit: persons,
    definitionZh: '月末仍在招聘的岗位的招聘人数合计。', definitionEn: 'Positions of vacancies still open at month end.',
    source: { query: 'open_positions' },
  },
  {
    code: 'VACANCY_RATIO', zh: '求人倍率', en: 'vacancies per job seeker', kind: 'stock', unit: { zh: '倍', en: 'ratio' }, ratio: { scale: 1 },
    definitionZh: '月末岗位需求人数 ÷ 月末求职登记人数。', definitionEn: 'Open positions at month end ÷ active job seekers at month end.',
    source: { query: 'vacancies_per_job_seeker' },
  },
  ...perScheme((s) => ({
    code: `INSURED.${s.code}`, zh: `参保人数（${s.zh}）`, en: `insured persons (${s.en})`, kind: 'stock', unit: persons,
    definitionZh: `月末参保状态为参保缴费或暂停缴费的人数（${s.zh}）。`, definitionEn: `Persons enrolled (active or suspended) in ${s.en} at month end.`,
    source: { query: 'insured_persons', scheme: s.code },
  })),
  ...perScheme((s) => ({
    code: `CONTRIBUTORS.${s.code}`, zh: `缴费人数（${s.zh}）`, en: `contributors (${s.en})`, kind: 'flow', unit: persons,
    definitionZh: yearlySchemes.has(s.code) ? `近 12 个月有应缴记录的人数（${s.zh}按年缴费）。` : `当月有应缴记录的人数（${s.zh}）。`,
    definitionEn: yearlySchemes.has(s.code) ? `Persons with a contribution due in the last 12 months (${s.en} is paid yearly).` : `Persons with a contribution due for the month (${s.en}).`,
    source: { query: 'contributors', scheme: s.code, windowMonths: yearlySchemes.has(s.code) ? 12 : 1 },
  })),
  ...perScheme((s) => ({
    code: `FUND_INCOME.${s.code}`, zh: `基金收入（${s.zh}）`, en: `fund income (${s.en})`, kind: 'flow', unit: yuan,
    definitionZh: '当月到账的单位和个人缴费合计（按实缴日期）。', definitionEn: 'Employer and personal contributions received during the month (by paid date).',
    source: { query: 'fund_income', scheme: s.code },
  })),
  ...perScheme((s) => ({
    code: `FUND_EXPENDITURE.${s.code}`, zh: `基金支出（${s.zh}）`, en: `fund expenditure (${s.en})`, kind: 'flow', unit: yuan, higherIsWorse: true,
    definitionZh: '当月发放的待遇（医疗保险为统筹基金结算支付）。', definitionEn: 'Benefits paid for the month (for medical insurance: fund share of settlements).',
    source: { query: 'fund_expenditure', scheme: s.code },
  })),
  ...perScheme((s) => ({
    code: `FUND_BALANCE.${s.code}`, zh: `当期结余（${s.zh}）`, en: `monthly balance (${s.en})`, kind: 'flow', unit: yuan,
    definitionZh: '基金收入 − 基金支出。', definitionEn: 'Fund income − fund expenditure.',
    source: { derived: 'difference', of: [`FUND_INCOME.${s.code}`, `FUND_EXPENDITURE.${s.code}`] },
  })),
  ...perScheme((s) => ({
    code: `FUND_RESERVE.${s.code}`, zh: `累计结余（${s.zh}）`, en: `accumulated balance (${s.en})`, kind: 'stock', unit: yuan,
    definitionZh: '期初结存 + 自期初日期起各月当期结余的累计。期初结存按地区、险种和生效日期配置在 data/policy/funds（分母列记下所用的期初结存）；较晚的期初结存（如年度决算）从其日期起重新起算。未配置期初结存的地区从数据首月起累计，水平偏低，只看走势。',
    definitionEn: 'Opening balance + monthly balances accumulated since its date. Opening balances are set by region, scheme and effective date in data/policy/funds (the denominator column records the one used); a later one (e.g. a yearly audited balance) restarts the accumulation from its date. Where none is configured the sum starts at the first month of data: the level is too low, read only the direction.',
    source: { derived: 'cumulative_from_opening', of: [`FUND_BALANCE.${s.code}`], scheme: s.code },
  })),
  ...perScheme((s) => ({
    code: `FUND_COVER_MONTHS.${s.code}`, zh: `可支付月数（${s.zh}）`, en: `months of payouts covered (${s.en})`, kind: 'stock', unit: { zh: '月', en: 'months' },
    definitionZh: '累计结余（含已配置的期初结存）÷ 近 12 个月月均基金支出；未配置期初结存时只反映走势。', definitionEn: 'Accumulated balance (with the opening balance where configured) ÷ average monthly expenditure over the last 12 months; without an opening balance, read only the direction.',
    source: { derived: 'cover_months', of: [`FUND_RESERVE.${s.code}`, `FUND_EXPENDITURE.${s.code}`] },
  })),
  {
    code: 'AVG_BASE', zh: '平均缴费基数（职工养老）', en: 'average contribution base (employee pension)', kind: 'flow', unit: yuan, ratio: { scale: 1 },
    definitionZh: '当月职工养老保险应缴记录的缴费基数平均值（工资的代理指标）。', definitionEn: 'Mean contribution base of employee-pension contributions due for the month (a wage proxy).',
    source: { query: 'average_contribution_base', scheme: '110' },
  },
  {
    code: 'AVG_BASE_YOY', zh: '平均缴费基数同比增长', en: 'average contribution base, year-on-year growth', kind: 'flow', unit: percent,
    definitionZh: '（本月平均缴费基数 ÷ 上年同月 − 1）× 100。', definitionEn: '(Average base this month ÷ same month last year − 1) × 100.',
    source: { derived: 'year_on_year_growth', of: ['AVG_BASE'] },
  },
  {
    code: 'ARREARS_RATE', zh: '欠费率', en: 'arrears rate', kind: 'flow', unit: percent, higherIsWorse: true, ratio: { scale: 100 },
    definitionZh: '当月应缴且已过应缴日期的金额中尚未缴纳的比例 × 100（全部险种）。', definitionEn: 'Share of contributions due for the month, past their due date, still unpaid × 100 (all schemes).',
    source: { query: 'arrears_rate' },
  },
];

export const indicatorByCode = new Map(indicatorCatalogue.map((d) => [d.code, d]));

/** Whether a month without a row means zero (counts and sums) or "unknown" (ratios and derived rates). */
export function missingMeansZero(code: string): boolean {
  const def = indicatorByCode.get(code);
  if (!def) return false;
  if ('query' in def.source) return !def.ratio;
  return def.source.derived === 'difference';
}
