import { describe, expect, it } from 'vitest';

import * as core from '../../test/core';
import { belowTarget, contrastRatio, filterRows, LEVEL_FILL, levelFill, levelText, luminance, nextSort, sortRows } from './heatmap';

describe('heatmap colours', () => {
  it('gets darker with every level, so order survives colour blindness and greyscale', () => {
    const lum = LEVEL_FILL.map(luminance);
    for (let i = 1; i < lum.length; i += 1) expect(lum[i]).toBeLessThan(lum[i - 1]);
    // neighbours are far enough apart to tell apart
    for (let i = 1; i < LEVEL_FILL.length; i += 1) expect(contrastRatio(LEVEL_FILL[i], LEVEL_FILL[i - 1])).toBeGreaterThan(1.3);
  });

  it('prints every number with at least 4.5:1 contrast', () => {
    for (let level = 1; level <= 5; level += 1) {
      expect(contrastRatio(levelFill(level)!, levelText(level))).toBeGreaterThanOrEqual(4.5);
    }
  });

  it('knows the WCAG luminance of black and white', () => {
    expect(luminance('#000000')).toBe(0);
    expect(luminance('#ffffff')).toBeCloseTo(1);
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21);
  });

  it('has no fill for unrated cells and marks cells below target', () => {
    expect(levelFill(null)).toBeNull();
    expect(levelFill(0)).toBeNull();
    expect(belowTarget(2, 3)).toBe(true);
    expect(belowTarget(3, 3)).toBe(false);
    expect(belowTarget(null, 3)).toBe(false);
    expect(belowTarget(1, null)).toBe(false);
  });
});

describe('heatmap rows', () => {
  const rows = [
    { person_id: 3, name: 'carol', title: 'Engineer', levels: [2, null] },
    { person_id: 1, name: 'Ada', title: 'Staff engineer', levels: [null, 4] },
    { person_id: 2, name: 'bob', title: 'Manager', levels: [5, 1] },
    { person_id: 4, name: 'Bob', title: 'Engineer', levels: [2, 3] },
  ];

  it('sorts by name, case-insensitively, ties by id', () => {
    expect(sortRows(rows, { by: 'name' }).map((r) => r.person_id)).toEqual([1, 2, 4, 3]);
    expect(rows[0].person_id).toBe(3); // input untouched
  });

  it('sorts by a skill, unrated last in both directions', () => {
    expect(sortRows(rows, { by: 'skill', index: 0, dir: 'desc' }).map((r) => r.person_id)).toEqual([2, 4, 3, 1]);
    expect(sortRows(rows, { by: 'skill', index: 0, dir: 'asc' }).map((r) => r.person_id)).toEqual([4, 3, 2, 1]);
    expect(sortRows(rows, { by: 'skill', index: 1, dir: 'asc' }).map((r) => r.person_id)).toEqual([2, 4, 1, 3]);
  });

  it('cycles a header: highest first, lowest first, back to names', () => {
    let s = nextSort({ by: 'name' }, 2);
    expect(s).toEqual({ by: 'skill', index: 2, dir: 'desc' });
    s = nextSort(s, 2);
    expect(s).toEqual({ by: 'skill', index: 2, dir: 'asc' });
    expect(nextSort(s, 2)).toEqual({ by: 'name' });
    expect(nextSort(s, 0)).toEqual({ by: 'skill', index: 0, dir: 'desc' });
  });

  it('filters by name or title', () => {
    expect(filterRows(rows, 'BOB').map((r) => r.person_id)).toEqual([2, 4]);
    expect(filterRows(rows, 'staff').map((r) => r.person_id)).toEqual([1]);
    expect(filterRows(rows, '  ')).toBe(rows);
  });

  it('sorts a thousand people quickly', () => {
    // The host's rows of Grace's org, a hundred times over.
    const org = core.teamHeatmapGrace().rows;
    const big = Array.from({ length: 1000 }, (_, i) => ({ ...org[i % org.length], person_id: i + 1 }));
    const t = performance.now();
    const sorted = sortRows(big, { by: 'skill', index: 0, dir: 'desc' });
    expect(performance.now() - t).toBeLessThan(200);
    // Delegating: Katherine's 4 first, the unrated last.
    expect(sorted[0].levels[0]).toBe(4);
    expect(sorted[sorted.length - 1].levels[0]).toBeNull();
  });
});
