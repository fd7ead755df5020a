// The team heatmap's colours, sorting and filtering (pure, so the grid only renders).
import type { HeatmapRow } from '../../lib/bindings/HeatmapRow';

/**
 * Levels 1–5 on a sequential yellow-green-blue scale (ColorBrewer YlGnBu,
 * readable with the common colour-vision deficiencies and in greyscale:
 * lightness falls with every step). The number is printed in every cell too.
 */
export const LEVEL_FILL = ['#ffffcc', '#a1dab4', '#41b6c4', '#2171b5', '#253494'] as const;
const DARK_TEXT = '#1b1f24';
const LIGHT_TEXT = '#ffffff';

function channel(c: number): number {
  const s = c / 255;
  return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
}

/** WCAG relative luminance of a #rrggbb colour. */
export function luminance(hex: string): number {
  const n = Number.parseInt(hex.slice(1), 16);
  return 0.2126 * channel((n >> 16) & 255) + 0.7152 * channel((n >> 8) & 255) + 0.0722 * channel(n & 255);
}

export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

export function levelFill(level: number | null): string | null {
  if (level === null || level < 1 || level > 5) return null;
  return LEVEL_FILL[Math.round(level) - 1];
}

/** Dark or light text, whichever reads better on the level's fill. */
export function levelText(level: number | null): string {
  const fill = levelFill(level);
  if (!fill) return DARK_TEXT;
  return contrastRatio(fill, DARK_TEXT) >= contrastRatio(fill, LIGHT_TEXT) ? DARK_TEXT : LIGHT_TEXT;
}

export function belowTarget(level: number | null, target: number | null): boolean {
  return level !== null && target !== null && level < target;
}

export type HeatmapSort = { by: 'name' } | { by: 'skill'; index: number; dir: 'desc' | 'asc' };

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

/**
 * Rows in display order. By name A–Z; or by one skill's level (unrated last
 * either way), ties by name. Returns a new array; the input is not touched.
 */
export function sortRows(rows: HeatmapRow[], sort: HeatmapSort): HeatmapRow[] {
  const out = rows.slice();
  if (sort.by === 'name') {
    out.sort((a, b) => collator.compare(a.name, b.name) || a.person_id - b.person_id);
    return out;
  }
  const sign = sort.dir === 'desc' ? -1 : 1;
  out.sort((a, b) => {
    const x = a.levels[sort.index] ?? null;
    const y = b.levels[sort.index] ?? null;
    if (x !== y) {
      if (x === null) return 1;
      if (y === null) return -1;
      return sign * (x - y);
    }
    return collator.compare(a.name, b.name) || a.person_id - b.person_id;
  });
  return out;
}

/** People whose name or title contains the text (case-insensitive). */
export function filterRows(rows: HeatmapRow[], text: string): HeatmapRow[] {
  const q = text.trim().toLowerCase();
  if (!q) return rows;
  return rows.filter((r) => r.name.toLowerCase().includes(q) || r.title.toLowerCase().includes(q));
}

/** Clicking a skill header: highest first, then lowest first, then back to names. */
export function nextSort(current: HeatmapSort, index: number): HeatmapSort {
  if (current.by === 'skill' && current.index === index) {
    return current.dir === 'desc' ? { by: 'skill', index, dir: 'asc' } : { by: 'name' };
  }
  return { by: 'skill', index, dir: 'desc' };
}
