import type { CompareOp, Expr, Operand, ShiftUnit } from './rule-ast.ts';
import { problemAt, type RuleProblem, type Span } from './rule-problem.ts';
import { tokenize, type Token, type TokenKind } from './rule-tokens.ts';

export const MAX_DEPTH = 64;
export const MAX_IN_LIST = 1000;

export const keywords = new Set(['and', 'or', 'not', 'in', 'between', 'is', 'null', 'true', 'false', 'date', 'as_of', 'day', 'days', 'month', 'months', 'year', 'years']);
const units: Record<string, ShiftUnit> = { day: 'day', days: 'day', month: 'month', months: 'month', year: 'year', years: 'year' };

export type ParseResult = { ok: true; expr: Expr } | { ok: false; problems: RuleProblem[] };

class ParseError extends Error {
  constructor(readonly problem: RuleProblem) {
    super(problem.en);
  }
}

const join = (a: Span, b: Span): Span => ({ start: a.start, end: b.end, line: a.line, column: a.column });

/** Recursive-descent parser for the tag rule language; syntax only (names and types are checked later). */
export function parseRule(text: string): ParseResult {
  const tokenized = tokenize(text);
  if (!tokenized.ok) return tokenized;
  const tokens = tokenized.tokens;
  let pos = 0;
  let depth = 0;

  const peek = (): Token => tokens[pos];
  const isWord = (word: string, t: Token = peek()): boolean => t.kind === 'ident' && t.value === word;
  const describe = (t: Token): string => (t.kind === 'eof' ? 'end of rule' : `"${t.kind === 'string' ? `'${t.value}'` : t.value}"`);
  const describeZh = (t: Token): string => (t.kind === 'eof' ? '规则结尾' : `“${t.kind === 'string' ? `'${t.value}'` : t.value}”`);
  const fail = (t: Token, zh: string, en: string): never => {
    throw new ParseError(problemAt('RULE_SYNTAX', t.span, `${zh}，但遇到${describeZh(t)}。`, `${en}, found ${describe(t)}.`));
  };
  const expect = (kind: TokenKind, zh: string, en: string): Token => {
    const t = peek();
    if (t.kind !== kind) fail(t, zh, en);
    pos += 1;
    return t;
  };
  const expectWord = (word: string): Token => {
    const t = peek();
    if (!isWord(word)) fail(t, `此处应为 ${word}`, `expected "${word}"`);
    pos += 1;
    return t;
  };
  const enter = (t: Token): void => {
    depth += 1;
    if (depth > MAX_DEPTH) throw new ParseError(problemAt('RULE_TOO_DEEP', t.span, `嵌套层数超过 ${MAX_DEPTH}。`, `nesting deeper than ${MAX_DEPTH} levels.`));
  };

  function orExpr(): Expr {
    let left = andExpr();
    while (isWord('or')) {
      pos += 1;
      const right = andExpr();
      left = { kind: 'or', left, right, span: join(left.span, right.span) };
    }
    return left;
  }

  function andExpr(): Expr {
    let left = unary();
    while (isWord('and')) {
      pos += 1;
      const right = unary();
      left = { kind: 'and', left, right, span: join(left.span, right.span) };
    }
    return left;
  }

  function unary(): Expr {
    const t = peek();
    if (isWord('not')) {
      pos += 1;
      enter(t);
      const operand = unary();
      depth -= 1;
      return { kind: 'not', operand, span: join(t.span, operand.span) };
    }
    if (t.kind === 'lparen') {
      pos += 1;
      enter(t);
      const inner = orExpr();
      depth -= 1;
      const close = expect('rparen', '此处应为右括号“)”', 'expected ")"');
      return { ...inner, span: join(t.span, close.span) };
    }
    if (t.kind === 'tag') {
      pos += 1;
      return { kind: 'tag', code: t.value, span: t.span };
    }
    return predicate();
  }

  function predicate(): Expr {
    const left = operand();
    const t = peek();
    if (t.kind === 'op') {
      pos += 1;
      if (isWord('null')) fail(peek(), '与空值比较请写 is null 或 is not null', 'compare with null using "is null" or "is not null"');
      const right = operand();
      return { kind: 'compare', op: t.value as CompareOp, left, right, span: join(left.span, right.span) };
    }
    let negated = false;
    if (isWord('not') && (isWord('in', tokens[pos + 1]) || isWord('between', tokens[pos + 1]))) {
      negated = true;
      pos += 1;
    }
    if (isWord('in')) {
      pos += 1;
      expect('lparen', 'in 后应为左括号“(”', 'expected "(" after "in"');
      const values: Operand[] = [operand()];
      while (peek().kind === 'comma') {
        pos += 1;
        values.push(operand());
        if (values.length > MAX_IN_LIST) fail(peek(), `in 列表最多 ${MAX_IN_LIST} 项`, `an in-list has at most ${MAX_IN_LIST} values`);
      }
      const close = expect('rparen', 'in 列表应以右括号“)”结束', 'expected ")" to close the in-list');
      return { kind: 'in', operand: left, values, negated, span: join(left.span, close.span) };
    }
    if (isWord('between')) {
      pos += 1;
      const low = operand();
      expectWord('and');
      const high = operand();
      return { kind: 'between', operand: left, low, high, negated, span: join(left.span, high.span) };
    }
    if (isWord('is')) {
      pos += 1;
      let isNot = false;
      if (isWord('not')) {
        isNot = true;
        pos += 1;
      }
      const end = expectWord('null');
      return { kind: 'isNull', operand: left, negated: isNot, span: join(left.span, end.span) };
    }
    return { kind: 'truth', operand: left, span: left.span };
  }

  function operand(): Operand {
    let value = atom();
    while (peek().kind === 'plus' || peek().kind === 'minus') {
      const sign = peek().kind === 'plus' ? 1 : -1;
      pos += 1;
      const amountToken = expect('number', '日期加减应为整数加单位，如 as_of - 12 months', 'date arithmetic takes a whole number and a unit, e.g. as_of - 12 months');
      const unitToken = peek();
      const unit = unitToken.kind === 'ident' ? units[unitToken.value] : undefined;
      if (!unit) fail(unitToken, '此处应为时间单位 days、months 或 years', 'expected a unit: days, months or years');
      pos += 1;
      value = { kind: 'shift', base: value, sign, amount: Number(amountToken.value), unit: unit!, span: join(value.span, unitToken.span) };
    }
    return value;
  }

  function atom(): Operand {
    const t = peek();
    if (t.kind === 'number') {
      pos += 1;
      return { kind: 'number', value: Number(t.value), span: t.span };
    }
    if (t.kind === 'minus' && tokens[pos + 1].kind === 'number') {
      const n = tokens[pos + 1];
      pos += 2;
      return { kind: 'number', value: -Number(n.value), span: join(t.span, n.span) };
    }
    if (t.kind === 'string') {
      pos += 1;
      return { kind: 'string', value: t.value, span: t.span };
    }
    if (t.kind === 'ident') {
      if (t.value === 'true' || t.value === 'false') {
        pos += 1;
        return { kind: 'boolean', value: t.value === 'true', span: t.span };
      }
      if (t.value === 'as_of') {
        pos += 1;
        return { kind: 'asOf', span: t.span };
      }
      if (t.value === 'date') {
        pos += 1;
        const s = expect('string', "date 后应为带引号的日期，如 date '2025-01-01'", "expected a quoted date after date, e.g. date '2025-01-01'");
        return { kind: 'date', value: s.value, span: join(t.span, s.span) };
      }
      if (!keywords.has(t.value)) {
        pos += 1;
        return { kind: 'fact', name: t.value, span: t.span };
      }
    }
    return fail(t, '此处应为事实名、数值、字符串、日期或标签', 'expected a fact name, number, string, date or tag');
  }

  try {
    if (peek().kind === 'eof') fail(peek(), '规则为空', 'the rule is empty');
    const expr = orExpr();
    if (peek().kind !== 'eof') fail(peek(), '此处应为 and、or 或规则结尾', 'expected "and", "or" or the end of the rule');
    return { ok: true, expr };
  } catch (e) {
    if (e instanceof ParseError) return { ok: false, problems: [e.problem] };
    throw e;
  }
}
