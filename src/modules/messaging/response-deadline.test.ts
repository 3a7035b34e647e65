import { describe, expect, it } from 'vitest';
import { answeredInTime, isOverdue, replyDeadlineProblem, responseDueAt } from './response-deadline.ts';

describe('MSG-14 response deadline', () => {
  it.each([
    // Friday evening: due Saturday evening — weekends count.
    ['2026-11-20T18:00:00Z', 24, '2026-11-21T18:00:00.000Z'],
    ['2026-11-21T09:30:00Z', 24, '2026-11-22T09:30:00.000Z'],
    ['2026-12-31T23:00:00Z', 24, '2027-01-01T23:00:00.000Z'],
    ['2026-11-20T00:00:00Z', 48, '2026-11-22T00:00:00.000Z'],
  ])('a message at %s with %d h is due at %s (weekends included)', (at, h, due) => {
    expect(responseDueAt(new Date(at), h).toISOString()).toBe(due);
  });

  it.each([
    [null, '2026-11-20T00:00:00Z', false],
    ['2026-11-20T10:00:00Z', '2026-11-20T09:59:59Z', false],
    ['2026-11-20T10:00:00Z', '2026-11-20T10:00:00Z', true],
    ['2026-11-20T10:00:00Z', '2026-11-21T10:00:00Z', true],
  ])('due %s, now %s → overdue %s', (due, now, expected) => {
    expect(isOverdue(due ? new Date(due) : null, new Date(now))).toBe(expected);
  });

  it.each([
    ['2026-11-20T10:00:00Z', null, false],
    ['2026-11-20T10:00:00Z', '2026-11-21T09:59:59Z', true],
    ['2026-11-20T10:00:00Z', '2026-11-21T10:00:00Z', false],
  ])('PERF-6: message %s answered %s → in time %s', (at, replied, expected) => {
    expect(answeredInTime(new Date(at), replied ? new Date(replied) : null, 24)).toBe(expected);
  });

  it.each([
    [23, 'at least 24'],
    [24, null],
    [168, null],
    [169, 'at most 168'],
  ])('MSG-15: a reply deadline %d h ahead → %s', (h, problem) => {
    const now = new Date('2026-11-20T00:00:00Z');
    const r = replyDeadlineProblem(new Date(now.getTime() + h * 3_600_000), now, { min: 24, max: 168 });
    if (problem === null) expect(r).toBeNull();
    else expect(r).toContain(problem);
  });
});
