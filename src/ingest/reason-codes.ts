/**
 * Stable reason codes for quarantined rows, and repair codes for rows loaded after a safe normalisation.
 * The generator plants defects by these codes; ingest reports them; clerks read the messages.
 */
export const reasonCodes = {
  REQUIRED_MISSING: { zh: '必填字段为空，请补全后重新导入', en: 'A required field is empty; fill it in and load again' },
  ID_FORMAT: { zh: '身份证号码格式错误（应为18位，末位可为X）', en: 'ID number malformed (18 characters, the last may be X)' },
  ID_SCIENTIFIC: { zh: '身份证号码被表格软件改写为科学计数法（如 1.10105E+17），请在源系统中以文本格式重新导出', en: 'ID number was turned into scientific notation by a spreadsheet (e.g. 1.10105E+17); re-export it as text' },
  ID_CHECK_DIGIT: { zh: '身份证号码校验码错误，请核对号码', en: 'ID number check character is wrong; verify the number' },
  ID_BIRTH_DATE: { zh: '身份证号码中的出生日期无效', en: 'The birth date inside the ID number is not a valid date' },
  ID_MISMATCH: { zh: '身份证号码与性别或出生日期不一致', en: 'The ID number disagrees with the sex or birth date given' },
  CREDIT_CODE_FORMAT: { zh: '统一社会信用代码格式错误（18位，不含I、O、S、V、Z）', en: 'Credit code malformed (18 characters, no I, O, S, V or Z)' },
  CREDIT_CODE_CHECK: { zh: '统一社会信用代码校验码错误', en: 'Credit code check character is wrong' },
  PHONE_FORMAT: { zh: '手机号码格式错误（应为11位、以1开头）', en: 'Mobile number malformed (11 digits starting with 1)' },
  DATE_INVALID: { zh: '日期无法识别，请使用 YYYY-MM-DD 格式', en: 'Date not recognised; use YYYY-MM-DD' },
  DATE_INCOMPLETE: { zh: '日期缺少日（如“2023年5月”），请提供完整日期', en: 'Date lacks the day (e.g. "2023年5月"); give the full date' },
  DATE_OUT_OF_RANGE: { zh: '日期超出合理范围（早于1900年或晚于今天）', en: 'Date out of range (before 1900 or in the future)' },
  DATE_ORDER: { zh: '结束日期早于开始日期', en: 'End date is before the start date' },
  REGION_UNKNOWN: { zh: '行政区划代码不存在（GB/T 2260）', en: 'Unknown administrative division code (GB/T 2260)' },
  OCCUPATION_UNKNOWN: { zh: '职业代码不在《职业分类大典》（2022版）中', en: 'Occupation code is not in CSCO 2022' },
  CODE_UNKNOWN: { zh: '代码值不在代码表中', en: 'Value is not in the code list' },
  NUMBER_INVALID: { zh: '数值无法识别', en: 'Number not recognised' },
  AMOUNT_NEGATIVE: { zh: '金额或数量为负数', en: 'Amount or count is negative' },
  AMOUNT_OUT_OF_RANGE: { zh: '金额或数量超出合理范围', en: 'Amount or count is out of the plausible range' },
  AMOUNT_INCONSISTENT: { zh: '金额之间不一致（如基金支付与自付之和大于总费用）', en: 'Amounts disagree (e.g. fund plus out-of-pocket exceed the total)' },
  TEXT_TOO_LONG: { zh: '文本超长', en: 'Text too long' },
  REF_UNKNOWN_PERSON: { zh: '引用的人员不存在，请先导入人员信息', en: 'Refers to an unknown person; load the person first' },
  REF_UNKNOWN_EMPLOYER: { zh: '引用的单位不存在，请先导入单位信息', en: 'Refers to an unknown employer; load the employer first' },
  REF_UNKNOWN_COURSE: { zh: '引用的培训项目不存在', en: 'Refers to an unknown training course' },
  DUPLICATE_ROW: { zh: '与本文件中前面的行完全重复', en: 'Exact duplicate of an earlier row in this file' },
  DUPLICATE_KEY: { zh: '与本文件中前面的行主键相同但内容不同，请确认哪一条正确', en: 'Same key as an earlier row in this file with different values; decide which is right' },
  MALFORMED_ROW: { zh: '行结构错误（列数不符或引号不匹配）', en: 'Malformed row (wrong number of columns or unbalanced quotes)' },
  MALFORMED_JSON: { zh: '该行不是有效的 JSON 对象', en: 'The line is not a valid JSON object' },
} as const;

export type ReasonCode = keyof typeof reasonCodes;

export const repairCodes = {
  ID_UPGRADED_15: { zh: '15位身份证号码已升级为18位', en: 'Legacy 15-digit ID number upgraded to 18 digits' },
  DATE_NORMALISED: { zh: '日期格式已规范化', en: 'Date format normalised' },
  CODE_LABEL: { zh: '代码名称已转换为代码', en: 'Code label converted to its code' },
} as const;

export type RepairCode = keyof typeof repairCodes;
