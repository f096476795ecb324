/**
 * Each cell style's number format, from the styles part: what Excel's
 * `Range.numberFormat` gives for a cell with that `s`. Built-in formats
 * (ids below 164 with no `<numFmt>`) read as exceljs named them, which is
 * how this host has always read them.
 */
import type JSZip from 'jszip';
import { parsePart } from './xml-stream';
import { SMALL_PART_LIMITS } from './part-stream';

const BUILT_IN: Record<number, string> = {
  0: 'General',
  1: '0',
  2: '0.00',
  3: '#,##0',
  4: '#,##0.00',
  9: '0%',
  10: '0.00%',
  11: '0.00E+00',
  12: '# ?/?',
  13: '# ??/??',
  14: 'mm-dd-yy',
  15: 'd-mmm-yy',
  16: 'd-mmm',
  17: 'mmm-yy',
  18: 'h:mm AM/PM',
  19: 'h:mm:ss AM/PM',
  20: 'h:mm',
  21: 'h:mm:ss',
  22: 'm/d/yy "h":mm',
  37: '#,##0 ;(#,##0)',
  38: '#,##0 ;[Red](#,##0)',
  39: '#,##0.00 ;(#,##0.00)',
  40: '#,##0.00 ;[Red](#,##0.00)',
  45: 'mm:ss',
  46: '[h]:mm:ss',
  47: 'mmss.0',
  48: '##0.0E+0',
  49: '@',
};

/** The number format of each `cellXfs` entry, by position; 'General' past the end. */
export async function readNumberFormats(zip: JSZip, path: string | undefined): Promise<string[]> {
  if (!path || !zip.file(path)) return [];
  const custom = new Map<number, string>();
  const ids: number[] = [];
  // Only the stylesheet's own <numFmts> and <cellXfs> count: the <numFmt>s of
  // conditional formats (<dxfs>, extLst) may reuse an id for another format.
  let depth = 0;
  let list: 'numFmts' | 'cellXfs' | undefined;
  await parsePart(
    zip,
    path,
    {
      open(local, attrs) {
        depth++;
        if (depth === 2 && (local === 'numFmts' || local === 'cellXfs')) list = local;
        else if (depth !== 3 || list === undefined) return;
        else if (list === 'numFmts' && local === 'numFmt' && attrs.numFmtId !== undefined) {
          custom.set(Number(attrs.numFmtId), attrs.formatCode ?? '');
        } else if (list === 'cellXfs' && local === 'xf') ids.push(Number(attrs.numFmtId ?? 0));
      },
      text() {},
      close() {
        if (depth === 2) list = undefined;
        depth--;
      },
    },
    SMALL_PART_LIMITS,
  );
  return ids.map((id) => (id ? (custom.get(id) ?? BUILT_IN[id]) : undefined) || 'General');
}
