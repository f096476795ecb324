/**
 * Big linked workbooks for the reconcile benchmarks: `links` sheets, each a
 * block of `kpis` KPIs down × `months` months across under a header of real
 * dates (`mmm-yy`), linked as a grid. One cell in 97 differs from the truth.
 */
import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import { parseA1 } from '../../src/core/a1';
import type { Link, LinkInput, ObservationInput, Reading } from '../../src/core/api';
import { dayToExcelSerial } from '../../src/core/excel-date';
import { linkRange } from '../../src/core/link-range';
import type { Cell, LinkStore, LinkWorkbook, WorkbookRange } from '../../src/core/workbook-access';
import { openXlsxHost } from '../../src/hosts/xlsx/xlsx-host';
import { kpiId, months, NOW, OWNER } from './org';

export interface Shape {
  links: number;
  kpis: number;
  months: number;
}

export const cellsOf = (s: Shape) => s.links * s.kpis * s.months;
/** The truth of KPI `k` for month `m`; the sheets hold it except where `drifted`. */
export const truth = (k: number, m: number) => 50 + ((k * 7 + m) % 40);
export const drifted = (l: number, k: number, m: number) => (l * 31 + k * 13 + m) % 97 === 0;
export const sheetName = (l: number) => `S${l + 1}`;

/** The canonical readings behind every linked cell. */
export function truthReadings(shape: Shape): Reading[] {
  return Array.from({ length: shape.kpis * shape.months }, (_, i) => {
    const k = Math.floor(i / shape.months);
    const m = i % shape.months;
    return {
      kpiId: kpiId(k),
      period: months(shape.months)[m]!,
      value: truth(k, m),
      revision: 1,
      submittedBy: OWNER,
      submittedAt: NOW.toISOString(),
    } as Reading;
  });
}

/** A store in memory that counts its requests by kind. */
export function memoryStore(
  canonical: Reading[],
): LinkStore & { requests: Record<string, number>; observedBytes: { total: number } } {
  const observedBytes = { total: 0 };
  const requests: Record<string, number> = {
    kpis: 0,
    canonical: 0,
    registerLink: 0,
    registerLinks: 0,
    observe: 0,
  };
  const kpiIds = [...new Set(canonical.map((r) => r.kpiId))];
  const kpis = kpiIds.map((id) => ({ id, name: id, cadence: 'month' as const }));
  return {
    requests,
    observedBytes,
    kpis: async () => (requests.kpis!++, kpis),
    canonical: async (ids) => {
      requests.canonical!++;
      const wanted = new Set(ids);
      return canonical.filter((r) => wanted.has(r.kpiId));
    },
    registerLink: async (link: Omit<LinkInput, 'scale'> & { scale?: number }) => {
      requests.registerLink!++;
      return { ...link, id: link.id ?? randomUUID(), scale: link.scale ?? 1, createdBy: OWNER } as Link;
    },
    registerLinks: async (links: LinkInput[]) => {
      requests.registerLinks!++;
      return links.map((link) => ({
        ...link,
        id: link.id ?? randomUUID(),
        createdBy: OWNER,
        createdAt: NOW.toISOString(),
      }));
    },
    observe: async (observations: ObservationInput[]) => {
      requests.observe!++;
      observedBytes.total += Buffer.byteLength(JSON.stringify({ observations }));
      return observations;
    },
  };
}

interface SheetData {
  values: Cell[][];
  numberFormats: string[][];
}

function sheetData(shape: Shape, l: number): SheetData {
  const header: Cell[] = [
    'KPI',
    ...months(shape.months).map((_, m) => dayToExcelSerial(2026 + Math.floor(m / 12), (m % 12) + 1, 1)!),
  ];
  const rows: Cell[][] = Array.from({ length: shape.kpis }, (_, k) => [
    kpiId(k),
    ...Array.from({ length: shape.months }, (_, m) => truth(k, m) + (drifted(l, k, m) ? 1 : 0)),
  ]);
  const values = [header, ...rows];
  return {
    values,
    numberFormats: values.map((r, i) => r.map((_, c) => (i === 0 && c > 0 ? 'mmm-yy' : 'General'))),
  };
}

/** A workbook in memory, as a host would answer: for timing core alone. */
export function memoryWorkbook(shape: Shape): LinkWorkbook {
  const sheets = new Map(Array.from({ length: shape.links }, (_, l) => [sheetName(l), sheetData(shape, l)]));
  let names: (WorkbookRange & { name: string })[] = [];
  let metadata: string[][] = [];
  return {
    workbookInfo: async () => ({ id: 'bench-workbook', name: 'bench.xlsx' }),
    listSheets: async () => [...sheets.keys()].map((name) => ({ name })),
    readBlocks: async (refs) =>
      refs.map((ref) => {
        const sheet = sheets.get(ref.sheet)!;
        const rect = parseA1(ref.address)!;
        const pick = <T>(grid: T[][]) =>
          grid.slice(rect.top, rect.bottom + 1).map((r) => r.slice(rect.left, rect.right + 1));
        const values = pick(sheet.values);
        return {
          ...ref,
          values,
          numberFormats: pick(sheet.numberFormats),
          formulas: values.map((r) => r.map(() => '')),
        };
      }),
    listNames: async () => names,
    setNames: async (next) => {
      const replaced = new Set(next.map((n) => n.name));
      names = [...names.filter((n) => !replaced.has(n.name)), ...next];
    },
    readMetadataRows: async () => metadata,
    writeMetadataRows: async (rows) => {
      metadata = rows;
    },
  };
}

/** Links every block as an analyst would (core's `linkRange`), registering with `store`. */
export async function linkAll(workbook: LinkWorkbook, store: LinkStore, shape: Shape): Promise<void> {
  const last = String.fromCharCode('A'.charCodeAt(0) + shape.months);
  const kpiIds = Array.from({ length: shape.kpis }, (_, k) => kpiId(k));
  for (let l = 0; l < shape.links; l++) {
    await linkRange(workbook, store, {
      sheet: sheetName(l),
      values: `B2:${last}${shape.kpis + 1}`,
      periods: `B1:${last}1`,
      kpiIds,
    });
  }
}

/**
 * The same workbook as an .xlsx file, linked, plus `extra` unlinked sheets of
 * `extraMonths` months (for `plumbline link` into a big workbook).
 */
export async function xlsxWorkbook(shape: Shape, extra: Shape): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  const add = (name: string, data: SheetData) => {
    const sheet = book.addWorksheet(name);
    data.values.forEach((r, i) => {
      const added = sheet.addRow(i === 0 ? r.map((v, c) => (c === 0 ? v : excelDate(v as number))) : r);
      if (i === 0) added.eachCell((cell, c) => c > 1 && (cell.numFmt = 'mmm-yy'));
    });
  };
  for (let l = 0; l < shape.links; l++) add(sheetName(l), sheetData(shape, l));
  for (let l = 0; l < extra.links; l++) add(`X${l + 1}`, sheetData(extra, l));
  const host = await openXlsxHost(new Uint8Array(await book.xlsx.writeBuffer()), { fileName: 'big.xlsx' });
  await linkAll(host, memoryStore(truthReadings(shape)), shape);
  return host.save();
}

/** An Excel serial day as the Date exceljs writes back as that serial. */
function excelDate(serial: number): Date {
  return new Date(Date.UTC(1899, 11, 30) + serial * 86_400_000);
}
