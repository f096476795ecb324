/**
 * The workbook's links as a person sees them, and removing one: its defined
 * names, its metadata row and the flags on its cells all go; nothing else.
 */
import { parseA1, parseCellA1 } from './a1';
import { flagCellOf } from './divergence-flags';
import type { FlagWorkbook } from './flag-workbook';
import { decodeMetadata, encodeMetadata, type StoredLink } from './link-format';
import type { LinkWorkbook, WorkbookRange } from './workbook-access';

export interface WorkbookLink {
  link: StoredLink;
  /** Where its values are now (names follow inserted rows), or null when the name was deleted. */
  values: WorkbookRange | null;
  periods: WorkbookRange | null;
}

export async function listWorkbookLinks(
  workbook: Pick<LinkWorkbook, 'listNames' | 'readMetadataRows'>,
): Promise<WorkbookLink[]> {
  const [rows, names] = await Promise.all([workbook.readMetadataRows(), workbook.listNames()]);
  const named = new Map(names.map((n) => [n.name, n]));
  return decodeMetadata(rows).map((link) => ({
    link,
    values: refOf(named.get(link.name)),
    periods: link.periodsName ? refOf(named.get(link.periodsName)) : null,
  }));
}

export interface UnlinkWorkbook
  extends Pick<LinkWorkbook, 'listNames' | 'readMetadataRows' | 'writeMetadataRows'>, FlagWorkbook {
  deleteNames(names: string[]): Promise<void>;
}

/** Removes the link named `name` (`PL_3`) from the workbook. The store keeps its history of observations. */
export async function unlinkRange(workbook: UnlinkWorkbook, name: string): Promise<void> {
  const [links, rows, flags] = await Promise.all([
    listWorkbookLinks(workbook),
    workbook.readMetadataRows(),
    workbook.listFlagFormats(),
  ]);
  const target = links.find((l) => l.link.name === name);
  if (!target) throw new Error(`This workbook has no link ${name}.`);
  const inRange = flags
    .map((f) => f.id)
    .filter((id) => target.values !== null && flagInside(id, target.values));
  if (inRange.length > 0) await workbook.removeFlagFormats(inRange);
  const names = [target.link.name, ...(target.link.periodsName ? [target.link.periodsName] : [])];
  const existing = new Set((await workbook.listNames()).map((n) => n.name));
  const gone = names.filter((n) => existing.has(n));
  if (gone.length > 0) await workbook.deleteNames(gone);
  await workbook.writeMetadataRows(
    encodeMetadata(
      links.map((l) => l.link).filter((l) => l.name !== name),
      rows,
    ),
  );
}

function refOf(named: WorkbookRange | undefined): WorkbookRange | null {
  return named ? { sheet: named.sheet, address: named.address } : null;
}

function flagInside(id: string, range: WorkbookRange): boolean {
  const cell = flagCellOf(id);
  const rect = parseA1(range.address);
  const at = cell && cell.sheet === range.sheet ? parseCellA1(cell.address) : undefined;
  return (
    !!rect &&
    !!at &&
    at.row >= rect.top &&
    at.row <= rect.bottom &&
    at.column >= rect.left &&
    at.column <= rect.right
  );
}
