import type { Database } from '../platform/database.ts';
import { AppError } from '../platform/errors.ts';
import { factTable, readFactsAsOf } from '../facts/facts-store.ts';
import { subjectKey } from '../facts/fact-catalogue.ts';
import type { TagCatalogue } from './tag-catalogue.ts';
import { compileWithTags, tagColumn } from './tag-compile.ts';
import { explanationFrom, type Explanation } from './tag-explain.ts';

/** Why a person or employer has (or lacks) a tag: each condition of the rule and each fact's value. */
export async function explainTag(db: Database, catalogue: TagCatalogue, code: string, key: string): Promise<Explanation> {
  const tag = catalogue.byCode.get(code);
  if (!tag) throw new AppError('NOT_FOUND', { zh: `没有标签 ${code}。`, en: `There is no tag ${code}.` });
  const asOf = await readFactsAsOf(db);
  if (!asOf) throw new AppError('NOT_FOUND', { zh: '尚未构建标签，请先运行 renshe tags build。', en: 'No tags have been built yet; run renshe tags build first.' });
  const tags = tag.subject === 'person' ? 'person_tag' : 'employer_tag';
  const key$ = subjectKey[tag.subject];
  const compiled = compileWithTags(tag.expr, tag.subject, catalogue, { alias: 'f', tagAlias: 't', asOf, paramPrefix: 'x_', refs: 'column' });
  const built = new Set(
    (await db.query<{ c: string }>(`SELECT column_name AS c FROM information_schema.columns WHERE table_name = $t`, { t: tags })).map((r) => r.c),
  );
  const missing = tag.refs.filter((r) => !built.has(tagColumn(r)));
  if (built.size === 0 || missing.length) {
    throw new AppError('CONFLICT', { zh: '标签需要重新构建，请运行 renshe tags build。', en: 'The tags need a rebuild; run renshe tags build.' });
  }
  const select = [
    ...compiled.leaves.map((l, i) => `${l.sql} AS l${i}`),
    `${compiled.sql} AS result`,
    built.has(tagColumn(code)) ? `t."${tagColumn(code)}" AS stored` : 'NULL AS stored',
    ...tag.facts.map((f) => `f."${f}"`),
  ];
  const rows = await db.query(
    `SELECT ${select.join(', ')} FROM ${factTable[tag.subject]} f JOIN ${tags} t ON t.${key$} = f.${key$} WHERE f.${key$} = $key`,
    { ...compiled.params, key },
  );
  if (!rows[0]) {
    throw new AppError('NOT_FOUND', {
      zh: `在最近一次构建中没有${tag.subject === 'person' ? '人员' : '单位'} ${key}。`,
      en: `No ${tag.subject} ${key} in the latest build.`,
    });
  }
  return explanationFrom(tag, compiled.leaves, rows[0], key, asOf);
}
