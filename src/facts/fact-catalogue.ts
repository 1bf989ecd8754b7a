import { personFacts } from './person-facts.ts';
import { employerFacts } from './employer-facts.ts';
import type { FactDef, FactSubject } from './fact-types.ts';

export type { FactDef, FactSubject, FactType } from './fact-types.ts';

/** Every fact, per subject. Rules see only these names; `person_fact`/`employer_fact` have exactly these columns. */
export const factCatalogue: Record<FactSubject, readonly FactDef[]> = {
  person: personFacts,
  employer: employerFacts,
};

const bySubject: Record<FactSubject, Map<string, FactDef>> = {
  person: new Map(personFacts.map((f) => [f.code, f])),
  employer: new Map(employerFacts.map((f) => [f.code, f])),
};

export function findFact(subject: FactSubject, code: string): FactDef | undefined {
  return bySubject[subject].get(code);
}

/** The key column of each fact table. */
export const subjectKey: Record<FactSubject, string> = { person: 'id_number', employer: 'credit_code' };
