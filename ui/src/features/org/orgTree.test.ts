import { describe, expect, it } from 'vitest';

import {
  buildChartTree,
  flattenVisible,
  keyIndex,
  rowIndex,
  treeKeyAction,
  visibleChildren,
  type ChartItem,
  type FlatRow,
} from './orgTree';
import { orgNode, treeState } from './testTree';

/** Person ids, and the keys of "+N more" rows. */
function ids(rows: FlatRow[]): (number | string)[] {
  return rows.map((r) => (r.kind === 'person' ? r.id : r.key));
}

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
    expect(ids(rows)).toEqual([1, 6]);
    expect(rows[0]).toMatchObject({ level: 1, posinset: 1, setsize: 2, hasChildren: true, expanded: false });
    expect(rows[1]).toMatchObject({ level: 1, posinset: 2, setsize: 2, hasChildren: false });
  });

  it('walks expanded people depth first with levels and positions', () => {
    const rows = flattenVisible(treeState(EDGES, [1, 2]));
    expect(rows.map((r) => [r.kind === 'person' ? r.id : r.key, r.level, r.posinset, r.setsize, r.parent])).toEqual([
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
    expect(ids(rows)).toEqual([1, 6]);
  });

  it('marks an expanded person whose children are not loaded yet', () => {
    const s = treeState(EDGES, [1]);
    s.children.delete(1);
    const rows = flattenVisible(s);
    expect(rows[0]).toMatchObject({ id: 1, expanded: true, loading: true });
    expect(ids(rows)).toEqual([1, 6]);
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

describe('flattenVisible with pages', () => {
  // Root 1 has 120 reports; the first 50 (100…149) are loaded.
  const loaded = Array.from({ length: 50 }, (_, i) => 100 + i);

  it('ends a cut list with a "+N more" row', () => {
    const s = treeState([[null, [1, 2]], [1, loaded]], [1], [[1, 120]]);
    const rows = flattenVisible(s);
    expect(rows.length).toBe(53);
    expect(rows[51]).toEqual({ kind: 'more', key: 'more1', parent: 1, level: 2, posinset: 51, setsize: 51, hidden: 70 });
    expect(rows[50]).toMatchObject({ id: 149, posinset: 50, setsize: 51 });
    expect(rows[52]).toMatchObject({ id: 2, level: 1 });
  });

  it('cuts the roots too', () => {
    const s = treeState([[null, [1, 2]]], [], [[null, 9]]);
    expect(ids(flattenVisible(s))).toEqual([1, 2, 'moreroot']);
  });

  it('shows a pinned child past the loaded pages, and does not count it as hidden', () => {
    const s = treeState([[null, [1]], [1, loaded]], [1, 400], [[1, 120]]);
    s.nodes.set(400, orgNode(400, 1));
    s.nodes.set(401, orgNode(401));
    s.children.set(400, [401]);
    s.pinned.set(1, 400);
    const rows = flattenVisible(s);
    expect(ids(rows).slice(50)).toEqual([149, 400, 401, 'more1']);
    expect(rows[rows.length - 1]).toMatchObject({ hidden: 69 });
    expect(rows.find((r) => r.kind === 'person' && r.id === 401)?.level).toBe(3);
  });

  it('does not repeat a pinned child that is loaded', () => {
    const s = treeState([[null, [1]], [1, loaded]], [1], [[1, 120]]);
    s.pinned.set(1, 120);
    expect(visibleChildren(s, 1)).toEqual({ ids: loaded, more: 70 });
  });
});

describe('visibleChildren', () => {
  it('is undefined for a list not loaded, and complete without a total', () => {
    const s = treeState(EDGES);
    expect(visibleChildren(s, 3)).toBeUndefined();
    expect(visibleChildren(s, 1)).toEqual({ ids: [2, 3], more: 0 });
  });

  it('ignores a pin whose person is unknown', () => {
    const s = treeState(EDGES);
    s.pinned.set(1, 999);
    expect(visibleChildren(s, 1)).toEqual({ ids: [2, 3], more: 0 });
  });
});

function keys(item: ChartItem): string[] {
  return item.children.map((c) => c.key);
}

describe('buildChartTree', () => {
  it('nests expanded people and adds a "+N more" item for what is not loaded', () => {
    const kids = Array.from({ length: 50 }, (_, i) => 100 + i);
    const s = treeState([[null, [1]], [1, kids]], [1], [[1, 60]]);
    const root = buildChartTree(s);
    expect(keys(root)).toEqual(['p1']);
    const one = root.children[0];
    expect(one.children.length).toBe(51);
    const more = one.children[50];
    expect(more).toMatchObject({ key: 'more1', kind: 'more', parent: 1, hidden: 10 });
  });

  it('shows every loaded child, with no "more" once all are loaded', () => {
    const kids = Array.from({ length: 60 }, (_, i) => 100 + i);
    const s = treeState([[null, [1]], [1, kids]], [1], [[1, 60]]);
    const one = buildChartTree(s).children[0];
    expect(one.children.length).toBe(60);
    expect(one.children.every((c) => c.kind === 'person')).toBe(true);
  });

  it('adds a pinned child after the loaded ones', () => {
    const s = treeState([[null, [1]], [1, [100, 101]]], [1], [[1, 300]]);
    s.nodes.set(250, orgNode(250));
    s.pinned.set(1, 250);
    expect(keys(buildChartTree(s).children[0])).toEqual(['p100', 'p101', 'p250', 'more1']);
  });

  it('does not descend into collapsed people', () => {
    const root = buildChartTree(treeState(EDGES, [2]));
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
    expect(treeKeyAction(rows, 4, 'Enter')).toEqual({ type: 'activate', index: 4 });
    expect(rowIndex(rows, 3)).toBe(4);
    expect(rowIndex(rows, 99)).toBe(-1);
    expect(keyIndex(rows, 'p3')).toBe(4);
  });

  it('a "+N more" row activates, cannot expand, and Left goes to its parent', () => {
    const cut = flattenVisible(treeState([[null, [1]], [1, [2, 3]]], [1], [[1, 5]]));
    expect(ids(cut)).toEqual([1, 2, 3, 'more1']);
    expect(keyIndex(cut, 'more1')).toBe(3);
    expect(rowIndex(cut, 1)).toBe(0);
    expect(treeKeyAction(cut, 3, 'ArrowRight')).toEqual({ type: 'none' });
    expect(treeKeyAction(cut, 3, 'ArrowLeft')).toEqual({ type: 'move', index: 0 });
    expect(treeKeyAction(cut, 3, ' ')).toEqual({ type: 'activate', index: 3 });
    expect(treeKeyAction(cut, 2, 'ArrowDown')).toEqual({ type: 'move', index: 3 });
  });

  it('does nothing on an empty tree', () => {
    expect(treeKeyAction([], 0, 'ArrowDown')).toEqual({ type: 'none' });
  });
});
