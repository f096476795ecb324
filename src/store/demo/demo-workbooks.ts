/**
 * Writes the demo's sample workbooks (demo-packs.ts) as new .xlsx files, laid
 * out like the fixture pack people link in the README: a merged title, KPIs
 * down column A, months across row 4 as real dates formatted `mmm-yy`, a
 * formula row below the values. exceljs is fine here: these are new files, no
 * user's parts can be lost.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { periodBounds } from '../../core/period-key';
import { storyEnd } from './demo-story';
import { monthlyPacks, type MonthlyPack } from './demo-packs';

/** The first row of the pack's values (row 4 holds the header months). */
const FIRST_VALUE_ROW = 5;
const FIRST_MONTH_COLUMN = 3;

export async function renderMonthlyPack(pack: MonthlyPack): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Plumbline demo';
  const sheet = workbook.addWorksheet(pack.sheet);
  sheet.getColumn(1).width = 30;
  const lastColumn = FIRST_MONTH_COLUMN + pack.months.length - 1;
  const years = [...new Set([pack.months[0]!, pack.months.at(-1)!].map((m) => m.slice(0, 4)))];

  sheet.mergeCells(1, 1, 1, lastColumn);
  sheet.getCell(1, 1).value = `Claims Operations — Monthly Pack ${years.join('–')}`;
  sheet.getCell(1, 1).font = { bold: true, size: 14 };
  sheet.getCell(2, 1).value = 'Prepared by Claims PMO · values as reported by teams';

  const header = sheet.getRow(4);
  header.getCell(1).value = 'KPI';
  header.getCell(2).value = 'Unit';
  pack.months.forEach((month, i) => {
    const cell = header.getCell(FIRST_MONTH_COLUMN + i);
    // A real date (the month's first day), as people's packs hold them; exceljs reads Dates as UTC.
    cell.value = new Date(`${periodBounds(month).start}T00:00:00.000Z`);
    cell.numFmt = 'mmm-yy';
  });
  header.font = { bold: true };

  pack.rows.forEach((row, r) => {
    const line = sheet.getRow(FIRST_VALUE_ROW + r);
    line.getCell(1).value = row.label;
    line.getCell(2).value = row.unit;
    row.cells.forEach((value, i) => {
      if (value === null) return;
      const cell = line.getCell(FIRST_MONTH_COLUMN + i);
      cell.value = value;
      if (row.numberFormat !== 'General') cell.numFmt = row.numberFormat;
    });
  });

  // A formula row that reads the turnaround: links must never be written over it.
  const formulas = sheet.getRow(FIRST_VALUE_ROW + pack.rows.length + 1);
  formulas.getCell(1).value = 'Turnaround vs target';
  const turnaround = pack.rows.findIndex((r) => r.kpiId === 'claims.turnaround_days');
  pack.rows[turnaround]?.cells.forEach((value, i) => {
    if (typeof value !== 'number') return;
    const address = sheet.getCell(FIRST_VALUE_ROW + turnaround, FIRST_MONTH_COLUMN + i).address;
    formulas.getCell(FIRST_MONTH_COLUMN + i).value = { formula: `${address}-6.4`, result: value - 6.4 };
  });
  sheet.getCell(FIRST_VALUE_ROW + pack.rows.length + 3, 1).value =
    'Note: FCR is typed in percent points (71.5 means 71.5%).';

  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}

/** Writes the packs of the story that ends before `today` into `dir`; returns their paths. */
export async function writeDemoWorkbooks(dir: string, today: string): Promise<string[]> {
  mkdirSync(dir, { recursive: true });
  const paths: string[] = [];
  for (const pack of monthlyPacks(storyEnd(today))) {
    const path = join(dir, pack.workbookName);
    writeFileSync(path, await renderMonthlyPack(pack));
    paths.push(path);
  }
  return paths;
}
