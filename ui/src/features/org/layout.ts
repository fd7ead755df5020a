// Layout of the org chart (d3-hierarchy's tidy tree, linear time) and the
// viewport maths: culling to what is on screen, centring, zooming.
//
// A parent with more children than fit across the screen at a readable zoom
// has its leaf children (people not expanded, and "+N more") wrapped into
// rows of at most `perRow` boxes: one block, laid out by the tidy tree as a
// single wide node, that reserves its width on every layer its rows cover so
// no neighbouring subtree can reach under it. Its rows sit on the layers
// below the first, and a trunk line down the block's left side feeds each
// row, so the connectors stay elbows along the gaps between boxes.
import { hierarchy, tree } from 'd3-hierarchy';

import type { ChartItem, ParentKey } from './orgTree';

export const NODE_W = 220;
export const NODE_H = 84;
export const MORE_H = 40;
export const GAP_X = 20;
export const GAP_Y = 56;
/** Room left of a wrapped block for its trunk line. */
export const TRUNK_GUTTER = 16;
/** Extra gap between boxes of different parents. */
const COUSIN_GAP = 27;
export const MIN_ZOOM = 0.2;
export const MAX_ZOOM = 2;
/**
 * The smallest text in a box at zoom 1, in px (titles, the stats line, the
 * agent badge; OrgChart sets it as --box-text). Fit never zooms below the
 * zoom at which this is still readable.
 */
export const BOX_TEXT_MIN = 13;
/** Text smaller than this on screen is not readable from the back of a room. */
export const READABLE_PX = 12;

/** The smallest zoom Fit uses: the box text stays at least `readablePx` on screen. */
export function fitMinZoom(readablePx = READABLE_PX): number {
  return Math.min(MAX_ZOOM, readablePx / BOX_TEXT_MIN);
}

/**
 * How many boxes of one parent go in a row: as many as fit across a viewport
 * `viewportWidth` px wide at zoom `zoom` (with `pad` px either side), at
 * least one. No limit while the viewport has no size yet.
 */
export function rowCapacity(viewportWidth: number, zoom: number, pad = 24): number {
  if (!(viewportWidth > 0) || !(zoom > 0)) return Infinity;
  const world = (viewportWidth - 2 * pad) / zoom;
  return Math.max(1, Math.floor((world - TRUNK_GUTTER + GAP_X) / (NODE_W + GAP_X)));
}

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
  /** Layer on screen (0 = the top row); wrapped rows go one layer down each. */
  depth: number;
}

/**
 * A connector from a parent's bottom centre to a child's top centre: down to
 * the gap below the parent, across, and down. With `tx` (a wrapped row
 * below the first), across to the trunk at x = `tx` instead, down it to the
 * gap above the child's row, then across and down to the child.
 */
export interface Link {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  tx?: number;
}

export interface Layout {
  nodes: LaidNode[];
  /** Nodes per layer (index 0 = the org's roots), each sorted by x. */
  rows: LaidNode[][];
  links: Link[];
  byId: Map<number, LaidNode>;
  /** Left edge of the leftmost box; the first root is centred on x = 0. */
  x0: number;
  width: number;
  height: number;
}

export const EMPTY_LAYOUT: Layout = { nodes: [], rows: [], links: [], byId: new Map(), x0: 0, width: 0, height: 0 };

/** What the tidy tree lays out: a box, a block of wrapped leaves, or a spacer under a block. */
interface Slot {
  kind: 'box' | 'block' | 'spacer';
  /** The box (for a block: the parent whose leaves it holds). */
  item: ChartItem;
  w: number;
  leaves: ChartItem[];
  cols: number;
  children: Slot[];
}

const box = (item: ChartItem): Slot => ({ kind: 'box', item, w: NODE_W, leaves: [], cols: 0, children: [] });

/**
 * The tree of slots for `root`: children of a parent become a block when
 * there are more than `perRow` of them and at least two are leaves.
 * Iterative and linear in the number of items.
 */
function slots(root: ChartItem, perRow: number): Slot {
  const top = box(root);
  const work: Slot[] = [top];
  while (work.length > 0) {
    const s = work.pop()!;
    const kids = s.item.children;
    const leaves = kids.length > perRow ? kids.filter((c) => c.children.length === 0) : [];
    if (leaves.length < 2) {
      for (const c of kids) {
        const b = box(c);
        s.children.push(b);
        if (c.children.length > 0) work.push(b);
      }
      continue;
    }
    // As few rows as perRow allows, filled evenly (5 in rows of 4 → 3 + 2).
    const rows = Math.ceil(leaves.length / perRow);
    const cols = Math.ceil(leaves.length / rows);
    const w = TRUNK_GUTTER + cols * NODE_W + (cols - 1) * GAP_X;
    const block: Slot = { kind: 'block', item: s.item, w, leaves, cols, children: [] };
    // Spacers hold the block's width on the layers its other rows cover.
    let below = block;
    for (let r = 1; r < rows; r += 1) {
      const spacer: Slot = { kind: 'spacer', item: s.item, w, leaves: [], cols: 0, children: [] };
      below.children.push(spacer);
      below = spacer;
    }
    let placed = false;
    for (const c of kids) {
      if (c.children.length === 0) {
        if (!placed) s.children.push(block);
        placed = true;
        continue;
      }
      const b = box(c);
      s.children.push(b);
      work.push(b);
    }
  }
  return top;
}

/**
 * Lays out the chart hierarchy. The synthetic root is dropped. Coordinates are
 * those of the tidy tree (the synthetic root at x = 0), so a single org root
 * stays at the same place when people below it are expanded or collapsed.
 * `perRow` caps the boxes of one parent in a row (see `rowCapacity`).
 */
export function layoutChart(root: ChartItem, perRow = Infinity): Layout {
  if (root.children.length === 0) return EMPTY_LAYOUT;
  const h = hierarchy(slots(root, Math.max(1, perRow)), (d) => d.children);
  // x in px: the separation is the distance between neighbours' centres.
  tree<Slot>()
    .nodeSize([1, NODE_H + GAP_Y])
    .separation((a, b) => (a.data.w + b.data.w) / 2 + (a.parent === b.parent ? GAP_X : GAP_X + COUSIN_GAP))(h);

  const step = NODE_H + GAP_Y;
  const nodes: LaidNode[] = [];
  const rows: LaidNode[][] = [];
  const byId = new Map<number, LaidNode>();
  const laid = new Map<string, LaidNode>();
  const links: Link[] = [];
  let minX = Infinity;
  let maxX = -Infinity;
  let height = 0;
  const add = (d: ChartItem, x: number, depth: number): LaidNode => {
    const boxH = d.kind === 'more' ? MORE_H : NODE_H;
    const node: LaidNode = {
      key: d.key,
      kind: d.kind === 'more' ? 'more' : 'person',
      id: d.id,
      parent: d.parent,
      hidden: d.hidden,
      x,
      y: depth * step,
      w: NODE_W,
      h: boxH,
      depth,
    };
    nodes.push(node);
    laid.set(d.key, node);
    if (d.id !== null) byId.set(d.id, node);
    (rows[depth] ??= []).push(node);
    minX = Math.min(minX, x);
    maxX = Math.max(maxX, x + NODE_W);
    height = Math.max(height, node.y + boxH);
    return node;
  };
  // Parents come before their children in `each` (breadth first).
  h.each((n) => {
    if (n.depth === 0) return;
    const s = n.data;
    const depth = n.depth - 1;
    const parent = n.parent && n.parent.depth > 0 ? laid.get(n.parent.data.item.key) : undefined;
    if (s.kind === 'box') {
      const node = add(s.item, (n.x ?? 0) - NODE_W / 2, depth);
      if (parent) links.push({ x1: parent.x + NODE_W / 2, y1: parent.y + parent.h, x2: node.x + NODE_W / 2, y2: node.y });
    } else if (s.kind === 'block') {
      const left = (n.x ?? 0) - s.w / 2;
      const trunk = left + TRUNK_GUTTER / 2;
      s.leaves.forEach((leaf, j) => {
        const r = Math.floor(j / s.cols);
        const node = add(leaf, left + TRUNK_GUTTER + (j % s.cols) * (NODE_W + GAP_X), depth + r);
        if (!parent) return;
        const link: Link = { x1: parent.x + NODE_W / 2, y1: parent.y + parent.h, x2: node.x + NODE_W / 2, y2: node.y };
        if (r > 0) link.tx = trunk;
        links.push(link);
      });
    }
  });
  for (const row of rows) row.sort((a, b) => a.x - b.x);
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
    const left = Math.min(l.x1, l.x2, l.tx ?? l.x1);
    const right = Math.max(l.x1, l.x2, l.tx ?? l.x1);
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
    const gap = (GAP_Y / 2) * vp.k;
    if (l.tx === undefined) {
      parts.push(`M${r(x1)} ${r(y1)}V${r(y1 + gap)}H${r(x2)}V${r(y2)}`);
    } else {
      const t = l.tx * vp.k + vp.tx;
      parts.push(`M${r(x1)} ${r(y1)}V${r(y1 + gap)}H${r(t)}V${r(y2 - gap)}H${r(x2)}V${r(y2)}`);
    }
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

/**
 * The viewport that shows the whole layout, never zooming in past 1 nor out
 * past `minZoom` (where box text stops being readable). A layout too big for
 * that shows its top, centred on the middle root.
 */
export function fitAll(layout: Layout, vp: Viewport, pad = 24, minZoom = fitMinZoom()): Viewport {
  if (layout.nodes.length === 0 || vp.width <= 0 || vp.height <= 0) return { ...vp, tx: pad, ty: pad, k: 1 };
  const fits = Math.min(1, (vp.width - 2 * pad) / layout.width, (vp.height - 2 * pad) / layout.height);
  const k = clampZoom(Math.max(minZoom, fits));
  if (layout.width * k <= vp.width - 2 * pad) {
    return { ...vp, k, tx: (vp.width - layout.width * k) / 2 - layout.x0 * k, ty: pad };
  }
  const top = layout.rows[0];
  const mid = top[Math.floor((top.length - 1) / 2)];
  return { ...vp, k, tx: vp.width / 2 - (mid.x + mid.w / 2) * k, ty: pad };
}
