// Windowing maths for virtualised lists with fixed row heights.

export interface Window {
  /** First row index to render (inclusive). */
  start: number;
  /** Last row index to render (exclusive). */
  end: number;
}

/**
 * Rows to render for a viewport: those on screen plus `overscan` rows either side.
 */
export function visibleWindow(
  scrollTop: number,
  viewportHeight: number,
  rowHeight: number,
  total: number,
  overscan = 6,
): Window {
  if (total <= 0 || rowHeight <= 0) return { start: 0, end: 0 };
  const first = Math.floor(Math.max(0, scrollTop) / rowHeight);
  const count = Math.ceil(Math.max(0, viewportHeight) / rowHeight) + 1;
  const start = Math.max(0, Math.min(total - 1, first - overscan));
  const end = Math.min(total, first + count + overscan);
  return { start, end: Math.max(start, end) };
}

/** Page indexes (of `pageSize` rows) that cover rows [start, end). */
export function pagesFor(win: Window, pageSize: number): number[] {
  if (win.end <= win.start) return [];
  const first = Math.floor(win.start / pageSize);
  const last = Math.floor((win.end - 1) / pageSize);
  const pages: number[] = [];
  for (let p = first; p <= last; p += 1) pages.push(p);
  return pages;
}

/**
 * The scrollTop that brings `index` into view, or null when it already is.
 */
export function scrollToReveal(
  index: number,
  scrollTop: number,
  viewportHeight: number,
  rowHeight: number,
): number | null {
  const top = index * rowHeight;
  const bottom = top + rowHeight;
  if (top < scrollTop) return top;
  if (bottom > scrollTop + viewportHeight) return Math.max(0, bottom - viewportHeight);
  return null;
}
