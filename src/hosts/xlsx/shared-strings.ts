/**
 * The shared-string table, streamed, keeping only the strings asked for: a
 * workbook's table can hold a million strings when a link needs a dozen.
 * Rich text reads as its runs' text; phonetic guides (`rPh`) are not part of
 * the value.
 */
import type JSZip from 'jszip';
import { parsePart } from './xml-stream';

/** Stored text escapes characters XML cannot carry as `_xHHHH_` (as exceljs decoded them). */
export function decodeXstring(text: string): string {
  return text.includes('_x')
    ? text.replace(/_x([0-9A-F]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)))
    : text;
}

/** The strings at `wanted` indexes (every one when `wanted` is 'all'). */
export async function readSharedStrings(
  zip: JSZip,
  path: string,
  wanted: ReadonlySet<number> | 'all',
): Promise<Map<number, string>> {
  const out = new Map<number, string>();
  if (wanted !== 'all' && wanted.size === 0) return out;
  let index = -1;
  let inItem = false;
  let inText = false;
  let phonetic = 0;
  let buffer = '';
  await parsePart(zip, path, {
    open(local) {
      if (local === 'rPh') phonetic++;
      else if (local === 'si') {
        index++;
        inItem = wanted === 'all' || wanted.has(index);
        buffer = '';
      } else if (local === 't' && inItem && phonetic === 0) inText = true;
    },
    text(text) {
      if (inText) buffer += text;
    },
    close(local) {
      if (local === 'rPh') phonetic--;
      else if (local === 't') inText = false;
      else if (local === 'si' && inItem) {
        out.set(index, decodeXstring(buffer));
        inItem = false;
      }
    },
  });
  return out;
}
