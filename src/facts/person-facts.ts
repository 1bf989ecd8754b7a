import { codeLists } from '../model/code-lists.ts';
import { months, persons, ratio, count, years, yuan, type Bilingual, type FactCategory, type FactDef, type FactType } from './fact-types.ts';
import type { Code } from '../model/code-lists.ts';

const fact = (
  code: string,
  category: FactCategory,
  name: [zh: string, en: string],
  type: FactType,
  definition: [zh: string, en: string],
  unit: Bilingual | null = null,
  codes?: readonly Code[],
): FactDef => ({ code, subject: 'person', category, zh: name[0], en: name[1], type, definition: { zh: definition[0], en: definition[1] }, unit, codes });

export const employmentStatusCodes: readonly Code[] = [
  { code: 'employed', zh: '就业', en: 'employed' },
  { code: 'unemployed', zh: '登记失业', en: 'registered unemployed' },
  { code: 'retired', zh: '退休', en: 'retired (drawing a pension)' },
  { code: 'other', zh: '其他', en: 'other / not known to be working' },
];

/** Employee schemes counted month by month; resident schemes pay yearly and get a yes/no fact instead. */
export const monthlySchemes = [
  { code: '110', zh: '职工养老', en: 'employee pension' },
  { code: '310', zh: '职工医疗', en: 'employee medical' },
  { code: '210', zh: '失业', en: 'unemployment' },
  { code: '410', zh: '工伤', en: 'work injury' },
] as const;
export const contributionWindows = [12, 24, 36] as const;
export const enrolmentSchemes = ['110', '170', '310', '390', '210', '410'] as const;

const schemeMonthFacts: FactDef[] = monthlySchemes.flatMap((s) =>
  contributionWindows.map((w) =>
    fact(
      `contrib_months_${w}m_${s.code}`,
      'contribution',
      [`近${w}个月${s.zh}缴费月数`, `months of ${s.en} contributions, last ${w} months`],
      'number',
      [
        `截至基准日，最近 ${w} 个费款所属期（含基准日所在月）中险种 ${s.code} 已实际到账（到账日期不晚于基准日）的月数。`,
        `Of the ${w} contribution months ending with the as-of month, how many have a scheme ${s.code} contribution paid on or before the as-of date.`,
      ],
      months,
    ),
  ),
);

const enrolmentFacts: FactDef[] = enrolmentSchemes.map((scheme) => {
  const s = codeLists.scheme.find((c) => c.code === scheme)!;
  return fact(
    `insured_${scheme}`,
    'enrolment',
    [`参加${s.zh}`, `insured: ${s.en}`],
    'boolean',
    [
      `险种 ${scheme} 在基准日及之前最近一次参保状态变更为“参保缴费”（active）。`,
      `The latest enrolment status change in scheme ${scheme} on or before the as-of date is active.`,
    ],
  );
});

export const personFacts: FactDef[] = [
  fact('age', 'identity', ['年龄', 'age'], 'number', ['基准日的周岁年龄。', 'Age in completed years on the as-of date.'], years),
  fact('sex', 'identity', ['性别', 'sex'], 'code', ['性别代码：1 男，2 女。', "Sex code: '1' male, '2' female."], null, codeLists.sex),
  fact('birth_date', 'identity', ['出生日期', 'birth date'], 'date', ['出生日期。', 'Date of birth.']),
  fact('alive', 'identity', ['在世', 'alive'], 'boolean', ['基准日前没有死亡日期，也没有外部死亡信息。', 'No date of death on or before the as-of date, neither on the person nor in the death feed.']),
  fact('hukou_type', 'identity', ['户口性质', 'household-registration type'], 'code', ['城镇（urban）或农村（rural）户口。', 'Urban or rural household registration.'], null, codeLists.hukou_type),
  fact('hukou_region', 'identity', ['户籍地区划', 'hukou region'], 'text', ['户籍所在县级区划代码（6 位）。', 'Six-digit county-level code of the household registration.']),
  fact('hukou_city', 'identity', ['户籍地市', 'hukou city'], 'text', ['户籍所在地级市代码（前 4 位加 00）。', 'Prefecture code of the household registration (first four digits + 00).']),
  fact('residence_region', 'identity', ['常住地区划', 'residence region'], 'text', ['常住地县级区划代码。', 'County-level code of the usual residence.']),
  fact('region', 'identity', ['服务地区划', 'service region'], 'text', ['常住地区划；没有时取户籍地区划。分群按地区限定时使用此项。', 'Residence region, or the hukou region when no residence is known; segments restrict regions on it.']),
  fact('local_hukou', 'identity', ['本市户籍', 'local hukou'], 'boolean', ['户籍地市与本市相同。本市 = 构建参数指定的城市，未指定时为单位最多的地级市。', "The hukou city is this city: the build's city option, or else the prefecture where most employers are registered."]),
  fact('education', 'identity', ['文化程度', 'education'], 'code', ['最高文化程度代码。', 'Highest education code.'], null, codeLists.education),
  fact('graduation_year', 'identity', ['毕业年份', 'graduation year'], 'number', ['最高学历毕业年份。', 'Year of graduation from the highest education.']),
  fact('years_since_graduation', 'identity', ['毕业年限', 'years since graduation'], 'number', ['基准日所在年份减毕业年份（当年毕业为 0）。', 'As-of year minus graduation year (0 for this year’s graduates).'], years),
  fact('disability_grade', 'identity', ['残疾等级', 'disability grade'], 'code', ['残疾等级代码（none 为无）。', "Disability grade code ('none' when none)."], null, codeLists.disability),
  fact('disabled', 'identity', ['残疾人', 'disabled'], 'boolean', ['残疾等级为一至四级。', 'Has a disability grade 1–4.']),
  fact('demobilised_officer', 'identity', ['军队转业干部', 'demobilised officer'], 'boolean', ['登记为军队转业干部。', 'Registered as a demobilised military officer.']),

  fact('household_low_income', 'household', ['低保家庭', 'low-income household'], 'boolean', ['所在家庭户为低保户。', "The person's household receives the subsistence allowance (低保)."]),
  fact('household_members', 'household', ['家庭人口数', 'household members'], 'number', ['所在家庭户登记的人口数。', "Registered members of the person's household."], persons),
  fact('parent_of_newborn_12m', 'household', ['近12个月新生儿父母', 'parent of a child born in the last 12 months'], 'boolean', ['出生医学证明中为母亲或父亲，且出生日期在基准日前 12 个月内（不含 12 个月前当天）。', 'Named as mother or father on a birth record with a birth date after as-of − 12 months and on or before the as-of date.']),
  fact('household_newborn_12m', 'household', ['家庭近12个月有新生儿', 'child born into the household in the last 12 months'], 'boolean', ['为新生儿父母，或同一家庭户中有人在基准日前 12 个月内出生（本人除外）。', 'Parent of a newborn, or another member of the same household was born in the last 12 months.']),

  ...schemeMonthFacts,
  fact('contrib_months_12m', 'contribution', ['近12个月缴费月数（任一险种）', 'months with any contribution, last 12 months'], 'number', ['最近 12 个所属期中任一险种已到账的月数（居民险种按缴费所属月计）。', 'Of the last 12 contribution months, those with a contribution in any scheme paid by the as-of date (resident schemes count the month they are for).'], months),
  fact('contrib_months_36m', 'contribution', ['近36个月缴费月数（任一险种）', 'months with any contribution, last 36 months'], 'number', ['最近 36 个所属期中任一险种已到账的月数。', 'Of the last 36 contribution months, those with a contribution in any scheme paid by the as-of date.'], months),
  fact('contrib_gap_months_36m', 'contribution', ['近36个月断缴月数', 'gap months, last 36 months'], 'number', ['最近 36 个月内，首个与最后一个已缴职工险种月份之间没有任何已缴职工险种的月数。', 'Within the last 36 months, the months between the first and last paid employee-scheme months that have no paid employee-scheme contribution.'], months),
  fact('resident_pension_paid_12m', 'contribution', ['近12个月缴纳居民养老', 'paid resident pension, last 12 months'], 'boolean', ['最近 12 个所属期内有已到账的城乡居民养老保险（170）缴费。', 'A resident pension (170) contribution for one of the last 12 months is paid.']),
  fact('resident_medical_paid_12m', 'contribution', ['近12个月缴纳居民医保', 'paid resident medical, last 12 months'], 'boolean', ['最近 12 个所属期内有已到账的城乡居民医保（390）缴费。', 'A resident medical (390) contribution for one of the last 12 months is paid.']),
  fact('distinct_employers_24m', 'contribution', ['近24个月缴费单位数', 'distinct employers, last 24 months'], 'number', ['最近 24 个所属期内为其缴费（应缴）的不同单位数，加上这期间在职的就业登记单位。', 'Distinct employers with contributions due for the last 24 months, together with employers of employment spells overlapping that window.'], count),
  fact('distinct_regions_24m', 'contribution', ['近24个月参保地数', 'distinct insured regions, last 24 months'], 'number', ['最近 24 个所属期内缴费记录中不同的参保地区划（县级）数。', 'Distinct county-level insured regions on contribution rows of the last 24 months.'], count),
  fact('arrears_months', 'contribution', ['欠费月数', 'months in arrears'], 'number', ['应缴日期不晚于基准日、基准日时仍未到账的不同所属期数（任一险种）。', 'Distinct contribution months with a contribution due on or before the as-of date and not paid by then (any scheme).'], months),
  fact('arrears_amount', 'contribution', ['欠费金额', 'amount in arrears'], 'number', ['上述欠费记录的单位与个人应缴金额合计。', 'Employer plus personal amounts of those unpaid due contributions.'], yuan),
  fact('last_paid_period', 'contribution', ['最后缴费所属期', 'last paid month'], 'date', ['基准日前已到账的最近所属期（月初日期）。', 'The latest contribution month paid by the as-of date (first day of the month).']),
  fact('months_since_last_contribution', 'contribution', ['距最后缴费月数', 'months since the last contribution'], 'number', ['基准日所在月与最后缴费所属期相差的月数；从未缴费为空。', 'Months from the last paid contribution month to the as-of month; empty when never paid.'], months),
  fact('back_payments_12m', 'contribution', ['近12个月补缴笔数', 'back payments, last 12 months'], 'number', ['到账日期在最近 12 个月内的补缴记录数。', 'Back-payment rows paid in the 12 months up to the as-of date.'], count),

  ...enrolmentFacts,
  fact('pension_insured', 'enrolment', ['参加养老保险', 'insured for a pension'], 'boolean', ['参加职工养老（110）或城乡居民养老（170）。', 'Active in the employee (110) or resident (170) pension scheme.']),
  fact('medical_insured', 'enrolment', ['参加医疗保险', 'insured for medical care'], 'boolean', ['参加职工医保（310）或城乡居民医保（390）。', 'Active in employee (310) or resident (390) medical insurance.']),
  fact('flexible_worker', 'enrolment', ['灵活就业人员', 'flexible worker'], 'boolean', ['基准日时有一个“参保缴费”状态的参保登记标记为灵活就业（个人缴费）。', 'An enrolment active on the as-of date is marked flexible (paying own contributions).']),

  fact('employed', 'employment', ['在职', 'employed'], 'boolean', ['基准日有未终止的就业登记（入职日期不晚于基准日，离职日期为空或不早于基准日）。', 'Has an employment spell with start on or before the as-of date and no end date, or an end date on or after it.']),
  fact('employment_status', 'employment', ['就业状态', 'employment status'], 'code', ['依次判断：在职 employed；领取养老金 retired；登记失业 unemployed；否则 other。', 'In order: employed; drawing a pension → retired; registered unemployed → unemployed; else other.'], null, employmentStatusCodes),
  fact('current_employer', 'employment', ['当前单位', 'current employer'], 'text', ['当前就业登记（最近入职）单位的统一社会信用代码。', 'Credit code of the employer of the current (latest-started) spell.']),
  fact('current_industry', 'employment', ['当前行业', 'current industry'], 'code', ['当前单位的行业门类。', "Industry section of the current employer."], null, codeLists.industry),
  fact('current_wage', 'employment', ['当前月工资', 'current monthly wage'], 'number', ['当前就业登记的月工资。', 'Monthly wage of the current spell.'], yuan),
  fact('current_contract_type', 'employment', ['当前合同类型', 'current contract type'], 'code', ['当前就业登记的劳动合同类型。', 'Contract type of the current spell.'], null, codeLists.contract_type),
  fact('employment_start_date', 'employment', ['本次入职日期', 'current spell start'], 'date', ['当前就业登记的入职日期。', 'Start date of the current spell.']),
  fact('first_employment_date', 'employment', ['首次就业日期', 'first employment date'], 'date', ['基准日前最早的就业登记入职日期。', 'Earliest start of any employment spell on or before the as-of date.']),
  fact('employment_spells_24m', 'employment', ['近24个月就业段数', 'employment spells, last 24 months'], 'number', ['与最近 24 个月有交集的就业登记数。', 'Employment spells overlapping the last 24 months.'], count),
  fact('self_employed', 'employment', ['个体经营', 'self-employed'], 'boolean', ['为个体工商户登记的经营者（市场主体登记 self_employed，或经济类型为个体的未注销单位的法定代表人）。', 'Registered as the owner of an individual business (business registration marked self-employed, or legal representative of a live employer of ownership individual).']),
  fact('new_business_12m', 'employment', ['近12个月创业', 'started a business, last 12 months'], 'boolean', ['为基准日前 12 个月内成立的市场主体或单位的法定代表人。', 'Legal representative of a business or employer registered in the 12 months up to the as-of date.']),
  fact('migrant_worker', 'employment', ['农民工', 'migrant worker'], 'boolean', ['农村户口、户籍地不在本市，且在职。', 'Rural hukou from outside this city, and employed.']),

  fact('registered_unemployed', 'job_seeking', ['登记失业', 'registered unemployed'], 'boolean', ['基准日有未注销的失业登记（注销日期为空或不早于基准日）。', 'Has an unemployment registration open on the as-of date (no end date, or one on or after it).']),
  fact('unemployed_months', 'job_seeking', ['失业登记月数', 'months registered unemployed'], 'number', ['当前失业登记的登记日期到基准日的整月数；未登记失业为空。', 'Whole months from the open unemployment registration to the as-of date; empty when not registered.'], months),
  fact('job_seeker', 'job_seeking', ['求职登记', 'registered job seeker'], 'boolean', ['基准日有未注销的求职或失业登记。', 'Has a job-seeker or unemployment registration open on the as-of date.']),
  fact('wants_business', 'job_seeking', ['有创业意愿', 'wants to start a business'], 'boolean', ['未注销的登记，或最近 12 个月内的登记中，表示有创业意愿。', 'An open registration, or one made in the last 12 months, says the person wants to start a business.']),

  fact('pension_drawn', 'benefit', ['领取养老金', 'draws a pension'], 'boolean', ['最近 3 个发放月内领取基本养老金或城乡居民养老金。', 'Received a basic or resident pension for one of the last 3 months.']),
  fact('pension_monthly', 'benefit', ['月养老金', 'monthly pension'], 'number', ['最近一次发放的养老金金额。', 'Amount of the latest pension payment.'], yuan),
  fact('unemployment_benefit', 'benefit', ['领取失业保险金', 'receives unemployment benefit'], 'boolean', ['基准日所在月或上月领取失业保险金。', 'Received unemployment benefit for the as-of month or the month before.']),

  fact('training_completed', 'skills', ['培训结业次数', 'training courses completed'], 'number', ['报名日期不晚于基准日且已结业的培训数。', 'Courses enrolled on or before the as-of date and completed.'], count),
  fact('training_completed_12m', 'skills', ['近12个月培训结业次数', 'courses completed, last 12 months'], 'number', ['最近 12 个月内报名且已结业的培训数。', 'Courses enrolled in the last 12 months and completed.'], count),
  fact('certificates', 'skills', ['持有证书数', 'certificates held'], 'number', ['基准日前发证的职业资格或技能等级证书数。', 'Vocational certificates issued on or before the as-of date.'], count),
  fact('best_certificate_level', 'skills', ['最高技能等级', 'best certificate level'], 'number', ['所持证书中最高的技能等级（1 最高，5 最低）；无证书为空。', 'Best skill level among certificates held (1 highest, 5 lowest); empty when none.']),

  fact('medical_cost_12m', 'medical', ['近12个月医疗总费用', 'medical costs, last 12 months'], 'number', ['最近 12 个月结算的医疗总费用。', 'Total cost of medical bills settled in the last 12 months.'], yuan),
  fact('medical_oop_12m', 'medical', ['近12个月个人自付', 'out of pocket, last 12 months'], 'number', ['最近 12 个月结算的个人自付金额。', 'Out-of-pocket amounts of bills settled in the last 12 months.'], yuan),
  fact('medical_oop_share_12m', 'medical', ['近12个月自付比例', 'out-of-pocket share, last 12 months'], 'number', ['个人自付 ÷ 医疗总费用（最近 12 个月）；无费用为空。', 'Out of pocket ÷ total cost over the last 12 months; empty without costs.'], ratio),
  fact('inpatient_stays_12m', 'medical', ['近12个月住院次数', 'inpatient stays, last 12 months'], 'number', ['最近 12 个月的住院结算次数。', 'Inpatient settlements in the last 12 months.'], count),

  fact('disputes_36m', 'labour_relations', ['近36个月仲裁申请', 'arbitration cases, last 36 months'], 'number', ['最近 36 个月作为申请人立案的劳动人事争议仲裁案件数。', 'Arbitration cases filed by the person in the last 36 months.'], count),
  fact('wage_complaints_36m', 'labour_relations', ['近36个月欠薪投诉', 'wage complaints, last 36 months'], 'number', ['最近 36 个月作为投诉人的欠薪投诉数。', 'Wage-arrears complaints made by the person in the last 36 months.'], count),
];

