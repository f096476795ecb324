/** The leader's summary sheet, written from core's layout; other sheets are untouched. */
import { summarySheet } from '../../core/summary-sheet';
import type { SummaryRow } from '../../core/summary';
import type { SpreadsheetHost } from '../../hosts/host';

export const SUMMARY_SHEET = 'Plumbline Summary';

export async function writeSummarySheet(
  host: SpreadsheetHost,
  summary: { asOf: string; rows: SummaryRow[] },
): Promise<void> {
  await host.replaceSheet(SUMMARY_SHEET, summarySheet(summary.rows, summary.asOf));
}
