// Geometry of the small SVG charts, in screen pixels: the charts draw at 1:1
// (never scaled by a viewBox), so a 12 px label is 12 px on screen. Value
// labels are placed so they cannot collide; text widths are estimated from
// the characters (no DOM), generously, so an estimate errs towards room.

/** Round tick values from 0 to at least `max`, about `count` steps. */
export function niceTicks(max: number, count = 4): number[] {
  if (!Number.isFinite(max) || max <= 0) return [0, 1];
  const raw = max / count;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const norm = raw / mag;
  const step = Math.max(1, (norm <= 1 ? 1 : norm <= 2 ? 2 : norm <= 5 ? 5 : 10) * mag);
  const ticks: number[] = [];
  for (let v = 0; v < max + step; v += step) {
    ticks.push(Math.round(v));
    if (v >= max) break;
  }
  return ticks;
}

/**
 * Estimated width of `text` in px at `fontPx`, bold when `bold`. The factors
 * are those of DejaVu Sans (what system-ui is on a Linux desktop), the widest
 * of the usual system fonts, rounded up: an estimate errs towards room.
 */
export function textWidth(text: string, fontPx: number, bold = false): number {
  let em = 0;
  for (const ch of text) {
    if (ch >= '0' && ch <= '9') em += 0.64;
    else if (ch === ',' || ch === '.' || ch === ' ' || ch === ':' || ch === '·') em += 0.33;
    else if (ch === 'i' || ch === 'l' || ch === 'j' || ch === 'I') em += 0.3;
    else if (ch === 't' || ch === 'f' || ch === 'r') em += 0.42;
    else if (ch === 'm' || ch === 'w' || ch === 'M' || ch === 'W') em += 0.98;
    else if (ch >= 'A' && ch <= 'Z') em += 0.74;
    else em += 0.62;
  }
  return em * fontPx * (bold ? 1.1 : 1);
}

const exact = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const compact = new Intl.NumberFormat('en-US', { notation: 'compact', maximumFractionDigits: 1 });

/** A value label's short form: exact below 1,000, else 28.4K, 128K, 1.5M. */
export function formatShort(value: number): string {
  return Math.abs(value) < 1000 ? exact.format(value) : compact.format(value);
}

/** Space between a label and whatever is next to it. */
export const LABEL_GAP = 4;

/** Height of one line of chart text at `fontPx`. */
export function lineHeight(fontPx: number): number {
  return Math.ceil(fontPx * 1.25);
}

/**
 * Width an upright value label takes: its glyphs' height. Numbers, "K" and
 * "M" have no descenders, so the cap height (0.73 em in DejaVu Sans) and a
 * margin, not a whole line.
 */
function upright(fontPx: number): number {
  return Math.ceil(fontPx * 0.9);
}

/** A column of a bar chart as its caller gives it. */
export interface Bar {
  label: string;
  value: number;
  /** Tooltip of the column; "label: value" when absent. */
  title?: string;
}

/** The columns of a chart that makes them for its width (binning). */
export interface Columns {
  bars: Bar[];
  /** Replaces the x-axis title, e.g. to say the columns are bins. */
  xLabel?: string;
}

/** A bar of a vertical bar chart, in px. */
export interface BarRect {
  index: number;
  x: number;
  y: number;
  w: number;
  h: number;
  /** Centre of the bar's slot. */
  cx: number;
}

/** A value label: its text, the exact number for the tooltip, and its anchor point. */
export interface ValueLabel {
  index: number;
  text: string;
  /** The exact value, for the label's <title> when `text` is shortened. */
  full: string;
  /** Anchor: the middle of the text's baseline, or for a rotated label its start. */
  x: number;
  y: number;
  rotated: boolean;
  /** The box the label covers, for checks. */
  box: Box;
}

export interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/**
 * How the value labels are drawn, the first that works: `exact` (every
 * value in full, horizontal), `short` (every value as 28.4K), `rotated`
 * (every short value turned upright above its bar), `some` (the largest
 * values that have room, horizontal; the table beside has all of them).
 */
export type LabelMode = 'exact' | 'short' | 'rotated' | 'some' | 'none';

export interface BarLayoutInput {
  /** One value per column; 0 draws no bar and no label. */
  values: readonly number[];
  /** Width and height of the whole chart in px. */
  width: number;
  height: number;
  /** Font sizes in px: value labels, axis ticks and axis titles. */
  valuePx: number;
  tickPx: number;
  /** Labels under the columns (categories). */
  categories: readonly string[];
  /** Widest bar, in px. */
  maxBarW?: number;
}

export interface BarLayout {
  /** Plot area in px. */
  left: number;
  right: number;
  top: number;
  bottom: number;
  slot: number;
  /** The y axis: tick values and the value at the top of the scale. */
  ticks: number[];
  scaleMax: number;
  bars: BarRect[];
  labels: ValueLabel[];
  mode: LabelMode;
  /** Category labels shown: every `categoryEvery`-th column (the last of each group). */
  categoryEvery: number;
  /** y of the category labels' baseline and of the x-axis title's baseline. */
  categoryY: number;
  titleY: number;
  /** x of the y-axis title's centre line (the title is upright). */
  yTitleX: number;
}

/** Multiples tried when thinning labels: every 1st, 2nd, 5th, 10th, … column. */
function niceEvery(min: number): number {
  if (min <= 1) return 1;
  for (let mag = 1; ; mag *= 10) {
    for (const m of [1, 2, 5]) if (m * mag >= min) return m * mag;
  }
}

/**
 * The smallest regular spacing (1, 2, 5, 10, …) at which labels of up to
 * `maxWidth` px, one per `slot` px column, do not touch.
 */
export function labelEvery(maxWidth: number, slot: number, gap = LABEL_GAP * 2): number {
  if (slot <= 0) return 1;
  return niceEvery(Math.ceil((maxWidth + gap) / slot));
}

/** True when two boxes overlap (touching edges do not count). */
export function overlaps(a: Box, b: Box): boolean {
  return a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;
}

/**
 * Lays out a vertical bar chart in px: axes, bars, and value labels that
 * never collide with each other, with another bar, or with the chart's edges.
 */
export function layoutBars(input: BarLayoutInput): BarLayout {
  const { values, width, height, valuePx, tickPx, categories } = input;
  const maxBarW = input.maxBarW ?? 48;
  const n = values.length;
  const max = Math.max(0, ...values);
  const ticks = niceTicks(max, 4);
  const scaleMax = ticks[ticks.length - 1] || 1;
  const line = lineHeight(tickPx);
  const tickW = Math.max(...ticks.map((t) => textWidth(formatShort(t), tickPx)));
  // Upright y-axis title, then the tick labels, then the plot.
  const yTitleX = Math.ceil(line / 2) + 2;
  const left = Math.ceil(line + 6 + tickW + 6);
  const right = width - 8;
  const plotW = Math.max(1, right - left);
  const slot = n > 0 ? plotW / n : plotW;
  const barW = Math.max(1, Math.min(maxBarW, slot * 0.7));
  const full = values.map((v) => exact.format(v));
  const short = values.map((v) => formatShort(v));
  const widthOf = (texts: string[]) => texts.map((t) => textWidth(t, valuePx, true));
  const fullW = widthOf(full);
  const shortW = widthOf(short);
  const vLine = lineHeight(valuePx);
  const room = slot - LABEL_GAP;
  const everyFits = (ws: number[]) => values.every((v, i) => v <= 0 || ws[i] <= room);

  let mode: LabelMode;
  if (n === 0 || max <= 0) mode = 'none';
  else if (everyFits(fullW)) mode = 'exact';
  else if (everyFits(shortW)) mode = 'short';
  else if (upright(valuePx) <= room) mode = 'rotated';
  else mode = 'some';

  // Room above the tallest bar for its label.
  const texts = mode === 'exact' ? full : short;
  const textW = mode === 'exact' ? fullW : shortW;
  const headroom = mode === 'rotated' ? Math.max(...textW) + LABEL_GAP * 2 : vLine + LABEL_GAP;
  const top = Math.ceil(Math.max(headroom, line / 2 + 2));
  const categoryY = height - line - 6 - 4;
  const titleY = height - 6;
  const bottom = categoryY - line + 2;
  const plotH = Math.max(1, bottom - top);
  const y = (v: number) => top + plotH - (v / scaleMax) * plotH;

  const bars: BarRect[] = [];
  for (let i = 0; i < n; i += 1) {
    const cx = left + slot * i + slot / 2;
    const v = values[i];
    if (v <= 0) continue;
    const yt = y(v);
    bars.push({ index: i, x: cx - barW / 2, y: yt, w: barW, h: bottom - yt, cx });
  }

  const labels: ValueLabel[] = [];
  const place = (b: BarRect): ValueLabel => {
    const i = b.index;
    const w = textW[i];
    if (mode === 'rotated') {
      // Reads bottom to top, starting just above the bar; centred on the bar.
      const half = upright(valuePx) / 2;
      const box = { x0: b.cx - half, x1: b.cx + half, y0: b.y - LABEL_GAP - w, y1: b.y - LABEL_GAP };
      return { index: i, text: texts[i], full: full[i], x: b.cx + valuePx * 0.36, y: b.y - LABEL_GAP, rotated: true, box };
    }
    const box = { x0: b.cx - w / 2, x1: b.cx + w / 2, y0: b.y - LABEL_GAP - vLine, y1: b.y - LABEL_GAP };
    return { index: i, text: texts[i], full: full[i], x: b.cx, y: b.y - LABEL_GAP - Math.round(vLine * 0.22), rotated: false, box };
  };
  if (mode === 'exact' || mode === 'short' || mode === 'rotated') {
    for (const b of bars) labels.push(place(b));
  } else if (mode === 'some') {
    // Largest first: the peaks get their numbers. A label goes only where it
    // touches no other label, no other bar and stays inside the chart.
    const byValue = [...bars].sort((a, b) => values[b.index] - values[a.index] || a.index - b.index);
    const taken: Box[] = [];
    for (const b of byValue) {
      const l = place(b);
      const grown = { x0: l.box.x0 - LABEL_GAP, x1: l.box.x1 + LABEL_GAP, y0: l.box.y0, y1: l.box.y1 };
      if (grown.x0 < left - LABEL_GAP || grown.x1 > width) continue;
      if (taken.some((t) => overlaps(t, grown))) continue;
      if (bars.some((o) => o !== b && overlaps({ x0: o.x, x1: o.x + o.w, y0: o.y, y1: o.y + o.h }, grown))) continue;
      taken.push(grown);
      labels.push(l);
    }
    labels.sort((a, b) => a.index - b.index);
  }

  const catW = categories.length ? Math.max(...categories.map((c) => textWidth(c, tickPx))) : 0;
  return {
    left,
    right,
    top,
    bottom,
    slot,
    ticks,
    scaleMax,
    bars,
    labels,
    mode,
    categoryEvery: labelEvery(catW, slot),
    categoryY,
    titleY,
    yTitleX,
  };
}

/** One column of the span histogram: spans lo..hi (inclusive) and how many managers have them. */
export interface SpanBin {
  lo: number;
  hi: number;
  managers: number;
}

export interface SpanBins {
  /** Spans per column: 1 draws one column per span. */
  width: number;
  bins: SpanBin[];
}

/**
 * The span distribution on a numeric axis from 1 to the largest span, a
 * column for every span (or range of spans) whether anyone has it or not, so
 * gaps show. When there are more spans than `maxColumns`, consecutive spans
 * share a column in bins of 2, 5, 10, 20, 25, 50, … spans. Linear in the
 * number of columns plus the input.
 */
export function spanBins(dist: readonly { span: number; managers: number }[], maxColumns: number): SpanBins {
  const top = dist.reduce((m, d) => Math.max(m, d.span), 0);
  if (top <= 0) return { width: 1, bins: [] };
  const cap = Math.max(1, Math.floor(maxColumns));
  let width = 1;
  for (let mag = 1; Math.ceil(top / width) > cap; mag *= 10) {
    width = [1, 2, 2.5, 5].map((m) => m * mag).find((w) => Number.isInteger(w) && Math.ceil(top / w) <= cap) ?? 10 * mag;
  }
  const count = Math.ceil(top / width);
  const bins: SpanBin[] = Array.from({ length: count }, (_, i) => ({ lo: i * width + 1, hi: (i + 1) * width, managers: 0 }));
  for (const d of dist) {
    if (d.span < 1) continue;
    bins[Math.floor((d.span - 1) / width)].managers += d.managers;
  }
  return { width, bins };
}

/** "7" for a one-span column, "11–20" for a bin. */
export function spanBinLabel(bin: SpanBin): string {
  return bin.lo === bin.hi ? String(bin.lo) : `${bin.lo}–${bin.hi}`;
}
