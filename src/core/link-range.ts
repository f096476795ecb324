/**
 * Linking a range to KPIs, for every host: checks the range, the KPIs and that
 * every header label is a period of each KPI's cadence; registers the link with
 * the store; then writes its defined names and metadata row. Nothing is written
 * when a check fails.
 */
import { parseA1, rectA1 } from './a1';
import { linkCells, type HeaderCell, type LinkedCell } from './link-cells';
import { decodeMetadata, encodeMetadata, linkNames, nextLinkNumber, type StoredLink } from './link-format';
import { toHeader, WorkbookLinkError, type LinkStore, type LinkWorkbook } from './workbook-access';

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
