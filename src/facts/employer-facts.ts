import { codeLists, type Code } from '../model/code-lists.ts';
import { count, persons, ratio, years, yuan, type Bilingual, type FactDef, type FactType } from './fact-types.ts';

const fact = (
  code: string,
  name: [zh: string, en: string],
  type: FactType,
  definition: [zh: string, en: string],
  unit: Bilingual | null = null,
  codes?: readonly Code[],
): FactDef => ({ code, subject: 'employer', category: 'employer', zh: name[0], en: name[1], type, definition: { zh: definition[0], en: definition[1] }, unit, codes });

/** Inspection outcomes that count as a penalty for the integrity grading (MOHRSS 2016). */
export const penaltyOutcomes = ['penalised', 'refused', 'obstructed', 'criminal'] as const;
/** Outcomes that alone put an employer in grade C. */
export const gradeCOutcomes = ['refused', 'obstructed', 'criminal'] as const;

export const employerFacts: FactDef[] = [
  fact('industry', ['行业门类', 'industry'], 'code', ['GB/T 4754 行业门类。', 'GB/T 4754 industry section.'], null, codeLists.industry),
  fact('ownership', ['经济类型', 'ownership'], 'code', ['经济类型代码。', 'Ownership code.'], null, codeLists.ownership),
  fact('size', ['企业规模', 'size class'], 'code', ['企业规模代码。', 'Size class code.'], null, codeLists.employer_size),
  fact('region', ['所在地区划', 'region'], 'text', ['注册地县级区划代码。', 'County-level code of the registered address.']),
  fact('registered_date', ['成立日期', 'registration date'], 'date', ['成立（注册）日期。', 'Date of registration.']),
  fact('company_age_years', ['成立年限', 'company age'], 'number', ['基准日距成立日期的整年数。', 'Completed years from registration to the as-of date.'], years),
  fact('active', ['存续', 'active'], 'boolean', ['已成立且基准日前未注销。', 'Registered on or before the as-of date and not deregistered by then.']),
  fact('headcount', ['在职人数', 'headcount'], 'number', ['基准日有未终止就业登记的不同人员数。', 'Distinct persons with an employment spell open on the as-of date.'], persons),
  fact('headcount_12m_ago', ['12个月前在职人数', 'headcount 12 months ago'], 'number', ['基准日前 12 个月当天的在职人数。', 'Headcount on the date 12 months before the as-of date.'], persons),
  fact('headcount_change_12m', ['在职人数12个月变化', 'headcount change, 12 months'], 'number', ['在职人数减 12 个月前在职人数。', 'Headcount minus headcount 12 months ago.'], persons),
  fact('headcount_change_pct_12m', ['在职人数12个月变化率', 'headcount change rate, 12 months'], 'number', ['在职人数变化 ÷ 12 个月前在职人数；12 个月前为 0 时为空。', 'Headcount change ÷ headcount 12 months ago; empty when that was 0.'], ratio),
  fact('insured_persons', ['参保缴费人数', 'persons contributed for'], 'number', ['基准日上月所属期有职工养老（110）应缴记录的不同人员数。', 'Distinct persons with an employee-pension (110) contribution due for the month before the as-of month.'], persons),
  fact('insured_share', ['参保覆盖率', 'insured share of staff'], 'number', ['参保缴费人数 ÷ 在职人数；在职人数为 0 时为空。', 'Persons contributed for ÷ headcount; empty when the headcount is 0.'], ratio),
  fact('compliance_rate_12m', ['近12个月按时缴费率', 'on-time contribution rate, last 12 months'], 'number', ['最近 12 个所属期、应缴日期不晚于基准日的应缴记录中，在应缴日期前到账的比例；无记录为空。', 'Of contributions for the last 12 months due by the as-of date, the share paid by their due date; empty when none were due.'], ratio),
  fact('arrears_amount', ['欠费金额', 'amount in arrears'], 'number', ['应缴日期不晚于基准日、基准日时未到账的单位与个人应缴金额合计。', 'Employer plus personal amounts due by the as-of date and unpaid by then.'], yuan),
  fact('arrears_persons', ['欠费人数', 'persons in arrears'], 'number', ['上述欠费记录涉及的不同人员数。', 'Distinct persons on those unpaid rows.'], persons),
  fact('arrears_months', ['欠费月数', 'months in arrears'], 'number', ['上述欠费记录的不同所属期数。', 'Distinct contribution months among those unpaid rows.'], count),
  fact('disputes_12m', ['近12个月仲裁案件', 'arbitration cases, last 12 months'], 'number', ['最近 12 个月立案、以本单位为被申请人的仲裁案件数。', 'Arbitration cases against the employer filed in the last 12 months.'], count),
  fact('disputes_36m', ['近36个月仲裁案件', 'arbitration cases, last 36 months'], 'number', ['最近 36 个月立案的仲裁案件数。', 'Arbitration cases filed in the last 36 months.'], count),
  fact('wage_disputes_12m', ['近12个月劳动报酬争议', 'wage disputes, last 12 months'], 'number', ['最近 12 个月立案、争议类型为劳动报酬的仲裁案件数。', 'Arbitration cases over wages filed in the last 12 months.'], count),
  fact('disputes_lost_36m', ['近36个月败诉裁决', 'awards for workers, last 36 months'], 'number', ['最近 36 个月立案、裁决支持劳动者的案件数。', 'Cases filed in the last 36 months decided for the worker.'], count),
  fact('wage_complaints_12m', ['近12个月欠薪投诉', 'wage complaints, last 12 months'], 'number', ['最近 12 个月的欠薪投诉数。', 'Wage-arrears complaints filed in the last 12 months.'], count),
  fact('open_wage_complaints', ['未办结欠薪投诉', 'open wage complaints'], 'number', ['基准日未办结的欠薪投诉数。', 'Wage-arrears complaints not resolved by the as-of date.'], count),
  fact('wage_complaint_amount_12m', ['近12个月投诉欠薪金额', 'wages complained of, last 12 months'], 'number', ['最近 12 个月欠薪投诉的金额合计。', 'Amounts owed in wage complaints of the last 12 months.'], yuan),
  fact('inspections_36m', ['近36个月监察案件', 'inspections, last 36 months'], 'number', ['最近 36 个月立案的劳动保障监察案件数。', 'Inspection cases opened in the last 36 months.'], count),
  fact('violations_36m', ['近36个月违法案件', 'violations found, last 36 months'], 'number', ['最近 36 个月立案且发现违法的监察案件数。', 'Inspection cases opened in the last 36 months that found a violation.'], count),
  fact('penalties_prev_year', ['上年度行政处罚次数', 'penalties in the previous year'], 'number', ['基准日上一自然年立案、处理结果为行政处罚、拒不改正、阻挠检查或移送司法的案件数（诚信等级评价口径）。', 'Cases opened in the calendar year before the as-of year with outcome penalised, refused, obstructed or criminal (the integrity-grading basis).'], count),
  fact('serious_violations_prev_year', ['上年度严重违法', 'serious violations in the previous year'], 'number', ['上一自然年拒不改正、阻挠检查、移送司法或被处罚的使用童工案件数（任一即评为 C 级）。', 'Cases in the previous calendar year where the employer refused rectification, obstructed inspection, was referred for criminal liability, or was penalised for child labour (any one means grade C).'], count),
  fact('open_vacancies', ['在招岗位数', 'open vacancies'], 'number', ['基准日已发布且未截止的岗位数。', 'Vacancies posted on or before the as-of date and not closed by then.'], count),
  fact('open_positions', ['在招人数', 'open positions'], 'number', ['在招岗位的招聘人数合计。', 'Positions in the open vacancies.'], persons),
];
