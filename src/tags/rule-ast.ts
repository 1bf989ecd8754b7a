import type { Span } from './rule-problem.ts';

export type CompareOp = '=' | '!=' | '<' | '<=' | '>' | '>=';
export type ShiftUnit = 'day' | 'month' | 'year';

/** Values: a fact, a literal, the as-of date, or a date moved by whole days/months/years. */
export type Operand =
  | { kind: 'fact'; name: string; span: Span }
  | { kind: 'number'; value: number; span: Span }
  | { kind: 'string'; value: string; span: Span }
  | { kind: 'boolean'; value: boolean; span: Span }
  | { kind: 'date'; value: string; span: Span }
  | { kind: 'asOf'; span: Span }
  | { kind: 'shift'; base: Operand; sign: 1 | -1; amount: number; unit: ShiftUnit; span: Span };

/** Boolean expressions: the only thing a rule can be. */
export type Expr =
  | { kind: 'and' | 'or'; left: Expr; right: Expr; span: Span }
  | { kind: 'not'; operand: Expr; span: Span }
  | { kind: 'compare'; op: CompareOp; left: Operand; right: Operand; span: Span }
  | { kind: 'in'; operand: Operand; values: Operand[]; negated: boolean; span: Span }
  | { kind: 'between'; operand: Operand; low: Operand; high: Operand; negated: boolean; span: Span }
  | { kind: 'isNull'; operand: Operand; negated: boolean; span: Span }
  | { kind: 'truth'; operand: Operand; span: Span }
  | { kind: 'tag'; code: string; span: Span };

/** The comparisons and tag references of a rule, left to right: what an explanation reports on. */
export type Leaf = Exclude<Expr, { kind: 'and' | 'or' | 'not' }>;

export function leavesOf(expr: Expr): Leaf[] {
  switch (expr.kind) {
    case 'and':
    case 'or':
      return [...leavesOf(expr.left), ...leavesOf(expr.right)];
    case 'not':
      return leavesOf(expr.operand);
    default:
      return [expr];
  }
}

export function factsOf(expr: Expr): string[] {
  const names = new Set<string>();
  const visit = (o: Operand): void => {
    if (o.kind === 'fact') names.add(o.name);
    if (o.kind === 'shift') visit(o.base);
  };
  for (const leaf of leavesOf(expr)) {
    if (leaf.kind === 'compare') [leaf.left, leaf.right].forEach(visit);
    else if (leaf.kind === 'in') [leaf.operand, ...leaf.values].forEach(visit);
    else if (leaf.kind === 'between') [leaf.operand, leaf.low, leaf.high].forEach(visit);
    else if (leaf.kind === 'isNull' || leaf.kind === 'truth') visit(leaf.operand);
  }
  return [...names];
}

export function tagsOf(expr: Expr): string[] {
  return [...new Set(leavesOf(expr).flatMap((l) => (l.kind === 'tag' ? [l.code] : [])))];
}
