/**
 * The demo's sample workbooks as data: the central monthly pack
 * (`ops-monthly.xlsx`) and its drifted regional copy (`ops-monthly-north.xlsx`),
 * laid out like test/fixtures/workbooks/ops-monthly.xlsx but with the months of
 * the story, so the README's `link`/`reconcile` example gives the same verdicts
 * on any day. The seed links these ranges and the workbook writer renders them.
 */
import { periodsEndingWith, shiftPeriod } from '../../core/period-key';
import { MONTHLY_FIGURES, storyMonths, type StoryEnd } from './demo-story';

/** A cell of a pack row: a number, text as typed (`n/a`), or blank. */
export type PackCell = number | string | null;

export interface PackRow {
  kpiId: string;
  label: string;
  unit: string;
  /** The Excel number format of the values ('General' when none). */
  numberFormat: string;
  /** One cell per header month; blank for months not reported yet. */
  cells: PackCell[];
}

export interface MonthlyPack {
  workbookName: string;
  sheet: string;
  /** The header's months, oldest first: the story's months, then the running month and the next one. */
  months: string[];
  /** Rows 5 to 9 of the sheet, in order. */
  rows: PackRow[];
}

/** How many months after the last complete one the pack's header runs (blank columns to fill in later). */
const MONTHS_AHEAD = 2;

/** One range an analyst links in the pack (the same in both copies). */
export interface PackLink {
  address: string;
  layout: 'grid' | 'series';
  kpiIds: string[];
  /** 0.01 where the sheet holds percent points. */
  scale: number;
}

/** The header row of periods, and the three ranges linked to it: a block of three KPIs, FCR in points, uptime. */
export const PACK_HEADER = 'C4:N4';
export const PACK_LINKS: readonly PackLink[] = [
  {
    address: 'C5:N7',
    layout: 'grid',
    kpiIds: ['claims.turnaround_days', 'claims.manual_rate', 'ops.fte'],
    scale: 1,
  },
  { address: 'C8:N8', layout: 'series', kpiIds: ['service.fcr'], scale: 0.01 },
  { address: 'C9:N9', layout: 'series', kpiIds: ['platform.uptime'], scale: 1 },
];

const ROWS: readonly Omit<PackRow, 'cells'>[] = [
  { kpiId: 'claims.turnaround_days', label: 'Claims turnaround time', unit: 'days', numberFormat: 'General' },
  { kpiId: 'claims.manual_rate', label: 'Manual intervention rate', unit: '%', numberFormat: '0.0%' },
  { kpiId: 'ops.fte', label: 'Claims handling FTE', unit: 'FTE', numberFormat: 'General' },
  // Typed in percent points (71.5 means 71.5%): its link needs a scale of 0.01.
  { kpiId: 'service.fcr', label: 'First-contact resolution', unit: '%', numberFormat: 'General' },
  { kpiId: 'platform.uptime', label: 'Claims platform uptime', unit: '%', numberFormat: '0.0%' },
];

/** The central pack and the regional copy whose numbers drifted. */
export function monthlyPacks(end: StoryEnd): MonthlyPack[] {
  const story = storyMonths(end);
  const months = periodsEndingWith(shiftPeriod(end.month, MONTHS_AHEAD), story.length + MONTHS_AHEAD);
  const rows = ROWS.map((row) => ({
    ...row,
    cells: months.map((_, i): PackCell => {
      const value = MONTHLY_FIGURES[row.kpiId]![i];
      if (value === undefined) return null;
      // Percent points, rounded back to what was typed (0.715 × 100 is 71.49999…).
      return row.kpiId === 'service.fcr' ? Number((value * 100).toPrecision(12)) : value;
    }),
  }));
  const central: MonthlyPack = { workbookName: 'ops-monthly.xlsx', sheet: 'Ops KPIs', months, rows };
  const last = story.length - 1;
  const drift: Record<string, Record<number, PackCell>> = {
    'claims.turnaround_days': { [last]: 6.4 }, // the pack says 6.7
    'ops.fte': { [last - 1]: 'n/a' }, // the pack says 421
    'service.fcr': { [last - 4]: 74.0 }, // the pack says 73.8
  };
  const north: MonthlyPack = {
    ...central,
    workbookName: 'ops-monthly-north.xlsx',
    rows: rows.map((row) => ({
      ...row,
      cells: row.cells.map((cell, i) => drift[row.kpiId]?.[i] ?? cell),
    })),
  };
  return [central, north];
}

/** The cell of `pack` for a KPI in a month (undefined when the pack has no row for it). */
export function packCell(pack: MonthlyPack, kpiId: string, month: string): PackCell | undefined {
  const row = pack.rows.find((r) => r.kpiId === kpiId);
  const i = pack.months.indexOf(month);
  return row && i >= 0 ? row.cells[i] : undefined;
}
