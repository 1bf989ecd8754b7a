import type { Code } from '../model/code-lists.ts';

/** The value types a fact can have; the rule type checker and the SQL compiler work from these. */
export type FactType = 'number' | 'boolean' | 'date' | 'text' | 'code';

export type FactSubject = 'person' | 'employer';

export interface Bilingual {
  zh: string;
  en: string;
}

/**
 * One documented fact. `code` is both the name used in tag rules and the column of `person_fact` /
 * `employer_fact`; the compiler only ever emits a catalogue code as an identifier, never rule text.
 */
export interface FactDef {
  code: string;
  subject: FactSubject;
  category: FactCategory;
  zh: string;
  en: string;
  definition: Bilingual;
  unit: Bilingual | null;
  type: FactType;
  /** Allowed values of a `code` fact; a rule comparing it to anything else is refused. */
  codes?: readonly Code[];
}

export type FactCategory =
  | 'identity'
  | 'household'
  | 'contribution'
  | 'enrolment'
  | 'employment'
  | 'job_seeking'
  | 'benefit'
  | 'skills'
  | 'medical'
  | 'labour_relations'
  | 'employer';

export const factCategoryNames: Record<FactCategory, Bilingual> = {
  identity: { zh: '基本信息', en: 'identity' },
  household: { zh: '家庭', en: 'household' },
  contribution: { zh: '缴费', en: 'contributions' },
  enrolment: { zh: '参保', en: 'enrolment' },
  employment: { zh: '就业', en: 'employment' },
  job_seeking: { zh: '求职与失业', en: 'job seeking and unemployment' },
  benefit: { zh: '待遇', en: 'benefits' },
  skills: { zh: '培训与技能', en: 'training and skills' },
  medical: { zh: '医疗', en: 'medical' },
  labour_relations: { zh: '劳动关系', en: 'labour relations' },
  employer: { zh: '单位', en: 'employer' },
};

/** Shorthands for writing the catalogue as a readable table. */
export const months: Bilingual = { zh: '月', en: 'months' };
export const years: Bilingual = { zh: '年', en: 'years' };
export const yuan: Bilingual = { zh: '元', en: 'yuan' };
export const persons: Bilingual = { zh: '人', en: 'persons' };
export const count: Bilingual = { zh: '件', en: 'count' };
export const ratio: Bilingual = { zh: '比例（0–1）', en: 'ratio (0–1)' };
