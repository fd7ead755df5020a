import { describe, expect, it } from 'vitest';

import { firstN } from './limits';
import { parseThresholds } from './thresholds';

describe('parseThresholds', () => {
  it('reads whole numbers', () => {
    expect(parseThresholds('2', '15')).toEqual({ narrow_span_max: 2, wide_span_min: 15 });
    expect(parseThresholds(0, 1)).toEqual({ narrow_span_max: 0, wide_span_min: 1 });
  });

  it('explains what is wrong otherwise', () => {
    expect(parseThresholds('', '15')).toMatch(/narrow/);
    expect(parseThresholds('2.5', '15')).toMatch(/narrow/);
    expect(parseThresholds('-1', '15')).toMatch(/narrow/);
    expect(parseThresholds('2', '0')).toMatch(/wide/);
    expect(parseThresholds('2', 'x')).toMatch(/wide/);
  });
});

describe('firstN', () => {
  it('shows the first 100 until asked for all', () => {
    const items = Array.from({ length: 250 }, (_, i) => i);
    expect(firstN(items, false).length).toBe(100);
    expect(firstN(items, true).length).toBe(250);
    expect(firstN(items.slice(0, 5), false).length).toBe(5);
  });
});
