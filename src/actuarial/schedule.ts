import { z } from 'zod';

/**
 * An assumption that may change over time: a single number, or steps `[{from: 2025, value: 0.05}, {from: 2035,
 * value: 0.04}]` each holding from its year until the next. Before the first step the first value holds.
 */
export const scheduleSchema = z.union([
  z.number(),
  z.array(z.object({ from: z.number().int(), value: z.number() })).min(1),
]);

export type Schedule = z.infer<typeof scheduleSchema>;

export function valueAt(schedule: Schedule, year: number): number {
  if (typeof schedule === 'number') return schedule;
  let value = schedule[0].value;
  for (const step of schedule) if (step.from <= year) value = step.value;
  return value;
}

/** Shifts every value of a schedule (used for ± one-step sensitivity). */
export function shiftSchedule(schedule: Schedule, delta: number): Schedule {
  return typeof schedule === 'number' ? schedule + delta : schedule.map((s) => ({ from: s.from, value: s.value + delta }));
}
