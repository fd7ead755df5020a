// Builds TreeState fixtures for the org tests.
import type { OrgNode } from '../../lib/bindings/OrgNode';
import type { ParentKey, TreeState } from './orgTree';

export function orgNode(id: number, children = 0, kind: 'human' | 'agent' = 'human'): OrgNode {
  return { id, name: `P${id}`, title: '', kind, children, span: children, descendants: children };
}

/** `edges` maps a parent (null = roots) to its child ids; all are loaded. */
export function treeState(edges: [ParentKey, number[]][], expanded: number[] = []): TreeState & {
  nodes: Map<number, OrgNode>;
  children: Map<ParentKey, number[]>;
  expanded: Set<number>;
} {
  const children = new Map<ParentKey, number[]>(edges);
  const count = new Map<number, number>();
  for (const [p, ids] of edges) if (p !== null) count.set(p, ids.length);
  const nodes = new Map<number, OrgNode>();
  for (const [, ids] of edges) for (const id of ids) nodes.set(id, orgNode(id, count.get(id) ?? 0));
  return { nodes, children, expanded: new Set(expanded) };
}
