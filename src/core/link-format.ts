/**
 * How links live in a workbook (DESIGN §4): each link's ranges are
 * workbook-level defined names (`PL_<n>` for the values, `PL_<n>_P` for the
 * period header), which follow inserted rows and columns in every host and
 * survive .xlsx round trips; everything else about the link is one row of the
 * hidden `_plumbline` sheet. The rows are plain text so any host, and a person
 * who unhides the sheet, can read them.
 */
import type { Layout } from './api';

/** Bumped when the rows change meaning; older readers refuse newer formats. */
export const LINK_FORMAT_VERSION = 1;

const HEADER = ['plumbline', 'link-format', String(LINK_FORMAT_VERSION)] as const;
const COLUMNS = [
  'record',
  'name',
  'id',
  'layout',
  'orientation',
  'kpiIds',
  'periodsName',
  'period',
  'scale',
  'fiscalYearStartMonth',
] as const;

/**
 * `rows`: one KPI per row, periods across (the header is a row);
 * `columns`: one KPI per column, periods down (the header is a column).
 */
export type Orientation = 'rows' | 'columns';

export interface StoredLink {
  /** Defined name of the values range (`PL_3`). */
  name: string;
  /** The link's id in the store. */
  id: string;
  layout: Layout;
  orientation: Orientation;
  /** In the order of the rows (or columns) of the values range. */
  kpiIds: string[];
  /** Defined name of the period header range, or null for a cell with a fixed period. */
  periodsName: string | null;
  /** The fixed period of a `cell` link. */
  period: string | null;
  /** Local value × scale = canonical value (1000 for "in thousands", 0.01 for percent typed as points). */
  scale: number;
  /** Month (1–12) the workbook's fiscal year starts in, for labels like `Q1 FY26`. */
  fiscalYearStartMonth: number;
}

export class LinkFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'LinkFormatError';
  }
}

/** The defined names of the `n`th link. */
export function linkNames(n: number): { values: string; periods: string } {
  return { values: `PL_${n}`, periods: `PL_${n}_P` };
}

/** The next free link number given the names a workbook already has. */
export function nextLinkNumber(existingNames: readonly string[]): number {
  const used = existingNames
    .map((name) => /^PL_(\d+)$/i.exec(name)?.[1])
    .filter((n): n is string => n !== undefined);
  return used.reduce((max, n) => Math.max(max, Number(n)), 0) + 1;
}

function encodeLink(link: StoredLink): string[] {
  return [
    'link',
    link.name,
    link.id,
    link.layout,
    link.orientation,
    link.kpiIds.join(','),
    link.periodsName ?? '',
    link.period ?? '',
    String(link.scale),
    String(link.fiscalYearStartMonth),
  ];
}

/**
 * The sheet's rows with `links` as its link records. Records of other kinds
 * (written by a newer version, or by a host) are kept as they were.
 */
export function encodeMetadata(links: readonly StoredLink[], previous: readonly string[][] = []): string[][] {
  const others = decodeRecords(previous).filter((row) => row[0] !== 'link');
  return [[...HEADER], [...COLUMNS], ...others, ...links.map(encodeLink)];
}

function decodeRecords(rows: readonly (readonly unknown[])[]): string[][] {
  const text = rows.map((row) =>
    row.map((cell) => (cell === null || cell === undefined ? '' : String(cell))),
  );
  const [header, ...rest] = text;
  if (!header || header[0] !== HEADER[0]) return [];
  return rest.filter((row) => row[0] !== COLUMNS[0] && row.some((cell) => cell !== ''));
}

/** Reads the links of a workbook's `_plumbline` rows (an empty list when there are none). */
export function decodeMetadata(rows: readonly (readonly unknown[])[]): StoredLink[] {
  const header = rows[0]?.map(String);
  if (!header || header.every((cell) => cell === '')) return [];
  if (header[0] !== HEADER[0] || header[1] !== HEADER[1]) {
    throw new LinkFormatError('The _plumbline sheet does not hold Plumbline link metadata.');
  }
  const version = Number(header[2]);
  if (!Number.isInteger(version) || version > LINK_FORMAT_VERSION) {
    throw new LinkFormatError(
      `This workbook's links were written by a newer Plumbline (format ${header[2]}); update Plumbline to read them.`,
    );
  }
  return decodeRecords(rows)
    .filter((row) => row[0] === 'link')
    .map((row, i) => decodeLink(row, i));
}

function decodeLink(row: string[], index: number): StoredLink {
  const cell = (column: (typeof COLUMNS)[number]) => row[COLUMNS.indexOf(column)]?.trim() ?? '';
  const where = `link record ${index + 1} of the _plumbline sheet`;
  const layout = cell('layout');
  const orientation = cell('orientation');
  const scale = Number(cell('scale'));
  const fiscal = Number(cell('fiscalYearStartMonth') || '1');
  const kpiIds = cell('kpiIds')
    .split(',')
    .map((id) => id.trim())
    .filter((id) => id !== '');
  if (layout !== 'cell' && layout !== 'series' && layout !== 'grid')
    throw new LinkFormatError(`${where}: unknown layout "${layout}".`);
  if (orientation !== 'rows' && orientation !== 'columns')
    throw new LinkFormatError(`${where}: unknown orientation "${orientation}".`);
  if (!cell('name') || !cell('id') || kpiIds.length === 0)
    throw new LinkFormatError(`${where}: name, id and KPIs are required.`);
  if (!Number.isFinite(scale) || scale === 0)
    throw new LinkFormatError(`${where}: scale "${cell('scale')}" is not a number.`);
  if (!Number.isInteger(fiscal) || fiscal < 1 || fiscal > 12)
    throw new LinkFormatError(`${where}: fiscal year start month must be 1–12.`);
  return {
    name: cell('name'),
    id: cell('id'),
    layout,
    orientation,
    kpiIds,
    periodsName: cell('periodsName') || null,
    period: cell('period') || null,
    scale,
    fiscalYearStartMonth: fiscal,
  };
}

/**
 * The store a workbook's links were registered with, kept as a `store` record
 * of the `_plumbline` rows so a colleague who opens the file is offered the
 * same store. Null when the workbook has none.
 */
export function storeUrlOf(rows: readonly (readonly unknown[])[]): string | null {
  const record = decodeRecords(rows).find((row) => row[0] === 'store');
  return record?.[1] || null;
}

/** The rows with `url` as the workbook's store, other records kept as they were. */
export function withStoreUrl(rows: readonly string[][], url: string): string[][] {
  const links = decodeMetadata(rows);
  const others = decodeRecords(rows).filter((row) => row[0] !== 'store');
  return encodeMetadata(links, [[...HEADER], ['store', url], ...others]);
}
