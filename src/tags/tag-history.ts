/** A subject's tag history as events: what was added and removed at each build. Pure. */
export interface HistoryEvent {
  buildId: number;
  asOf: string;
  tags: string[];
  added: string[];
  removed: string[];
}

export function historyEvents(builds: { build_id: number; as_of: string; tags: string[] }[]): HistoryEvent[] {
  let before = new Set<string>();
  return builds.map((b) => {
    const now = new Set(b.tags);
    const event = {
      buildId: b.build_id,
      asOf: b.as_of,
      tags: b.tags,
      added: b.tags.filter((t) => !before.has(t)),
      removed: [...before].filter((t) => !now.has(t)).sort(),
    };
    before = now;
    return event;
  });
}
