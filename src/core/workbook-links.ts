/**
 * The link and reconcile workflows, written once for every host: the Excel
 * pane, the Sheets sidebar and the CLI hand in their host (the port in
 * src/hosts/host.ts satisfies `LinkWorkbook` as it is) and a store client.
 * Calls are batched: one metadata read, one names read, one block read and
 * one canonical request, whatever the number of links.
 */
import type { Link, LinkInput, ObservationInput, Reading } from './api';
import { parseA1, rectA1 } from './a1';
import { linkCells, type HeaderCell, type LinkedCell } from './link-cells';
import { decodeMetadata, encodeMetadata, linkNames, nextLinkNumber, type StoredLink } from './link-format';
import type { Cadence } from './period-key';
import { periodBounds } from './period-key';
import type { Tolerance } from './model';
import { reconcile, type ReconcileResult } from './reconcile';

type Cell = string | number | boolean;

export interface WorkbookRange {
  sheet: string;
  address: string;
}

/** What the workflows need of a spreadsheet host (a subset of the port). */
export interface LinkWorkbook {
  workbookInfo(): Promise<{ id: string; name: string }>;
  listSheets(): Promise<{ name: string }[]>;
  readBlocks(
    refs: WorkbookRange[],
  ): Promise<(WorkbookRange & { values: Cell[][]; formulas: string[][]; numberFormats: string[][] })[]>;
  listNames(): Promise<(WorkbookRange & { name: string })[]>;
  setNames(names: (WorkbookRange & { name: string })[]): Promise<void>;
  readMetadataRows(): Promise<string[][]>;
  writeMetadataRows(rows: string[][]): Promise<void>;
}

/** What the workflows need of the store. */
export interface LinkStore {
  kpis(): Promise<{ id: string; name: string; cadence: Cadence; tolerance?: Tolerance }[]>;
  canonical(kpiIds: string[], range?: { from?: string; to?: string }): Promise<Reading[]>;
  registerLink(link: Omit<LinkInput, 'scale'> & { scale?: number }): Promise<Link>;
  observe(observations: ObservationInput[]): Promise<unknown>;
}

/** A problem the user can fix, with every reason found. */
export class WorkbookLinkError extends Error {
  readonly problems: string[];
  constructor(problems: string[]) {
    super(problems.join('\n'));
    this.name = 'WorkbookLinkError';
    this.problems = problems;
  }
}

export interface LinkRequest {
  sheet: string;
  values: string;
  periods?: string;
  period?: string;
  kpiIds: string[];
  scale?: number;
  fiscalYearStartMonth?: number;
  /** Who links, for the store's record. */
  createdBy?: string;
}

export interface LinkResult {
  link: StoredLink;
  sheet: string;
  address: string;
  cells: LinkedCell[];
  replaced: boolean;
}

/**
 * Links a range to KPIs: checks the range, the KPIs and that every header label
 * is a period of each KPI's cadence; registers the link with the store; then
 * writes its defined names and metadata row. Nothing is written when a check fails.
 */
export async function linkRange(
  workbook: LinkWorkbook,
  store: LinkStore,
  request: LinkRequest,
): Promise<LinkResult> {
  const values = normaliseRange(request.values, '--values');
  const periods = request.periods === undefined ? undefined : normaliseRange(request.periods, '--periods');
  const [sheets, names, rows, info, catalogue] = await Promise.all([
    workbook.listSheets(),
    workbook.listNames(),
    workbook.readMetadataRows(),
    workbook.workbookInfo(),
    store.kpis(),
  ]);
  if (!sheets.some((s) => s.name === request.sheet)) {
    throw new WorkbookLinkError([
      `No sheet "${request.sheet}" in ${info.name}; its sheets are ${sheets.map((s) => `"${s.name}"`).join(', ')}.`,
    ]);
  }
  const byId = new Map(catalogue.map((k) => [k.id, k]));
  const unknown = request.kpiIds.filter((id) => !byId.has(id));
  if (unknown.length > 0) {
    throw new WorkbookLinkError(
      unknown.map((id) => `Unknown KPI "${id}": the store has no KPI with that id.`),
    );
  }
  const kpis = request.kpiIds.map((id) => byId.get(id)!);
  const header = periods ? await readHeader(workbook, request.sheet, periods) : [];
  const shape = linkCells(
    { values, periods, period: request.period, kpis, fiscalYearStartMonth: request.fiscalYearStartMonth },
    header,
  );
  if (!shape.ok) throw new WorkbookLinkError(shape.problems);

  const existingLinks = decodeMetadata(rows);
  const named = new Map(names.map((n) => [n.name, n]));
  const same = existingLinks.find((l) => {
    const ref = named.get(l.name);
    return ref?.sheet === request.sheet && ref.address === values;
  });
  const number = nextLinkNumber(names.map((n) => n.name));
  const { values: valuesName, periods: periodsName } = same
    ? { values: same.name, periods: same.periodsName ?? linkNames(number).periods }
    : linkNames(number);
  const registered = await store.registerLink({
    ...(same ? { id: same.id } : {}),
    workbookId: info.id,
    workbookName: info.name,
    sheet: request.sheet,
    address: values,
    layout: shape.layout,
    kpiIds: request.kpiIds,
    scale: request.scale ?? 1,
  });
  const link: StoredLink = {
    name: valuesName,
    id: registered.id,
    layout: shape.layout,
    orientation: shape.orientation,
    kpiIds: request.kpiIds,
    periodsName: periods ? periodsName : null,
    period: request.period ?? null,
    scale: request.scale ?? 1,
    fiscalYearStartMonth: request.fiscalYearStartMonth ?? 1,
  };
  await workbook.setNames([
    { name: valuesName, sheet: request.sheet, address: values },
    ...(periods ? [{ name: periodsName, sheet: request.sheet, address: periods }] : []),
  ]);
  const others = existingLinks.filter((l) => l.name !== link.name);
  await workbook.writeMetadataRows(encodeMetadata([...others, link], rows));
  return { link, sheet: request.sheet, address: values, cells: shape.cells, replaced: same !== undefined };
}

function normaliseRange(address: string, option: string): string {
  const rect = parseA1(address.replace(/\$/g, ''));
  if (!rect)
    throw new WorkbookLinkError([
      `${option} "${address}" is not a range like C5:N5 (no sheet name; give the sheet with --sheet).`,
    ]);
  return rectA1(rect);
}

async function readHeader(workbook: LinkWorkbook, sheet: string, address: string): Promise<HeaderCell[][]> {
  const [block] = await workbook.readBlocks([{ sheet, address }]);
  return toHeader(block!);
}

function toHeader(block: { values: Cell[][]; numberFormats: string[][] }): HeaderCell[][] {
  return block.values.map((row, r) =>
    row.map((value, c) => ({ value, numberFormat: block.numberFormats[r]?.[c] })),
  );
}

export interface WorkbookReconcile extends ReconcileResult {
  workbook: { id: string; name: string };
  links: number;
}

/**
 * Reconciles every link of a workbook: reads all links' ranges in one call,
 * fetches the canonical values in one request, decides each cell's verdict,
 * refreshes the links' addresses in the store (a link moves when rows are
 * inserted) and records the observations. The workbook is only read.
 */
export async function reconcileWorkbook(
  workbook: LinkWorkbook,
  store: LinkStore,
): Promise<WorkbookReconcile> {
  const [rows, names, info, catalogue] = await Promise.all([
    workbook.readMetadataRows(),
    workbook.listNames(),
    workbook.workbookInfo(),
    store.kpis(),
  ]);
  const links = decodeMetadata(rows);
  if (links.length === 0) return { workbook: info, links: 0, cells: [], observations: [] };
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

  // The store has one route per link; they go out together, not one after another.
  await Promise.all(
    ready.map((r) =>
      store.registerLink({
        id: r.link.id,
        workbookId: info.id,
        workbookName: info.name,
        sheet: r.values.sheet,
        address: r.values.address,
        layout: r.layout,
        kpiIds: r.link.kpiIds,
        scale: r.link.scale,
      }),
    ),
  );
  for (let i = 0; i < result.observations.length; i += OBSERVATION_BATCH) {
    await store.observe(result.observations.slice(i, i + OBSERVATION_BATCH));
  }
  return { ...result, workbook: info, links: ready.length };
}

const OBSERVATION_BATCH = 10_000;

/** The first and last period (by their days) among keys of any cadence. */
export function coveringRange(periods: readonly string[]): { from?: string; to?: string } {
  let from: string | undefined;
  let to: string | undefined;
  for (const period of periods) {
    const bounds = periodBounds(period);
    if (!from || bounds.start < periodBounds(from).start) from = period;
    if (!to || bounds.end > periodBounds(to).end) to = period;
  }
  return { from, to };
}
