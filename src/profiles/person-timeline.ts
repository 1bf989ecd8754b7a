import { labelOf } from '../model/code-lists.ts';

/** The electronic archive of one person as one dated story (人社电子档案袋). Pure: rows in, events out. */
export interface TimelineEvent {
  date: string;
  kind: 'enrolment' | 'employment' | 'separation' | 'registration' | 'registration_end' | 'benefit_start' | 'benefit_end' | 'training' | 'certificate' | 'arbitration' | 'complaint' | 'birth' | 'business' | 'death';
  zh: string;
  en: string;
  /** The related employer, case, course or certificate, when there is one. */
  ref?: string | null;
}

export interface ContributionRow {
  scheme: string;
  period: string;
  credit_code: string | null;
  due_date: string;
  paid_date: string | null;
  payment_type: string | null;
  amount: number;
}

export interface ContributionYear {
  year: number;
  scheme: string;
  schemeZh: string;
  monthsPaid: number;
  monthsLate: number;
  monthsArrears: number;
  monthsGap: number;
  amountPaid: number;
  amountArrears: number;
  /** Months (YYYY-MM) with nothing due in this scheme, between the first contribution and the as-of month: 断缴. */
  gaps: string[];
  /** Months due by the as-of date and unpaid then: 欠费. */
  arrears: string[];
}

const monthIndex = (iso: string) => Number(iso.slice(0, 4)) * 12 + Number(iso.slice(5, 7)) - 1;
const monthText = (i: number) => `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`;
/** Resident schemes pay once a year, so a month without a row is not a gap there. */
const yearlySchemes = new Set(['170', '390']);

export function summariseContributions(rows: ContributionRow[], asOf: string): ContributionYear[] {
  const asOfMonth = monthIndex(asOf);
  const out = new Map<string, ContributionYear>();
  const cell = (year: number, scheme: string): ContributionYear => {
    const key = `${year}|${scheme}`;
    let c = out.get(key);
    if (!c) {
      c = { year, scheme, schemeZh: labelOf('scheme', scheme), monthsPaid: 0, monthsLate: 0, monthsArrears: 0, monthsGap: 0, amountPaid: 0, amountArrears: 0, gaps: [], arrears: [] };
      out.set(key, c);
    }
    return c;
  };
  const byScheme = new Map<string, ContributionRow[]>();
  for (const r of rows) {
    if (monthIndex(r.period) > asOfMonth) continue;
    byScheme.set(r.scheme, [...(byScheme.get(r.scheme) ?? []), r]);
    const c = cell(Number(r.period.slice(0, 4)), r.scheme);
    const paid = r.paid_date !== null && r.paid_date <= asOf;
    if (paid) {
      c.monthsPaid += 1;
      c.amountPaid += r.amount;
      if (r.paid_date! > r.due_date) c.monthsLate += 1;
    } else if (r.due_date <= asOf) {
      c.monthsArrears += 1;
      c.amountArrears += r.amount;
      c.arrears.push(r.period.slice(0, 7));
    }
  }
  for (const [scheme, list] of byScheme) {
    if (yearlySchemes.has(scheme)) continue;
    const months = new Set(list.map((r) => monthIndex(r.period)));
    const first = Math.min(...months);
    for (let m = first; m <= asOfMonth; m++) {
      if (months.has(m)) continue;
      const c = cell(Math.floor(m / 12), scheme);
      c.monthsGap += 1;
      c.gaps.push(monthText(m));
    }
  }
  return [...out.values()].sort((a, b) => b.year - a.year || a.scheme.localeCompare(b.scheme));
}

export interface ArchiveRows {
  enrolments: { scheme: string; status: string; effective_date: string; credit_code: string | null; flexible: boolean | null }[];
  employment: { credit_code: string; employer_name: string | null; start_date: string; end_date: string | null; separation_reason: string | null }[];
  benefits: { benefit_type: string; period: string }[];
  registrations: { registration_type: string; registered_date: string; ended_date: string | null; wants_business: boolean | null }[];
  training: { course_id: string; course_name: string | null; enrolled_date: string; completed: boolean }[];
  certificates: { certificate_no: string; occupation: string; level: number; issued_date: string }[];
  arbitration: { case_no: string; credit_code: string; filed_date: string; category: string; outcome: string; closed_date: string | null }[];
  complaints: { complaint_no: string; credit_code: string; filed_date: string; status: string }[];
  births: { birth_date: string }[];
  businesses: { credit_code: string; name: string | null; registered_date: string; self_employed: boolean | null }[];
  deathDate: string | null;
}

/** Benefit months grouped into runs, so the timeline says "started" and "stopped" rather than every month. */
function benefitRuns(rows: ArchiveRows['benefits']): { type: string; from: string; to: string }[] {
  const runs: { type: string; from: string; to: string }[] = [];
  const sorted = [...rows].sort((a, b) => a.benefit_type.localeCompare(b.benefit_type) || a.period.localeCompare(b.period));
  for (const r of sorted) {
    const last = runs[runs.length - 1];
    if (last && last.type === r.benefit_type && monthIndex(r.period) === monthIndex(last.to) + 1) last.to = r.period;
    else runs.push({ type: r.benefit_type, from: r.period, to: r.period });
  }
  return runs;
}

export function buildTimeline(a: ArchiveRows, asOf: string): TimelineEvent[] {
  const events: TimelineEvent[] = [];
  const scheme = (c: string) => ({ zh: labelOf('scheme', c), en: labelOf('scheme', c, 'en') });
  for (const e of a.enrolments) {
    const s = scheme(e.scheme);
    const st = { zh: labelOf('enrolment_status', e.status), en: labelOf('enrolment_status', e.status, 'en') };
    events.push({ date: e.effective_date, kind: 'enrolment', zh: `${s.zh}：${st.zh}${e.flexible ? '（灵活就业）' : ''}`, en: `${s.en}: ${st.en}${e.flexible ? ' (flexible)' : ''}`, ref: e.credit_code });
  }
  for (const j of a.employment) {
    const who = j.employer_name ?? j.credit_code;
    events.push({ date: j.start_date, kind: 'employment', zh: `入职 ${who}`, en: `started at ${who}`, ref: j.credit_code });
    if (j.end_date && j.end_date <= asOf) {
      const why = j.separation_reason ? { zh: `（${labelOf('separation_reason', j.separation_reason)}）`, en: ` (${labelOf('separation_reason', j.separation_reason, 'en')})` } : { zh: '', en: '' };
      events.push({ date: j.end_date, kind: 'separation', zh: `离开 ${who}${why.zh}`, en: `left ${who}${why.en}`, ref: j.credit_code });
    }
  }
  for (const r of benefitRuns(a.benefits)) {
    const b = { zh: labelOf('benefit_type', r.type), en: labelOf('benefit_type', r.type, 'en') };
    events.push({ date: r.from, kind: 'benefit_start', zh: `开始领取${b.zh}`, en: `started drawing ${b.en}` });
    if (monthIndex(r.to) < monthIndex(asOf) - 1) events.push({ date: r.to, kind: 'benefit_end', zh: `停止领取${b.zh}（最后一月）`, en: `last month of ${b.en}` });
  }
  for (const r of a.registrations) {
    const t = { zh: labelOf('registration_type', r.registration_type), en: labelOf('registration_type', r.registration_type, 'en') };
    events.push({ date: r.registered_date, kind: 'registration', zh: `${t.zh}${r.wants_business ? '（有创业意愿）' : ''}`, en: `${t.en}${r.wants_business ? ' (wants to start a business)' : ''}` });
    if (r.ended_date && r.ended_date <= asOf) events.push({ date: r.ended_date, kind: 'registration_end', zh: `${t.zh}注销`, en: `${t.en} ended` });
  }
  for (const t of a.training) {
    events.push({ date: t.enrolled_date, kind: 'training', zh: `参加培训 ${t.course_name ?? t.course_id}${t.completed ? '（已结业）' : ''}`, en: `training: ${t.course_name ?? t.course_id}${t.completed ? ' (completed)' : ''}`, ref: t.course_id });
  }
  for (const c of a.certificates) {
    events.push({ date: c.issued_date, kind: 'certificate', zh: `取得 ${c.occupation} ${c.level} 级证书`, en: `certificate ${c.occupation}, level ${c.level}`, ref: c.certificate_no });
  }
  for (const c of a.arbitration) {
    events.push({ date: c.filed_date, kind: 'arbitration', zh: `申请劳动仲裁（${labelOf('dispute_category', c.category)}，${labelOf('dispute_outcome', c.outcome)}）`, en: `arbitration case (${labelOf('dispute_category', c.category, 'en')}, ${labelOf('dispute_outcome', c.outcome, 'en')})`, ref: c.case_no });
  }
  for (const c of a.complaints) {
    events.push({ date: c.filed_date, kind: 'complaint', zh: `欠薪投诉（${labelOf('complaint_status', c.status)}）`, en: `wage-arrears complaint (${labelOf('complaint_status', c.status, 'en')})`, ref: c.complaint_no });
  }
  for (const b of a.births) events.push({ date: b.birth_date, kind: 'birth', zh: '子女出生', en: 'a child was born' });
  for (const b of a.businesses) {
    events.push({ date: b.registered_date, kind: 'business', zh: `创办${b.self_employed ? '个体工商户' : '企业'} ${b.name ?? b.credit_code}`, en: `registered ${b.self_employed ? 'an individual business' : 'a company'} ${b.name ?? b.credit_code}`, ref: b.credit_code });
  }
  if (a.deathDate && a.deathDate <= asOf) events.push({ date: a.deathDate, kind: 'death', zh: '死亡', en: 'died' });
  return events.filter((e) => e.date <= asOf).sort((x, y) => y.date.localeCompare(x.date) || x.kind.localeCompare(y.kind));
}
