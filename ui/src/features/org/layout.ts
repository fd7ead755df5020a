// Layout of the org chart (d3-hierarchy's tidy tree, linear time) and the
// viewport maths: culling to what is on screen, centring, zooming.
import { hierarchy, tree } from 'd3-hierarchy';

import type { ChartItem, ParentKey } from './orgTree';

export const NODE_W = 208;
export const NODE_H = 80;
export const MORE_H = 40;
export const GAP_X = 20;
export const GAP_Y = 56;
export const MIN_ZOOM = 0.2;
export const MAX_ZOOM = 2;

/** A laid-out box in world coordinates (x, y = its top-left corner). */
export interface LaidNode {
  key: string;
  kind: 'person' | 'more';
  id: number | null;
  parent: ParentKey;
  hidden: number;
  x: number;
  y: number;
  w: number;
  h: number;
  depth: number;
}

/** An elbow link from a parent's bottom centre to a child's top centre. */
export interface Link {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

export interface Layout {
  nodes: LaidNode[];
  /** Nodes per depth (index 0 = the org's roots), each sorted by x. */
  rows: LaidNode[][];
  links: Link[];
  byId: Map<number, LaidNode>;
  /** Left edge of the leftmost box; the first root is centred on x = 0. */
  x0: number;
  width: number;
  height: number;
}

export const EMPTY_LAYOUT: Layout = { nodes: [], rows: [], links: [], byId: new Map(), x0: 0, width: 0, height: 0 };

/**
 * Lays out the chart hierarchy. The synthetic root is dropped. Coordinates are
 * those of the tidy tree (the synthetic root at x = 0), so a single org root
 * stays at the same place when people below it are expanded or collapsed.
 */
export function layoutChart(root: ChartItem): Layout {
  if (root.children.length === 0) return EMPTY_LAYOUT;
  const h = hierarchy(root, (d) => d.children);
  tree<ChartItem>()
    .nodeSize([NODE_W + GAP_X, NODE_H + GAP_Y])
    .separation((a, b) => (a.parent === b.parent ? 1 : 1.12))(h);

  const nodes: LaidNode[] = [];
  const rows: LaidNode[][] = [];
  const byId = new Map<number, LaidNode>();
  const laid = new Map<string, LaidNode>();
  let minX = Infinity;
  let maxX = -Infinity;
  let height = 0;
  h.each((n) => {
    if (n.depth === 0) return;
    const d = n.data;
    const boxH = d.kind === 'more' ? MORE_H : NODE_H;
    const node: LaidNode = {
      key: d.key,
      kind: d.kind === 'more' ? 'more' : 'person',
      id: d.id,
      parent: d.parent,
      hidden: d.hidden,
      x: (n.x ?? 0) - NODE_W / 2,
      y: (n.depth - 1) * (NODE_H + GAP_Y),
      w: NODE_W,
      h: boxH,
      depth: n.depth - 1,
    };
    nodes.push(node);
    laid.set(d.key, node);
    if (d.id !== null) byId.set(d.id, node);
    (rows[node.depth] ??= []).push(node);
    minX = Math.min(minX, node.x);
    maxX = Math.max(maxX, node.x + NODE_W);
    height = Math.max(height, node.y + boxH);
  });
  for (const row of rows) row.sort((a, b) => a.x - b.x);

  const links: Link[] = [];
  h.each((n) => {
    if (n.depth < 1 || !n.children) return;
    const p = laid.get(n.data.key);
    if (!p) return;
    for (const c of n.children) {
      const child = laid.get(c.data.key);
      if (!child) continue;
      links.push({ x1: p.x + NODE_W / 2, y1: p.y + p.h, x2: child.x + NODE_W / 2, y2: child.y });
    }
  });
  return { nodes, rows, links, byId, x0: minX, width: maxX - minX, height };
}

export interface Viewport {
  /** Screen offset of world (0,0), and the zoom factor. */
  tx: number;
  ty: number;
  k: number;
  /** Size of the viewport element in CSS pixels. */
  width: number;
  height: number;
}

export interface Rect {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** The part of the world the viewport shows, grown by `margin` screen pixels. */
export function worldRect(vp: Viewport, margin = 0): Rect {
  return {
    x0: (-vp.tx - margin) / vp.k,
    y0: (-vp.ty - margin) / vp.k,
    x1: (vp.width - vp.tx + margin) / vp.k,
    y1: (vp.height - vp.ty + margin) / vp.k,
  };
}

function firstWithRightEdgeAfter(row: LaidNode[], x: number): number {
  let lo = 0;
  let hi = row.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (row[mid].x + row[mid].w < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The nodes that intersect `rect`. Rows outside the vertical range are skipped
 * and each row is binary-searched, so the cost is about what is on screen.
 */
export function cullNodes(layout: Layout, rect: Rect): LaidNode[] {
  const out: LaidNode[] = [];
  const step = NODE_H + GAP_Y;
  const firstRow = Math.max(0, Math.floor((rect.y0 - NODE_H) / step));
  const lastRow = Math.min(layout.rows.length - 1, Math.floor(rect.y1 / step));
  for (let r = firstRow; r <= lastRow; r += 1) {
    const row = layout.rows[r];
    if (!row) continue;
    for (let i = firstWithRightEdgeAfter(row, rect.x0); i < row.length; i += 1) {
      const n = row[i];
      if (n.x > rect.x1) break;
      if (n.y + n.h >= rect.y0 && n.y <= rect.y1) out.push(n);
    }
  }
  return out;
}

/** Links whose bounding box intersects `rect`. */
export function cullLinks(links: readonly Link[], rect: Rect): Link[] {
  const out: Link[] = [];
  for (const l of links) {
    const left = Math.min(l.x1, l.x2);
    const right = Math.max(l.x1, l.x2);
    if (right < rect.x0 || left > rect.x1 || l.y2 < rect.y0 || l.y1 > rect.y1) continue;
    out.push(l);
  }
  return out;
}

/** One SVG path (screen coordinates) for all the given elbow links. */
export function linksPath(links: readonly Link[], vp: Viewport): string {
  const parts: string[] = [];
  for (const l of links) {
    const x1 = l.x1 * vp.k + vp.tx;
    const y1 = l.y1 * vp.k + vp.ty;
    const x2 = l.x2 * vp.k + vp.tx;
    const y2 = l.y2 * vp.k + vp.ty;
    const my = (y1 + y2) / 2;
    parts.push(`M${r(x1)} ${r(y1)}V${r(my)}H${r(x2)}V${r(y2)}`);
  }
  return parts.join('');
}

function r(v: number): string {
  return (Math.round(v * 10) / 10).toString();
}

export function clampZoom(k: number): number {
  return Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, k));
}

/** The viewport that puts `node`'s centre in the middle of the screen. */
export function centreOn(node: { x: number; y: number; w: number; h: number }, vp: Viewport): Viewport {
  return {
    ...vp,
    tx: vp.width / 2 - (node.x + node.w / 2) * vp.k,
    ty: vp.height / 2 - (node.y + node.h / 2) * vp.k,
  };
}

/** Zooms by `factor` keeping the screen point (sx, sy) fixed. */
export function zoomAt(vp: Viewport, factor: number, sx: number, sy: number): Viewport {
  const k = clampZoom(vp.k * factor);
  const wx = (sx - vp.tx) / vp.k;
  const wy = (sy - vp.ty) / vp.k;
  return { ...vp, k, tx: sx - wx * k, ty: sy - wy * k };
}

/** The viewport that shows the whole layout (never zooming in past 1). */
export function fitAll(layout: Layout, vp: Viewport, pad = 24): Viewport {
  if (layout.nodes.length === 0 || vp.width <= 0 || vp.height <= 0) return { ...vp, tx: pad, ty: pad, k: 1 };
  const k = clampZoom(
    Math.min(1, (vp.width - 2 * pad) / layout.width, (vp.height - 2 * pad) / layout.height),
  );
  return {
    ...vp,
    k,
    tx: (vp.width - layout.width * k) / 2 - layout.x0 * k,
    ty: pad,
  };
}
