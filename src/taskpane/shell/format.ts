/**
 * Numbers and times as a finance team reads them in the pane: in the KPI's
 * unit, with the precision the value has, never rounded into agreement.
 */
const PERCENT = new Intl.NumberFormat('en-US', { style: 'percent', maximumFractionDigits: 2 });
const NUMBER = new Intl.NumberFormat('en-US', { maximumFractionDigits: 4 });

/** `0.738` with unit `%` → `73.8%`; `7.1` days → `7.1 days`; null → `—`. */
export function formatValue(value: number | null | undefined, unit?: string): string {
  if (value === null || value === undefined) return '—';
  if (unit === '%') return PERCENT.format(value);
  const text = NUMBER.format(value);
  return unit ? `${text} ${unit}` : text;
}

/** An ISO time as a short date, `12 Nov 2026`. */
export function formatDay(iso: string | null | undefined): string {
  if (!iso) return '—';
  const date = new Date(iso);
  return Number.isNaN(date.getTime())
    ? iso
    : date.toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
}
