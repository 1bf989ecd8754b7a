import type { SqlValue } from '../platform/database.ts';
import { findFact, type FactSubject } from '../facts/fact-catalogue.ts';
import type { Expr, Leaf, Operand } from './rule-ast.ts';

export interface CompileContext {
  subject: FactSubject;
  /** Alias of the fact row in the surrounding query, e.g. `f`. A fixed identifier chosen by the caller. */
  alias: string;
  /** Prefix of this rule's parameter names, so several rules can share one statement. */
  paramPrefix: string;
  asOf: string;
  /** Trusted SQL for `tag:code` (a materialised column, or another compiled rule in parentheses). */
  tagSql(code: string): string;
}

export interface CompiledLeaf {
  leaf: Leaf;
  sql: string;
}

export interface CompiledRule {
  /** A boolean SQL expression, never NULL. */
  sql: string;
  params: Record<string, SqlValue>;
  leaves: CompiledLeaf[];
}

const identifier = /^[a-z][a-z0-9_]*$/;
const shiftFunction = { day: 'to_days', month: 'to_months', year: 'to_years' } as const;
const sqlOperator = { '=': '=', '!=': '<>', '<': '<', '<=': '<=', '>': '>', '>=': '>=' } as const;

/**
 * Compiles a checked rule to a SQL boolean expression. Literals become bound parameters; identifiers are the
 * catalogue's own fact codes (looked up, never copied from the rule text), so rule text cannot reach the SQL.
 * A comparison on an empty fact is false (two-valued logic), so `not` means what a business user expects.
 */
export function compileRule(expr: Expr, ctx: CompileContext): CompiledRule {
  if (!identifier.test(ctx.alias) || !/^[a-z0-9_]*$/.test(ctx.paramPrefix)) throw new Error('compileRule: bad alias or parameter prefix');
  const params: Record<string, SqlValue> = {};
  const leaves: CompiledLeaf[] = [];
  let counter = 0;
  const bind = (value: SqlValue): string => {
    counter += 1;
    const name = `${ctx.paramPrefix}p${counter}`;
    params[name] = value;
    return `$${name}`;
  };
  let asOfParam: string | null = null;

  const operand = (o: Operand): string => {
    switch (o.kind) {
      case 'fact': {
        const def = findFact(ctx.subject, o.name);
        if (!def || !identifier.test(def.code)) throw new Error(`compileRule: fact ${o.name} was not checked`);
        return `${ctx.alias}."${def.code}"`;
      }
      case 'number':
        return bind(o.value);
      case 'string':
        return `CAST(${bind(o.value)} AS VARCHAR)`;
      case 'boolean':
        return `CAST(${bind(o.value)} AS BOOLEAN)`;
      case 'date':
        return `CAST(${bind(o.value)} AS DATE)`;
      case 'asOf':
        if (!asOfParam) {
          asOfParam = `${ctx.paramPrefix}as_of`;
          params[asOfParam] = ctx.asOf;
        }
        return `CAST($${asOfParam} AS DATE)`;
      case 'shift':
        return `CAST(${operand(o.base)} ${o.sign > 0 ? '+' : '-'} ${shiftFunction[o.unit]}(CAST(${bind(o.amount)} AS INTEGER)) AS DATE)`;
    }
  };

  const leaf = (e: Leaf): string => {
    let sql: string;
    switch (e.kind) {
      case 'tag':
        sql = ctx.tagSql(e.code);
        break;
      case 'truth':
        sql = operand(e.operand);
        break;
      case 'compare':
        sql = `${operand(e.left)} ${sqlOperator[e.op]} ${operand(e.right)}`;
        break;
      case 'in':
        sql = `${operand(e.operand)} ${e.negated ? 'NOT IN' : 'IN'} (${e.values.map(operand).join(', ')})`;
        break;
      case 'between':
        sql = `${operand(e.operand)} ${e.negated ? 'NOT BETWEEN' : 'BETWEEN'} ${operand(e.low)} AND ${operand(e.high)}`;
        break;
      case 'isNull':
        sql = `${operand(e.operand)} IS ${e.negated ? 'NOT NULL' : 'NULL'}`;
        break;
    }
    const wrapped = `coalesce((${sql}), false)`;
    leaves.push({ leaf: e, sql: wrapped });
    return wrapped;
  };

  const visit = (e: Expr): string => {
    switch (e.kind) {
      case 'and':
        return `(${visit(e.left)} AND ${visit(e.right)})`;
      case 'or':
        return `(${visit(e.left)} OR ${visit(e.right)})`;
      case 'not':
        return `(NOT ${visit(e.operand)})`;
      default:
        return leaf(e);
    }
  };
  return { sql: visit(expr), params, leaves };
}
