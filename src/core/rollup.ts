/**
 * The model as a tree (pillar → program → KPI) and how facts about KPIs roll
 * up to the programs and pillars above them.
 */
import type { ModelNode } from './model';
import { countStatuses, worstStatus, type Status } from './status';

/** One ancestor of a node (the same shape as the `path` entries of `GET /v1/kpis`). */
export interface AncestorEntry {
  id: string;
  kind: ModelNode['kind'];
  name: string;
}

/** A node in tree order, with where it sits. */
export interface TreeEntry {
  node: ModelNode;
  /** 0 for a root (a pillar), 1 for its children, … */
  depth: number;
  /** The ancestors, root first; empty for a root. */
  path: AncestorEntry[];
}

/**
 * The nodes in tree order: each root (a pillar), then depth-first its children,
 * siblings in the order the nodes were given. KPIs directly under a pillar sit
 * among the pillar's programs in that same order.
 *
 * Robust to a model that breaks the rules (the store validates it, but a
 * summary should never lose rows): a node whose parent is missing counts as a
 * root, a repeated id is kept once (the first), and nodes caught in a parent
 * loop come last, at depth 0.
 */
export function treeOrder(nodes: readonly ModelNode[]): TreeEntry[] {
  const byId = new Map<string, ModelNode>();
  for (const node of nodes) if (!byId.has(node.id)) byId.set(node.id, node);
  const unique = [...byId.values()];

  const children = new Map<string, ModelNode[]>();
  const roots: ModelNode[] = [];
  for (const node of unique) {
    const parentId = node.parentId ?? undefined;
    if (parentId === undefined || parentId === node.id || !byId.has(parentId)) {
      roots.push(node);
      continue;
    }
    const siblings = children.get(parentId);
    if (siblings) siblings.push(node);
    else children.set(parentId, [node]);
  }

  const out: TreeEntry[] = [];
  const placed = new Set<string>();
  const place = (node: ModelNode, depth: number, path: AncestorEntry[]): void => {
    if (placed.has(node.id)) return;
    placed.add(node.id);
    out.push({ node, depth, path });
    const self: AncestorEntry = { id: node.id, kind: node.kind, name: node.name };
    for (const child of children.get(node.id) ?? []) place(child, depth + 1, [...path, self]);
  };
  for (const root of roots) place(root, 0, []);
  // Only nodes in a parent loop are left: no root reaches them.
  for (const node of unique) place(node, 0, []);
  return out;
}

/** What a KPI contributes to the programs and pillars above it. */
export interface KpiFacts {
  status: Status;
  copies: number;
  divergentCopies: number;
  overdue: boolean;
  lastSubmittedAt: string | null;
}

/** A program's or pillar's facts, rolled up from every KPI below it (at any depth). */
export interface GroupFacts {
  /** The worst status below; `no-data` only when no KPI below has data. */
  status: Status;
  statusCounts: Record<Status, number>;
  copies: number;
  divergentCopies: number;
  overdueCount: number;
  lastSubmittedAt: string | null;
}

/** Rolls up the facts of the KPIs below a program or pillar (none: `no-data`, all counts 0). */
export function rollupKpis(kpis: readonly KpiFacts[]): GroupFacts {
  const statuses = kpis.map((k) => k.status);
  return {
    status: worstStatus(statuses),
    statusCounts: countStatuses(statuses),
    copies: sum(kpis.map((k) => k.copies)),
    divergentCopies: sum(kpis.map((k) => k.divergentCopies)),
    overdueCount: kpis.filter((k) => k.overdue).length,
    lastSubmittedAt: kpis.reduce<string | null>((latest, k) => laterTime(latest, k.lastSubmittedAt), null),
  };
}

/** A timestamp as `Date.toISOString()` writes it. */
const ISO_UTC = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;

/** The later of two ISO timestamps (either may be null). */
export function laterTime(a: string | null, b: string | null): string | null {
  if (a === null) return b;
  if (b === null) return a;
  // The store writes toISOString(): two such texts compare in time order without parsing.
  if (ISO_UTC.test(a) && ISO_UTC.test(b)) return a >= b ? a : b;
  const ta = Date.parse(a);
  const tb = Date.parse(b);
  // Why parse: offsets (`+01:00` vs `Z`) make the text order differ from time order.
  if (Number.isNaN(ta) || Number.isNaN(tb)) return a >= b ? a : b;
  return ta >= tb ? a : b;
}

function sum(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0);
}
