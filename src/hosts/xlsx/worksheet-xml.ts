/**
 * The worksheet part of a sheet Plumbline owns, written whole. Strings are
 * inline strings (`t="inlineStr"`), so the shared-string table of the user's
 * workbook is never touched, and are always text: `=SUM(A1)`, `+1`, `-x` and
 * `@foo` are written as the characters they are, never as formulas.
 */
import { cellA1, rectA1 } from '../../core/a1';
import type { CellValue } from '../host';
import { MAIN_NS, REL_NS } from './package';
import { encodeXstring, escapeXmlText } from './xml-text';

export interface WorksheetCells {
  values: CellValue[][];
  /** The `s` style index of a cell (0 for the default). */
  styleAt: (row: number, col: number) => number;
  /** Column widths in characters, from column A. */
  columnWidths?: number[];
}

function numberText(value: number): string {
  return Object.is(value, -0) ? '0' : String(value);
}

function cellXml(ref: string, value: CellValue, style: number): string {
  const s = style > 0 ? ` s="${style}"` : '';
  if (typeof value === 'number') return `<c r="${ref}"${s}><v>${numberText(value)}</v></c>`;
  if (typeof value === 'boolean') return `<c r="${ref}"${s} t="b"><v>${value ? 1 : 0}</v></c>`;
  if (value === '') return style > 0 ? `<c r="${ref}"${s}/>` : '';
  const text = escapeXmlText(encodeXstring(value));
  const space = /^\s|\s$|[\n\r\t]/.test(value) ? ' xml:space="preserve"' : '';
  return `<c r="${ref}"${s} t="inlineStr"><is><t${space}>${text}</t></is></c>`;
}

export function worksheetXml(cells: WorksheetCells): string {
  const rows: string[] = [];
  let bottom = -1;
  let right = -1;
  cells.values.forEach((row, r) => {
    const xml = row.map((value, c) => {
      const text = cellXml(cellA1(r, c), value, cells.styleAt(r, c));
      if (text) right = Math.max(right, c);
      return text;
    });
    const content = xml.join('');
    if (content) {
      bottom = r;
      rows.push(`<row r="${r + 1}">${content}</row>`);
    }
  });
  const dimension = bottom < 0 ? 'A1' : rectA1({ top: 0, left: 0, bottom, right });
  const widths = (cells.columnWidths ?? [])
    .map((w, i) => (w > 0 ? `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>` : ''))
    .join('');
  return [
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n',
    `<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">`,
    `<dimension ref="${dimension}"/>`,
    widths ? `<cols>${widths}</cols>` : '',
    rows.length > 0 ? `<sheetData>${rows.join('')}</sheetData>` : '<sheetData/>',
    '</worksheet>',
  ].join('');
}
