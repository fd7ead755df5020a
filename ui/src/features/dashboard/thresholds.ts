import type { Thresholds } from '../../lib/bindings/Thresholds';

/**
 * Reads the two threshold inputs. Returns a message when they are not whole
 * numbers; the host checks the rest (e.g. narrow below wide) and may refuse.
 */
export function parseThresholds(narrow: string | number, wide: string | number): Thresholds | string {
  const n = Number(String(narrow).trim());
  const w = Number(String(wide).trim());
  if (String(narrow).trim() === '' || !Number.isInteger(n) || n < 0) {
    return 'The narrow threshold must be a whole number, 0 or more.';
  }
  if (String(wide).trim() === '' || !Number.isInteger(w) || w < 1) {
    return 'The wide threshold must be a whole number, 1 or more.';
  }
  return { narrow_span_max: n, wide_span_min: w };
}
