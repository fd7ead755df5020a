import { describe, expect, it } from 'vitest';

import { niceTicks } from './chart';
import { baseName, dataValue, formatCompact, formatFixed, formatInt, formatNumber, formatRatio, plural, roleLabel } from './format';

describe('format', () => {
  it('shows a ratio with two decimals, or a dash without managers', () => {
    expect(formatRatio(3)).toBe('3.00');
    expect(formatRatio(10 / 3)).toBe('3.33');
    expect(formatRatio(null)).toBe('—');
  });

  it('groups thousands', () => {
    expect(formatInt(100000)).toBe('100,000');
    expect(formatInt(null)).toBe('—');
  });

  it('shortens large numbers only where space is tight', () => {
    expect(formatCompact(9999)).toBe('9,999');
    expect(formatCompact(12345)).toBe('12.3K');
    expect(formatCompact(100000)).toBe('100K');
  });

  it('trims needless decimals', () => {
    expect(formatNumber(2.5, 1)).toBe('2.5');
    expect(formatNumber(4, 1)).toBe('4');
    expect(formatFixed(undefined)).toBe('—');
  });

  it('gives machine values without separators', () => {
    expect(dataValue(12345)).toBe('12345');
    expect(dataValue(10 / 3, 2)).toBe('3.33');
    expect(dataValue(null)).toBe('');
  });

  it('words', () => {
    expect(plural(1, 'problem')).toBe('1 problem');
    expect(plural(2, 'person', 'people')).toBe('2 people');
    expect(roleLabel(null)).toBe('None');
    expect(roleLabel('ic_leader')).toBe('IC leader');
    expect(baseName('C:\\orgs\\acme.leadline')).toBe('acme.leadline');
  });
});

describe('niceTicks', () => {
  it('reaches the maximum in round steps', () => {
    expect(niceTicks(3)).toEqual([0, 1, 2, 3]);
    expect(niceTicks(5)).toEqual([0, 2, 4, 6]);
    const t = niceTicks(1234);
    expect(t[0]).toBe(0);
    expect(t[t.length - 1]).toBeGreaterThanOrEqual(1234);
    expect(t.length).toBeLessThanOrEqual(6);
    expect(niceTicks(0)).toEqual([0, 1]);
  });
});
