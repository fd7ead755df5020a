import { describe, expect, it } from 'vitest';

import * as core from '../../test/core';
import { dayNumber, historyDomain, levelY, movements, timeX } from './history';

// Ada's ratings over time: the first on 2026-03-01, the last on 2026-07-20.
const history = core.skillHistoryAda();

describe('history', () => {
  it('counts calendar days', () => {
    expect(dayNumber('1970-01-02')).toBe(1);
    expect(dayNumber('2024-03-01') - dayNumber('2024-02-28')).toBe(2);
  });

  it('shares one time axis over every skill', () => {
    expect(historyDomain(history)).toEqual({ first: dayNumber('2026-03-01'), last: dayNumber('2026-07-20') });
    // Technical judgment alone was rated once, on 2026-07-20.
    const once = history.filter((h) => h.skill_key === 'technical-judgment');
    expect(historyDomain(once)).toEqual({ first: dayNumber('2026-07-20'), last: dayNumber('2026-07-20') });
    expect(historyDomain(history.filter((h) => h.points.length === 0))).toBeNull();
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
    // Delegating: self 3 then 4, the manager 2 both times.
    const delegating = history.find((h) => h.skill_key === 'delegating-work')!.points;
    expect(movements(delegating)).toEqual([
      { role: 'manager', first: 2, latest: 2, delta: 0, count: 2 },
      { role: 'self', first: 3, latest: 4, delta: 1, count: 2 },
    ]);
    expect(movements([])).toEqual([]);
  });
});
