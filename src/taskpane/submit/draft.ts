/**
 * What the owner is about to submit for one KPI, and what stops it: the
 * store's own rules, checked here first so nothing is sent that it would refuse.
 */
import type { ReadingInput } from '../../core/api';
import { readCellValue } from '../../core/cell-value';
import { readingProblems, type RulesKpi } from '../../core/reading-rules';
import { statusOf, type Status } from '../../core/status';
import type { KpiSummaryRow } from '../../core/summary';

export interface Draft {
  include: boolean;
  /** The chosen copy's value, or what the owner typed (`1,234`, `12%` read as the sheet would). */
  typed: string;
  comment: string;
  remediation: string;
}

export interface DraftCheck {
  value: number | null;
  status: Status;
  problems: { field: 'value' | 'remediation'; message: string }[];
}

/**
 * A value as the pane shows it for typing: a percentage KPI in points (73.8 for 0.738),
 * since that is how people type percentages.
 */
export function typedText(row: Pick<KpiSummaryRow, 'unit'>, value: number): string {
  return String(row.unit === '%' ? Number((value * 100).toPrecision(15)) : value);
}

/** What the owner typed, read as a sheet cell would be (`1,234`, `(12)`), a percentage in points. */
export function readTyped(row: Pick<KpiSummaryRow, 'unit'>, typed: string): ReturnType<typeof readCellValue> {
  const text = typed.trim().replace(/\s*%$/, '');
  const reading = readCellValue(text);
  if (reading.kind !== 'value' || row.unit !== '%') return reading;
  return { ...reading, value: Number((reading.value / 100).toPrecision(15)) };
}

/**
 * The draft checked by core's reading rules, the very ones the store applies, so
 * the pane refuses first what the store would refuse (ownership, cadence, a
 * period not started, a remediation plan for a value at risk or off track).
 */
export function checkDraft(
  row: KpiSummaryRow,
  kpi: RulesKpi,
  draft: Draft,
  who: { userId: string; today: string },
): DraftCheck {
  const reading = readTyped(row, draft.typed);
  if (reading.kind !== 'value') {
    const message =
      reading.kind === 'blank'
        ? 'Enter a value, or leave this KPI out.'
        : `“${draft.typed}” is not a number: ${reading.reason}`;
    return { value: null, status: 'no-data', problems: [{ field: 'value', message }] };
  }
  const problems = readingProblems({
    kpis: [kpi],
    user: { id: who.userId },
    today: who.today,
    readings: [
      {
        kpiId: row.id,
        period: row.period,
        value: reading.value,
        remediation: draft.remediation.trim() || undefined,
      },
    ],
  }).map((p) => ({
    field: p.code === 'remediation_required' ? ('remediation' as const) : ('value' as const),
    message: p.message,
  }));
  return { value: reading.value, status: statusOf(kpi, reading.value, row.period), problems };
}

export function toReading(row: KpiSummaryRow, draft: Draft, value: number): ReadingInput {
  return {
    kpiId: row.id,
    period: row.period,
    value,
    ...(draft.comment.trim() ? { comment: draft.comment.trim() } : {}),
    ...(draft.remediation.trim() ? { remediation: draft.remediation.trim() } : {}),
  };
}
