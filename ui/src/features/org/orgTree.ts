// Pure functions over the lazily loaded org tree, shared by the chart and the
// outline. The tree is what has been fetched so far: child lists per parent
// (null = the roots) and the set of expanded people.
import type { OrgNode } from '../../lib/bindings/OrgNode';

export type ParentKey = number | null;

export interface TreeState {
  nodes: ReadonlyMap<number, OrgNode>;
  /** Loaded child id lists, in the order the host returned them. */
  children: ReadonlyMap<ParentKey, readonly number[]>;
  expanded: ReadonlySet<number>;
}

/** One row of the outline: a person at a depth, in display order. */
export interface FlatRow {
  id: number;
  parent: ParentKey;
  /** 1-based, as aria-level wants it. */
  level: number;
  /** 1-based position among siblings, and the number of siblings. */
  posinset: number;
  setsize: number;
  hasChildren: boolean;
  expanded: boolean;
  /** Expanded but its children are not loaded yet. */
  loading: boolean;
}

/**
 * Depth-first list of the visible rows: the roots, and the children of every
 * expanded person whose children are loaded. Iterative, so deep chains cannot
 * overflow the stack; linear in the number of visible rows.
 */
export function flattenVisible(state: TreeState): FlatRow[] {
  const out: FlatRow[] = [];
  const roots = state.children.get(null) ?? [];
  // Stack of [ids, next index, parent, level]; processed depth-first.
  const stack: { ids: readonly number[]; i: number; parent: ParentKey; level: number }[] = [
    { ids: roots, i: 0, parent: null, level: 1 },
  ];
  while (stack.length > 0) {
    const top = stack[stack.length - 1];
    if (top.i >= top.ids.length) {
      stack.pop();
      continue;
    }
    const id = top.ids[top.i];
    top.i += 1;
    const node = state.nodes.get(id);
    if (!node) continue;
    const hasChildren = node.children > 0;
    const expanded = hasChildren && state.expanded.has(id);
    const kids = expanded ? state.children.get(id) : undefined;
    out.push({
      id,
      parent: top.parent,
      level: top.level,
      posinset: top.i,
      setsize: top.ids.length,
      hasChildren,
      expanded,
      loading: expanded && kids === undefined,
    });
    if (kids && kids.length > 0) stack.push({ ids: kids, i: 0, parent: id, level: top.level + 1 });
  }
  return out;
}

/**
 * Which children the chart shows: the first `shown` ones, plus any pinned ones
 * further down (the chain of a focused person), in their original order.
 */
export function chartChildren(
  all: readonly number[],
  shown: number,
  pinned: ReadonlySet<number>,
): { ids: number[]; more: number } {
  if (all.length <= shown) return { ids: all.slice(), more: 0 };
  const ids = all.slice(0, shown);
  for (let i = shown; i < all.length; i += 1) if (pinned.has(all[i])) ids.push(all[i]);
  return { ids, more: all.length - ids.length };
}

/** A node of the chart's hierarchy, the input of the tidy-tree layout. */
export interface ChartItem {
  key: string;
  kind: 'root' | 'person' | 'more';
  id: number | null;
  /** For a "+N more" item: whose children it stands for, and how many are hidden. */
  parent: ParentKey;
  hidden: number;
  children: ChartItem[];
}

export interface ChartOptions {
  /** Children shown per parent unless more were revealed. */
  pageSize: number;
  /** Per parent, how many children were revealed (overrides pageSize). */
  shown: ReadonlyMap<ParentKey, number>;
  pinned: ReadonlySet<number>;
}

/**
 * The hierarchy the chart lays out: a synthetic root holding the org's roots,
 * every expanded person's (capped) children, and a "+N more" item where a
 * child list is cut. Iterative and linear in the number of items.
 */
export function buildChartTree(state: TreeState, opts: ChartOptions): ChartItem {
  const root: ChartItem = { key: 'root', kind: 'root', id: null, parent: null, hidden: 0, children: [] };
  const work: { item: ChartItem; parent: ParentKey }[] = [{ item: root, parent: null }];
  while (work.length > 0) {
    const { item, parent } = work.pop()!;
    const all = state.children.get(parent);
    if (!all) continue;
    const limit = opts.shown.get(parent) ?? opts.pageSize;
    const { ids, more } = chartChildren(all, limit, opts.pinned);
    for (const id of ids) {
      const node = state.nodes.get(id);
      if (!node) continue;
      const child: ChartItem = { key: `p${id}`, kind: 'person', id, parent, hidden: 0, children: [] };
      item.children.push(child);
      if (node.children > 0 && state.expanded.has(id)) work.push({ item: child, parent: id });
    }
    if (more > 0) {
      item.children.push({
        key: `more${parent ?? 'root'}`,
        kind: 'more',
        id: null,
        parent,
        hidden: more,
        children: [],
      });
    }
  }
  return root;
}

/** Index of the row of `id` in the flattened outline, or -1. */
export function rowIndex(rows: readonly FlatRow[], id: number | null): number {
  if (id === null) return -1;
  for (let i = 0; i < rows.length; i += 1) if (rows[i].id === id) return i;
  return -1;
}

/** Where outline keys move the active row (WAI-ARIA tree pattern). */
export type TreeKeyAction =
  | { type: 'move'; index: number }
  | { type: 'expand'; id: number }
  | { type: 'collapse'; id: number }
  | { type: 'activate'; id: number }
  | { type: 'none' };

export function treeKeyAction(rows: readonly FlatRow[], index: number, key: string): TreeKeyAction {
  if (rows.length === 0) return { type: 'none' };
  const i = Math.max(0, Math.min(rows.length - 1, index));
  const row = rows[i];
  switch (key) {
    case 'ArrowDown':
      return i + 1 < rows.length ? { type: 'move', index: i + 1 } : { type: 'none' };
    case 'ArrowUp':
      return i > 0 ? { type: 'move', index: i - 1 } : { type: 'none' };
    case 'Home':
      return { type: 'move', index: 0 };
    case 'End':
      return { type: 'move', index: rows.length - 1 };
    case 'ArrowRight':
      if (!row.hasChildren) return { type: 'none' };
      if (!row.expanded) return { type: 'expand', id: row.id };
      if (i + 1 < rows.length && rows[i + 1].parent === row.id) return { type: 'move', index: i + 1 };
      return { type: 'none' };
    case 'ArrowLeft': {
      if (row.expanded) return { type: 'collapse', id: row.id };
      if (row.parent === null) return { type: 'none' };
      for (let j = i - 1; j >= 0; j -= 1) if (rows[j].id === row.parent) return { type: 'move', index: j };
      return { type: 'none' };
    }
    case 'Enter':
    case ' ':
      return { type: 'activate', id: row.id };
    default:
      return { type: 'none' };
  }
}
