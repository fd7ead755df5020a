import { describe, expect, it } from 'vitest';

import {
  BOX_TEXT_MIN,
  centreOn,
  cullLinks,
  cullNodes,
  fitAll,
  fitMinZoom,
  GAP_Y,
  layoutChart,
  linksPath,
  NODE_H,
  NODE_W,
  rowCapacity,
  worldRect,
  zoomAt,
  type LaidNode,
  type Layout,
  type Link,
  type Rect,
} from './layout';
import { buildChartTree } from './orgTree';
import { treeState } from './testTree';

function bigLayout(): Layout {
  // 1 root, 40 managers each with 30 reports, all expanded: 1,241 boxes.
  const edges: [number | null, number[]][] = [[null, [1]]];
  const managers = Array.from({ length: 40 }, (_, i) => 10 + i);
  edges.push([1, managers]);
  let next = 1000;
  for (const m of managers) {
    edges.push([m, Array.from({ length: 30 }, () => next++)]);
  }
  const s = treeState(edges, [1, ...managers]);
  return layoutChart(buildChartTree(s));
}

function intersects(n: { x: number; y: number; w: number; h: number }, r: Rect) {
  return n.x + n.w >= r.x0 && n.x <= r.x1 && n.y + n.h >= r.y0 && n.y <= r.y1;
}

describe('layoutChart', () => {
  const layout = bigLayout();

  it('lays out every box, with a single root centred on x = 0', () => {
    expect(layout.nodes.length).toBe(1 + 40 + 1200);
    expect(Math.min(...layout.nodes.map((n) => n.x))).toBe(layout.x0);
    const root = layout.byId.get(1)!;
    expect(root.depth).toBe(0);
    expect(root.x + root.w / 2).toBe(0);
  });

  it('puts each layer below its parent and never overlaps boxes in a row', () => {
    for (const row of layout.rows) {
      for (let i = 1; i < row.length; i += 1) expect(row[i].x - row[i - 1].x).toBeGreaterThanOrEqual(NODE_W);
    }
    const root = layout.byId.get(1)!;
    const m = layout.byId.get(10)!;
    expect(m.y).toBeGreaterThan(root.y + NODE_H);
  });

  it('links every child to its parent', () => {
    expect(layout.links.length).toBe(layout.nodes.length - 1);
  });

  it('returns an empty layout for an empty tree', () => {
    const empty = layoutChart(buildChartTree(treeState([[null, []]])));
    expect(empty.nodes).toEqual([]);
  });
});

describe('culling', () => {
  const layout = bigLayout();

  it('returns exactly the boxes that intersect the viewport', () => {
    const rects: Rect[] = [
      { x0: 0, y0: 0, x1: 1280, y1: 800 },
      { x0: -4200, y0: 100, x1: -3000, y1: 700 },
      { x0: layout.x0 - 900, y0: -500, x1: layout.x0 - 10, y1: -10 },
      { x0: layout.x0, y0: 0, x1: layout.x0 + layout.width, y1: layout.height },
    ];
    for (const r of rects) {
      const got = new Set(cullNodes(layout, r).map((n) => n.key));
      const want = new Set(layout.nodes.filter((n) => intersects(n, r)).map((n) => n.key));
      expect(got).toEqual(want);
    }
  });

  it('renders a small fraction of a big chart', () => {
    const vp = { tx: 500, ty: 0, k: 1, width: 1000, height: 700 };
    const shown = cullNodes(layout, worldRect(vp, 160));
    expect(shown.length).toBeGreaterThan(0);
    expect(shown.length).toBeLessThan(layout.nodes.length / 10);
  });

  it('keeps links that cross the viewport even when both ends are outside', () => {
    const link = { x1: 0, y1: 0, x2: 0, y2: 1000 };
    expect(cullLinks([link], { x0: -10, y0: 400, x1: 10, y1: 500 })).toEqual([link]);
    expect(cullLinks([link], { x0: 50, y0: 400, x1: 60, y1: 500 })).toEqual([]);
  });
});

describe('viewport', () => {
  const vp = { tx: 10, ty: 20, k: 1, width: 800, height: 600 };

  it('zooms around a fixed screen point', () => {
    const z = zoomAt(vp, 2, 400, 300);
    expect(z.k).toBe(2);
    // the world point under (400, 300) stays under it
    expect((400 - vp.tx) / vp.k).toBeCloseTo((400 - z.tx) / z.k);
    expect((300 - vp.ty) / vp.k).toBeCloseTo((300 - z.ty) / z.k);
    expect(zoomAt(vp, 100, 0, 0).k).toBe(2);
    expect(zoomAt(vp, 0.0001, 0, 0).k).toBe(0.2);
  });

  it('centres a box', () => {
    const box = { x: 1000, y: 500, w: 200, h: 80 };
    const c = centreOn(box, vp);
    expect((box.x + box.w / 2) * c.k + c.tx).toBeCloseTo(400);
    expect((box.y + box.h / 2) * c.k + c.ty).toBeCloseTo(300);
  });

  it('fits a chart that fits at a readable zoom by zooming out and centring it', () => {
    // Four managers of one: 9 boxes, a little wider than the screen at zoom 1.
    const edges: [number | null, number[]][] = [[null, [1]], [1, [10, 11, 12, 13]]];
    for (const m of [10, 11, 12, 13]) edges.push([m, [m * 10]]);
    const l = layoutChart(buildChartTree(treeState(edges, [1, 10, 11, 12, 13])));
    const wide = { ...vp, width: 1000, height: 700 };
    const f = fitAll(l, wide);
    expect(f.k).toBeLessThan(1);
    expect(f.k).toBeGreaterThanOrEqual(fitMinZoom());
    const left = l.x0 * f.k + f.tx;
    const right = (l.x0 + l.width) * f.k + f.tx;
    expect(left).toBeGreaterThanOrEqual(0);
    expect(left + right).toBeCloseTo(wide.width);
  });

  it('never fits below the zoom at which box text is readable, and then shows the top of the org', () => {
    const l = bigLayout();
    const f = fitAll(l, vp);
    expect(f.k).toBe(fitMinZoom());
    expect(f.k * BOX_TEXT_MIN, 'the smallest box text on screen').toBeGreaterThanOrEqual(12);
    const root = l.byId.get(1)!;
    expect((root.x + root.w / 2) * f.k + f.tx, 'the root is centred').toBeCloseTo(vp.width / 2);
    expect(root.y * f.k + f.ty).toBe(24);
    // In presenter mode the chart labels are 16 px: Fit keeps box text at 16 px.
    expect(fitAll(l, vp, 24, fitMinZoom(16)).k * BOX_TEXT_MIN).toBeGreaterThanOrEqual(16);
  });
});

/** A manager with `n` reports, none expanded. */
function wideSpan(n: number, perRow: number): Layout {
  const reports = Array.from({ length: n }, (_, i) => 100 + i);
  return layoutChart(buildChartTree(treeState([[null, [1]], [1, reports]], [1])), perRow);
}

function overlap(a: LaidNode, b: LaidNode): boolean {
  return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

/** The straight segments a link draws, in world coordinates (as linksPath draws them). */
function segments(l: Link): [number, number, number, number][] {
  const gap = GAP_Y / 2;
  if (l.tx === undefined) {
    return [
      [l.x1, l.y1, l.x1, l.y1 + gap],
      [l.x1, l.y1 + gap, l.x2, l.y1 + gap],
      [l.x2, l.y1 + gap, l.x2, l.y2],
    ];
  }
  return [
    [l.x1, l.y1, l.x1, l.y1 + gap],
    [l.x1, l.y1 + gap, l.tx, l.y1 + gap],
    [l.tx, l.y1 + gap, l.tx, l.y2 - gap],
    [l.tx, l.y2 - gap, l.x2, l.y2 - gap],
    [l.x2, l.y2 - gap, l.x2, l.y2],
  ];
}

/** Every promise of a layout: no boxes overlap, no connector runs through a box. */
function problems(layout: Layout): string[] {
  const out: string[] = [];
  for (const row of layout.rows) {
    for (let i = 1; i < row.length; i += 1) {
      if (overlap(row[i - 1], row[i])) out.push(`${row[i - 1].key} overlaps ${row[i].key}`);
    }
  }
  const all = layout.nodes;
  for (let i = 0; i < all.length; i += 1) {
    for (let j = i + 1; j < all.length; j += 1) if (overlap(all[i], all[j])) out.push(`${all[i].key} overlaps ${all[j].key}`);
  }
  for (const l of layout.links) {
    for (const [ax, ay, bx, by] of segments(l)) {
      for (const n of all) {
        // A segment enters a box's inside (its own ends touch edges only).
        const x0 = Math.min(ax, bx);
        const x1 = Math.max(ax, bx);
        const y0 = Math.min(ay, by);
        const y1 = Math.max(ay, by);
        if (x0 < n.x + n.w - 0.5 && x1 > n.x + 0.5 && y0 < n.y + n.h - 0.5 && y1 > n.y + 0.5) out.push(`a link crosses ${n.key}`);
      }
    }
  }
  return out;
}

describe('wrapping wide spans', () => {
  it('puts the reports of a wide span in rows of at most perRow, a layer each', () => {
    const l = wideSpan(18, 5);
    const reports = l.nodes.filter((n) => n.depth > 0);
    expect(reports.length).toBe(18);
    const perLayer = l.rows.slice(1).map((r) => r.length);
    expect(perLayer).toEqual([5, 5, 5, 3]);
    expect(l.width).toBeLessThanOrEqual(5 * (NODE_W + 20) + 16);
    expect(problems(l)).toEqual([]);
  });

  it('fills the rows evenly', () => {
    expect(wideSpan(5, 4).rows.slice(1).map((r) => r.length)).toEqual([3, 2]);
    expect(wideSpan(9, 4).rows.slice(1).map((r) => r.length)).toEqual([3, 3, 3]);
  });

  it('keeps a span that fits in one row as one row', () => {
    const l = wideSpan(5, 5);
    expect(l.rows.slice(1).map((r) => r.length)).toEqual([5]);
    expect(l.links.every((k) => k.tx === undefined)).toBe(true);
  });

  it('connects every wrapped report to its manager through a trunk left of the rows', () => {
    const l = wideSpan(18, 5);
    expect(l.links.length).toBe(18);
    const root = l.byId.get(1)!;
    const left = Math.min(...l.nodes.filter((n) => n.depth > 0).map((n) => n.x));
    for (const link of l.links) {
      expect(link.x1).toBe(root.x + NODE_W / 2);
      expect(link.y1).toBe(root.y + root.h);
      const child = l.nodes.find((n) => n.x + NODE_W / 2 === link.x2 && n.y === link.y2);
      expect(child, 'each link ends on the top centre of a report').toBeTruthy();
      if (child!.depth > 1) expect(link.tx).toBeLessThan(left);
      else expect(link.tx).toBeUndefined();
    }
    // The path the chart draws goes through the trunk for the rows below the first.
    const path = linksPath(l.links, { tx: 0, ty: 0, k: 1, width: 0, height: 0 });
    expect(path.split('M').length - 1).toBe(18);
  });

  it('wraps only the leaves: expanded reports keep their subtrees, and nothing overlaps', () => {
    // Ada has 18 reports; two of them are expanded, with 30 and 12 reports.
    const reports = Array.from({ length: 18 }, (_, i) => 100 + i);
    const big = Array.from({ length: 30 }, (_, i) => 1000 + i);
    const small = Array.from({ length: 12 }, (_, i) => 2000 + i);
    const s = treeState(
      [
        [null, [1]],
        [1, reports],
        [103, big],
        [110, small],
      ],
      [1, 103, 110],
    );
    const l = layoutChart(buildChartTree(s), 4);
    expect(l.nodes.length).toBe(1 + 18 + 30 + 12);
    expect(l.links.length).toBe(l.nodes.length - 1);
    expect(problems(l)).toEqual([]);
    // The expanded reports stay on the first layer below Ada, with their own reports wrapped below them.
    expect(l.byId.get(103)!.depth).toBe(1);
    expect(l.byId.get(110)!.depth).toBe(1);
    expect(Math.max(...l.rows.map((r) => r.length))).toBeLessThanOrEqual(4 * 3 + 2);
  });

  it('never overlaps on a big org with wrapping', () => {
    const edges: [number | null, number[]][] = [[null, [1]]];
    const managers = Array.from({ length: 12 }, (_, i) => 10 + i);
    edges.push([1, managers]);
    let next = 1000;
    for (const [i, m] of managers.entries()) edges.push([m, Array.from({ length: 3 + ((i * 7) % 23) }, () => next++)]);
    const l = layoutChart(buildChartTree(treeState(edges, [1, ...managers.filter((_, i) => i % 3 !== 1)])), 3);
    expect(problems(l)).toEqual([]);
  });

  it('the checks above can fail', () => {
    const l = wideSpan(6, 6);
    const moved = { ...l, nodes: [...l.nodes], rows: l.rows.map((r) => [...r]) };
    moved.nodes[2] = { ...moved.nodes[2], x: moved.nodes[1].x + 10 };
    expect(problems(moved).length).toBeGreaterThan(0);
  });

  it('culls wrapped rows like any other', () => {
    const l = wideSpan(40, 4);
    const r: Rect = { x0: l.x0, y0: 2 * (NODE_H + GAP_Y), x1: l.x0 + 300, y1: 3 * (NODE_H + GAP_Y) + NODE_H };
    const got = new Set(cullNodes(l, r).map((n) => n.key));
    const want = new Set(l.nodes.filter((n) => intersects(n, r)).map((n) => n.key));
    expect(got).toEqual(want);
    expect(got.size).toBeGreaterThan(0);
    expect(got.size).toBeLessThan(l.nodes.length);
  });
});

describe('rowCapacity', () => {
  it('fits as many boxes as the viewport holds at the readable zoom', () => {
    const k = fitMinZoom();
    const n = rowCapacity(1000, k);
    const w = n * NODE_W + (n - 1) * 20 + 16;
    expect(w * k).toBeLessThanOrEqual(1000 - 48);
    expect((w + NODE_W + 20) * k).toBeGreaterThan(1000 - 48);
    expect(rowCapacity(100, k)).toBe(1);
    expect(rowCapacity(0, k)).toBe(Infinity);
  });

  it('lets a manager with 18 reports fit across the screen at the readable zoom', () => {
    const k = fitMinZoom();
    const l = wideSpan(18, rowCapacity(1000, k));
    const f = fitAll(l, { tx: 0, ty: 0, k: 1, width: 1000, height: 700 });
    expect(f.k).toBeGreaterThanOrEqual(k);
    expect(l.width * f.k).toBeLessThanOrEqual(1000 - 48);
  });
});
