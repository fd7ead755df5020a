// Pure functions over the lazily loaded org tree, shared by the chart and the
// outline. The tree is what has been fetched so far: child lists per parent
// (null = the roots) and the set of expanded people.
import type { OrgNode } from '../../lib/bindings/OrgNode';

export type ParentKey = number | null;

export interface TreeState {
  nodes: ReadonlyMap<number, OrgNode>;
  /**
   * Loaded child id lists, in the order the host returned them: the pages
   * fetched so far, i.e. a prefix of all the children.
   */
  children: ReadonlyMap<ParentKey, readonly number[]>;
  expanded: ReadonlySet<number>;
  /** How many children each parent has in all; missing = the loaded list is complete. */
  totals?: ReadonlyMap<ParentKey, number>;
  /**
   * Per parent, one child shown even when its page is not loaded yet: the
   * chain of command of a focused person.
   */
  pinned?: ReadonlyMap<ParentKey, number>;
}

/**
 * The children shown under `parent` (null = the roots): the loaded pages plus
 * the pinned child if it is not among them, and how many are not loaded.
 * Undefined when nothing is loaded for `parent`.
 */
export function visibleChildren(
  state: TreeState,
  parent: ParentKey,
): { ids: readonly number[]; more: number } | undefined {
  const loaded = state.children.get(parent);
  if (!loaded) return undefined;
  let ids = loaded;
  const pin = state.pinned?.get(parent);
  if (pin !== undefined && state.nodes.has(pin) && !loaded.includes(pin)) ids = [...loaded, pin];
  const total = state.totals?.get(parent) ?? loaded.length;
  return { ids, more: Math.max(0, total - ids.length) };
}

interface RowBase {
  /** Unique among the rows: `p<id>` for a person, `more<parent|root>` for a "+N more" row. */
  key: string;
  parent: ParentKey;
  /** 1-based, as aria-level wants it. */
  level: number;
  /** 1-based position among the siblings shown, and how many are shown. */
  posinset: number;
  setsize: number;
}

/** One row of the outline: a person at a depth, in display order. */
export interface PersonRow extends RowBase {
  kind: 'person';
  id: number;
  hasChildren: boolean;
  expanded: boolean;
  /** Expanded but its children are not loaded yet. */
  loading: boolean;
}

/** The last row of a cut child list: "+N more" loads the next page. */
export interface MoreRow extends RowBase {
  kind: 'more';
  hidden: number;
}

export type FlatRow = PersonRow | MoreRow;

export function moreKey(parent: ParentKey): string {
  return `more${parent ?? 'root'}`;
}

/**
 * Depth-first list of the visible rows: the roots, and the children of every
 * expanded person whose children are loaded, each list followed by a "+N
 * more" row when it is cut. Iterative, so deep chains cannot overflow the
 * stack; linear in the number of visible rows.
 */
export function flattenVisible(state: TreeState): FlatRow[] {
  const out: FlatRow[] = [];
  const top = visibleChildren(state, null);
  if (!top) return out;
  type Frame = { ids: readonly number[]; more: number; i: number; parent: ParentKey; level: number };
  const frame = (v: { ids: readonly number[]; more: number }, parent: ParentKey, level: number): Frame => ({
    ...v,
    i: 0,
    parent,
    level,
  });
  const stack: Frame[] = [frame(top, null, 1)];
  while (stack.length > 0) {
    const f = stack[stack.length - 1];
    const setsize = f.ids.length + (f.more > 0 ? 1 : 0);
    if (f.i >= f.ids.length) {
      stack.pop();
      if (f.more > 0) {
        out.push({
          kind: 'more',
          key: moreKey(f.parent),
          parent: f.parent,
          level: f.level,
          posinset: setsize,
          setsize,
          hidden: f.more,
        });
      }
      continue;
    }
    const id = f.ids[f.i];
    f.i += 1;
    const node = state.nodes.get(id);
    if (!node) continue;
    const hasChildren = node.children > 0;
    const expanded = hasChildren && state.expanded.has(id);
    const kids = expanded ? visibleChildren(state, id) : undefined;
    out.push({
      kind: 'person',
      key: `p${id}`,
      id,
      parent: f.parent,
      level: f.level,
      posinset: f.i,
      setsize,
      hasChildren,
      expanded,
      loading: expanded && kids === undefined,
    });
    if (kids && (kids.ids.length > 0 || kids.more > 0)) stack.push(frame(kids, id, f.level + 1));
  }
  return out;
}

/** A node of the chart's hierarchy, the input of the tidy-tree layout. */
export interface ChartItem {
  key: string;
  kind: 'root' | 'person' | 'more';
  id: number | null;
  /** For a "+N more" item: whose children it stands for, and how many are not loaded. */
  parent: ParentKey;
  hidden: number;
  children: ChartItem[];
}

/**
 * The hierarchy the chart lays out: a synthetic root holding the org's roots,
 * the loaded children of every expanded person, and a "+N more" item where a
 * child list is cut. Iterative and linear in the number of items.
 */
export function buildChartTree(state: TreeState): ChartItem {
  const root: ChartItem = { key: 'root', kind: 'root', id: null, parent: null, hidden: 0, children: [] };
  const work: { item: ChartItem; parent: ParentKey }[] = [{ item: root, parent: null }];
  while (work.length > 0) {
    const { item, parent } = work.pop()!;
    const shown = visibleChildren(state, parent);
    if (!shown) continue;
    for (const id of shown.ids) {
      const node = state.nodes.get(id);
      if (!node) continue;
      const child: ChartItem = { key: `p${id}`, kind: 'person', id, parent, hidden: 0, children: [] };
      item.children.push(child);
      if (node.children > 0 && state.expanded.has(id)) work.push({ item: child, parent: id });
    }
    if (shown.more > 0) {
      item.children.push({
        key: moreKey(parent),
        kind: 'more',
        id: null,
        parent,
        hidden: shown.more,
        children: [],
      });
    }
  }
  return root;
}

/** Index of the row of person `id` in the flattened outline, or -1. */
export function rowIndex(rows: readonly FlatRow[], id: number | null): number {
  if (id === null) return -1;
  for (let i = 0; i < rows.length; i += 1) {
    const r = rows[i];
    if (r.kind === 'person' && r.id === id) return i;
  }
  return -1;
}

/** Index of the row with `key`, or -1. */
export function keyIndex(rows: readonly FlatRow[], key: string | null): number {
  if (key === null) return -1;
  for (let i = 0; i < rows.length; i += 1) if (rows[i].key === key) return i;
  return -1;
}

/** Where outline keys move the active row (WAI-ARIA tree pattern). */
export type TreeKeyAction =
  | { type: 'move'; index: number }
  | { type: 'expand'; id: number }
  | { type: 'collapse'; id: number }
  | { type: 'activate'; index: number }
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
      if (row.kind !== 'person' || !row.hasChildren) return { type: 'none' };
      if (!row.expanded) return { type: 'expand', id: row.id };
      if (i + 1 < rows.length && rows[i + 1].parent === row.id) return { type: 'move', index: i + 1 };
      return { type: 'none' };
    case 'ArrowLeft': {
      if (row.kind === 'person' && row.expanded) return { type: 'collapse', id: row.id };
      if (row.parent === null) return { type: 'none' };
      for (let j = i - 1; j >= 0; j -= 1) {
        const r = rows[j];
        if (r.kind === 'person' && r.id === row.parent) return { type: 'move', index: j };
      }
      return { type: 'none' };
    }
    case 'Enter':
    case ' ':
      return { type: 'activate', index: i };
    default:
      return { type: 'none' };
  }
}
