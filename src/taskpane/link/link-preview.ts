/**
 * What the Link panel shows before anything is written: the header row (or
 * column) beside the selected values, each label read as a period, the row
 * labels for suggesting KPIs, and core's verdict on the whole link.
 */
import { cellA1, parseA1, rectA1, type CellRect } from '../../core/a1';
import { readCellValue } from '../../core/cell-value';
import { excelSerialToDay, isDateNumberFormat } from '../../core/excel-date';
import { linkCells, type LinkCellsResult } from '../../core/link-cells';
import type { Kpi } from '../../core/model';
import { parsePeriodLabel } from '../../core/period-labels';
import type { Block } from '../../hosts/host';

/**
 * The header and the labels Plumbline guesses for a block of values: the row above, and the
 * columns to the left (from A), where each row's label is its first text ({@link rowLabel}):
 * packs keep a unit or owner column between the KPI names and the numbers.
 */
export function guessSurroundings(values: string): { periods?: string; labels?: string } {
  const rect = parseA1(values);
  if (!rect) return {};
  const above: CellRect | undefined =
    rect.top > 0 ? { ...rect, top: rect.top - 1, bottom: rect.top - 1 } : undefined;
  const left: CellRect | undefined = rect.left > 0 ? { ...rect, left: 0, right: rect.left - 1 } : undefined;
  return { periods: above && rectA1(above), labels: left && rectA1(left) };
}

/** A row's label: its first non-blank text, read left to right (the KPI's name, not its unit). */
export function rowLabel(row: readonly unknown[]): string {
  const text = row.find((v) => typeof v === 'string' && v.trim() !== '');
  return typeof text === 'string' ? text.trim() : '';
}

export interface HeaderReading {
  label: string;
  /** The period key, or why the label is not a period of the KPI's cadence. */
  period: string | null;
  problem: string | null;
}

/** Each header label as the first KPI's cadence reads it. */
export function readHeader(
  header: Block,
  kpi: Pick<Kpi, 'cadence'>,
  fiscalYearStartMonth = 1,
): HeaderReading[] {
  return header.values.flatMap((row, r) =>
    row.map((value, c) => {
      const result = parsePeriodLabel(value, kpi.cadence, {
        fiscalYearStartMonth,
        numberFormat: header.numberFormats[r]?.[c],
      });
      // A date header shows as its day (Excel stores it as a serial number).
      const format = header.numberFormats[r]?.[c];
      const label =
        typeof value === 'number' && isDateNumberFormat(format)
          ? (excelSerialToDay(value) ?? String(value))
          : String(value);
      return result.ok
        ? { label, period: result.period, problem: null }
        : { label, period: null, problem: result.reason };
    }),
  );
}

/** Core's verdict on the link as it would be made. */
export function checkLink(
  values: string,
  periods: string,
  header: Block,
  kpis: Pick<Kpi, 'id' | 'cadence'>[],
): LinkCellsResult {
  return linkCells(
    { values, periods, kpis },
    header.values.map((row, r) =>
      row.map((value, c) => ({ value, numberFormat: header.numberFormats[r]?.[c] })),
    ),
  );
}

export interface UnreadableCell {
  address: string;
  text: string;
  reason: string;
}

/** The value cells core cannot read as numbers, and why (blank and `n/a` cells are fine: not reported yet). */
export function unreadableCells(block: Block): UnreadableCell[] {
  const rect = parseA1(block.address);
  if (!rect) return [];
  return block.values.flatMap((row, r) =>
    row.flatMap((value, c) => {
      const reading = readCellValue(value, { numberFormat: block.numberFormats[r]?.[c] });
      return reading.kind === 'unreadable'
        ? [{ address: cellA1(rect.top + r, rect.left + c), text: reading.text, reason: reading.reason }]
        : [];
    }),
  );
}
