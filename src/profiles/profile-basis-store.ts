import type { Database } from '../platform/database.ts';
import type { Clock } from '../platform/clock.ts';
import { factCatalogue, subjectKey, type FactSubject } from '../facts/fact-catalogue.ts';
import type { Bilingual } from '../facts/fact-types.ts';
import { factTable, readFactsAsOf } from '../facts/facts-store.ts';
import type { TagCatalogue } from '../tags/tag-catalogue.ts';
import { tagColumn } from '../tags/tag-compile.ts';

export interface ProfileFact {
  code: string;
  zh: string;
  en: string;
  unit: Bilingual | null;
  category: string;
  value: unknown;
}

export interface ProfileTag {
  code: string;
  zh: string;
  en: string;
  category: string;
}

export interface ProfileBasis {
  asOf: string;
  /** False before the first tag build: facts and tags are then empty. */
  built: boolean;
  facts: ProfileFact[];
  tags: ProfileTag[];
}

export async function tableExists(db: Database, table: string): Promise<boolean> {
  const [r] = await db.query<{ n: number }>(`SELECT count(*) AS n FROM information_schema.tables WHERE table_name = $t`, { t: table });
  return r.n > 0;
}

/** Current facts (`person_fact` / `employer_fact`) and tags (`person_tag` / `employer_tag`) of a subject. */
export async function readProfileBasis(db: Database, catalogue: TagCatalogue, subject: FactSubject, key: string, clock: Clock): Promise<ProfileBasis> {
  const asOf = (await readFactsAsOf(db)) ?? clock.now().toISOString().slice(0, 10);
  const factTableName = factTable[subject];
  const tagTableName = subject === 'person' ? 'person_tag' : 'employer_tag';
  if (!(await tableExists(db, factTableName))) return { asOf, built: false, facts: [], tags: [] };
  const [row] = await db.query(`SELECT * FROM ${factTableName} WHERE ${subjectKey[subject]} = $key`, { key });
  const tagged = (await tableExists(db, tagTableName))
    ? (await db.query(`SELECT * FROM ${tagTableName} WHERE ${subjectKey[subject]} = $key`, { key }))[0] ?? {}
    : {};
  if (!row) return { asOf, built: true, facts: [], tags: [] };
  const facts = factCatalogue[subject].map((f) => ({ code: f.code, zh: f.zh, en: f.en, unit: f.unit, category: f.category, value: row[f.code] ?? null }));
  const tags = catalogue.tags
    .filter((t) => t.subject === subject && tagged[tagColumn(t.code)] === true)
    .map((t) => ({ code: t.code, zh: t.zh, en: t.en, category: t.category }));
  return { asOf, built: true, facts, tags };
}
