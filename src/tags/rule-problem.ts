/** Where in the rule text something is: 0-based offsets, 1-based line and column. */
export interface Span {
  start: number;
  end: number;
  line: number;
  column: number;
}

export type RuleProblemCode =
  | 'RULE_SYNTAX'
  | 'RULE_TOO_LONG'
  | 'RULE_TOO_DEEP'
  | 'RULE_UNKNOWN_FACT'
  | 'RULE_UNKNOWN_TAG'
  | 'RULE_UNKNOWN_CODE'
  | 'RULE_TYPE_MISMATCH'
  | 'RULE_BAD_OPERATOR'
  | 'RULE_BAD_DATE'
  | 'RULE_BAD_NUMBER'
  | 'RULE_NO_FACT'
  | 'RULE_TAG_CYCLE';

/** An expected outcome: the rule is refused, and the message says where and why (Chinese first). */
export interface RuleProblem {
  code: RuleProblemCode;
  line: number;
  column: number;
  zh: string;
  en: string;
}

export function problemAt(code: RuleProblemCode, span: Pick<Span, 'line' | 'column'>, zh: string, en: string): RuleProblem {
  return {
    code,
    line: span.line,
    column: span.column,
    zh: `第 ${span.line} 行第 ${span.column} 列：${zh}`,
    en: `line ${span.line}, column ${span.column}: ${en}`,
  };
}

export function spanAt(text: string, start: number, end: number): Span {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < start && i < text.length; i++) {
    if (text[i] === '\n') {
      line += 1;
      lineStart = i + 1;
    }
  }
  return { start, end, line, column: start - lineStart + 1 };
}

/** One bilingual text for a list of problems (for AppError messages and CLI output). */
export function describeProblems(problems: readonly RuleProblem[]): { zh: string; en: string } {
  return { zh: problems.map((p) => p.zh).join('；'), en: problems.map((p) => p.en).join('; ') };
}
