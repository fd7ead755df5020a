import { describe, expect, it } from 'vitest';

import type { HistoryPoint } from '../../lib/bindings/HistoryPoint';
import { dayNumber, historyDomain, levelY, movements, timeX } from './history';

const p = (assessed_on: string, assessor_role: HistoryPoint['assessor_role'], level: number): HistoryPoint => ({
  assessment_id: 1,
  round: '2026-H1',
  framework_version: 1,
  assessed_on,
  assessor_role,
  level,
});

describe('history', () => {
  it('counts calendar days', () => {
    expect(dayNumber('1970-01-02')).toBe(1);
    expect(dayNumber('2024-03-01') - dayNumber('2024-02-28')).toBe(2);
  });

  it('shares one time axis over every skill', () => {
    const d = historyDomain([
      { skill_key: 'a', skill_name: 'A', points: [p('2026-03-01', 'self', 2)] },
      { skill_key: 'b', skill_name: 'B', points: [p('2025-09-01', 'manager', 1), p('2026-06-01', 'manager', 3)] },
      { skill_key: 'c', skill_name: 'C', points: [] },
    ]);
    expect(d).toEqual({ first: dayNumber('2025-09-01'), last: dayNumber('2026-06-01') });
    expect(historyDomain([{ skill_key: 'c', skill_name: 'C', points: [] }])).toBeNull();
  });

  it('places dates and levels', () => {
    const d = { first: dayNumber('2026-01-01'), last: dayNumber('2026-01-11') };
    expect(timeX('2026-01-01', d, 0, 100)).toBe(0);
    expect(timeX('2026-01-06', d, 0, 100)).toBe(50);
    expect(timeX('2026-01-11', d, 0, 100)).toBe(100);
    expect(timeX('2026-01-01', { first: 5, last: 5 }, 0, 100)).toBe(50);
    expect(levelY(1, 0, 40)).toBe(40);
    expect(levelY(5, 0, 40)).toBe(0);
    expect(levelY(3, 0, 40)).toBe(20);
  });

  it('reports first and latest level per role, manager first', () => {
    const pts = [p('2025-01-01', 'self', 3), p('2025-02-01', 'manager', 2), p('2025-07-01', 'self', 3), p('2025-08-01', 'manager', 4)];
    expect(movements(pts)).toEqual([
      { role: 'manager', first: 2, latest: 4, delta: 2, count: 2 },
      { role: 'self', first: 3, latest: 3, delta: 0, count: 2 },
    ]);
    expect(movements([])).toEqual([]);
  });
});
