import { describe, expect, it } from 'vitest';

import { pagesFor, scrollToReveal, visibleWindow } from './virtual';

describe('visibleWindow', () => {
  it('covers the rows on screen plus overscan', () => {
    // rows 0..9 fit a 400px viewport of 40px rows; scrolled to row 100
    expect(visibleWindow(4000, 400, 40, 100_000, 5)).toEqual({ start: 95, end: 116 });
  });

  it('clamps at both ends', () => {
    expect(visibleWindow(0, 400, 40, 100_000, 5)).toEqual({ start: 0, end: 16 });
    expect(visibleWindow(10_000_000, 400, 40, 50, 5)).toEqual({ start: 49, end: 50 });
    expect(visibleWindow(0, 400, 40, 3, 5)).toEqual({ start: 0, end: 3 });
  });

  it('renders nothing for an empty list', () => {
    expect(visibleWindow(0, 400, 40, 0)).toEqual({ start: 0, end: 0 });
  });

  it('keeps the DOM small for 100,000 rows', () => {
    const w = visibleWindow(2_000_000, 800, 48, 100_000, 10);
    expect(w.end - w.start).toBeLessThan(45);
  });
});

describe('pagesFor', () => {
  it('lists the pages that cover a window', () => {
    expect(pagesFor({ start: 190, end: 420 }, 200)).toEqual([0, 1, 2]);
    expect(pagesFor({ start: 0, end: 200 }, 200)).toEqual([0]);
    expect(pagesFor({ start: 5, end: 5 }, 200)).toEqual([]);
  });
});

describe('scrollToReveal', () => {
  it('scrolls up or down only when needed', () => {
    expect(scrollToReveal(5, 0, 400, 40)).toBeNull();
    expect(scrollToReveal(20, 0, 400, 40)).toBe(440);
    expect(scrollToReveal(2, 400, 400, 40)).toBe(80);
  });
});
