/**
 * Reconciling every link of a workbook, for every host: one metadata read, one
 * names read, one block read and one canonical request, whatever the number of links.
 */
import type { LinkInput } from './api';
import { linkCells } from './link-cells';
import { decodeMetadata } from './link-format';
import { periodBounds } from './period-key';
import { reconcile, type ReconcileResult } from './reconcile';
import { batchBySize } from './request-batches';
import { MAX_LINKS_PER_REQUEST, MAX_OBSERVATIONS_PER_REQUEST } from './request-limits';
import { toHeader, WorkbookLinkError, type LinkStore, type LinkWorkbook } from './workbook-access';

export interface WorkbookReconcile extends ReconcileResult {
  workbook: { id: string; name: string };
  links: number;
}

/** What a workbook's linked cells say against the store, before anything is recorded. */
export interface WorkbookComparison extends WorkbookReconcile {
  /** The links as read, for registering them again (a link moves when rows are inserted). */
  registrations: (Omit<LinkInput, 'scale'> & { scale: number })[];
}

/**
 * Compares every linked cell of a workbook with the store without recording
 * anything: all links' ranges in one read, the canonical values in one
 * request. The submit pane reads local values this way; reconcile records them.
 */
export async function compareWorkbook(workbook: LinkWorkbook, store: LinkStore): Promise<WorkbookComparison> {
  const [rows, names, info, catalogue] = await Promise.all([
    workbook.readMetadataRows(),
    workbook.listNames(),
    workbook.workbookInfo(),
    store.kpis(),
  ]);
  const links = decodeMetadata(rows);
  if (links.length === 0) return { workbook: info, links: 0, cells: [], observations: [], registrations: [] };
  const named = new Map(names.map((n) => [n.name, n]));
  const byId = new Map(catalogue.map((k) => [k.id, k]));

  const problems: string[] = [];
  const resolved = links.flatMap((link) => {
    const values = named.get(link.name);
    const periods = link.periodsName ? named.get(link.periodsName) : undefined;
    if (!values || (link.periodsName && !periods)) {
      problems.push(`Link ${link.name} lost its range (its defined name was deleted); link the range again.`);
      return [];
    }
    const missing = link.kpiIds.filter((id) => !byId.has(id));
    if (missing.length > 0) {
      problems.push(
        `Link ${link.name} (${values.sheet}!${values.address}) names KPIs the store no longer has: ${missing.join(', ')}.`,
      );
      return [];
    }
    return [{ link, values, periods }];
  });
  if (problems.length > 0) throw new WorkbookLinkError(problems);

  const blocks = await workbook.readBlocks(
    resolved.flatMap((r) => (r.periods ? [r.values, r.periods] : [r.values])),
  );
  let next = 0;
  const prepared = resolved.map((r) => {
    const valuesBlock = blocks[next++]!;
    const headerBlock = r.periods ? blocks[next++]! : undefined;
    const shape = linkCells(
      {
        values: r.values.address,
        periods: r.periods?.address,
        period: r.link.period ?? undefined,
        kpis: r.link.kpiIds.map((id) => byId.get(id)!),
        fiscalYearStartMonth: r.link.fiscalYearStartMonth,
      },
      headerBlock ? toHeader(headerBlock) : [],
    );
    if (!shape.ok) {
      problems.push(
        ...shape.problems.map((p) => `Link ${r.link.name} (${r.values.sheet}!${r.values.address}): ${p}`),
      );
      return undefined;
    }
    return { ...r, cells: shape.cells, block: valuesBlock, layout: shape.layout };
  });
  if (problems.length > 0) throw new WorkbookLinkError(problems);
  const ready = prepared.filter((p): p is NonNullable<typeof p> => p !== undefined);

  const kpiIds = [...new Set(ready.flatMap((r) => r.cells.map((c) => c.kpiId)))];
  const range = coveringRange(ready.flatMap((r) => r.cells.map((c) => c.period)));
  const canonical = kpiIds.length > 0 ? await store.canonical(kpiIds, range) : [];
  const result = reconcile(
    ready.map((r) => ({
      linkId: r.link.id,
      sheet: r.values.sheet,
      scale: r.link.scale,
      cells: r.cells,
      values: r.block.values,
      numberFormats: r.block.numberFormats,
      formulas: r.block.formulas,
    })),
    canonical,
    new Map(catalogue.map((k) => [k.id, k.tolerance])),
  );

  return {
    ...result,
    workbook: info,
    links: ready.length,
    registrations: ready.map((r) => ({
      id: r.link.id,
      workbookId: info.id,
      workbookName: info.name,
      sheet: r.values.sheet,
      address: r.values.address,
      layout: r.layout,
      kpiIds: r.link.kpiIds,
      scale: r.link.scale,
    })),
  };
}

/**
 * Reconciles every link of a workbook: compares (see `compareWorkbook`),
 * refreshes the links' addresses in the store and records the observations.
 * The workbook is only read.
 */
export async function reconcileWorkbook(
  workbook: LinkWorkbook,
  store: LinkStore,
): Promise<WorkbookReconcile> {
  const { registrations, ...result } = await compareWorkbook(workbook, store);
  // As few requests as the store's limits allow: one of each for a workbook of
  // up to 10,000 links and about 40,000 cells (4 MB), whatever the number of links.
  for (const links of batchBySize(registrations, MAX_LINKS_PER_REQUEST)) await store.registerLinks(links);
  for (const observations of batchBySize(result.observations, MAX_OBSERVATIONS_PER_REQUEST)) {
    await store.observe(observations);
  }
  return result;
}

/** The first and last period (by their days) among keys of any cadence. */
export function coveringRange(periods: readonly string[]): { from?: string; to?: string } {
  let from: string | undefined;
  let to: string | undefined;
  let first = '';
  let last = '';
  // A workbook repeats a few periods across all its cells: each distinct one is looked at once.
  for (const period of new Set(periods)) {
    const bounds = periodBounds(period);
    if (!from || bounds.start < first) [from, first] = [period, bounds.start];
    if (!to || bounds.end > last) [to, last] = [period, bounds.end];
  }
  return { from, to };
}
