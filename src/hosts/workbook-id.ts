/**
 * Where a workbook keeps its Plumbline identity: in the *name* of a
 * workbook-level defined name, `PLUMBLINE_ID_<32 hex digits>`, that refers to
 * `_plumbline!$A$1`.
 *
 * Why there: links already live in defined names because names survive .xlsx
 * round trips through Excel, Google Sheets and LibreOffice, so whatever keeps
 * the links keeps the id. Putting the id in the name rather than its value
 * means it also survives a broken reference (`#REF!` after the hidden sheet is
 * deleted), and a plain range reference is the one kind of name Google Sheets
 * imports (it drops names that hold constants such as `="…"`). The metadata
 * rows of `_plumbline` stay entirely the link format's business. Every host
 * reads and writes the id the same way through these functions.
 */
import { METADATA_SHEET } from './host';

export const WORKBOOK_ID_NAME_PREFIX = 'PLUMBLINE_ID_';

const ID_NAME = /^PLUMBLINE_ID_([0-9a-f]{32})$/i;

export function isWorkbookIdName(name: string): boolean {
  return ID_NAME.test(name);
}

/** `PLUMBLINE_ID_0f3c…` → `0f3c…-…` (a UUID); undefined for any other name. */
export function workbookIdOfName(name: string): string | undefined {
  const hex = ID_NAME.exec(name)?.[1]?.toLowerCase();
  if (!hex) return undefined;
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** The first workbook id among defined names, in document order. */
export function workbookIdFromNames(names: { name: string }[]): string | undefined {
  for (const n of names) {
    const id = workbookIdOfName(n.name);
    if (id) return id;
  }
  return undefined;
}

/** The defined name that records a workbook id, and what it refers to. */
export function workbookIdName(id: string): { name: string; sheet: string; address: string } {
  const hex = id.replace(/-/g, '').toLowerCase();
  if (!/^[0-9a-f]{32}$/.test(hex)) throw new Error(`'${id}' is not a UUID`);
  return { name: `${WORKBOOK_ID_NAME_PREFIX}${hex}`, sheet: METADATA_SHEET, address: 'A1' };
}

/** A fresh id (Web Crypto, so the Excel pane and Node alike can use this module). */
export function newWorkbookId(): string {
  return globalThis.crypto.randomUUID();
}
