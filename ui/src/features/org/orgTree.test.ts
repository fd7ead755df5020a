import { describe, expect, it } from 'vitest';

import { buildChartTree, chartChildren, flattenVisible, rowIndex, treeKeyAction, type ChartItem } from './orgTree';
import { treeState } from './testTree';

// 1 ─┬─ 2 ─┬─ 4
//    │     └─ 5
//    └─ 3
// 6 (second root)
const EDGES: [number | null, number[]][] = [
  [null, [1, 6]],
  [1, [2, 3]],
  [2, [4, 5]],
];

describe('flattenVisible', () => {
  it('lists only roots when nothing is expanded', () => {
    const rows = flattenVisible(treeState(EDGES));
    expect(rows.map((r) => r.id)).toEqual([1, 6]);
    expect(rows[0]).toMatchObject({ level: 1, posinset: 1, setsize: 2, hasChildren: true, expanded: false });
    expect(rows[1]).toMatchObject({ level: 1, posinset: 2, setsize: 2, hasChildren: false });
  });

  it('walks expanded people depth first with levels and positions', () => {
    const rows = flattenVisible(treeState(EDGES, [1, 2]));
    expect(rows.map((r) => [r.id, r.level, r.posinset, r.setsize, r.parent])).toEqual([
      [1, 1, 1, 2, null],
      [2, 2, 1, 2, 1],
      [4, 3, 1, 2, 2],
      [5, 3, 2, 2, 2],
      [3, 2, 2, 2, 1],
      [6, 1, 2, 2, null],
    ]);
  });

  it('hides the children of a collapsed ancestor even if they are expanded', () => {
    const rows = flattenVisible(treeState(EDGES, [2]));
    expect(rows.map((r) => r.id)).toEqual([1, 6]);
  });

  it('marks an expanded person whose children are not loaded yet', () => {
    const s = treeState(EDGES, [1]);
    s.children.delete(1);
    const rows = flattenVisible(s);
    expect(rows[0]).toMatchObject({ id: 1, expanded: true, loading: true });
    expect(rows.map((r) => r.id)).toEqual([1, 6]);
  });

  it('handles a 20,000-deep chain without recursion', () => {
    const edges: [number | null, number[]][] = [[null, [0]]];
    const expanded: number[] = [];
    for (let i = 0; i < 20_000; i += 1) {
      edges.push([i, [i + 1]]);
      expanded.push(i);
    }
    const rows = flattenVisible(treeState(edges, expanded));
    expect(rows.length).toBe(20_001);
    expect(rows[rows.length - 1].level).toBe(20_001);
  });
});

describe('chartChildren', () => {
  const all = Array.from({ length: 120 }, (_, i) => i + 1);

  it('caps a long list and counts the rest', () => {
    const r = chartChildren(all, 50, new Set());
    expect(r.ids.length).toBe(50);
    expect(r.more).toBe(70);
  });

  it('keeps pinned people past the cap, in order', () => {
    const r = chartChildren(all, 50, new Set([100, 3, 80]));
    expect(r.ids.slice(50)).toEqual([80, 100]);
    expect(r.more).toBe(68);
  });

  it('shows short lists whole', () => {
    expect(chartChildren([1, 2], 50, new Set())).toEqual({ ids: [1, 2], more: 0 });
  });
});

function keys(item: ChartItem): string[] {
  return item.children.map((c) => c.key);
}

describe('buildChartTree', () => {
  it('nests expanded people and adds a "+N more" item', () => {
    const kids = Array.from({ length: 60 }, (_, i) => 100 + i);
    const s = treeState([[null, [1]], [1, kids]], [1]);
    const root = buildChartTree(s, { pageSize: 50, shown: new Map(), pinned: new Set() });
    expect(keys(root)).toEqual(['p1']);
    const one = root.children[0];
    expect(one.children.length).toBe(51);
    const more = one.children[50];
    expect(more).toMatchObject({ kind: 'more', parent: 1, hidden: 10 });
  });

  it('reveals more children when asked', () => {
    const kids = Array.from({ length: 60 }, (_, i) => 100 + i);
    const s = treeState([[null, [1]], [1, kids]], [1]);
    const root = buildChartTree(s, { pageSize: 50, shown: new Map([[1, 100]]), pinned: new Set() });
    expect(root.children[0].children.length).toBe(60);
  });

  it('does not descend into collapsed people', () => {
    const root = buildChartTree(treeState(EDGES, [2]), { pageSize: 50, shown: new Map(), pinned: new Set() });
    expect(keys(root)).toEqual(['p1', 'p6']);
    expect(root.children[0].children).toEqual([]);
  });
});

describe('treeKeyAction', () => {
  const rows = flattenVisible(treeState(EDGES, [1, 2]));
  // rows: 1, 2, 4, 5, 3, 6

  it('moves up and down, home and end', () => {
    expect(treeKeyAction(rows, 0, 'ArrowDown')).toEqual({ type: 'move', index: 1 });
    expect(treeKeyAction(rows, 0, 'ArrowUp')).toEqual({ type: 'none' });
    expect(treeKeyAction(rows, 5, 'ArrowDown')).toEqual({ type: 'none' });
    expect(treeKeyAction(rows, 3, 'Home')).toEqual({ type: 'move', index: 0 });
    expect(treeKeyAction(rows, 0, 'End')).toEqual({ type: 'move', index: 5 });
  });

  it('right expands a closed node, then moves to its first child', () => {
    const closed = flattenVisible(treeState(EDGES));
    expect(treeKeyAction(closed, 0, 'ArrowRight')).toEqual({ type: 'expand', id: 1 });
    expect(treeKeyAction(rows, 1, 'ArrowRight')).toEqual({ type: 'move', index: 2 });
    expect(treeKeyAction(rows, 2, 'ArrowRight')).toEqual({ type: 'none' });
  });

  it('left collapses an open node, else moves to the parent', () => {
    expect(treeKeyAction(rows, 1, 'ArrowLeft')).toEqual({ type: 'collapse', id: 2 });
    expect(treeKeyAction(rows, 3, 'ArrowLeft')).toEqual({ type: 'move', index: 1 });
    expect(treeKeyAction(rows, 5, 'ArrowLeft')).toEqual({ type: 'none' });
  });

  it('enter activates', () => {
    expect(treeKeyAction(rows, 4, 'Enter')).toEqual({ type: 'activate', id: 3 });
    expect(rowIndex(rows, 3)).toBe(4);
    expect(rowIndex(rows, 99)).toBe(-1);
  });

  it('does nothing on an empty tree', () => {
    expect(treeKeyAction([], 0, 'ArrowDown')).toEqual({ type: 'none' });
  });
});
