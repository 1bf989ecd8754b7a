import type { SqlValue } from '../platform/database.ts';
import type { FactSubject } from '../facts/fact-catalogue.ts';
import { compileRule, type CompiledRule } from './rule-compile.ts';
import type { Expr } from './rule-ast.ts';
import type { TagCatalogue } from './tag-catalogue.ts';

/** Column of a tag in the wide `person_tag` / `employer_tag` tables. Codes are validated identifiers. */
export const tagColumn = (code: string): string => {
  if (!/^[a-z][a-z0-9_]*$/.test(code)) throw new Error(`bad tag code ${code}`);
  return `tag_${code}`;
};

export interface TagCompileOptions {
  alias: string;
  asOf: string;
  paramPrefix: string;
  /**
   * `inline`: a referenced tag is compiled in place (for the build, where columns do not exist yet);
   * `column`: it reads the materialised `tag_<code>` column (segments and explanations over the built table).
   */
  refs: 'inline' | 'column';
  /** With `column`: the alias of the tag table (facts stay on `alias`); defaults to `alias`. */
  tagAlias?: string;
}

/** Compiles a rule expression whose `tag:` references resolve against a catalogue. */
export function compileWithTags(expr: Expr, subject: FactSubject, catalogue: TagCatalogue, o: TagCompileOptions): CompiledRule {
  const refParams: Record<string, SqlValue> = {};
  let refIndex = 0;
  const tagSql = (code: string): string => {
    const ref = catalogue.byCode.get(code);
    if (!ref || ref.subject !== subject) throw new Error(`tag ${code} was not checked`);
    if (o.refs === 'column') return `${o.tagAlias ?? o.alias}."${tagColumn(ref.code)}"`;
    refIndex += 1;
    const inner = compileWithTags(ref.expr, subject, catalogue, { ...o, paramPrefix: `${o.paramPrefix}r${refIndex}_` });
    Object.assign(refParams, inner.params);
    return inner.sql;
  };
  const compiled = compileRule(expr, { subject, alias: o.alias, paramPrefix: o.paramPrefix, asOf: o.asOf, tagSql });
  return { ...compiled, params: { ...compiled.params, ...refParams } };
}

/** One SELECT list entry per tag of a subject, in catalogue order, with all their parameters. */
export function compileTagColumns(catalogue: TagCatalogue, subject: FactSubject, alias: string, asOf: string): { columns: string[]; params: Record<string, SqlValue>; codes: string[] } {
  const columns: string[] = [];
  const params: Record<string, SqlValue> = {};
  const codes: string[] = [];
  catalogue.order.forEach((code, i) => {
    const tag = catalogue.byCode.get(code)!;
    if (tag.subject !== subject) return;
    const c = compileWithTags(tag.expr, subject, catalogue, { alias, asOf, paramPrefix: `t${i}_`, refs: 'inline' });
    columns.push(`${c.sql} AS "${tagColumn(code)}"`);
    Object.assign(params, c.params);
    codes.push(code);
  });
  return { columns, params, codes };
}
