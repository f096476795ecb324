import { summarySheet } from '../core/summary-sheet';
import type { SummaryRow } from '../core/summary';
import { renderNewWorkbook } from '../hosts/xlsx/new-workbook';

/** `GET /v1/summary.xlsx`: the summary sheet's layout as a new workbook. */
export function renderSummaryWorkbook(rows: readonly SummaryRow[], asOf: string): Promise<Uint8Array> {
  return renderNewWorkbook([{ name: 'Summary', layout: summarySheet(rows, asOf) }]);
}
