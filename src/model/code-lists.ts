/** Code lists shared by the data model, ingest validation, the generator and the console. */
export interface Code {
  code: string;
  zh: string;
  en: string;
  /** Other spellings a bureau's export may use for the same code. */
  aliases?: string[];
}

export type CodeListName = keyof typeof codeLists;

export const codeLists = {
  sex: [
    { code: '1', zh: '男', en: 'male', aliases: ['M', 'm'] },
    { code: '2', zh: '女', en: 'female', aliases: ['F', 'f'] },
  ],
  hukou_type: [
    { code: 'urban', zh: '城镇', en: 'urban', aliases: ['非农业', '1'] },
    { code: 'rural', zh: '农村', en: 'rural', aliases: ['农业', '2'] },
  ],
  education: [
    { code: 'primary', zh: '小学及以下', en: 'primary or less' },
    { code: 'junior', zh: '初中', en: 'junior secondary' },
    { code: 'senior', zh: '高中/中专', en: 'senior secondary or vocational', aliases: ['高中', '中专'] },
    { code: 'college', zh: '大专', en: 'college (3-year)' },
    { code: 'bachelor', zh: '本科', en: "bachelor's" },
    { code: 'postgraduate', zh: '研究生', en: 'postgraduate', aliases: ['硕士', '博士'] },
  ],
  disability: [
    { code: 'none', zh: '无', en: 'none', aliases: ['0'] },
    { code: '1', zh: '一级', en: 'grade 1' },
    { code: '2', zh: '二级', en: 'grade 2' },
    { code: '3', zh: '三级', en: 'grade 3' },
    { code: '4', zh: '四级', en: 'grade 4' },
  ],
  /** National social-insurance scheme codes (险种类型). */
  scheme: [
    { code: '110', zh: '企业职工基本养老保险', en: 'employee basic pension' },
    { code: '170', zh: '城乡居民基本养老保险', en: 'resident basic pension' },
    { code: '310', zh: '职工基本医疗保险', en: 'employee basic medical' },
    { code: '390', zh: '城乡居民基本医疗保险', en: 'resident basic medical' },
    { code: '210', zh: '失业保险', en: 'unemployment' },
    { code: '410', zh: '工伤保险', en: 'work injury' },
    { code: '510', zh: '生育保险', en: 'maternity' },
  ],
  enrolment_status: [
    { code: 'active', zh: '参保缴费', en: 'active' },
    { code: 'suspended', zh: '暂停缴费', en: 'suspended' },
    { code: 'terminated', zh: '终止参保', en: 'terminated' },
  ],
  ownership: [
    { code: 'state', zh: '国有', en: 'state-owned' },
    { code: 'collective', zh: '集体', en: 'collective' },
    { code: 'private', zh: '私营', en: 'private' },
    { code: 'foreign', zh: '外资/港澳台', en: 'foreign or HK/Macao/Taiwan' },
    { code: 'individual', zh: '个体工商户', en: 'individual business' },
    { code: 'public', zh: '机关事业单位', en: 'government or public institution' },
  ],
  employer_size: [
    { code: 'micro', zh: '微型', en: 'micro' },
    { code: 'small', zh: '小型', en: 'small' },
    { code: 'medium', zh: '中型', en: 'medium' },
    { code: 'large', zh: '大型', en: 'large' },
  ],
  contract_type: [
    { code: 'fixed', zh: '固定期限', en: 'fixed term' },
    { code: 'open', zh: '无固定期限', en: 'open-ended' },
    { code: 'task', zh: '以完成一定工作任务为期限', en: 'task-based' },
    { code: 'dispatch', zh: '劳务派遣', en: 'dispatched' },
    { code: 'part_time', zh: '非全日制', en: 'part-time' },
    { code: 'none', zh: '未签订', en: 'no written contract' },
  ],
  separation_reason: [
    { code: 'voluntary', zh: '主动离职', en: 'voluntary' },
    { code: 'involuntary', zh: '非本人意愿', en: 'involuntary' },
    { code: 'retirement', zh: '退休', en: 'retirement' },
    { code: 'death', zh: '死亡', en: 'death' },
  ],
  payment_type: [
    { code: 'normal', zh: '正常缴费', en: 'normal' },
    { code: 'back_payment', zh: '补缴', en: 'back payment' },
  ],
  benefit_type: [
    { code: 'pension', zh: '基本养老金', en: 'basic pension' },
    { code: 'resident_pension', zh: '城乡居民养老金', en: 'resident pension' },
    { code: 'unemployment', zh: '失业保险金', en: 'unemployment benefit' },
    { code: 'work_injury', zh: '工伤保险待遇', en: 'work-injury benefit' },
    { code: 'maternity', zh: '生育津贴', en: 'maternity allowance' },
  ],
  hospital_level: [
    { code: '1', zh: '一级', en: 'primary' },
    { code: '2', zh: '二级', en: 'secondary' },
    { code: '3', zh: '三级', en: 'tertiary' },
  ],
  registration_type: [
    { code: 'unemployed', zh: '失业登记', en: 'unemployment registration' },
    { code: 'job_seeker', zh: '求职登记', en: 'job-seeker registration' },
  ],
  dispute_category: [
    { code: 'wages', zh: '劳动报酬', en: 'wages' },
    { code: 'contract', zh: '劳动合同', en: 'labour contract' },
    { code: 'social_insurance', zh: '社会保险', en: 'social insurance' },
    { code: 'injury', zh: '工伤', en: 'work injury' },
    { code: 'other', zh: '其他', en: 'other' },
  ],
  dispute_outcome: [
    { code: 'pending', zh: '审理中', en: 'pending' },
    { code: 'mediated', zh: '调解结案', en: 'settled by mediation' },
    { code: 'award_worker', zh: '裁决支持劳动者', en: 'award for the worker' },
    { code: 'award_employer', zh: '裁决支持用人单位', en: 'award for the employer' },
    { code: 'withdrawn', zh: '撤诉', en: 'withdrawn' },
  ],
  inspection_source: [
    { code: 'complaint', zh: '投诉举报', en: 'complaint' },
    { code: 'routine', zh: '日常巡视', en: 'routine inspection' },
    { code: 'special', zh: '专项检查', en: 'special campaign' },
  ],
  /** The nine aspects of the 2016 integrity grading. */
  violation: [
    { code: 'none', zh: '未发现违法', en: 'no violation' },
    { code: 'rules', zh: '规章制度', en: 'internal rules' },
    { code: 'contract', zh: '劳动合同', en: 'labour contracts' },
    { code: 'dispatch', zh: '劳务派遣', en: 'labour dispatch' },
    { code: 'child_labour', zh: '使用童工', en: 'child labour' },
    { code: 'women_minors', zh: '女职工和未成年工保护', en: 'protection of women and minors' },
    { code: 'hours', zh: '工作时间和休息休假', en: 'working hours' },
    { code: 'wages', zh: '工资支付和最低工资', en: 'wages and minimum wage' },
    { code: 'social_insurance', zh: '参加社会保险和缴费', en: 'social-insurance enrolment and payment' },
    { code: 'other', zh: '其他', en: 'other' },
  ],
  inspection_outcome: [
    { code: 'no_violation', zh: '未发现违法', en: 'no violation found' },
    { code: 'rectified', zh: '责令改正', en: 'ordered to rectify' },
    { code: 'penalised', zh: '行政处罚', en: 'administrative penalty' },
    { code: 'refused', zh: '拒不改正', en: 'refused to rectify' },
    { code: 'obstructed', zh: '阻挠检查', en: 'obstructed inspection' },
    { code: 'criminal', zh: '移送司法', en: 'referred for criminal liability' },
    { code: 'pending', zh: '办理中', en: 'pending' },
  ],
  complaint_status: [
    { code: 'open', zh: '处理中', en: 'open' },
    { code: 'resolved', zh: '已解决', en: 'resolved' },
    { code: 'transferred', zh: '已移送', en: 'transferred' },
  ],
  /** GB/T 4754-2017 sections. */
  industry: [
    { code: 'A', zh: '农、林、牧、渔业', en: 'Agriculture, forestry, animal husbandry and fishery' },
    { code: 'B', zh: '采矿业', en: 'Mining' },
    { code: 'C', zh: '制造业', en: 'Manufacturing' },
    { code: 'D', zh: '电力、热力、燃气及水生产和供应业', en: 'Electricity, heat, gas and water' },
    { code: 'E', zh: '建筑业', en: 'Construction' },
    { code: 'F', zh: '批发和零售业', en: 'Wholesale and retail trade' },
    { code: 'G', zh: '交通运输、仓储和邮政业', en: 'Transport, storage and post' },
    { code: 'H', zh: '住宿和餐饮业', en: 'Accommodation and catering' },
    { code: 'I', zh: '信息传输、软件和信息技术服务业', en: 'Information transmission, software and IT services' },
    { code: 'J', zh: '金融业', en: 'Finance' },
    { code: 'K', zh: '房地产业', en: 'Real estate' },
    { code: 'L', zh: '租赁和商务服务业', en: 'Leasing and business services' },
    { code: 'M', zh: '科学研究和技术服务业', en: 'Scientific research and technical services' },
    { code: 'N', zh: '水利、环境和公共设施管理业', en: 'Water conservancy, environment and public facilities' },
    { code: 'O', zh: '居民服务、修理和其他服务业', en: 'Resident services, repair and other services' },
    { code: 'P', zh: '教育', en: 'Education' },
    { code: 'Q', zh: '卫生和社会工作', en: 'Health and social work' },
    { code: 'R', zh: '文化、体育和娱乐业', en: 'Culture, sports and entertainment' },
    { code: 'S', zh: '公共管理、社会保障和社会组织', en: 'Public administration, social security and social organisations' },
    { code: 'T', zh: '国际组织', en: 'International organisations' },
  ],
} satisfies Record<string, Code[]>;

export function labelOf(list: CodeListName, code: string, lang: 'zh' | 'en' = 'zh'): string {
  const found = (codeLists[list] as Code[]).find((c) => c.code === code);
  return found ? found[lang] : code;
}
