/**
 * Navigating the model: lookups and ancestor paths, shared by the store, the
 * summary and the pane.
 */
import type { Kpi, ModelNode } from './model';

export interface PathEntry {
  id: string;
  kind: ModelNode['kind'];
  name: string;
}

export type KpiWithPath = Kpi & { path: PathEntry[] };

export function indexNodes(nodes: readonly ModelNode[]): Map<string, ModelNode> {
  return new Map(nodes.map((n) => [n.id, n]));
}

/** Ancestors of a node, root first (a pillar's path is empty). Stops on a cycle. */
export function ancestorsOf(node: ModelNode, byId: ReadonlyMap<string, ModelNode>): PathEntry[] {
  const path: PathEntry[] = [];
  const seen = new Set([node.id]);
  let parentId = node.parentId ?? undefined;
  while (parentId !== undefined && !seen.has(parentId)) {
    const parent = byId.get(parentId);
    if (!parent) break;
    seen.add(parent.id);
    path.unshift({ id: parent.id, kind: parent.kind, name: parent.name });
    parentId = parent.parentId ?? undefined;
  }
  return path;
}

export function isKpi(node: ModelNode | undefined): node is Kpi {
  return node?.kind === 'kpi';
}

/** Every KPI with its path of ancestors, in model order. */
export function kpisWithPaths(nodes: readonly ModelNode[]): KpiWithPath[] {
  const byId = indexNodes(nodes);
  return nodes.filter(isKpi).map((kpi) => ({ ...kpi, path: ancestorsOf(kpi, byId) }));
}
