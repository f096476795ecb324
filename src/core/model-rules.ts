/**
 * Rules of the canonical model that span several nodes (DESIGN §2): the shape
 * of one node is checked by the schemas in model.ts, these check how nodes fit
 * together. Every problem is returned, not just the first, each located by a
 * path into the request (`nodes.3.parentId`) so the caller can answer 422
 * `model_invalid` with all of them as details.
 */
import type { ErrorDetail } from './errors';
import type { Kpi, ModelNode } from './model';
import { isPeriodKey } from './period-key';

/** One broken rule, located by a path into the request's `nodes`. */
export type ModelProblem = ErrorDetail;

/** What the rules need to know of a user. */
export interface ModelUser {
  id: string;
  role?: string;
}

const KIND_LABEL: Record<ModelNode['kind'], string> = { pillar: 'pillar', program: 'program', kpi: 'KPI' };

/**
 * Checks the model `nodes` against the rules that span nodes. `nodes` is the
 * model as it would be after the request; `incoming` is the request's own
 * `nodes`, which paths index into. For a bulk upsert pass the stored nodes
 * overlaid by the incoming ones, and the incoming ones; to check a model on its
 * own, pass just `nodes` (then `incoming` is `nodes`). Where an id occurs in
 * both, the incoming node is the one checked.
 *
 * - ids are unique within the request;
 * - a pillar has no parent, a program's parent is a pillar, a KPI's parent is a
 *   program or a pillar, every parent exists, and the parent chain has no loop;
 * - a KPI's owner is an existing user (of any role: ownership, not role, is
 *   what lets someone submit);
 * - a KPI's `dependsOn` lists existing KPIs, not itself, each once, without cycles;
 * - thresholds lie on the bad side of the target, in order (`up`: red ≤ amber ≤
 *   target; `down`: red ≥ amber ≥ target; equal is allowed), for the KPI's
 *   target and every per-period target;
 * - `periodTargets` keys are periods of the KPI's cadence.
 *
 * Every problem is returned. A stored node that the request breaks (say a
 * program whose pillar the request turns into a KPI) is blamed on the request's
 * node that broke it (`nodes.2.kind`). Problems among stored nodes alone
 * predate the request and are not reported, so old data never blocks an update.
 */
export function validateModel(
  nodes: readonly ModelNode[],
  users: readonly ModelUser[],
  incoming: readonly ModelNode[] = nodes,
): ModelProblem[] {
  const problems: ModelProblem[] = [];
  const firstIndex = new Map<string, number>();
  incoming.forEach((node, i) => {
    const first = firstIndex.get(node.id);
    if (first === undefined) firstIndex.set(node.id, i);
    else
      problems.push({ path: `nodes.${i}.id`, message: `duplicate id "${node.id}" (also at nodes.${first})` });
  });

  // The model after the request; the first incoming node of an id wins (a
  // duplicate is already reported), whatever `nodes` holds for that id.
  const merged = new Map<string, ModelNode>();
  for (const node of nodes) if (!merged.has(node.id)) merged.set(node.id, node);
  for (const [id, i] of firstIndex) {
    const node = incoming[i];
    if (node) merged.set(id, node);
  }
  const userIds = new Set(users.map((u) => u.id));

  /**
   * Reports a problem of `subject`'s `field`. When the subject is stored (not in
   * the request), the problem is the doing of the incoming `referent`: blame its
   * kind, or drop the problem when the referent is stored too (it predates the request).
   */
  const report = (subject: ModelNode, field: string, message: string, referent?: string, blame?: string) => {
    const i = firstIndex.get(subject.id);
    if (i !== undefined) {
      problems.push({ path: `nodes.${i}.${field}`, message });
      return;
    }
    const j = referent === undefined ? undefined : firstIndex.get(referent);
    if (j !== undefined && blame !== undefined) problems.push({ path: `nodes.${j}.kind`, message: blame });
  };

  // Incoming nodes first (in request order), then the stored ones they may affect.
  const subjects = [...new Set([...firstIndex.keys(), ...merged.keys()])]
    .map((id) => merged.get(id))
    .filter((n): n is ModelNode => n !== undefined);

  for (const node of subjects) {
    checkParent(node, merged, report);
    if (node.kind === 'kpi') {
      if (firstIndex.has(node.id) && !userIds.has(node.ownerId)) {
        report(node, 'ownerId', `owner "${node.ownerId}" is not a user`);
      }
      checkDependsOn(node, merged, report);
      if (firstIndex.has(node.id)) {
        checkThresholds(node, report);
        checkPeriodTargets(node, report);
      }
    }
  }
  for (const cycle of findCycles(merged, (n) => (n.kind === 'kpi' ? n.dependsOn : []))) {
    const at = firstInRequest(cycle, firstIndex);
    if (at !== undefined) {
      problems.push({
        path: `nodes.${at}.dependsOn`,
        message: `dependency cycle: ${[...cycle, cycle[0]].join(' → ')}`,
      });
    }
  }
  for (const cycle of findCycles(merged, (n) => (n.parentId ? [n.parentId] : []))) {
    const at = firstInRequest(cycle, firstIndex);
    if (at !== undefined && cycle.length > 1) {
      problems.push({
        path: `nodes.${at}.parentId`,
        message: `parent chain loops: ${[...cycle, cycle[0]].join(' → ')}`,
      });
    }
  }
  return problems;
}

type Report = (subject: ModelNode, field: string, message: string, referent?: string, blame?: string) => void;

function checkParent(node: ModelNode, merged: ReadonlyMap<string, ModelNode>, report: Report): void {
  const parentId = node.parentId ?? undefined;
  if (node.kind === 'pillar') {
    // The schema already forbids it; checked again for callers that bypass the schema.
    if (parentId !== undefined) report(node, 'parentId', 'a pillar has no parent');
    return;
  }
  const label = KIND_LABEL[node.kind];
  if (parentId === undefined) return report(node, 'parentId', `a ${label} needs a parent`);
  if (parentId === node.id) return report(node, 'parentId', `a ${label} cannot be its own parent`);
  const parent = merged.get(parentId);
  if (!parent) return report(node, 'parentId', `parent "${parentId}" does not exist`);
  const allowed: ModelNode['kind'][] = node.kind === 'program' ? ['pillar'] : ['program', 'pillar'];
  if (!allowed.includes(parent.kind)) {
    const wanted = node.kind === 'program' ? 'a pillar' : 'a program or a pillar';
    report(
      node,
      'parentId',
      `the parent of a ${label} must be ${wanted}; "${parentId}" is a ${KIND_LABEL[parent.kind]}`,
      parentId,
      `"${parentId}" is the parent of ${label} "${node.id}", so it must be ${wanted}`,
    );
  }
}

function checkDependsOn(kpi: Kpi, merged: ReadonlyMap<string, ModelNode>, report: Report): void {
  const seen = new Set<string>();
  kpi.dependsOn.forEach((id, j) => {
    const field = `dependsOn.${j}`;
    if (seen.has(id)) return report(kpi, field, `"${id}" is listed twice`);
    seen.add(id);
    if (id === kpi.id) return report(kpi, field, 'a KPI cannot depend on itself');
    const target = merged.get(id);
    if (!target) return report(kpi, field, `"${id}" does not exist`);
    if (target.kind !== 'kpi') {
      report(
        kpi,
        field,
        `"${id}" is a ${KIND_LABEL[target.kind]}; a KPI can only depend on KPIs`,
        id,
        `KPI "${kpi.id}" depends on "${id}", so it must stay a KPI`,
      );
    }
  });
}

/**
 * Why: thresholds are absolute values on the bad side of the target, amber
 * reached first and red further out. Out of order, `statusOf` would call a value
 * better than target at risk, or skip amber entirely. Equal values are allowed
 * (e.g. amber at the target: anything short of target is at risk).
 */
function checkThresholds(kpi: Kpi, report: Report): void {
  const { thresholds } = kpi;
  if (!thresholds) return;
  const up = kpi.direction === 'up';
  // notWorse(a, b): a is b or on b's good side.
  const notWorse = (a: number, b: number) => (up ? a >= b : a <= b);
  const side = up ? 'below' : 'above';
  if (!notWorse(thresholds.amber, thresholds.red)) {
    report(
      kpi,
      'thresholds',
      `with direction "${kpi.direction}" red (${thresholds.red}) must not be ${up ? 'above' : 'below'} amber (${thresholds.amber})`,
    );
  }
  if (kpi.target !== undefined && !notWorse(kpi.target, thresholds.amber)) {
    report(
      kpi,
      'thresholds',
      `with direction "${kpi.direction}" amber (${thresholds.amber}) must not be ${up ? 'above' : 'below'} the target (${kpi.target}): thresholds sit ${side} it`,
    );
  }
  for (const [period, target] of Object.entries(kpi.periodTargets ?? {})) {
    if (!notWorse(target, thresholds.amber)) {
      report(
        kpi,
        `periodTargets.${period}`,
        `the target for ${period} (${target}) is on the bad side of amber (${thresholds.amber}); thresholds sit ${side} every target`,
      );
    }
  }
}

function checkPeriodTargets(kpi: Kpi, report: Report): void {
  for (const period of Object.keys(kpi.periodTargets ?? {})) {
    if (!isPeriodKey(period, kpi.cadence)) {
      report(
        kpi,
        `periodTargets.${period}`,
        `"${period}" is not a ${kpi.cadence} period (the KPI's cadence)`,
      );
    }
  }
}

/** The smallest request index among the cycle's members, or undefined when none is in the request. */
function firstInRequest(
  cycle: readonly string[],
  firstIndex: ReadonlyMap<string, number>,
): number | undefined {
  const indices = cycle.map((id) => firstIndex.get(id)).filter((i): i is number => i !== undefined);
  return indices.length ? Math.min(...indices) : undefined;
}

/**
 * Cycles of the graph `edges` spans over `nodes` (edges to unknown ids are
 * ignored; they are reported elsewhere). Depth-first search finds at least one
 * cycle in every strongly connected part, each reported once.
 */
function findCycles(
  nodes: ReadonlyMap<string, ModelNode>,
  edges: (n: ModelNode) => readonly string[],
): string[][] {
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const cycles: string[][] = [];
  const seen = new Set<string>();
  const visit = (id: string): void => {
    state.set(id, 'open');
    stack.push(id);
    const node = nodes.get(id);
    for (const next of node ? edges(node) : []) {
      // A self-loop is reported by the rule about the node itself, not as a cycle.
      if (next === id || !nodes.has(next)) continue;
      const s = state.get(next);
      if (s === 'open') {
        const cycle = stack.slice(stack.indexOf(next));
        const key = [...cycle].sort().join('\n');
        if (!seen.has(key)) {
          seen.add(key);
          cycles.push(cycle);
        }
      } else if (s === undefined) {
        visit(next);
      }
    }
    stack.pop();
    state.set(id, 'done');
  };
  for (const id of nodes.keys()) if (!state.has(id)) visit(id);
  return cycles;
}

/**
 * Changes the stored readings forbid: a KPI that has readings cannot become a
 * program or pillar, nor change its cadence, since its readings' periods would
 * stop fitting it. Paths index into `incoming`.
 */
export function validateModelChange(
  existing: readonly ModelNode[],
  incoming: readonly ModelNode[],
  kpisWithReadings: ReadonlySet<string>,
): ModelProblem[] {
  const stored = new Map(existing.map((n) => [n.id, n]));
  const problems: ModelProblem[] = [];
  incoming.forEach((node, i) => {
    const before = stored.get(node.id);
    if (before?.kind !== 'kpi' || !kpisWithReadings.has(node.id)) return;
    if (node.kind !== 'kpi') {
      problems.push({
        path: `nodes.${i}.kind`,
        message: `KPI "${node.id}" has readings, so it cannot become a ${KIND_LABEL[node.kind]}`,
      });
    } else if (node.cadence !== before.cadence) {
      problems.push({
        path: `nodes.${i}.cadence`,
        message: `KPI "${node.id}" has ${before.cadence}ly readings, so its cadence cannot change to ${node.cadence}`,
      });
    }
  });
  return problems;
}
