import { describe, expect, it } from 'vitest';

import { centreOn, cullLinks, cullNodes, fitAll, layoutChart, NODE_H, NODE_W, worldRect, zoomAt, type Layout, type Rect } from './layout';
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

  it('fits a wide chart by zooming out and centring it', () => {
    const l = bigLayout();
    const f = fitAll(l, vp);
    expect(f.k).toBeLessThan(1);
    expect(f.k).toBeGreaterThanOrEqual(0.2);
    const left = l.x0 * f.k + f.tx;
    const right = (l.x0 + l.width) * f.k + f.tx;
    expect(left + right).toBeCloseTo(vp.width);
  });
});
