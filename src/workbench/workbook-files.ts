/**
 * Workbooks in and out of the workbench: the sample workbooks the store serves
 * beside the page (`samples/`, copied at build), a file the user uploads, and
 * the open workbook downloaded as .xlsx. Reading and writing .xlsx pulls in
 * exceljs (its browser build), so it loads on first use, apart from the page.
 */
import type { ExcelSimulator } from '../sim/excel/excel-simulator';

/** What the build writes to `samples/index.json`. */
export interface SampleIndex {
  samples: string[];
}

export async function listSamples(base: string): Promise<string[]> {
  const response = await fetch(new URL('samples/index.json', base));
  if (!response.ok)
    throw new Error(`The sample workbooks are missing (${response.status}): run npm run build.`);
  const index = (await response.json()) as SampleIndex;
  return index.samples;
}

export async function fetchSample(base: string, file: string): Promise<Uint8Array> {
  const response = await fetch(new URL(`samples/${encodeURIComponent(file)}`, base));
  if (!response.ok) throw new Error(`Cannot open the sample ${file} (${response.status}).`);
  return new Uint8Array(await response.arrayBuffer());
}

/** A simulated Excel holding the workbook, read as the xlsx host reads a saved file. */
export async function openWorkbookBytes(bytes: Uint8Array, name: string): Promise<ExcelSimulator> {
  const { loadXlsx } = await import(/* webpackChunkName: "xlsx-files" */ '../sim/excel/load-xlsx');
  return loadXlsx(bytes, { name });
}

export async function workbookBytes(sim: ExcelSimulator): Promise<Uint8Array> {
  const { saveXlsx } = await import(/* webpackChunkName: "xlsx-files" */ '../sim/excel/save-xlsx');
  return saveXlsx(sim);
}

/** Hands the bytes to the browser as a download named `name`. */
export function download(page: Window, bytes: Uint8Array, name: string): void {
  const blob = new Blob([bytes as BlobPart], {
    type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  });
  const url = URL.createObjectURL(blob);
  const link = page.document.createElement('a');
  link.href = url;
  link.download = name;
  page.document.body.append(link);
  link.click();
  link.remove();
  // The browser has taken the file once click() returns; the object URL can go after this turn.
  page.setTimeout(() => URL.revokeObjectURL(url), 0);
}
