// Geometry of the radar chart: one axis per skill, clockwise from the top,
// levels 1–5 as rings. A series with unrated skills is drawn as the segments
// between neighbouring rated axes, never pulled to the centre as if it were 0.

export interface RadarGeometry {
  cx: number;
  cy: number;
  /** Radius of the outermost ring (level `max`). */
  radius: number;
  max: number;
}

export interface Point {
  x: number;
  y: number;
}

const r1 = (v: number) => Math.round(v * 10) / 10;

/** Angle of axis `i` of `n` in radians: the first points up, then clockwise. */
export function axisAngle(i: number, n: number): number {
  return -Math.PI / 2 + (2 * Math.PI * i) / Math.max(1, n);
}

export function radarPoint(i: number, n: number, value: number, g: RadarGeometry): Point {
  const a = axisAngle(i, n);
  const d = (Math.max(0, Math.min(g.max, value)) / g.max) * g.radius;
  return { x: r1(g.cx + d * Math.cos(a)), y: r1(g.cy + d * Math.sin(a)) };
}

function xy(p: Point): string {
  return `${p.x} ${p.y}`;
}

/**
 * SVG path of a series. Every value present: one closed polygon. Otherwise a
 * segment for each pair of neighbouring axes that both have a value; lone
 * values draw nothing here (the chart marks them with a dot).
 */
export function radarPath(values: (number | null)[], g: RadarGeometry): string {
  const n = values.length;
  if (n === 0) return '';
  const pts = values.map((v, i) => (v === null ? null : radarPoint(i, n, v, g)));
  if (n >= 3 && pts.every((p) => p !== null)) {
    return `M${pts.map((p) => xy(p as Point)).join(' L')} Z`;
  }
  const parts: string[] = [];
  const pairs = n >= 3 ? n : n - 1;
  for (let i = 0; i < pairs; i += 1) {
    const a = pts[i];
    const b = pts[(i + 1) % n];
    if (a && b) parts.push(`M${xy(a)} L${xy(b)}`);
  }
  return parts.join(' ');
}

/** The ring of one level, as a closed polygon through every axis. */
export function ringPath(level: number, n: number, g: RadarGeometry): string {
  if (n < 3) return '';
  return radarPath(Array.from({ length: n }, () => level), g);
}

/** Where an axis label goes and how it is anchored so it reads away from the chart. */
export function labelPlacement(i: number, n: number, g: RadarGeometry, gap = 14): { x: number; y: number; anchor: 'start' | 'middle' | 'end' } {
  const a = axisAngle(i, n);
  const cos = Math.cos(a);
  const x = r1(g.cx + (g.radius + gap) * cos);
  const y = r1(g.cy + (g.radius + gap) * Math.sin(a));
  const anchor = Math.abs(cos) < 0.2 ? 'middle' : cos > 0 ? 'start' : 'end';
  return { x, y, anchor };
}

/** Breaks a label into at most `lines` lines of about `width` characters; the last one ends in "…" when cut. */
export function wrapLabel(text: string, width = 16, lines = 2): string[] {
  const words = text.trim().split(/\s+/).filter(Boolean);
  const out: string[] = [];
  let line = '';
  let i = 0;
  for (; i < words.length; i += 1) {
    const next = line ? `${line} ${words[i]}` : words[i];
    if (next.length <= width || !line) {
      line = next;
      continue;
    }
    out.push(line);
    line = words[i];
    if (out.length === lines) break;
  }
  if (out.length < lines && line) {
    out.push(line);
    i = words.length;
  }
  if (i < words.length) {
    const last = out[lines - 1];
    out[lines - 1] = `${last.length > width - 1 ? last.slice(0, width - 1) : last}…`;
  }
  return out.map((l) => (l.length > width + 8 ? `${l.slice(0, width + 7)}…` : l));
}

/** Size of the radar chart at 1:1 in screen px, and how its axis labels wrap. */
export interface RadarFrame {
  width: number;
  height: number;
  g: RadarGeometry;
  /** Label wrapping: characters per line and lines. */
  chars: number;
  lines: number;
  /** Distance from the outer ring to a label, and the label's line height. */
  gap: number;
  lineH: number;
}

/**
 * Fits the chart to `available` px of width with labels of `fontPx`: the
 * labels left and right of the rings get the room a wrapped skill name needs
 * (about 17 characters a line, fewer when narrow, then three lines), the
 * rings the rest, between 70 and 170 px of radius.
 */
export function radarFrame(available: number, fontPx: number): RadarFrame {
  const width = Math.round(Math.max(300, Math.min(640, available)));
  const charW = fontPx * 0.64;
  const gap = 10;
  const lineH = Math.ceil(fontPx * 1.25);
  const minRadius = 70;
  const room = Math.min(charW * 17, width / 2 - minRadius - gap - 4);
  const chars = Math.max(6, Math.floor(room / charW));
  const lines = chars < 14 ? 3 : 2;
  const radius = Math.round(Math.max(minRadius, Math.min(170, width / 2 - chars * charW - gap - 4)));
  const height = Math.round(2 * (radius + gap + lines * lineH + 4));
  return { width, height, g: { cx: width / 2, cy: height / 2, radius, max: 5 }, chars, lines, gap, lineH };
}
