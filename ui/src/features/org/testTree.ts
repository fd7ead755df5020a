// Trees of any shape for the org tests, made of nodes as the host sends them.
import type { OrgChildren } from '../../lib/bindings/OrgChildren';
import type { OrgNode } from '../../lib/bindings/OrgNode';
import * as core from '../../test/core';
import type { ParentKey, TreeState } from './orgTree';

/** Bo Chen as the host sends him (an engineer with no reports). */
const sample = core.orgChildrenAda().nodes.find((n) => n.name === 'Bo Chen')!;

/**
 * A node like the host's, with the id, name and counts a tree's shape needs:
 * the shape (how many people, how deep) is what the org tests are about.
 */
export function orgNode(id: number, children = 0, kind: 'human' | 'agent' = 'human'): OrgNode {
  return { ...sample, id, name: `P${id}`, kind, children, span: children, descendants: children };
}

/**
 * `edges` maps a parent (null = roots) to its loaded child ids; unless
 * `totals` says otherwise a list is complete. Every person has as many
 * children as their loaded list (or their total).
 */
export function treeState(
  edges: [ParentKey, number[]][],
  expanded: number[] = [],
  totals: [ParentKey, number][] = [],
): TreeState & {
  nodes: Map<number, OrgNode>;
  children: Map<ParentKey, number[]>;
  expanded: Set<number>;
  totals: Map<ParentKey, number>;
  pinned: Map<ParentKey, number>;
} {
  const children = new Map<ParentKey, number[]>(edges);
  const count = new Map<number, number>();
  for (const [p, ids] of edges) if (p !== null) count.set(p, ids.length);
  for (const [p, n] of totals) if (p !== null) count.set(p, n);
  const nodes = new Map<number, OrgNode>();
  for (const [, ids] of edges) for (const id of ids) nodes.set(id, orgNode(id, count.get(id) ?? 0));
  return { nodes, children, expanded: new Set(expanded), totals: new Map(totals), pinned: new Map() };
}

/**
 * A fake `org_children` over full child lists, paged like the host. The host
 * caps a page at 1000 (ORG_CHILDREN_MAX); this one refuses more, so a test
 * notices the UI asking for what the host would silently cut.
 */
export function pagedChildren(lists: (parent: ParentKey) => OrgNode[] | Promise<OrgNode[]>) {
  return async (parent: ParentKey, offset: number, limit: number): Promise<OrgChildren> => {
    if (limit > 1000 || limit < 1 || offset < 0) throw { kind: 'invalid_input', message: `bad page ${offset}+${limit}` };
    const all = await lists(parent);
    return { total: all.length, offset, nodes: all.slice(offset, offset + limit) };
  };
}
