/**
 * What the link and reconcile workflows need of a spreadsheet host and of the
 * store, as structural types: the port in src/hosts/host.ts and the client in
 * src/client satisfy them as they are, and core depends on neither.
 */
import type { Link, LinkInput, ObservationInput, Reading } from './api';
import type { HeaderCell } from './link-cells';
import type { Tolerance } from './model';
import type { Cadence } from './period-key';

export type Cell = string | number | boolean;

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
  /** Registers (or moves) many links in one request, all-or-nothing. */
  registerLinks(links: LinkInput[]): Promise<Link[]>;
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

/** A header block as link-cells reads it: each cell with its number format. */
export function toHeader(block: { values: Cell[][]; numberFormats: string[][] }): HeaderCell[][] {
  return block.values.map((row, r) =>
    row.map((value, c) => ({ value, numberFormat: block.numberFormats[r]?.[c] })),
  );
}
